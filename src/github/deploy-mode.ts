import * as core from '@actions/core';
import { deployPhase, REFUSED_MEANS, type DeployOutcome } from '../deploy/deploy.js';
import { combinePlans, planDeploy, type DeployPlan } from '../deploy/plan.js';
import { renderPlanMarkdown } from '../deploy/render.js';
import { singleBundle } from '../deploy/single-bundle.js';
import { analyse, type EngineOutput } from '../engine.js';
import type { Logger, ValidateOptions, VerifyOptions } from '../model.js';
import { missingToolsWarning } from '../verify/missing-tools.js';
import type { ActionInputs } from './inputs.js';

// The action's `mode: plan` and `mode: deploy`. main.ts reads the inputs and calls one of these;
// they set the step outputs (matrix, blocked, has-phases / run-urls, deployed, phase-status).

/**
 * What main.ts passes: a subset of its ActionInputs plus the verify/validate options it builds.
 * `target` is required for deploy; for plan, undefined analyses every target. `phase` (deploy only)
 * is a phase id, name or order number.
 */
export interface DeployModeInputs
  extends Pick<ActionInputs, 'path' | 'target' | 'configFile' | 'phase' | 'deploy' | 'run' | 'autoApprove' | 'failOnActiveRuns' | 'vars'> {
  verifyOptions?: VerifyOptions;
  validateOptions?: ValidateOptions;
  /** Per databricks call in deploy mode. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** Write the plan (or the deploy outcome) to the job summary (default true when GITHUB_STEP_SUMMARY is set). */
  summary?: boolean;
}

export function actionLogger(): Logger {
  return {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    group: (name, fn) => core.group(name, fn),
    output: (line) => core.info(line),
  };
}

export async function runPlanMode(inputs: DeployModeInputs): Promise<DeployPlan> {
  const env = inputs.env ?? process.env;
  const log = inputs.log ?? actionLogger();
  const { result } = await analyseInputs(inputs, env, log);
  const missingTools = warnMissingTools(result);
  if (!inputs.target) {
    const targets = [...new Set(result.bundles.flatMap((b) => b.targets))].join(', ');
    log.info(`target: all: the plan combines every target (${targets}): a phase is held back when it is blocked on any of them; mode: deploy still needs one target`);
  }
  const plan = combinePlans(result.bundles.map((b) => ({ root: b.root, plan: planDeploy(b, { target: inputs.target }) })));
  core.setOutput('matrix', JSON.stringify(plan.matrix));
  core.setOutput('blocked', JSON.stringify(plan.blocked));
  core.setOutput('has-phases', String(plan.hasPhases));
  // Held-back phases are annotations on the run, not only log lines: nobody reads the log of a green plan job.
  for (const b of plan.blocked) {
    core.warning(`phase ${b.bundle ? `${b.bundle}:` : ''}${b.phase} (${b.name}) does not deploy${inputs.target ? ` to ${inputs.target}` : ''}: ${b.reason}`, { title: 'dab-ready phase held back' });
  }
  if (wantsSummary(inputs, env)) await core.summary.addRaw(renderPlanMarkdown(plan, inputs.target) + warningNote(missingTools)).write();
  return plan;
}

export async function runDeployMode(inputs: DeployModeInputs): Promise<DeployOutcome> {
  const env = inputs.env ?? process.env;
  const log = inputs.log ?? actionLogger();
  const setOutputs = (o: Pick<DeployOutcome, 'deployed' | 'runUrls' | 'phaseStatus'>) => {
    core.setOutput('run-urls', JSON.stringify(o.runUrls));
    core.setOutput('deployed', String(o.deployed));
    core.setOutput('phase-status', o.phaseStatus);
  };
  if (!inputs.phase || !inputs.target || inputs.target === 'all') {
    const missing = !inputs.phase ? 'phase' : 'target (a single target, not all)';
    setOutputs({ deployed: false, runUrls: [], phaseStatus: 'refused' });
    core.setFailed(`mode: deploy needs the ${missing} input`);
    return { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [`mode: deploy needs the ${missing} input`], blockers: [] };
  }
  const { result, project } = await analyseInputs(inputs, env, log);
  const missingTools = warnMissingTools(result);
  const only = singleBundle(result, project);
  if (!only) {
    const message = `mode: deploy works on one bundle; ${inputs.path} holds ${result.bundles.length} (${result.bundles.map((b) => b.root).join(', ')}): set path to the bundle's folder`;
    setOutputs({ deployed: false, runUrls: [], phaseStatus: 'refused' });
    core.setFailed(message);
    return { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [message], blockers: [] };
  }
  const outcome = await deployPhase({
    ...only,
    phase: inputs.phase,
    target: inputs.target,
    deploy: inputs.deploy,
    run: inputs.run,
    autoApprove: inputs.autoApprove,
    failOnActiveRuns: inputs.failOnActiveRuns,
    vars: inputs.vars,
    env,
    log,
    timeoutMs: inputs.timeoutMs,
  });
  setOutputs(outcome);
  for (const url of outcome.runUrls) log.info(`Run URL: ${url}`);
  if (wantsSummary(inputs, env)) await core.summary.addRaw(renderOutcomeMarkdown(inputs.phase, inputs.target, outcome) + warningNote(missingTools)).write();
  if (outcome.phaseStatus === 'refused') {
    core.setFailed(`deploy of phase ${inputs.phase} to ${inputs.target} refused (${REFUSED_MEANS}):\n${outcome.blockers.map((b) => `- ${b}`).join('\n')}`);
  } else if (outcome.phaseStatus === 'failed') {
    core.setFailed(outcome.errors.join('\n'));
  }
  return outcome;
}

function analyseInputs(inputs: DeployModeInputs, env: NodeJS.ProcessEnv, log: Logger): Promise<EngineOutput> {
  return analyse({
    path: inputs.path,
    repoRoot: env.GITHUB_WORKSPACE,
    target: inputs.target,
    configFile: inputs.configFile,
    vars: inputs.vars,
    env,
    verify: inputs.verifyOptions,
    validate: inputs.validateOptions,
    log,
  });
}

/** One warning naming the tools this runner lacks (also returned, for the job summary). */
function warnMissingTools(result: EngineOutput['result']): string | undefined {
  const message = missingToolsWarning(result);
  if (message) core.warning(message);
  return message;
}

/** A GitHub-flavoured warning block for the job summary ('' without a message). */
function warningNote(message: string | undefined): string {
  return message ? `\n> [!WARNING]\n> ${message}\n` : '';
}

function wantsSummary(inputs: DeployModeInputs, env: NodeJS.ProcessEnv): boolean {
  return (inputs.summary ?? true) && Boolean(env.GITHUB_STEP_SUMMARY);
}

export function renderOutcomeMarkdown(phase: string, target: string, o: DeployOutcome): string {
  const icon = o.phaseStatus === 'succeeded' ? '✅' : o.phaseStatus === 'refused' ? '⛔' : '❌';
  const status = o.nothingToDo ? 'nothing to do (deploy and run are off; the phase may deploy)' : o.phaseStatus;
  const lines = [`### ${icon} Phase ${phase} on \`${target}\`: ${status}`, '', `Deployed: ${o.deployed ? 'yes' : 'no'}`];
  if (o.runUrls.length) lines.push('', 'Runs:', ...o.runUrls.map((u) => `- ${u}`));
  if (o.blockers.length) lines.push('', 'Refused because:', ...o.blockers.map((b) => `- ${b}`));
  if (o.errors.length) lines.push('', '```', ...o.errors, '```');
  return lines.join('\n') + '\n';
}
