import type { Bundle, Finding, Loc, Logger, Severity, TargetView, ValidateOptions, VerificationStep } from '../model.js';
import { portablePaths } from '../portable-paths.js';
import { redactLines, redactSecrets } from '../redact.js';
import { copyRepository, type BuildCopy } from './build-copy.js';
import { databricksEnv } from './environment.js';
import { displayCommand, run, which } from './runner.js';
import { detectCredentials, NO_CREDENTIALS_HINT } from './validate-auth.js';
import { sameFamily } from './validate-families.js';
import { messageSubjects, parseValidateStderr, resourceAddress, type Diagnostic } from './validate-parse.js';

export { validateCheckDocs } from './validate-docs.js';

// Step 4 of verify: run `databricks bundle validate -t <target> -o json` for every analysed target
// when the CLI and credentials are there, and turn its diagnostics into findings. A static finding
// about the same problem is kept (marked validateAgrees) instead of a second one.

export const NO_CLI_HINT = 'databricks CLI not found; install with databricks/setup-cli';

const CHECK_BY_SEVERITY: Record<Diagnostic['severity'], { check: string; severity: Severity }> = {
  error: { check: 'bundle-validate-error', severity: 'critical' },
  warning: { check: 'bundle-validate-warning', severity: 'medium' },
  recommendation: { check: 'bundle-validate-recommendation', severity: 'low' },
};

/** An authentication failure is not a finding about the bundle. */
const AUTH_FAILURE = [
  /default auth: cannot configure default credentials/i,
  /cannot configure default credentials/i,
  /invalid access token/i,
  /\b401\b|\bunauthori[sz]ed\b/i,
  /has no \S+ profile configured/i,
  /failed to (get|fetch|exchange|refresh) .*token/i,
  /oidc.*(failed|error)/i,
];

export async function validateBundle(
  bundle: Bundle,
  targets: TargetView[],
  findings: Finding[],
  options: ValidateOptions,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<{ findings: Finding[]; steps: VerificationStep[] }> {
  const steps: VerificationStep[] = [];
  const unavailable: Finding[] = [];
  const required = options.mode === 'required';
  const targetNames = targets.map((t) => t.name);

  const notRun = (reason: string, target?: string) => {
    steps.push({ step: 'validate', target, status: required ? 'failed' : 'skipped', durationMs: 0, command: 'databricks bundle validate', detail: `skipped: ${reason}` });
    log.info(`databricks bundle validate${target ? ` -t ${target}` : ''}: skipped: ${reason}`);
    if (required) {
      unavailable.push({
        check: 'bundle-validate-unavailable',
        severity: 'critical',
        message: `databricks bundle validate is required but could not run${target ? ` for target ${target}` : ''}: ${reason}`,
        targets: target ? [target] : targetNames,
        phases: [],
      });
    }
  };

  const cli = which('databricks', env);
  if (!cli) {
    notRun(NO_CLI_HINT);
    return { findings: [...findings, ...unavailable], steps };
  }

  const verdicts = targets.map((t) => ({ target: t, verdict: detectCredentials(t, env) }));
  if (verdicts.every((v) => !v.verdict.ok)) {
    notRun(NO_CREDENTIALS_HINT);
    return { findings: [...findings, ...unavailable], steps };
  }

  // The CLI runs the bundle's own code (Python resources, experimental.scripts hooks) and may write
  // .databricks/: it runs in a temporary copy, so the analysed tree stays as it was.
  let copy: BuildCopy;
  try {
    copy = copyRepository(bundle.repoRoot ?? bundle.root);
  } catch (error) {
    notRun(`the repository could not be copied: ${(error as Error).message}`);
    return { findings: [...findings, ...unavailable], steps };
  }
  const fromCli: Finding[] = [];
  try {
    for (const { target, verdict } of verdicts) {
      if (!verdict.ok) {
        notRun(NO_CREDENTIALS_HINT, target.name);
        continue;
      }
      const outcome = await validateTarget(cli, bundle, copy, target.name, options, env, log);
      steps.push(outcome.step);
      if (outcome.authFailure) {
        notRun(`authentication failed: ${outcome.authFailure}`, target.name);
        steps.splice(steps.indexOf(outcome.step), 1);
        continue;
      }
      fromCli.push(...outcome.findings);
    }
  } finally {
    copy.remove();
  }
  return { findings: [...mergeWithStatic(findings, mergeAcrossTargets(fromCli)), ...unavailable], steps };
}

interface TargetOutcome {
  step: VerificationStep;
  findings: Finding[];
  authFailure?: string;
}

async function validateTarget(
  cli: string,
  bundle: Bundle,
  copy: BuildCopy,
  target: string,
  options: ValidateOptions,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<TargetOutcome> {
  const args = ['bundle', 'validate', '-t', target, '-o', 'json', ...(options.strict ? ['--strict'] : [])];
  const command = displayCommand(['databricks', ...args]);
  // Variables go through BUNDLE_VAR_<name>: `--var` splits values at commas (reference §3).
  // The CLI gets its own variables and the safe base, nothing else of ours (reference §11).
  const childEnv: NodeJS.ProcessEnv = { ...databricksEnv(env), ...bundleVarEnv(options.vars) };
  const varNote = Object.keys(options.vars).length ? ` (variables via ${Object.keys(options.vars).map((k) => `BUNDLE_VAR_${k}`).join(', ')})` : '';

  // What the CLI prints names the copy: say the repository's own folder instead.
  const cwd = copy.map(bundle.root);
  const original = (text: string) => redactSecrets(text.split(copy.root).join(bundle.repoRoot ?? bundle.root), env);
  const result = await log.group(command, () =>
    run([cli, ...args], {
      cwd,
      env: childEnv,
      timeoutMs: options.timeoutMs,
      purpose: `databricks bundle validate for target ${target}`,
      onLine: (line, stream) => {
        if (stream === 'stderr') log.output(original(line));
      },
    }),
  );
  // Diagnostics name absolute paths (`path /abs/x is not contained in ...`): relative to the bundle root, as every finding.
  const stderr = portablePaths(bundle.root, [bundle.repoRoot])(original(result.stderr));
  const tail = redactLines(stderr.split('\n').filter((l) => l.trim() !== '').slice(-20), env);
  const step: VerificationStep = { step: 'validate', target, status: 'passed', durationMs: result.durationMs, command: command + varNote, detail: '', output: undefined };

  if (result.timedOut || result.spawnError) {
    step.status = 'failed';
    step.detail = result.timedOut ? `timed out after ${Math.round(options.timeoutMs / 1000)}s` : result.spawnError!;
    step.output = tail;
    return { step, findings: [] };
  }

  const parsed = parseValidateStderr(stderr, bundle.root);
  const firstError = parsed.diagnostics.find((d) => d.severity === 'error');
  if (firstError && AUTH_FAILURE.some((r) => r.test(firstError.summary))) {
    return { step, findings: [], authFailure: firstError.summary };
  }

  const findings = parsed.diagnostics.map((d) => diagnosticFinding(d, target));
  const counts = countBySeverity(parsed.diagnostics);
  if (result.exitCode === 0) {
    step.detail = counts || 'no errors, no warnings';
    return { step, findings };
  }
  step.status = 'failed';
  step.output = tail;
  step.detail = `exit code ${result.exitCode}${counts ? `: ${counts}` : ''}${parsed.strictFailure ? ' (warnings fail in --strict mode)' : ''}`;
  if (parsed.diagnostics.length === 0) {
    findings.push({
      check: 'bundle-validate-error',
      severity: 'critical',
      message: `databricks bundle validate -t ${target} failed with exit code ${result.exitCode}${tail.length ? `: ${tail[tail.length - 1]}` : ''}`,
      evidence: tail.join('\n') || undefined,
      targets: [target],
      phases: [],
    });
  }
  return { step, findings };
}

export function bundleVarEnv(vars: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) out[`BUNDLE_VAR_${name}`] = value;
  return out;
}

function countBySeverity(diagnostics: Diagnostic[]): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'recommendation'] as const) {
    const n = diagnostics.filter((d) => d.severity === severity).length;
    if (n) parts.push(`${n} ${severity}${n === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

export function diagnosticFinding(d: Diagnostic, target: string): Finding {
  const { check, severity } = CHECK_BY_SEVERITY[d.severity];
  const resources = [...new Set(d.paths.map(resourceAddress).filter((r): r is string => r !== undefined))];
  const finding: Finding = {
    check,
    severity,
    message: d.summary,
    loc: d.locations[0],
    evidence: d.text,
    targets: [target],
    phases: [],
  };
  if (resources.length) finding.resources = resources;
  if (d.detail) finding.fix = { text: d.detail };
  cliLocations.set(finding, d.locations);
  return finding;
}

/** The same diagnostic reported for several targets becomes one finding listing them all. */
function mergeAcrossTargets(list: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of list) {
    const key = JSON.stringify([f.check, f.message, f.loc?.file, f.loc?.line, f.loc?.column]);
    const seen = byKey.get(key);
    if (seen) seen.targets = [...new Set([...seen.targets, ...f.targets])].sort();
    else {
      const copy = { ...f, targets: [...f.targets] };
      cliLocations.set(copy, locationsOf(f));
      byKey.set(key, copy);
    }
  }
  return [...byKey.values()];
}

/**
 * Keep one finding per problem: a CLI diagnostic that a static finding of a related check already
 * reports (same family - paths, variables, required fields, ... - and the same file and line, or the
 * same subject such as the missing path or the undefined reference) marks the static one
 * `validateAgrees` and is dropped. A diagnostic no static finding of its family matches stays.
 */
export function mergeWithStatic(staticFindings: Finding[], cliFindings: Finding[]): Finding[] {
  const merged = staticFindings.map((f) => ({ ...f }));
  const extra: Finding[] = [];
  for (const cli of cliFindings) {
    const locations = locationsOf(cli);
    const subjects = messageSubjects(cli.message);
    const agreeing = merged.filter((s) => {
      if (s.check.startsWith('bundle-validate-')) return false;
      if (!sameFamily(s.check, cli.message)) return false;
      if (s.targets.length && !s.targets.some((t) => cli.targets.includes(t))) return false;
      if (s.loc && locations.some((l) => l.file === s.loc!.file && l.line === s.loc!.line)) return true;
      return subjects.some((subject) => subject.length > 2 && s.message.includes(subject));
    });
    if (agreeing.length === 0) {
      extra.push(cli);
      continue;
    }
    for (const s of agreeing) s.validateAgrees = true;
  }
  return [...merged, ...extra];
}

/** Every location a CLI diagnostic names (a Finding keeps only the first). */
const cliLocations = new WeakMap<Finding, Loc[]>();

function locationsOf(f: Finding): Loc[] {
  return cliLocations.get(f) ?? (f.loc ? [f.loc] : []);
}
