// Secrets never reach a log line, a finding or a report: every program output that dab-ready
// logs or stores passes through redactSecrets first.

export const REDACTED = '***';

/** Environment variables whose values are credentials. */
const SECRET_ENV_NAMES = [
  'DATABRICKS_TOKEN',
  'DATABRICKS_CLIENT_SECRET',
  'DATABRICKS_PASSWORD',
  'DATABRICKS_AZURE_CLIENT_SECRET',
  'ARM_CLIENT_SECRET',
  'AZURE_CLIENT_SECRET',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
];
const SECRET_NAME_PATTERN = /(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY)$/i;

const TOKEN_PATTERNS: RegExp[] = [
  /\bdapi[0-9a-f]{32}(-\d+)?\b/gi, // Databricks personal access token
  /\bdose[0-9a-f]{32}\b/gi, // Databricks OAuth secret
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/g, // an Authorization header value
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, // a JWT (OIDC id token, OAuth access token)
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\b(token|client_secret|password)(\s*[=:]\s*)("?)[^\s"',;]{6,}\3/gi, // `token = ...` in config dumps
];

/** The values of secret-looking environment variables (long enough to be worth hiding). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < 6) continue;
    if (SECRET_ENV_NAMES.includes(name) || SECRET_NAME_PATTERN.test(name)) values.add(value);
  }
  // Longest first, so a value containing another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const value of secretValues(env)) out = out.split(value).join(REDACTED);
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, ...groups: unknown[]) => {
      if (/^Bearer/i.test(match)) return `Bearer ${REDACTED}`;
      const key = groups[0];
      if (typeof key === 'string' && /^(token|client_secret|password)$/i.test(key)) return `${key}${groups[1]}${groups[2]}${REDACTED}${groups[2]}`;
      return REDACTED;
    });
  }
  return out;
}

/** Redact every line of a list (program output tails kept in findings and steps). */
export function redactLines(lines: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return lines.map((l) => redactSecrets(l, env));
}
