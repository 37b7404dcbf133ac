import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Finding, Logger, ValidateOptions } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { validateBundle, validateCheckDocs } from '../../src/verify/validate.js';
import { scenarioPath, STANDIN_BIN } from '../fixtures/cli/read-scenario.js';

// validateBundle through the real code path: the stand-in `databricks` found on PATH, run by the
// runner in the bundle root, its stderr parsed into findings.

const NODE_DIR = path.dirname(process.execPath);
const TOKEN = 'dapi0123456789abcdef0123456789abcdef';

let dir: string;
let home: string;
let callLog: string;

function writeBundle(root: string): void {
  mkdirSync(path.join(root, 'resources'), { recursive: true });
  writeFileSync(
    path.join(root, 'databricks.yml'),
    [
      'bundle:',
      '  name: demo',
      'include:',
      '  - resources/*.yml',
      'targets:',
      '  dev:',
      '    default: true',
      '    mode: development',
      '    workspace:',
      '      host: https://dbc-demo.cloud.databricks.com',
      '  prod:',
      '    mode: production',
      '    workspace:',
      '      host: https://dbc-demo.cloud.databricks.com',
      '      root_path: /Workspace/Shared/.bundle/demo/prod',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(root, 'resources', 'my_job.yml'),
    ['resources:', '  jobs:', '    my_job:', '      name: my job', '      tasks:', '        - task_key: main', '          notebook_task:', '            notebook_path: ../src/missing.py', ''].join('\n'),
  );
}

function loadBundle(): Bundle {
  const project = loadProject(dir, {});
  expect(project.bundles).toHaveLength(1);
  return project.bundles[0];
}

function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${STANDIN_BIN}${path.delimiter}${NODE_DIR}${path.delimiter}/usr/bin:/bin`, HOME: home, DATABRICKS_STANDIN_LOG: callLog, ...extra };
}

function calls(): { argv: string[]; cwd: string; bundleVars: Record<string, string>; authEnv: string[]; envNames: string[] }[] {
  if (!existsSync(callLog)) return [];
  return readFileSync(callLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
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

const auto: ValidateOptions = { mode: 'auto', strict: false, timeoutMs: 30_000, vars: {} };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dab-validate-'));
  home = mkdtempSync(path.join(os.tmpdir(), 'dab-home-'));
  callLog = path.join(home, 'calls.jsonl');
  writeBundle(dir);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('validateBundle: when it cannot run', () => {
  it('skips with the install hint when no databricks CLI is on PATH', async () => {
    const bundle = loadBundle();
    const env = { PATH: `${NODE_DIR}${path.delimiter}/usr/bin:/bin`, HOME: home, DATABRICKS_HOST: 'https://x', DATABRICKS_TOKEN: TOKEN };
    const { findings, steps } = await validateBundle(bundle, [...bundle.targets.values()], [], auto, env, recordingLogger());
    expect(findings).toEqual([]);
    expect(steps).toEqual([
      { step: 'validate', target: undefined, status: 'skipped', durationMs: 0, command: 'databricks bundle validate', detail: 'skipped: databricks CLI not found; install with databricks/setup-cli' },
    ]);
  });

  it('skips without calling the CLI when there are no credentials', async () => {
    const bundle = loadBundle();
    const { findings, steps } = await validateBundle(bundle, [...bundle.targets.values()], [], auto, baseEnv(), recordingLogger());
    expect(findings).toEqual([]);
    expect(steps).toHaveLength(1);
    expect(steps[0].status).toBe('skipped');
    expect(steps[0].detail).toMatch(/^skipped: no Databricks credentials \(set DATABRICKS_HOST/);
    expect(calls()).toEqual([]);
  });

  it('required: a missing CLI is a failed step and a critical bundle-validate-unavailable finding', async () => {
    const bundle = loadBundle();
    const env = { PATH: `${NODE_DIR}`, HOME: home };
    const { findings, steps } = await validateBundle(bundle, [...bundle.targets.values()], [], { ...auto, mode: 'required' }, env, recordingLogger());
    expect(steps.map((s) => s.status)).toEqual(['failed']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'bundle-validate-unavailable', severity: 'critical', targets: ['dev', 'prod'] });
    expect(findings[0].message).toContain('databricks CLI not found; install with databricks/setup-cli');
  });

  it('an authentication failure printed by the CLI is not a finding about the bundle (auto) and fails when required', async () => {
    const bundle = loadBundle();
    // A profile is named but holds no credential: the CLI fails with the SDK's default-auth error.
    const cfg = path.join(home, 'cfg');
    writeFileSync(cfg, '[ci]\nhost = https://dbc-demo.cloud.databricks.com\n');
    const env = baseEnv({ DATABRICKS_CONFIG_FILE: cfg, DATABRICKS_CONFIG_PROFILE: 'ci' });
    const targets = [bundle.targets.get('dev')!];
    const autoRun = await validateBundle(bundle, targets, [], auto, env, recordingLogger());
    expect(calls()).toHaveLength(1);
    expect(autoRun.findings).toEqual([]);
    expect(autoRun.steps).toHaveLength(1);
    expect(autoRun.steps[0]).toMatchObject({ status: 'skipped', target: 'dev' });
    expect(autoRun.steps[0].detail).toContain('skipped: authentication failed: default auth: cannot configure default credentials');

    const requiredRun = await validateBundle(bundle, targets, [], { ...auto, mode: 'required' }, env, recordingLogger());
    expect(requiredRun.steps[0].status).toBe('failed');
    expect(requiredRun.findings.map((f) => f.check)).toEqual(['bundle-validate-unavailable']);
  });
});

describe('validateBundle: running the CLI', () => {
  it('runs `bundle validate -t <target> -o json` in the bundle root for every target; no diagnostics = passed', async () => {
    const bundle = loadBundle();
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN });
    const { findings, steps } = await validateBundle(bundle, [...bundle.targets.values()], [], auto, env, recordingLogger());
    expect(findings).toEqual([]);
    expect(steps.map((s) => [s.target, s.status, s.command])).toEqual([
      ['dev', 'passed', 'databricks bundle validate -t dev -o json'],
      ['prod', 'passed', 'databricks bundle validate -t prod -o json'],
    ]);
    // In a temporary copy of the repository (removed afterwards): the CLI may write .databricks/ and run bundle code.
    const copies = calls().map((c) => c.cwd);
    expect(calls().map((c) => c.argv)).toEqual([
      ['bundle', 'validate', '-t', 'dev', '-o', 'json'],
      ['bundle', 'validate', '-t', 'prod', '-o', 'json'],
    ]);
    expect(copies[0]).toBe(copies[1]);
    expect(copies[0]).toMatch(new RegExp(`/dab-ready-build-\\w+/${path.basename(dir)}$`));
    expect(existsSync(copies[0])).toBe(false);
  });

  it('turns Error/Warning diagnostics into findings at their file:line, one finding for all targets that report it', async () => {
    const bundle = loadBundle();
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN, DATABRICKS_STANDIN_SCENARIO: scenarioPath('undefined-resources') });
    const { findings, steps } = await validateBundle(bundle, [...bundle.targets.values()], [], auto, env, recordingLogger());
    expect(steps.map((s) => [s.target, s.status, s.detail])).toEqual([
      ['dev', 'failed', 'exit code 1: 3 errors'],
      ['prod', 'failed', 'exit code 1: 3 errors'],
    ]);
    expect(findings.map((f) => [f.check, f.severity, f.message, f.loc, f.targets, f.resources])).toEqual([
      ['bundle-validate-error', 'critical', 'experiment undefined-experiment is not defined', { file: 'databricks.yml', line: 11, column: 26 }, ['dev', 'prod'], ['experiments.undefined-experiment']],
      ['bundle-validate-error', 'critical', 'job undefined-job is not defined', { file: 'databricks.yml', line: 6, column: 19 }, ['dev', 'prod'], ['jobs.undefined-job']],
      ['bundle-validate-error', 'critical', 'pipeline undefined-pipeline is not defined', { file: 'databricks.yml', line: 14, column: 24 }, ['dev', 'prod'], ['pipelines.undefined-pipeline']],
    ]);
    expect(steps[0].output?.[0]).toBe('Error: experiment undefined-experiment is not defined');
  });

  it('--strict: warnings fail the step (exit 1 and the strict trailer) and stay medium findings', async () => {
    const bundle = loadBundle();
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN, DATABRICKS_STANDIN_SCENARIO: scenarioPath('enum-warnings') });
    const dev = [bundle.targets.get('dev')!];
    const lax = await validateBundle(bundle, dev, [], auto, env, recordingLogger());
    expect(lax.steps[0]).toMatchObject({ status: 'passed', detail: '7 warnings' });
    const strict = await validateBundle(bundle, dev, [], { ...auto, strict: true }, env, recordingLogger());
    expect(strict.steps[0]).toMatchObject({ status: 'failed', command: 'databricks bundle validate -t dev -o json --strict', detail: 'exit code 1: 7 warnings (warnings fail in --strict mode)' });
    expect(strict.findings).toHaveLength(7);
    expect(new Set(strict.findings.map((f) => `${f.check}/${f.severity}`))).toEqual(new Set(['bundle-validate-warning/medium']));
    expect(calls()[1].argv).toEqual(['bundle', 'validate', '-t', 'dev', '-o', 'json', '--strict']);
  });

  it('keeps the static finding (validateAgrees) instead of a second one: same file and line, or same subject', async () => {
    const bundle = loadBundle();
    const scenario = path.join(home, 'agree.scenario');
    writeFileSync(
      scenario,
      [
        'Constructed from verbatim diagnostics (override/job_tasks, undefined_resources) to exercise the merge.',
        '@@ validate.stderr',
        'Error: file test1.py not found',
        '',
        'Error: job undefined-job is not defined',
        '  at resources.jobs.undefined-job',
        '  in databricks.yml:6:19',
        '',
        'Warning: unknown field: mixed_parameters',
        '  in databricks.yml:35:1',
      ].join('\n'),
    );
    const staticFindings: Finding[] = [
      { check: 'path-not-found', severity: 'critical', message: 'spark_python_task.python_file test1.py does not exist', loc: { file: 'resources/my_job.yml', line: 9, column: 27 }, targets: ['dev'], phases: [] },
      { check: 'resource-reference-invalid', severity: 'critical', message: 'jobs.undefined-job has no body', loc: { file: 'databricks.yml', line: 6, column: 3 }, targets: [], phases: [] },
      { check: 'something-else', severity: 'low', message: 'unrelated', loc: { file: 'databricks.yml', line: 1, column: 1 }, targets: ['dev'], phases: [] },
    ];
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN, DATABRICKS_STANDIN_SCENARIO: scenario });
    const { findings } = await validateBundle(bundle, [bundle.targets.get('dev')!], staticFindings, auto, env, recordingLogger());
    expect(findings.map((f) => [f.check, f.validateAgrees ?? false])).toEqual([
      ['path-not-found', true],
      ['resource-reference-invalid', true],
      ['something-else', false],
      ['bundle-validate-warning', false],
    ]);
    expect(staticFindings[0].validateAgrees).toBeUndefined(); // the input is not mutated
  });

  it('passes variables as BUNDLE_VAR_* (a comma and $(...) arrive intact), never as --var', async () => {
    const bundle = loadBundle();
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN });
    const vars = { catalog: 'a,b', note: '$(touch /tmp/pwned) `id`' };
    const { steps } = await validateBundle(bundle, [bundle.targets.get('dev')!], [], { ...auto, vars }, env, recordingLogger());
    expect(steps[0].status).toBe('passed');
    const [call] = calls();
    expect(call.argv).toEqual(['bundle', 'validate', '-t', 'dev', '-o', 'json']);
    expect(call.bundleVars).toEqual({ BUNDLE_VAR_catalog: 'a,b', BUNDLE_VAR_note: '$(touch /tmp/pwned) `id`' });
  });

  it('counts a profile, GitHub OIDC, or workspace.host with a token as credentials', async () => {
    const bundle = loadBundle();
    const dev = [bundle.targets.get('dev')!];
    const cfg = path.join(home, '.databrickscfg');
    writeFileSync(cfg, `[DEFAULT]\nhost = https://other.cloud.databricks.com\n\n[demo]\nhost = https://dbc-demo.cloud.databricks.com/\ntoken = ${TOKEN}\n`);
    const viaHostMatch = await validateBundle(bundle, dev, [], auto, baseEnv(), recordingLogger());
    expect(viaHostMatch.steps[0].status).toBe('passed');
    const oidc = baseEnv({ DATABRICKS_AUTH_TYPE: 'github-oidc', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x', DATABRICKS_CLIENT_ID: 'sp-id', HOME: path.join(home, 'none') });
    const viaOidc = await validateBundle(bundle, dev, [], auto, oidc, recordingLogger());
    expect(viaOidc.steps[0].status).toBe('passed');
    expect(calls().map((c) => c.authEnv)).toEqual([['DATABRICKS_STANDIN_LOG'], ['DATABRICKS_AUTH_TYPE', 'DATABRICKS_CLIENT_ID', 'DATABRICKS_STANDIN_LOG']]);
  });

  it('the CLI gets the Databricks variables, BUNDLE_VAR_* and the safe base: no GitHub, Actions runtime, npm or cloud-storage secret', async () => {
    const bundle = loadBundle();
    const planted = { GITHUB_TOKEN: 'ghs_x', 'INPUT_GITHUB-TOKEN': 'in', ACTIONS_RUNTIME_TOKEN: 'rt', AWS_SECRET_ACCESS_KEY: 'aws', NPM_TOKEN: 'npm', PYPI_PASSWORD: 'pw', RANDOM_SETTING: 'x' };
    const env = baseEnv({ DATABRICKS_HOST: 'https://dbc-demo.cloud.databricks.com', DATABRICKS_TOKEN: TOKEN, LANG: 'C.UTF-8', ...planted });
    const { steps } = await validateBundle(bundle, [bundle.targets.get('dev')!], [], { ...auto, vars: { catalog: 'main' } }, env, recordingLogger());
    expect(steps[0].status).toBe('passed');
    expect(calls()[0].envNames).toEqual(['BUNDLE_VAR_catalog', 'DAB_READY_RUN', 'DATABRICKS_HOST', 'DATABRICKS_STANDIN_LOG', 'DATABRICKS_TOKEN', 'HOME', 'LANG', 'PATH']);
  });

  it('never stores or logs a token the CLI echoes', async () => {
    const bundle = loadBundle();
    const scenario = path.join(home, 'echo.scenario');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9yZXBvIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    writeFileSync(
      scenario,
      [
        'Constructed: a diagnostic that quotes a secret value (a variable default holding a token).',
        '@@ validate.stderr',
        `Error: invalid value ${TOKEN} for field host`,
        '  in databricks.yml:3:5',
        '',
        `Authorization: Bearer ${jwt}`,
        `client_secret = dose0123456789abcdef0123456789abcdef`,
      ].join('\n'),
    );
    const env = baseEnv({ DATABRICKS_TOKEN: TOKEN, DATABRICKS_STANDIN_SCENARIO: scenario });
    const log = recordingLogger();
    const { findings, steps } = await validateBundle(bundle, [bundle.targets.get('dev')!], [], auto, env, log);
    const stored = JSON.stringify({ findings, steps }) + log.lines.join('\n');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('invalid value *** for field host');
    for (const secret of [TOKEN, jwt, 'dose0123456789abcdef0123456789abcdef']) expect(stored).not.toContain(secret);
    expect(log.lines.some((l) => l.startsWith('out ') && l.includes('Bearer ***'))).toBe(true);
  });
});

describe('validate finding metadata', () => {
  it('documents every id validate produces, with whether it breaks deploy', () => {
    expect(validateCheckDocs.map((c) => [c.id, c.severity, c.breaksDeploy, c.category])).toEqual([
      ['bundle-validate-error', 'critical', true, 'Verification'],
      ['bundle-validate-warning', 'medium', false, 'Verification'],
      ['bundle-validate-recommendation', 'low', false, 'Verification'],
      ['bundle-validate-unavailable', 'critical', false, 'Verification'],
    ]);
    for (const c of validateCheckDocs) {
      expect(c.docs.length).toBeGreaterThan(100);
      expect(c.run({} as Bundle, {} as never)).toEqual([]);
    }
  });
});
