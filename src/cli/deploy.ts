import { deployPhase, REFUSED_MEANS } from '../deploy/deploy.js';
import { singleBundle } from '../deploy/single-bundle.js';
import { analyse, UsageError } from '../engine.js';
import { engineRequest, parseCommandLine, parseTimeoutMs } from './command-line.js';
import { stderrLogger, type CliIo } from './io.js';
import { parseVarFlags } from './vars.js';

export const DEPLOY_USAGE = `Usage: dab-ready deploy [path] --phase N --target T [options]

Re-checks readiness, then deploys the WHOLE bundle for target T (databricks bundle deploy -t T) and
runs phase N's jobs in order (databricks bundle run -t T <job>). Refuses, without calling the CLI,
when phase N or a phase it depends on is blocked, or when any finding for T breaks bundle deploy.

Options:
      --phase N              the phase id (as shown by dab-ready plan)
  -t, --target T             the bundle target
      --no-deploy            skip bundle deploy (already deployed by an earlier step)
      --no-run               deploy only, run no job
      --auto-approve         pass --auto-approve (destructive changes go ahead without a prompt)
      --fail-on-active-runs  pass --fail-on-active-runs
      --var name=value       set a bundle variable (repeatable); passed as BUNDLE_VAR_name, commas kept
  -c, --config FILE          dab-ready configuration (default .dab-ready.yml in path)
      --timeout SECONDS      per databricks call (default 21600)

Exit codes: 0 deployed and every job succeeded, 1 refused or failed, 2 could not run.
`;

export async function deployCommand(args: string[], io: CliIo): Promise<number> {
  const commandLine = parseCommandLine('deploy', DEPLOY_USAGE, args, io, {
    phase: { type: 'string' },
    'no-deploy': { type: 'boolean', default: false },
    'no-run': { type: 'boolean', default: false },
    'auto-approve': { type: 'boolean', default: false },
    'fail-on-active-runs': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '21600' },
  });
  if (!commandLine) return 0;
  const { values, path } = commandLine;
  if (!values.phase) throw new UsageError('deploy needs --phase N (see dab-ready plan)');
  if (!values.target) throw new UsageError('deploy needs --target T');
  const timeoutMs = parseTimeoutMs(values.timeout);
  const vars = parseVarFlags(values.var ?? []);
  const log = stderrLogger(io, true);

  const { result, project } = await analyse(engineRequest(path, values, vars, io, log));
  const only = singleBundle(result, project);
  if (!only) {
    const roots = result.bundles.map((b) => b.root).join(', ');
    throw new UsageError(`deploy works on one bundle; ${path} holds ${result.bundles.length} (${roots}): give the bundle's folder`);
  }

  const outcome = await deployPhase({
    ...only,
    phase: values.phase,
    target: values.target,
    deploy: !values['no-deploy'],
    run: !values['no-run'],
    autoApprove: values['auto-approve'],
    failOnActiveRuns: values['fail-on-active-runs'],
    vars,
    env: io.env,
    log,
    timeoutMs,
  });

  if (outcome.phaseStatus === 'refused') {
    io.stderr(`dab-ready: deploy of phase ${values.phase} to ${values.target} refused (${REFUSED_MEANS}):\n`);
    for (const b of outcome.blockers) io.stderr(`  - ${b}\n`);
    return 1;
  }
  for (const e of outcome.errors) io.stderr(`dab-ready: ${e}\n`);
  const status = outcome.nothingToDo ? 'nothing to do (--no-deploy and --no-run; the phase may deploy)' : outcome.phaseStatus;
  io.stdout(`phase ${values.phase} on ${values.target}: ${status}; deployed: ${outcome.deployed}\n`);
  for (const url of outcome.runUrls) io.stdout(`Run URL: ${url}\n`);
  return outcome.phaseStatus === 'succeeded' ? 0 : 1;
}
