import { parseArgs } from 'node:util';
import { deployPhase } from '../deploy/deploy.js';
import { analyse, UsageError } from '../engine.js';
import { stderrLogger } from './io.js';
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

export async function deployCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      phase: { type: 'string' },
      target: { type: 'string', short: 't' },
      'no-deploy': { type: 'boolean', default: false },
      'no-run': { type: 'boolean', default: false },
      'auto-approve': { type: 'boolean', default: false },
      'fail-on-active-runs': { type: 'boolean', default: false },
      var: { type: 'string', multiple: true },
      config: { type: 'string', short: 'c' },
      timeout: { type: 'string', default: '21600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(DEPLOY_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`deploy takes one path, got ${positionals.length}`);
  if (!values.phase) throw new UsageError('deploy needs --phase N (see dab-ready plan)');
  if (!values.target) throw new UsageError('deploy needs --target T');
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError('--timeout takes a positive number of seconds');
  const vars = parseVarFlags(values.var ?? []);
  const log = stderrLogger(io, true);

  const { result, project } = await analyse({ path: positionals[0] ?? '.', target: values.target, configFile: values.config, vars, env: io.env, log });
  if (result.bundles.length !== 1) {
    const roots = result.bundles.map((b) => b.root).join(', ');
    throw new UsageError(`deploy works on one bundle; ${positionals[0] ?? '.'} holds ${result.bundles.length} (${roots}): give the bundle's folder`);
  }
  const bundleResult = result.bundles[0];
  const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root) ?? project.bundles[0];

  const outcome = await deployPhase({
    bundle,
    result: bundleResult,
    phase: values.phase,
    target: values.target,
    deploy: !values['no-deploy'],
    run: !values['no-run'],
    autoApprove: values['auto-approve']!,
    failOnActiveRuns: values['fail-on-active-runs']!,
    vars,
    env: io.env,
    log,
    timeoutMs: timeoutSeconds * 1000,
  });

  if (outcome.phaseStatus === 'refused') {
    io.stderr(`dab-ready: deploy of phase ${values.phase} to ${values.target} refused (no databricks command was run):\n`);
    for (const b of outcome.blockers) io.stderr(`  - ${b}\n`);
    return 1;
  }
  for (const e of outcome.errors) io.stderr(`dab-ready: ${e}\n`);
  io.stdout(`phase ${values.phase} on ${values.target}: ${outcome.phaseStatus}; deployed: ${outcome.deployed}\n`);
  for (const url of outcome.runUrls) io.stdout(`Run URL: ${url}\n`);
  return outcome.phaseStatus === 'succeeded' ? 0 : 1;
}
