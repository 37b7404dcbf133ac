import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand } from '../../src/cli/deploy.js';
import { deployPhase, type DeployInput } from '../../src/deploy/deploy.js';
import { analyse } from '../../src/engine.js';
import type { Logger } from '../../src/model.js';
import { scenarioPath, STANDIN_BIN } from '../fixtures/cli/read-scenario.js';

// deployPhase against the stand-in `databricks` on PATH, through the real runner: what the CLI was
// asked to do is read back from the stand-in's call log (argv + the BUNDLE_VAR_* it saw).

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_DIR = path.dirname(process.execPath);
const TOKEN = 'dapi0123456789abcdef0123456789abcdef';

let work: string;
let callLog: string;

interface Call {
  argv: string[];
  cwd: string;
  bundleVars: Record<string, string>;
  envNames: string[];
}
function calls(): Call[] {
  if (!existsSync(callLog)) return [];
  return readFileSync(callLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: `${STANDIN_BIN}${path.delimiter}${NODE_DIR}${path.delimiter}/usr/bin:/bin`,
    HOME: work,
    // The examples' targets name a profile (workspace.profile), not a host: the host comes from the environment, as in CI.
    DATABRICKS_HOST: 'https://dbc-entity-matching-dev.cloud.databricks.com',
    DATABRICKS_TOKEN: TOKEN,
    DATABRICKS_STANDIN_LOG: callLog,
    ...extra,
  };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    group: async (name, fn) => {
      lines.push(`group ${name}`);
      return fn();
    },
    output: (l) => lines.push(`out ${l}`),
  };
}

/** A copy of an embedded example (the stand-in writes deploy state under .databricks/). */
async function example(name: 'entity-matching' | 'entity-matching-fixed', edit?: (dir: string) => void) {
  const dir = path.join(work, name);
  cpSync(path.join(REPO, 'examples', name), dir, { recursive: true });
  edit?.(dir);
  const { result, project } = await analyse({ path: dir, target: 'dev', env: {} });
  return { dir, bundle: project.bundles[0], result: result.bundles[0] };
}

async function deploy(name: 'entity-matching' | 'entity-matching-fixed', overrides: Partial<DeployInput> & { phase: string }, edit?: (dir: string) => void) {
  const ex = await example(name, edit);
  const log = recordingLogger();
  const outcome = await deployPhase({
    bundle: ex.bundle,
    result: ex.result,
    target: 'dev',
    deploy: true,
    run: true,
    autoApprove: false,
    failOnActiveRuns: false,
    vars: {},
    env: env(),
    log,
    ...overrides,
  });
  return { ...ex, outcome, log };
}

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'dab-deploy-'));
  callLog = path.join(work, 'calls.jsonl');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('deployPhase: success', () => {
  it('deploys the whole bundle, then runs the phase jobs in order, collecting every Run URL', async () => {
    const { dir, outcome, log } = await deploy('entity-matching-fixed', { phase: '4', env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('deploy-v113') }) });
    expect(outcome).toEqual({
      deployed: true,
      runUrls: [expect.stringMatching(/^https:\/\/dbc-entity-matching-dev\.cloud\.databricks\.com\/\?o=\d+#job\/\d+\/run\/\d+$/), expect.stringMatching(/#job\/\d+\/run\/\d+$/)],
      phaseStatus: 'succeeded',
      errors: [],
      blockers: [],
    });
    expect(calls().map((c) => [c.argv, c.cwd])).toEqual([
      [['bundle', 'deploy', '-t', 'dev'], dir],
      [['bundle', 'run', '-t', 'dev', 'entity_matching_pipeline'], dir],
      [['bundle', 'run', '-t', 'dev', 'adhoc_entity_match'], dir],
    ]);
    // streamed in log groups, the CLI's own lines (v1.13 per-resource format)
    expect(log.lines.filter((l) => l.startsWith('group '))).toEqual([
      'group databricks bundle deploy -t dev',
      'group databricks bundle run -t dev entity_matching_pipeline',
      'group databricks bundle run -t dev adhoc_entity_match',
    ]);
    expect(log.lines).toContain('out Created jobs.test_job');
    expect(log.lines).toContain('out Resources: 1 created, 0 changed, 0 deleted, 0 unchanged');
    expect(log.lines).toContain('out "adhoc_entity_match" TERMINATED SUCCESS');
  });

  it('accepts the pre-v1.13 output (Deployment complete!) the same way', async () => {
    const { outcome, log } = await deploy('entity-matching-fixed', { phase: '0', env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('deploy-legacy') }) });
    expect(outcome.phaseStatus).toBe('succeeded');
    expect(outcome.deployed).toBe(true);
    expect(log.lines).toContain('out Deployment complete!');
  });

  it('passes --auto-approve and --fail-on-active-runs only when asked', async () => {
    await deploy('entity-matching-fixed', { phase: '0', run: false, autoApprove: true, failOnActiveRuns: true });
    expect(calls().map((c) => c.argv)).toEqual([['bundle', 'deploy', '-t', 'dev', '--auto-approve', '--fail-on-active-runs']]);
  });

  it('deploy and run get the Databricks variables, BUNDLE_VAR_* and the safe base: no GitHub, Actions runtime, npm or cloud-storage secret', async () => {
    const planted = { GITHUB_TOKEN: 'ghs_x', 'INPUT_GITHUB-TOKEN': 'in', ACTIONS_RUNTIME_TOKEN: 'rt', AWS_SECRET_ACCESS_KEY: 'aws', NPM_TOKEN: 'npm', RANDOM_SETTING: 'x' };
    const { outcome } = await deploy('entity-matching-fixed', { phase: '4', vars: { catalog: 'main' }, env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('deploy-v113'), ...planted }) });
    expect(outcome.phaseStatus).toBe('succeeded');
    const expected = ['BUNDLE_VAR_catalog', 'DAB_READY_RUN', 'DATABRICKS_HOST', 'DATABRICKS_STANDIN_LOG', 'DATABRICKS_STANDIN_SCENARIO', 'DATABRICKS_TOKEN', 'HOME', 'PATH'];
    expect(calls().map((c) => c.envNames)).toEqual([expected, expected, expected]);
  });

  it('passes variables as BUNDLE_VAR_* without splitting or a shell: a comma and $(...) arrive intact', async () => {
    const vars = { catalog_name: 'a,b,c', embedding_model: '$(touch /tmp/dab-pwned) `id`; echo x' };
    const { outcome } = await deploy('entity-matching-fixed', { phase: '1', vars });
    expect(outcome.phaseStatus).toBe('succeeded');
    const log = calls();
    expect(log).toHaveLength(2);
    for (const call of log) {
      expect(call.bundleVars).toEqual({ BUNDLE_VAR_catalog_name: 'a,b,c', BUNDLE_VAR_embedding_model: '$(touch /tmp/dab-pwned) `id`; echo x' });
      expect(call.argv.some((a) => a.startsWith('--var'))).toBe(false);
    }
    expect(existsSync('/tmp/dab-pwned')).toBe(false);
  });

  it('--no-deploy runs against the existing deployment; --no-run only deploys', async () => {
    const ex = await example('entity-matching-fixed');
    const base = { bundle: ex.bundle, result: ex.result, target: 'dev', autoApprove: false, failOnActiveRuns: false, vars: {}, env: env(), log: recordingLogger() };
    // Like the real CLI, `bundle run` before any deploy of the target fails.
    const early = await deployPhase({ ...base, phase: '2', deploy: false, run: true });
    expect(early.phaseStatus).toBe('failed');
    expect(early.errors[0]).toContain("Error: resource not found or not yet deployed. Did you forget to run 'databricks bundle deploy'?");
    const deployOnly = await deployPhase({ ...base, phase: '2', deploy: true, run: false });
    expect(deployOnly).toMatchObject({ deployed: true, phaseStatus: 'succeeded', runUrls: [] });
    const runOnly = await deployPhase({ ...base, phase: '2', deploy: false, run: true });
    expect(runOnly).toMatchObject({ deployed: false, phaseStatus: 'succeeded' });
    expect(runOnly.runUrls).toHaveLength(1);
    expect(calls().map((c) => c.argv.slice(1).join(' '))).toEqual(['run -t dev train_ditto_model', 'deploy -t dev', 'run -t dev train_ditto_model']);
  });
});

describe('deployPhase: failures name the job and quote the CLI', () => {
  it('a failing first job stops the phase: the jobs after it are not run', async () => {
    const { outcome } = await deploy('entity-matching-fixed', { phase: '4', env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('run-failed') }) });
    expect(outcome.phaseStatus).toBe('failed');
    expect(outcome.errors[0]).toMatch(/^job entity_matching_pipeline \(phase 4, target dev\) failed \(exit code 1\):\nError: run failed: Task match_entities failed/);
    expect(calls().map((c) => c.argv.slice(1).join(' '))).toEqual(['deploy -t dev', 'run -t dev entity_matching_pipeline']);
  });

  it('a failing job run: phase failed, the job named, the CLI error line quoted', async () => {
    const { outcome } = await deploy('entity-matching-fixed', { phase: '2', env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('run-failed') }) });
    expect(outcome.phaseStatus).toBe('failed');
    expect(outcome.deployed).toBe(true);
    expect(outcome.runUrls).toHaveLength(1);
    expect(outcome.errors).toEqual([
      'job train_ditto_model (phase 2, target dev) failed (exit code 1):\nError: run failed: Task train_ditto_model failed with message: Workload failed, see run output for details. This caused all downstream tasks to get skipped.',
    ]);
  });

  it('a held deploy lock: deploy failed with the CLI lines, no job run', async () => {
    const { outcome } = await deploy('entity-matching-fixed', { phase: '0', env: env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('lock-held') }) });
    expect(outcome).toMatchObject({ deployed: false, phaseStatus: 'failed', runUrls: [] });
    expect(outcome.errors).toEqual([
      [
        'databricks bundle deploy -t dev failed (exit code 1):',
        'Error: deploy lock acquired by other-deployer@example.com at 2026-11-25 10:00:00.000 +0000 UTC.',
        'Another deployment may be in progress. Use --force-lock to override, but this may',
        'conflict with the other deployment if it is still active',
      ].join('\n'),
    ]);
    expect(calls().map((c) => c.argv[1])).toEqual(['deploy']);
  });

  it('a destructive change needing approval fails without --auto-approve and goes ahead with it', async () => {
    const scenario = env({ DATABRICKS_STANDIN_SCENARIO: scenarioPath('destructive') });
    const refused = await deploy('entity-matching-fixed', { phase: '0', env: scenario });
    expect(refused.outcome.phaseStatus).toBe('failed');
    expect(refused.outcome.errors[0]).toContain('Error: the deployment requires destructive actions, but the current console does not support prompting.');
    expect(refused.outcome.errors[0]).toContain('To proceed, use --auto-approve after reviewing the plan above.');
    rmSync(refused.dir, { recursive: true, force: true });
    const approved = await deploy('entity-matching-fixed', { phase: '0', env: scenario, autoApprove: true });
    expect(approved.outcome.phaseStatus).toBe('succeeded');
  });

  it('no databricks CLI: a failure with the install hint, not a crash', async () => {
    const { outcome } = await deploy('entity-matching-fixed', { phase: '0', env: { PATH: NODE_DIR, HOME: work } });
    expect(outcome).toMatchObject({ phaseStatus: 'failed', deployed: false, errors: ['databricks CLI not found; install with databricks/setup-cli'] });
  });

  it('never puts a token the CLI echoes into an error', async () => {
    const ex = await example('entity-matching-fixed');
    const { writeFileSync } = await import('node:fs');
    const scenario = path.join(work, 'echo.scenario');
    writeFileSync(scenario, `Constructed: a failing deploy that echoes the token.\n@@ deploy.stderr\nError: request failed: Authorization: Bearer ${TOKEN}\n@@ deploy.exit\n1\n`);
    const log = recordingLogger();
    const outcome = await deployPhase({ bundle: ex.bundle, result: ex.result, phase: '0', target: 'dev', deploy: true, run: true, autoApprove: false, failOnActiveRuns: false, vars: {}, env: env({ DATABRICKS_STANDIN_SCENARIO: scenario }), log });
    expect(outcome.phaseStatus).toBe('failed');
    expect(JSON.stringify(outcome) + log.lines.join('\n')).not.toContain(TOKEN);
    expect(outcome.errors[0]).toContain('Error: request failed: Authorization: Bearer ***');
  });
});

describe('deployPhase: refused means no CLI call at all', () => {
  it('a blocked phase: refused, blockers listed, the stand-in never called', async () => {
    const { outcome } = await deploy('entity-matching', { phase: '2' });
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.deployed).toBe(false);
    expect(outcome.blockers[0]).toMatch(/^phase 2 \(Phase 2: Training\) is blocked: .*entry-point-missing/);
    expect(existsSync(callLog)).toBe(false);
  });

  it('a phase depending on a blocked one is refused too', async () => {
    const { outcome } = await deploy('entity-matching', { phase: '3' });
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.blockers[0]).toBe('phase 3 (Phase 3: Serving) is held back: depends on blocked phase 2');
    expect(existsSync(callLog)).toBe(false);
  });

  it('a ready phase is refused while any finding breaks deploy of the whole bundle for the target', async () => {
    // phase 2's wheel library names a folder no artifact builds into: `bundle deploy` itself would fail
    const { outcome } = await deploy('entity-matching-fixed', { phase: '0' }, (dir) => {
      const file = path.join(dir, 'resources', 'jobs_phase2_training.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('../dist/*.whl', '../wheels/*.whl'));
    });
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.blockers).toEqual([expect.stringMatching(/^wheel-not-built at resources\/jobs_phase2_training\.yml:\d+: .*\(breaks databricks bundle deploy for target dev\)$/)]);
    expect(existsSync(callLog)).toBe(false);
  });

  it('an unknown phase or target is refused', async () => {
    const { outcome } = await deploy('entity-matching-fixed', { phase: '9', target: 'staging' });
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.blockers).toEqual(['target staging is not defined in bundle entity_matching', 'phase 9 does not exist; phases: 0, 1, 2, 3, 4']);
    expect(existsSync(callLog)).toBe(false);
  });

  it('leaves reporting a refusal to the caller: no warning of its own (the action would show it twice)', async () => {
    const { outcome, log } = await deploy('entity-matching', { phase: '2' });
    expect(outcome.phaseStatus).toBe('refused');
    expect(log.lines.filter((l) => l.startsWith('warn '))).toEqual([]);
  });
});

describe('deployPhase: deploy and run both off', () => {
  it('is nothing to do: no CLI call (not even a lookup), succeeded with nothingToDo, said in the log', async () => {
    const { outcome, log } = await deploy('entity-matching-fixed', { phase: '2', deploy: false, run: false, env: { ...env(), PATH: '/nonexistent' } });
    expect(outcome).toEqual({ deployed: false, runUrls: [], phaseStatus: 'succeeded', errors: [], blockers: [], nothingToDo: true });
    expect(log.lines).toContain('info phase 2 (Phase 2: Training) may deploy to dev: deploy and run are both off, so nothing to do');
    expect(existsSync(callLog)).toBe(false);
  });

  it('is still refused when the phase is blocked', async () => {
    const { outcome } = await deploy('entity-matching', { phase: '2', deploy: false, run: false });
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.nothingToDo).toBeUndefined();
  });
});

describe('dab-ready deploy (CLI)', () => {
  it('deploys and runs a phase through the engine, printing the run URLs; exit 0', async () => {
    const ex = await example('entity-matching-fixed');
    let out = '';
    let err = '';
    const code = await deployCommand([ex.dir, '--phase', '2', '--target', 'dev', '--var', 'catalog_name=x,y'], { stdout: (s) => (out += s), stderr: (s) => (err += s), env: env() });
    expect(code).toBe(0);
    expect(out).toMatch(/^phase 2 on dev: succeeded; deployed: true\nRun URL: https:\/\/\S+\n$/);
    expect(err).toContain('▸ databricks bundle deploy -t dev');
    expect(calls().map((c) => [c.argv.join(' '), c.bundleVars.BUNDLE_VAR_catalog_name])).toEqual([
      ['bundle deploy -t dev', 'x,y'],
      ['bundle run -t dev train_ditto_model', 'x,y'],
    ]);
  });

  it('refuses a blocked phase with exit 1, once, and says nothing was deployed or run', async () => {
    const ex = await example('entity-matching');
    let err = '';
    const code = await deployCommand([ex.dir, '--phase', '2', '-t', 'dev'], { stdout: () => {}, stderr: (s) => (err += s), env: env() });
    expect(code).toBe(1);
    expect(err).toContain('deploy of phase 2 to dev refused (nothing was deployed or run)');
    expect(err).not.toContain('no databricks command was run');
    expect(err.match(/refused/g)).toHaveLength(1);
    expect(existsSync(callLog)).toBe(false);
  });

  it('--no-deploy --no-run says nothing to do, exit 0, and calls nothing', async () => {
    const ex = await example('entity-matching-fixed');
    let out = '';
    const code = await deployCommand([ex.dir, '--phase', '2', '-t', 'dev', '--no-deploy', '--no-run'], { stdout: (s) => (out += s), stderr: () => {}, env: env() });
    expect(code).toBe(0);
    expect(out).toBe('phase 2 on dev: nothing to do (--no-deploy and --no-run; the phase may deploy); deployed: false\n');
    expect(existsSync(callLog)).toBe(false);
  });
});
