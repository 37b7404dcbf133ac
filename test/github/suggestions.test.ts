// Suggestions through the real @actions/github client against the loopback GitHub API, on a real
// git history: the pull request adds the seed example's wheel task and its %pip cell.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import { createClient } from '../../src/github/client.js';
import { suggestedEdits, type SuggestedEdit } from '../../src/github/suggestion-edits.js';
import { postSuggestions, rightSideHunks } from '../../src/github/suggestions.js';
import { FakeGitHub, GITHUB_ACTIONS_BOT, startFakeGitHub } from '../support/github-server.js';

const repoRoot = path.resolve(__dirname, '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-suggest-'));
const owner = 'acme';
const repo = 'em';
const pr = 11;
let server: FakeGitHub;
let dir: string;
let edits: SuggestedEdit[];
const HEAD = 'a'.repeat(40);

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });

beforeAll(async () => {
  dir = path.join(scratch, 'repo');
  fs.cpSync(path.join(repoRoot, 'examples', 'entity-matching'), dir, { recursive: true, filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(src) });
  const training = path.join(dir, 'resources/jobs_phase2_training.yml');
  const notebook = path.join(dir, 'notebooks/pipeline/03_vector_search_ditto.py');
  const head = { training: fs.readFileSync(training, 'utf8'), notebook: fs.readFileSync(notebook, 'utf8') };
  // the base commit: without the wheel task and with an older %pip line
  fs.writeFileSync(training, head.training.split('\n').slice(0, 19).join('\n') + '\n');
  fs.writeFileSync(notebook, head.notebook.replace(/^# MAGIC %pip install .*$/m, '# MAGIC %pip install faiss-cpu'));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  fs.writeFileSync(training, head.training);
  fs.writeFileSync(notebook, head.notebook);
  git('commit', '-q', '-am', 'add the training task');
  const files = git('diff', '--name-only', 'HEAD~1', 'HEAD').trim().split('\n');
  const patches = files.map((filename) => ({ filename, patch: git('diff', 'HEAD~1', 'HEAD', '--', filename).split('\n').filter((l, i, all) => i >= all.findIndex((x) => x.startsWith('@@'))).join('\n') }));
  server = await startFakeGitHub();
  server.addToken('ghs_actions', { ...GITHUB_ACTIONS_BOT, readOnly: false });
  server.addPullFiles(owner, repo, pr, patches);
  const { result, project } = await analyse({ path: dir });
  edits = suggestedEdits(result, project, '');
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => server.reviewComments.splice(0));

const post = (extra: Partial<Parameters<typeof postSuggestions>[0]> = {}) =>
  postSuggestions({ client: createClient('ghs_actions', { baseUrl: server.url }), owner, repo, pullNumber: pr, headSha: HEAD, fromFork: false, edits, max: 5, ...extra });

describe('suggestions for mechanical fixes', () => {
  it('derives the edits from the findings: attach the wheel after the task block, pin the %pip lower bounds', () => {
    const byCheck = Object.fromEntries(edits.map((e) => [e.finding.check, e]));
    expect(byCheck['wheel-not-built']).toMatchObject({
      file: 'resources/jobs_phase2_training.yml',
      startLine: 30,
      endLine: 30,
      replacement: '              epochs: "10"\n          libraries:\n            - whl: ../dist/*.whl',
    });
    expect(byCheck['library-deps-inconsistent']).toMatchObject({
      file: 'notebooks/pipeline/03_vector_search_ditto.py',
      startLine: 8,
      replacement: '# MAGIC %pip install --upgrade transformers==4.40.0 sentence-transformers==2.3.0 torch==2.1.0 faiss-cpu scikit-learn mlflow',
    });
    // the entry point's function does not exist yet: a new module is a judgement, not a suggestion
    expect(byCheck['entry-point-missing']).toBeUndefined();
  });

  it('the wheel suggestion, applied, fixes what it suggests', async () => {
    const edit = edits.find((e) => e.finding.check === 'wheel-not-built')!;
    const copy = path.join(scratch, 'applied');
    fs.cpSync(dir, copy, { recursive: true });
    const file = path.join(copy, edit.file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement.split('\n'));
    fs.writeFileSync(file, lines.join('\n'));
    const { result } = await analyse({ path: copy });
    const stillThere = result.bundles[0].findings.filter((f) => f.check === 'wheel-not-built' && f.loc?.file === edit.file);
    expect(stillThere.map((f) => f.message)).not.toContain(edit.finding.message);
  });

  it('posts each as a review comment with a suggestion block on the diff lines, once per finding and head commit', async () => {
    expect(await post()).toMatchObject({ posted: 2, alreadyPosted: 0, outsideDiff: 0 });
    const posted = server.reviewComments;
    expect(posted.map((c) => [c.path, c.line, c.commit_id])).toEqual([
      ['resources/jobs_phase2_training.yml', 30, HEAD],
      ['notebooks/pipeline/03_vector_search_ditto.py', 8, HEAD],
    ]);
    expect(posted[0].body).toContain('```suggestion\n              epochs: "10"\n          libraries:\n            - whl: ../dist/*.whl\n```');
    expect(posted[0].body).toMatch(/^<!-- dab-ready:suggestion [0-9a-f]{24} a{40} -->\n\*\*dab-ready\*\* · Wheel tasks get a wheel that deploy builds and attaches/);
    // a re-run at the same head commit posts nothing new
    expect(await post()).toMatchObject({ posted: 0, alreadyPosted: 2 });
    expect(server.reviewComments).toHaveLength(2);
    // a new head commit gets its own
    expect(await post({ headSha: 'b'.repeat(40) })).toMatchObject({ posted: 2 });
  });

  it('never on a fork, never past the cap, never outside the diff', async () => {
    expect(await post({ fromFork: true })).toMatchObject({ posted: 0, skipped: 'the pull request comes from a fork' });
    expect(await post({ max: 1 })).toMatchObject({ posted: 1, capped: 1 });
    server.reviewComments.splice(0);
    const outside = edits.map((e) => ({ ...e, startLine: 1, endLine: 1 }));
    expect(await post({ edits: outside })).toMatchObject({ posted: 0, outsideDiff: 2 });
    expect(server.reviewComments).toHaveLength(0);
    expect(server.requests.some((r) => r.method === 'POST' && r.status === 422)).toBe(false);
  });

  it('reads hunk ranges from a unified diff', () => {
    expect(rightSideHunks('@@ -1,3 +1,4 @@\n a\n+b\n@@ -10 +11 @@\n-x\n+y\n@@ -20,2 +22,0 @@')).toEqual([
      [1, 4],
      [11, 11],
    ]);
  });
});
