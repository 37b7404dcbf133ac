import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseBaseCommit } from '../../src/github/base-checkout.js';
import type { Result } from '../../src/model.js';
import { result } from './factory.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-base-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

function repo(): { dir: string; base: string; head: string } {
  const dir = fs.mkdtempSync(path.join(scratch, 'repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  fs.mkdirSync(path.join(dir, 'bundles', 'a'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'bundles', 'a', 'databricks.yml'), 'bundle:\n  name: at-base\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  fs.writeFileSync(path.join(dir, 'bundles', 'a', 'databricks.yml'), 'bundle:\n  name: at-head\n');
  git(dir, 'commit', '-qam', 'head');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

describe('analysing the base commit in a git worktree', () => {
  it('analyses the same folder at the base commit and removes the worktree afterwards', async () => {
    const { dir, base } = repo();
    const seen: { folder: string; text: string }[] = [];
    const outcome = await analyseBaseCommit({
      path: path.join(dir, 'bundles', 'a'),
      sha: base,
      tempDir: scratch,
      analyse: async (folder): Promise<Result> => {
        seen.push({ folder, text: fs.readFileSync(path.join(folder, 'databricks.yml'), 'utf8') });
        return result([]);
      },
    });
    expect(outcome.result).toBeDefined();
    expect(seen).toHaveLength(1);
    expect(seen[0].text).toContain('at-base');
    expect(seen[0].folder.endsWith(path.join('base', 'bundles', 'a'))).toBe(true);
    expect(fs.existsSync(seen[0].folder)).toBe(false);
    expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'bundles', 'a', 'databricks.yml'), 'utf8')).toContain('at-head'); // the checkout is untouched
  });

  it('says why when the base commit is not in a shallow checkout', async () => {
    const { dir } = repo();
    const outcome = await analyseBaseCommit({ path: dir, sha: '0123456789abcdef0123456789abcdef01234567', analyse: async () => result([]) });
    expect(outcome).toEqual({ skipped: 'base commit 0123456789ab is not in the checkout (use actions/checkout with fetch-depth: 0)' });
  });

  it('refuses something that is not a commit id (no option injection into git)', async () => {
    const { dir } = repo();
    const outcome = await analyseBaseCommit({ path: dir, sha: '--output=/tmp/x', analyse: async () => result([]) });
    expect(outcome.skipped).toBe('not a commit id: --output=/tmp/x');
  });

  it('says when the folder does not exist at the base (a bundle added by the pull request)', async () => {
    const { dir, base } = repo();
    fs.mkdirSync(path.join(dir, 'bundles', 'new'));
    fs.writeFileSync(path.join(dir, 'bundles', 'new', 'databricks.yml'), 'bundle:\n  name: new\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'new bundle');
    const outcome = await analyseBaseCommit({ path: path.join(dir, 'bundles', 'new'), sha: base, tempDir: scratch, analyse: async () => result([]) });
    expect(outcome.skipped).toBe('bundles/new does not exist at the base commit');
    expect(git(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('turns an analysis error at the base into a reason, not a failure', async () => {
    const { dir, base } = repo();
    const outcome = await analyseBaseCommit({
      path: dir,
      sha: base,
      tempDir: scratch,
      analyse: async () => {
        throw new Error('no bundle found below .\nmore');
      },
    });
    expect(outcome.skipped).toBe('the base commit could not be analysed: no bundle found below .');
  });

  it('says so outside a git checkout', async () => {
    const plain = fs.mkdtempSync(path.join(scratch, 'plain-'));
    expect(await analyseBaseCommit({ path: plain, sha: 'abcdef1', analyse: async () => result([]) })).toEqual({ skipped: 'not a git checkout' });
  });
});
