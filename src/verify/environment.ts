// The environments programs get. Repository code (wheel builds, pip, entry-point smoke runs, an
// artifact's own build line) gets an allow-list: PATH, locale, temp, proxy and certificate settings,
// pip/uv index settings, PYTHON*, VIRTUAL_ENV, and a throwaway HOME. The Databricks CLI gets the
// same safe base plus the variables its authentication reads. Nothing else ever crosses.

/** Set in every program's environment: how dab-ready finds what a program left running. */
export const RUN_MARKER = 'DAB_READY_RUN';

const BASE_NAMES = new Set([
  'PATH',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
]);
const BASE_PATTERNS = [/^LC_[A-Z]+$/];

const PYTHON_NAMES = new Set([
  'VIRTUAL_ENV',
  'PIP_INDEX_URL',
  'PIP_EXTRA_INDEX_URL',
  'PIP_TRUSTED_HOST',
  'PIP_FIND_LINKS',
  'PIP_NO_INDEX',
  'PIP_CERT',
  'PIP_DEFAULT_TIMEOUT',
  'PIP_RETRIES',
  'UV_INDEX',
  'UV_INDEX_URL',
  'UV_EXTRA_INDEX_URL',
  'UV_DEFAULT_INDEX',
  'UV_FIND_LINKS',
  'UV_NO_INDEX',
  'UV_OFFLINE',
  'UV_INDEX_STRATEGY',
  'UV_NATIVE_TLS',
  'UV_PYTHON',
  'PYENV_ROOT',
  'PYENV_VERSION',
]);
const PYTHON_PATTERNS = [/^PYTHON[A-Z0-9_]*$/];

/** Never passed to repository code, whatever the allow-list says (a PYTHON_API_KEY stays home). */
const DENIED = [
  /^DATABRICKS_/,
  /^GITHUB_/,
  /^GH_/,
  /^ACTIONS_/,
  /^INPUT_/,
  /^RUNNER_/,
  /^ARM_/,
  /^AWS_/,
  /^AZURE_/,
  /^GOOGLE_/,
  /^GCP_/,
  /^BUNDLE_VAR_/,
  /_TOKEN$/i,
  /_SECRET$/i,
  /_SECRET_/i,
  /_PASSWORD$/i,
  /_PASSWD$/i,
  /_KEY$/i,
  /_CREDENTIALS?$/i,
  /_AUTH$/i,
];

/** What the Databricks CLI's unified authentication, bundle variables and deploy read (reference §11). */
const DATABRICKS_PATTERNS = [
  /^DATABRICKS_/,
  /^BUNDLE_VAR_/,
  /^ARM_/,
  /^AZURE_/,
  /^GOOGLE_/,
  /^ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)$/,
  /^TF_/,
];

export function isDenied(name: string): boolean {
  return DENIED.some((re) => re.test(name));
}

function pick(source: NodeJS.ProcessEnv, keep: (name: string) => boolean): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(source)) if (value !== undefined && keep(name)) out[name] = value;
  return out;
}

const inBase = (name: string) => BASE_NAMES.has(name) || BASE_PATTERNS.some((re) => re.test(name));

/**
 * For programs started from repository content. It has no HOME and no temp folder of its own: the
 * runner gives each such program a fresh, empty HOME and TMPDIR (so ~/.databrickscfg, ~/.netrc,
 * ~/.pypirc and ~/.git-credentials are out of reach) and removes them afterwards.
 */
export function repositoryEnv(source: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = (name: string) => !isDenied(name) && (inBase(name) || PYTHON_NAMES.has(name) || PYTHON_PATTERNS.some((re) => re.test(name)));
  const env = { ...pick(source, keep), ...pick(extra, (name) => !isDenied(name)) };
  for (const name of SANDBOXED) delete env[name];
  return env;
}

/** Set by the runner per program (see RunOptions.sandbox). */
export const SANDBOXED = ['HOME', 'TMPDIR', 'TMP', 'TEMP'];

/** For the Databricks CLI (`bundle validate/deploy/run`): the safe base, the real HOME (profiles), its own variables. */
export function databricksEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return pick(source, (name) => inBase(name) || name === 'HOME' || name === 'USER' || DATABRICKS_PATTERNS.some((re) => re.test(name)));
}

/** For dab-ready's own tools (git): the safe base and the real HOME, no secret. */
export function toolEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return pick(source, (name) => !isDenied(name) && (inBase(name) || name === 'HOME' || name === 'USER'));
}
