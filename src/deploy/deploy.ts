import type { Bundle, BundleResult, Logger, PhaseResult } from '../model.js';
import { redactSecrets } from '../redact.js';
import { databricksEnv } from '../verify/environment.js';
import { displayCommand, run, which, type RunResult } from '../verify/runner.js';
import { deployBreakingFindings } from './breaks-deploy.js';
import { phaseVerdicts } from './plan.js';

// Deploy one phase: re-check readiness on this commit, deploy the WHOLE bundle for the target
// (deploy deletes whatever is missing from the config it is given, so never a part of it), then run
// the phase's jobs in order. Refused means no deploy or run call (verify may have run `bundle validate`).

export interface DeployInput {
  bundle: Bundle;
  result: BundleResult;
  phase: string;
  target: string;
  deploy: boolean;
  run: boolean;
  autoApprove: boolean;
  failOnActiveRuns: boolean;
  vars: Record<string, string>;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Per CLI call; default 6 hours (the GitHub-hosted job limit). */
  timeoutMs?: number;
}

export interface DeployOutcome {
  deployed: boolean;
  runUrls: string[];
  phaseStatus: 'succeeded' | 'failed' | 'refused';
  errors: string[];
  blockers: string[];
  /** Set when deploy and run were both off: the phase passed the readiness re-check and nothing else was asked. */
  nothingToDo?: boolean;
}

/** What a refusal means, for the one place that reports it (the action's error, the CLI's stderr). */
export const REFUSED_MEANS = 'nothing was deployed or run';

const DEFAULT_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** Why the phase may not deploy now (empty = it may). */
export function deployBlockers(result: BundleResult, phase: string, target: string, targetExists: boolean): string[] {
  const blockers: string[] = [];
  if (!targetExists) blockers.push(`target ${target} is not defined in bundle ${result.name}`);
  const p = findPhase(result.phases, phase);
  if (!p) {
    blockers.push(`phase ${phase} does not exist; phases: ${result.phases.map((x) => x.id).join(', ') || 'none'}`);
  } else {
    const reason = phaseVerdicts(result.phases).get(p.id);
    if (reason !== undefined) blockers.push(`phase ${p.id} (${p.name}) is ${reason}`);
  }
  blockers.push(...deployBreakingFindings(result.findings, target));
  return blockers;
}

/** A phase named by its id, its name, or its order number (as in the plan's matrix). */
export function findPhase(phases: PhaseResult[], ref: string): PhaseResult | undefined {
  const wanted = ref.trim();
  return (
    phases.find((p) => p.id === wanted) ??
    phases.find((p) => p.name === wanted) ??
    (/^\d+$/.test(wanted) ? phases.find((p) => p.order === Number(wanted)) : undefined)
  );
}

export async function deployPhase(input: DeployInput): Promise<DeployOutcome> {
  const { bundle, result, target, env, log } = input;
  const outcome: DeployOutcome = { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [], blockers: [] };
  outcome.blockers = deployBlockers(result, input.phase, target, bundle.targets.has(target));
  // The caller reports a refusal once (an error in the action, stderr in the CLI); no warning here too.
  if (outcome.blockers.length > 0) return outcome;
  const phase = findPhase(result.phases, input.phase)!;

  outcome.phaseStatus = 'failed';
  const badVar = Object.keys(input.vars).find((name) => !/^[A-Za-z_][\w-]*$/.test(name));
  if (badVar !== undefined) {
    outcome.errors.push(`variable name ${JSON.stringify(badVar)} is not a valid bundle variable name`);
    return outcome;
  }
  if (!input.deploy && !input.run) {
    log.info(`phase ${phase.id} (${phase.name}) may deploy to ${target}: deploy and run are both off, so nothing to do`);
    outcome.phaseStatus = 'succeeded';
    outcome.nothingToDo = true;
    return outcome;
  }
  const cli = which('databricks', env);
  if (!cli) {
    outcome.errors.push('databricks CLI not found; install with databricks/setup-cli');
    return outcome;
  }
  // Variables travel as BUNDLE_VAR_<name>: `--var` splits values at commas (reference §3).
  const childEnv: NodeJS.ProcessEnv = databricksEnv(env);
  for (const [name, value] of Object.entries(input.vars)) childEnv[`BUNDLE_VAR_${name}`] = value;
  const call = (args: string[]) => runCli(cli, args, bundle.root, childEnv, env, log, input.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  if (input.deploy) {
    const args = ['bundle', 'deploy', '-t', target];
    if (input.autoApprove) args.push('--auto-approve');
    if (input.failOnActiveRuns) args.push('--fail-on-active-runs');
    const r = await call(args);
    if (!succeeded(r)) {
      outcome.errors.push(`databricks bundle deploy -t ${target} failed${exitNote(r)}:\n${cliErrorLines(r, env).join('\n')}`);
      return outcome;
    }
    outcome.deployed = true;
  }

  if (input.run) {
    for (const job of phase.jobs) {
      const r = await call(['bundle', 'run', '-t', target, job]);
      outcome.runUrls.push(...runUrls(r));
      if (!succeeded(r)) {
        outcome.errors.push(`job ${job} (phase ${phase.id}, target ${target}) failed${exitNote(r)}:\n${cliErrorLines(r, env).join('\n')}`);
        return outcome;
      }
    }
  }
  outcome.phaseStatus = 'succeeded';
  return outcome;
}

async function runCli(
  cli: string,
  args: string[],
  cwd: string,
  childEnv: NodeJS.ProcessEnv,
  env: NodeJS.ProcessEnv,
  log: Logger,
  timeoutMs: number,
): Promise<RunResult> {
  const title = displayCommand(['databricks', ...args]);
  return log.group(title, () =>
    run([cli, ...args], { cwd, env: childEnv, timeoutMs, purpose: title, onLine: (line) => log.output(redactSecrets(line, env)) }),
  );
}

function succeeded(r: RunResult): boolean {
  return r.exitCode === 0 && !r.timedOut && !r.spawnError;
}

function exitNote(r: RunResult): string {
  if (r.timedOut) return ` (timed out after ${Math.round(r.durationMs / 1000)}s)`;
  if (r.spawnError) return ` (${r.spawnError})`;
  return ` (exit code ${r.exitCode ?? r.signal})`;
}

/** Every `Run URL:` the CLI printed. */
export function runUrls(r: Pick<RunResult, 'stdout' | 'stderr'>): string[] {
  const out: string[] = [];
  for (const m of `${r.stdout}\n${r.stderr}`.matchAll(/^Run URL: (\S+)/gm)) out.push(m[1]);
  return out;
}

/** The CLI's own error blocks (`Error: ...` up to the next blank line), else its last lines. */
export function cliErrorLines(r: Pick<RunResult, 'stdout' | 'stderr'>, env: NodeJS.ProcessEnv): string[] {
  const lines = `${r.stdout}\n${r.stderr}`.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('Error: ')) continue;
    for (let j = i; j < lines.length && lines[j].trim() !== '' && (j === i || !lines[j].startsWith('Error: ')); j++) out.push(lines[j]);
  }
  const chosen = out.length > 0 ? out : lines.filter((l) => l.trim() !== '').slice(-10);
  return chosen.map((l) => redactSecrets(l, env));
}
