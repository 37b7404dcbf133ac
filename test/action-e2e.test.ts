// The action as the runner runs it: `node dist/index.js` with INPUT_* variables, a real
// pull_request event payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files and
// GITHUB_API_URL pointing at the loopback GitHub API. Needs `npm run build` (dist/) first.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FakeGitHub, GITHUB_ACTIONS_BOT, startFakeGitHub } from './support/github-server.js';
import { BUILD_PYTHON } from './support/python.js';

const repoRoot = path.resolve(__dirname, '..');
const dist = path.join(repoRoot, 'dist', 'index.js');
const examples = path.join(repoRoot, 'examples');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'github');
const TOKEN = 'ghs_e2eInstallationToken0123456789abcdef';
const FORK_TOKEN = 'ghs_e2eForkReadOnlyToken0123456789abcdef';
const PYTHON = BUILD_PYTHON;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-e2e-'));
let server: FakeGitHub;

beforeAll(async () => {
  server = await startFakeGitHub();
  server.addToken(TOKEN, { ...GITHUB_ACTIONS_BOT, readOnly: false });
  server.addToken(FORK_TOKEN, { ...GITHUB_ACTIONS_BOT, readOnly: true });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=dab-ready test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A git repository whose commits hold the given examples in turn; returns the commit ids. */
function repoWithCommits(name: string, exampleNames: string[]): { dir: string; shas: string[] } {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  const shas: string[] = [];
  for (const example of exampleNames) {
    for (const entry of fs.readdirSync(dir)) if (entry !== '.git') fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    fs.cpSync(path.join(examples, example), dir, {
      recursive: true,
      filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(path.relative(examples, src)),
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', example);
    shas.push(git(dir, 'rev-parse', 'HEAD'));
  }
  return { dir, shas };
}

interface Run {
  code: number | null;
  /** RUNNER_TEMP of the run. */
  tempDir: string;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Run dist/index.js like the runner: inputs as INPUT_* variables, files for outputs and summary. */
async function runAction(workspace: string, event: unknown, inputs: Record<string, string>): Promise<Run> {
  const runDir = fs.mkdtempSync(path.join(scratch, 'run-'));
  const files = { event: path.join(runDir, 'event.json'), output: path.join(runDir, 'output'), summary: path.join(runDir, 'summary.md') };
  fs.writeFileSync(files.event, JSON.stringify(event));
  fs.writeFileSync(files.output, '');
  fs.writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme-data/entity-matching',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: server.url,
    GITHUB_RUN_ID: '1234567890',
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runDir,
  };
  // The runner fills every input from action.yml's defaults; the test overrides a few, as a workflow would.
  const defaults: Record<string, string> = { ...actionDefaults(), verify: 'false', python: PYTHON, 'build-isolation': 'false', 'install-deps': 'false' };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [dist], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, tempDir: runDir, stdout, outputs: parseOutputFile(fs.readFileSync(files.output, 'utf8')), summary: fs.readFileSync(files.summary, 'utf8') };
}

/** The input defaults of action.yml, with `${{ github.token }}` as the runner would expand it. */
function actionDefaults(): Record<string, string> {
  const action = YAML.parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '').replace('${{ github.token }}', TOKEN)]),
  );
}

/** GITHUB_OUTPUT's `name<<delimiter ... delimiter` records. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

function event(fixture: string, shas: { base: string; head: string }) {
  const payload = JSON.parse(fs.readFileSync(path.join(fixtures, fixture), 'utf8'));
  payload.pull_request.base.sha = shas.base;
  payload.pull_request.head.sha = shas.head;
  return payload;
}

const comments = (pr: number) => server.listComments('acme-data', 'entity-matching', pr);

describe.skipIf(!fs.existsSync(dist))('node dist/index.js on the examples (as the runner runs it)', { meta: { skipReason: 'dist/index.js is not built (npm run build)' } }, () => {
  let fixedScore = 0;

  it('a pull request that fixes the bundle: gate passes, comment shows the change from the base commit', async () => {
    const { dir, shas } = repoWithCommits('fixes', ['entity-matching', 'entity-matching-fixed']);
    const run = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: shas[1] }), { verify: 'true' });
    expect(run.code, run.stdout).toBe(0);

    expect(run.outputs.critical).toBe('0');
    expect(run.outputs.ready).toBe('true');
    fixedScore = Number(run.outputs.score);
    expect(fixedScore).toBeGreaterThan(65);
    expect(run.outputs['score-delta']).toBe(`+${fixedScore - 65}`);
    expect(JSON.parse(run.outputs['blocked-phases'])).toEqual([]);
    // the SARIF file goes under RUNNER_TEMP: the checkout is left as it was
    expect(path.dirname(path.dirname(run.outputs.sarif))).toBe(run.tempDir);
    const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sarif'))).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const report = JSON.parse(fs.readFileSync(run.outputs['report-json'], 'utf8'));
    expect(report.bundles[0].score).toBe(fixedScore);
    expect(report.bundles[0].verification.length).toBeGreaterThan(0); // verify really built and ran the wheel

    const [comment] = comments(42);
    expect(comments(42)).toHaveLength(1);
    expect(run.outputs['comment-url']).toBe(comment.html_url);
    expect(comment.body.startsWith('<!-- dab-ready:comment path=. -->\n')).toBe(true);
    expect(comment.body).toContain(`### 🟡 dab-ready: partial · score ${fixedScore}/100 (+${fixedScore - 65} vs base) · ✅ gate passed`);
    expect(comment.body).toContain('- ✅ resolved: 🔴 **critical** · Wheel task entry points are declared');
    // file:line links the file at the pull request's head commit
    expect(comment.body).toMatch(/<a href="https:\/\/github\.com\/acme-data\/entity-matching\/blob\/[0-9a-f]{40}\/resources\/jobs_phase3_serving\.yml#L\d+">/);
    expect(comment.body).toContain('https://github.com/acme-data/entity-matching/actions/runs/1234567890');
    expect(comment.body.length).toBeLessThan(65_536);

    expect(run.summary).toContain(`score ${fixedScore}/100 (+${fixedScore - 65} vs base) · ✅ gate passed`);
    expect(run.summary).not.toContain('<!-- dab-ready');
    // the base analysis ran in a temporary worktree that is gone again
    expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
    // the token is only ever handed to the runner to mask
    expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  }, 300_000);

  it('the broken bundle without base history: gate fails (exit 1) after updating the same comment from its embedded data', async () => {
    const [before] = comments(42);
    const { dir, shas } = repoWithCommits('breaks', ['entity-matching']);
    const missingBase = '0123456789abcdef0123456789abcdef01234567';
    const run = await runAction(dir, event('pull_request.synchronize.json', { base: missingBase, head: shas[0] }), { 'fail-on': 'critical' });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/::error::dab-ready gate failed: .*wheel-not-built/);

    expect(run.outputs).toMatchObject({ ready: 'false', score: '65', critical: '2', 'score-delta': `-${fixedScore - 65}` });
    expect(JSON.parse(run.outputs['blocked-phases'])).toContain('2');

    const after = comments(42);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    expect(after[0].body).toContain(`score 65/100 (−${fixedScore - 65} vs previous run) · ❌ gate failed: 2 findings at or above critical`);
    expect(after[0].body).toContain('**Since the previous run:** 🆕 2 new');
    expect(after[0].body).toMatch(/🔴 <b>critical<\/b> · Wheel tasks get a wheel that deploy builds and attaches · .*<i>🆕 new<\/i>/);

    expect(run.summary).toContain('❌ gate failed: 2 findings at or above critical');
    expect(run.summary).toContain('> gate: entity\\_matching: 2 findings at or above critical');
    // annotations on repository paths, the gate's own error counted in the 10 errors
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(run.stdout).toContain('file=resources/jobs_phase2_training.yml');
  }, 300_000);

  it('a fork pull request (read-only token): no comment, one warning, summary written, the gate alone decides', async () => {
    const { dir, shas } = repoWithCommits('fork', ['entity-matching-fixed']);
    const run = await runAction(dir, event('pull_request.opened.fork.json', { base: shas[0], head: shas[0] }), { 'github-token': FORK_TOKEN });
    expect(run.code, run.stdout).toBe(0);
    expect(comments(43)).toHaveLength(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning::'))).toHaveLength(1);
    expect(run.stdout).toContain('::warning::dab-ready could not comment: this pull request comes from a fork, whose GITHUB_TOKEN is read-only.');
    expect(run.outputs['comment-url']).toBe('');
    expect(run.outputs['score-delta']).toBe('0');
    expect(run.summary).toContain('could not comment');
    expect(run.summary).toContain('### 🟡 dab-ready: partial');
  }, 300_000);

  it('a monorepo with two bundles keeps one comment for the pull request, across runs', async () => {
    const dir = path.join(scratch, 'monorepo');
    fs.mkdirSync(path.join(dir, 'bundles'), { recursive: true });
    fs.cpSync(path.join(examples, 'entity-matching'), path.join(dir, 'bundles', 'broken'), { recursive: true });
    fs.cpSync(path.join(examples, 'entity-matching-fixed'), path.join(dir, 'bundles', 'fixed'), { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'two bundles');
    const sha = git(dir, 'rev-parse', 'HEAD');
    const payload = event('pull_request.synchronize.json', { base: sha, head: sha });
    payload.pull_request.number = 44;
    for (let i = 0; i < 2; i++) {
      const run = await runAction(dir, payload, { path: 'bundles', 'fail-on': 'none', sarif: 'reports/dab-ready.sarif' });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.sarif).toBe(path.join(dir, 'reports', 'dab-ready.sarif')); // a path given: relative to the workspace
      expect(run.outputs.score).toBe('65'); // the least ready bundle
      expect(JSON.parse(run.outputs['blocked-phases'])).toEqual(['broken:2']);
    }
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'dab-ready.sarif'), 'utf8'));
    const uris: string[] = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    expect(uris.every((u) => u.startsWith('bundles/broken/') || u.startsWith('bundles/fixed/'))).toBe(true);
    expect(comments(44)).toHaveLength(1);
    const [body] = comments(44).map((c) => c.body);
    expect(body.split('\n')[0]).toBe('<!-- dab-ready:comment path=bundles -->');
    expect(body).toContain('### ❌ dab-ready: 1 of 2 bundles blocked · lowest score 65/100 (unchanged)');
    expect(body).toMatch(/^\| `broken` \| 65 \| 0 \| ❌ blocked \(2 critical\) \|$/m);
    expect(body).toMatch(/^\| `fixed` \| \d+ \| 0 \| 🟡 partial \|$/m);
    // the blocked bundle has its section, the untouched clean one is a table row
    expect(body.match(/^#### (❌|🟡|✅) `/gm)).toHaveLength(1);
    expect(body).toContain('1 bundle without blockers that this pull request did not touch');
  }, 120_000);

  it('posts suggestions for mechanical fixes on the changed lines, once per head commit, and keeps one comment', async () => {
    const dir = path.join(scratch, 'suggest');
    fs.cpSync(path.join(examples, 'entity-matching'), dir, { recursive: true, filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(path.relative(examples, src)) });
    const training = path.join(dir, 'resources/jobs_phase2_training.yml');
    const head = fs.readFileSync(training, 'utf8');
    fs.writeFileSync(training, head.split('\n').slice(0, 19).join('\n') + '\n');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const base = git(dir, 'rev-parse', 'HEAD');
    fs.writeFileSync(training, head);
    git(dir, 'commit', '-q', '-am', 'the training task');
    const sha = git(dir, 'rev-parse', 'HEAD');
    const patch = git(dir, 'diff', base, sha, '--', 'resources/jobs_phase2_training.yml').split('\n').filter((l, i, all) => i >= all.findIndex((x) => x.startsWith('@@'))).join('\n');
    server.addPullFiles('acme-data', 'entity-matching', 45, [{ filename: 'resources/jobs_phase2_training.yml', patch }]);
    const payload = event('pull_request.synchronize.json', { base, head: sha });
    payload.pull_request.number = 45;
    for (let i = 0; i < 2; i++) {
      const run = await runAction(dir, payload, { 'fail-on': 'none' });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain(i === 0 ? 'Suggestions: 1 posted, 0 already there' : 'Suggestions: 0 posted, 1 already there');
    }
    const review = server.reviewComments.filter((c) => c.issue === 'acme-data/entity-matching#45');
    expect(review.map((c) => [c.path, c.line, c.commit_id])).toEqual([['resources/jobs_phase2_training.yml', 30, sha]]);
    expect(review[0].body).toContain('```suggestion\n              epochs: "10"\n          libraries:\n            - whl: ../dist/*.whl\n```');
    expect(comments(45)).toHaveLength(1);
  }, 120_000);

  it('fail-on-new-only: blockers the base already had are existing and do not fail the gate; a new one does', async () => {
    const { dir, shas } = repoWithCommits('new-only', ['entity-matching']);
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'a pull request that changes nothing dab-ready looks at');
    shas.push(git(dir, 'rev-parse', 'HEAD'));
    const same = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: shas[1] }), { 'fail-on-new-only': 'true', comment: 'false' });
    expect(same.code, same.stdout).toBe(0);
    expect(same.summary).toContain('✅ gate passed');
    expect(same.stdout).toMatch(/::warning title=Wheel tasks get .*%2C existing\),file=resources\/jobs_phase2_training\.yml,line=24,/);
    expect(same.stdout).not.toMatch(/^::error (title|file)=/m);
    expect(JSON.parse(fs.readFileSync(same.outputs['report-json'], 'utf8')).bundles[0].findings.every((f: { existing?: boolean }) => f.existing)).toBe(true);
    // the same pull request without fail-on-new-only fails on the same two blockers
    const all = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: shas[1] }), { comment: 'false' });
    expect(all.code).toBe(1);
    // a blocker the pull request adds fails it
    fs.appendFileSync(path.join(dir, 'databricks.yml'), '\nvariables:\n  needed:\n    description: no default\n');
    git(dir, 'commit', '-q', '-am', 'a required variable without a value');
    const added = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: git(dir, 'rev-parse', 'HEAD') }), { 'fail-on-new-only': 'true', comment: 'false' });
    expect(added.code, added.stdout).toBe(1);
    expect(added.stdout).toMatch(/::error::dab-ready gate failed: .*variable-required-unset/);
    expect(added.stdout).not.toMatch(/::error::dab-ready gate failed: .*wheel-not-built/);
    // without the base commit every finding counts, with one warning
    const noBase = await runAction(dir, event('pull_request.synchronize.json', { base: '0123456789abcdef0123456789abcdef01234567', head: shas[1] }), { 'fail-on-new-only': 'true', comment: 'false' });
    expect(noBase.code).toBe(1);
    expect(noBase.stdout).toContain('::warning::dab-ready: fail-on-new-only needs the base commit');
  }, 180_000);

  it('comment-mode off and comment false never call the GitHub API', async () => {
    const { dir, shas } = repoWithCommits('quiet', ['entity-matching-fixed']);
    const before = server.requests.length;
    for (const inputs of [{ 'comment-mode': 'off', sarif: 'off' }, { comment: 'false' }] as Record<string, string>[]) {
      const run = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: shas[0] }), inputs);
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.sarif === '').toBe(inputs.sarif === 'off');
      expect(run.outputs['comment-url']).toBe('');
      expect(run.summary).toContain('✅ gate passed');
    }
    expect(server.requests.length).toBe(before);
  }, 120_000);

  it('refuses a path outside the workspace in one line, before analysing anything', async () => {
    const { dir } = repoWithCommits('outside', ['entity-matching-fixed']);
    fs.cpSync(path.join(examples, 'entity-matching'), path.join(scratch, 'ws2'), { recursive: true });
    const run = await runAction(dir, event('pull_request.synchronize.json', { base: 'x', head: 'y' }), { path: '../ws2', comment: 'false' });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      `::error::path: ../ws2 is outside the workspace (${fs.realpathSync(dir)}); give a folder inside the repository checkout`,
    ]);
    expect(run.stdout).not.toContain('file=../ws2');
    expect(run.summary).toBe('');
  }, 60_000);

  it('verify on a runner whose Python has no build module: one warning naming the tool and the fix', async () => {
    const { dir, shas } = repoWithCommits('no-build-module', ['entity-matching-fixed']);
    const venv = fs.mkdtempSync(path.join(scratch, 'bare-python-'));
    execFileSync(PYTHON, ['-m', 'venv', '--without-pip', venv]);
    const run = await runAction(dir, event('pull_request.synchronize.json', { base: shas[0], head: shas[0] }), {
      verify: 'true',
      python: path.join(venv, 'bin', 'python'),
      comment: 'false',
    });
    expect(run.code, run.stdout).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::')); // not the findings' file annotations
    expect(warnings).toEqual([
      '::warning::dab-ready: 1 verification step was skipped because a tool is missing on this runner: build (fix: python -m pip install build). Nothing was built or tested for it.',
    ]);
    expect(run.summary).toContain('> dab-ready: 1 verification step was skipped because a tool is missing');
    expect(run.summary).not.toMatch(/Verification:\*\* ✅ 0 passed|✅ Verification: 0 passed/);
  }, 120_000);

  it('a wrong input ends in a one-line failure', async () => {
    const { dir } = repoWithCommits('bad-input', ['entity-matching-fixed']);
    const run = await runAction(dir, event('pull_request.synchronize.json', { base: 'x', head: 'y' }), { 'fail-on': 'sometimes' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input fail-on must be one of critical, high, medium, low, info, none (got "sometimes")');
    expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});
