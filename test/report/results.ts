// Results for the renderer tests, built by the real readiness code from hand-built bundles.
import { buildBundleResult } from '../../src/readiness/index.js';
import type { Finding, Result, VerificationStep } from '../../src/model.js';
import { bundle, finding, resource, seedChecks, seedFindings, seedResources } from '../readiness/helpers.js';

export const seedVerification = (durationMs = 3210): VerificationStep[] => [
  {
    step: 'build',
    subject: '.',
    status: 'passed',
    durationMs,
    command: '/usr/bin/python3 -m build --wheel --no-isolation .',
    detail: 'built entity_matching-1.0.0-py3-none-any.whl (44 KB, 19 files)',
  },
  {
    step: 'smoke',
    target: 'dev',
    subject: 'train_ditto',
    status: 'failed',
    durationMs: durationMs * 2,
    command: '.venv/bin/python -c "import entity_matching"',
    detail: 'entry point train_ditto is not installed',
    output: ['Traceback (most recent call last):', "ModuleNotFoundError: No module named 'src.models.ditto_cli'"],
  },
];

export function seedResult(options: { durationMs?: number; relRoot?: string; findings?: Finding[] } = {}): Result {
  const b = buildBundleResult({
    bundle: bundle({ resources: seedResources, relRoot: options.relRoot }),
    findings: options.findings ?? seedFindings(),
    config: { ignore: [], severity: {} },
    verification: seedVerification(options.durationMs),
    analysedTargets: ['dev', 'prod'],
    suppressed: 1,
    checks: seedChecks,
  });
  return {
    schemaVersion: 1,
    tool: { name: 'dab-ready', version: '0.1.0' },
    path: '.',
    bundles: [b],
    notices: [finding('config-invalid', 'high', { targets: [], file: '.dab-ready.yml', line: 4, message: 'fail-on must be one of critical, high' })],
  };
}

export const EVIL_FILE = '<img src=x onerror=alert(1)>@org/team.yml';

/** A bundle whose file names, messages and evidence try to inject HTML, mentions and fences. */
export function hostileResult(): Result {
  const b = buildBundleResult({
    bundle: bundle({ name: '<b>bold</b> @octocat', resources: [resource('jobs', '<script>x</script>', EVIL_FILE)] }),
    findings: [
      finding('entry-point-missing', 'critical', {
        file: EVIL_FILE,
        line: 3,
        message: 'entry point ``` not declared <script>alert(1)</script> cc @org/admins & friends',
        resources: ['jobs.<script>x</script>'],
        evidence: 'entry_point: "```"\n````\n</code></pre><img src=x>',
        impact: '@org/team will be paged <b>now</b>',
        fix: { text: 'Ask @someone | or edit ```', patch: '```\n[project.scripts]\nx = "a:b"\n````' },
      }),
    ],
    config: { ignore: [], severity: {} },
    verification: [
      { step: 'validate', target: 'prod', status: 'failed', durationMs: 10, command: 'databricks bundle validate -t prod', detail: '<i>bad</i> @team', output: ['```', 'Error: <html>'] },
    ],
    analysedTargets: ['prod'],
    suppressed: 0,
    checks: seedChecks,
  });
  // what the loader would read from a hostile wheel task and phase config
  b.phases[0].name = '<i>phase</i> @org/team';
  b.phases[0].wheelTasks = [{ job: '<script>x</script>', task: 't', packageName: 'pkg', entryPoint: "```\n<img src=x>'; rm -rf ~", projectDir: '<b>dir</b>' }];
  return { schemaVersion: 1, tool: { name: 'dab-ready', version: '0.1.0' }, path: '.', bundles: [b], notices: [] };
}
