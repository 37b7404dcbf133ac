import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/shared.js';

// scripts/release.mjs, the git side of the release workflow, on a real repository with a bare
// "origin": tag vX.Y.Z, move the major tag, keep the previous major on a branch, refuse what is wrong.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-release-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'release.mjs');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=release test', '-c', 'user.email=release@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

function release(cwd: string, ...args: string[]) {
  const env = { PATH: process.env.PATH, HOME: scratch, GIT_AUTHOR_NAME: 'r', GIT_AUTHOR_EMAIL: 'r@example.com', GIT_COMMITTER_NAME: 'r', GIT_COMMITTER_EMAIL: 'r@example.com' };
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', env });
  return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

function commitVersion(cwd: string, version: string, changelog: string): string {
  fs.writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'dab-ready', version }, null, 2) + '\n');
  fs.writeFileSync(path.join(cwd, 'CHANGELOG.md'), changelog);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', `release ${version}`);
  return git(cwd, 'rev-parse', 'HEAD');
}

const tagCommit = (cwd: string, tag: string) => git(cwd, 'rev-parse', `${tag}^{commit}`);

describe('scripts/release.mjs', () => {
  const origin = path.join(scratch, 'origin.git');
  const work = path.join(scratch, 'work');
  git(scratch, 'init', '-q', '--bare', origin);
  git(scratch, 'clone', '-q', origin, work);

  it('refuses a version without a CHANGELOG section, in one line', () => {
    commitVersion(work, '1.0.0', '# Changelog\n\n## [Unreleased]\n\n- first\n');
    expect(release(work, 'check')).toEqual({ status: 1, out: '', err: 'release: CHANGELOG.md has no section "## [1.0.0]": move the Unreleased entries under it first' });
  });

  it('tags v1.0.0, creates v1 on it and pushes both; the notes are the CHANGELOG section', () => {
    const head = commitVersion(work, '1.0.0', '# Changelog\n\n## [1.0.0] - 2026-12-07\n\n### Added\n\n- the first release\n\n## [0.1.0]\n\n- old\n');
    expect(release(work, 'check')).toMatchObject({ status: 0, out: 'release 1.0.0: ready to tag' });
    expect(release(work, 'notes').out).toBe('### Added\n\n- the first release');
    expect(release(work, 'tag', '--push')).toMatchObject({ status: 0, out: 'tagged v1.0.0 and v1; pushed' });
    expect(tagCommit(origin, 'v1.0.0')).toBe(head);
    expect(tagCommit(origin, 'v1')).toBe(head);
  });

  it('refuses to release the same version twice', () => {
    expect(release(work, 'check')).toMatchObject({ status: 1, err: 'release: tag v1.0.0 exists already: bump the version in package.json' });
  });

  it('a minor release moves v1 forward (a forced push of the major tag)', () => {
    const head = commitVersion(work, '1.1.0', '# Changelog\n\n## [1.1.0]\n\n- more checks\n\n## [1.0.0] - 2026-12-07\n\n- the first release\n');
    expect(release(work, 'tag', '--push').status).toBe(0);
    expect(tagCommit(origin, 'v1')).toBe(head);
    expect(tagCommit(origin, 'v1.0.0')).not.toBe(head);
  });

  it('a new major keeps the previous one on releases/v1 and starts v2', () => {
    const v1 = tagCommit(origin, 'v1');
    const head = commitVersion(work, '2.0.0', '# Changelog\n\n## 2.0.0\n\n- breaking\n');
    expect(release(work, 'tag', '--push')).toMatchObject({ status: 0, out: 'tagged v2.0.0 and v2; kept the previous major on releases/v1; pushed' });
    expect(tagCommit(origin, 'v2')).toBe(head);
    expect(tagCommit(origin, 'v1')).toBe(v1);
    expect(git(origin, 'rev-parse', 'refs/heads/releases/v1')).toBe(v1);
  });

  it('refuses a version that is not X.Y.Z and a dirty work tree', () => {
    commitVersion(work, '2.1.0-rc.1', '## [2.1.0-rc.1]\n');
    expect(release(work, 'check')).toMatchObject({ status: 1, err: 'release: package.json: version "2.1.0-rc.1" is not X.Y.Z' });
    commitVersion(work, '2.1.0', '## [2.1.0]\n- x\n');
    fs.writeFileSync(path.join(work, 'package.json'), '{"name":"dab-ready","version":"2.1.0","dirty":true}\n');
    expect(release(work, 'check')).toMatchObject({ status: 1, err: 'release: the work tree has uncommitted changes' });
  });

  it('the release workflow runs these commands after building and checking dist/ and the tests', () => {
    const workflow = fs.readFileSync(path.join(REPO_ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    const order = ['node scripts/release.mjs check', 'npm run build', 'git status --porcelain -- dist', 'npm test', 'node scripts/release.mjs tag --push', 'node scripts/release.mjs notes'];
    const at = order.map((command) => workflow.indexOf(command));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
