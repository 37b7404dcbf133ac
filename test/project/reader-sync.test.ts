import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Loc, SyncConfig } from '../../src/model.js';
import { createFileIndex } from '../../src/project/files.js';
import { createSyncMatcher } from '../../src/project/sync.js';
import { run } from '../../src/verify/runner.js';
import { makeTree, removeTree } from './reader-tmp.js';

const roots: string[] = [];
afterEach(() => {
  while (roots.length) removeTree(roots.pop()!);
});

function sync(partial: Partial<SyncConfig> = {}): SyncConfig {
  const include = partial.include ?? [];
  const exclude = partial.exclude ?? [];
  const loc = (i: number): Loc => ({ file: 'databricks.yml', line: 10 + i, column: 7 });
  return {
    paths: partial.paths ?? ['.'],
    include,
    exclude,
    includeLocs: partial.includeLocs ?? include.map((_, i) => loc(i)),
    excludeLocs: partial.excludeLocs ?? exclude.map((_, i) => loc(20 + i)),
  };
}

const GITIGNORE = ['# build output', 'dist/', '*.log', '!keep.log', '/data', 'secrets/**', '!secrets/public.txt', 'build', ''].join('\n');
const FILES: Record<string, string> = {
  '.gitignore': GITIGNORE,
  'src/.gitignore': '*.tmp\n!important.tmp\ngenerated/\n',
  'notebooks/.gitignore': '!debug.log\nscratch*.py\n',
  'databricks.yml': 'bundle: {name: x}\n',
  'a.py': '',
  'app.log': '',
  'keep.log': '',
  'dist/x.whl': '',
  'data/raw.csv': '',
  'sub/data/ok.csv': '',
  'secrets/key.txt': '',
  'secrets/public.txt': '',
  'build/out.txt': '',
  'src/build/gen.py': '',
  'local-notes.md': '',
  'src/x.tmp': '',
  'src/important.tmp': '',
  'src/generated/g.py': '',
  'src/main.py': '',
  'src/deep/er/y.tmp': '',
  'notebooks/debug.log': '',
  'notebooks/scratch1.py': '',
  'notebooks/run.py': '',
  'notebooks/sub/scratch2.py': '',
};
const CANDIDATES = Object.keys(FILES).filter((f) => !f.endsWith('.gitignore'));

async function gitRepo(files: Record<string, string>): Promise<string> {
  const root = makeTree(files);
  roots.push(root);
  const init = await run(['git', 'init', '-q', root]);
  expect(init.exitCode, init.stderr).toBe(0);
  makeTree; // (files are written before init: git init keeps them)
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(root, '.git', 'info', 'exclude'), '# local\nlocal-notes.md\n');
  return root;
}

/** The paths `git check-ignore` says are ignored (global excludes off). */
async function gitIgnored(repo: string, paths: string[]): Promise<Set<string>> {
  const r = await run(['git', '-c', 'core.excludesFile=/dev/null', '-C', repo, 'check-ignore', '--stdin'], { input: paths.join('\n') + '\n' });
  expect([0, 1]).toContain(r.exitCode);
  return new Set(r.stdout.split('\n').filter(Boolean));
}

describe('createSyncMatcher against real git check-ignore', () => {
  it("git mode gives exactly git's answer for nested .gitignores, negations, anchors, info/exclude", async () => {
    const repo = await gitRepo(FILES);
    const ignored = await gitIgnored(repo, CANDIDATES);
    expect(ignored.has('notebooks/debug.log')).toBe(false); // git: the nested negation re-includes it
    expect(ignored.has('secrets/public.txt')).toBe(false);
    expect(ignored.has('local-notes.md')).toBe(true);
    const matcher = createSyncMatcher(createFileIndex(repo, repo), sync(), { negationAcrossFiles: 'git' });
    for (const file of CANDIDATES) {
      expect([file, matcher(file).synced]).toEqual([file, !ignored.has(file)]);
    }
  });

  it('cli mode (default) agrees with git except that a nested negation cannot undo a parent .gitignore', async () => {
    const repo = await gitRepo(FILES);
    const ignored = await gitIgnored(repo, CANDIDATES);
    const matcher = createSyncMatcher(createFileIndex(repo, repo), sync());
    for (const file of CANDIDATES) {
      if (file === 'notebooks/debug.log') continue;
      expect([file, matcher(file).synced]).toEqual([file, !ignored.has(file)]);
    }
    // cli libs/git/repository.go Ignore(): any applicable rule file that ignores the path wins.
    expect(matcher('notebooks/debug.log')).toEqual({
      synced: false,
      reason: { kind: 'gitignore', pattern: '*.log', loc: { file: '.gitignore', line: 3, column: 1 } },
    });
  });

  it('the reason names the pattern and the .gitignore line, like git check-ignore -v', async () => {
    const repo = await gitRepo(FILES);
    const r = await run(['git', '-c', 'core.excludesFile=/dev/null', '-C', repo, 'check-ignore', '-v', 'src/x.tmp', 'dist/x.whl', 'local-notes.md']);
    const verbose = r.stdout.trim().split('\n').map((l) => {
      const [source, line, pattern] = l.split('\t')[0].split(':');
      return { source, line: Number(line), pattern };
    });
    const matcher = createSyncMatcher(createFileIndex(repo, repo), sync());
    const reasons = ['src/x.tmp', 'dist/x.whl', 'local-notes.md'].map((f) => matcher(f).reason);
    expect(reasons.map((x) => [x?.loc?.file, x?.loc?.line, x?.pattern])).toEqual(
      verbose.map((v) => [v.source, v.line, v.pattern]),
    );
  });

  it('a bundle in a subfolder: the repository .gitignore applies, located with ../', async () => {
    const repo = await gitRepo({ '.gitignore': '*.log\n', 'bundle/databricks.yml': '', 'bundle/x.log': '', 'bundle/x.py': '' });
    const matcher = createSyncMatcher(createFileIndex(path.join(repo, 'bundle'), repo), sync());
    expect(matcher('x.log')).toEqual({ synced: false, reason: { kind: 'gitignore', pattern: '*.log', loc: { file: '../.gitignore', line: 1, column: 1 } } });
    expect(matcher('x.py')).toEqual({ synced: true });
  });

  it('without any .git, .gitignore files still apply (the CLI does the same)', () => {
    const root = makeTree({ '.gitignore': 'out/\n', 'out/a.txt': '', 'in.txt': '' });
    roots.push(root);
    const matcher = createSyncMatcher(createFileIndex(root, root), sync());
    expect(matcher('out/a.txt').synced).toBe(false);
    expect(matcher('in.txt').synced).toBe(true);
  });
});

describe('createSyncMatcher: sync.paths, include, exclude', () => {
  it('include re-adds gitignored files; exclude removes and wins over include; locs come from the config', async () => {
    const repo = await gitRepo(FILES);
    const matcher = createSyncMatcher(
      createFileIndex(repo, repo),
      sync({ include: ['./dist/*.whl', 'secrets/key.txt'], exclude: ['notebooks/scratch*', 'src/main.py', 'secrets/*'] }),
    );
    expect(matcher('dist/x.whl')).toEqual({ synced: true });
    expect(matcher('secrets/key.txt')).toEqual({
      synced: false,
      reason: { kind: 'sync.exclude', pattern: 'secrets/*', loc: { file: 'databricks.yml', line: 32, column: 7 } },
    });
    expect(matcher('src/main.py').reason).toMatchObject({ kind: 'sync.exclude', pattern: 'src/main.py', loc: { line: 31 } });
    expect(matcher('notebooks/scratch1.py').reason).toMatchObject({ kind: 'sync.exclude', pattern: 'notebooks/scratch*' });
    expect(matcher('notebooks/run.py')).toEqual({ synced: true });
  });

  it('.git and .databricks are never synced, not even when included', () => {
    const root = makeTree({ 'a.py': '' });
    roots.push(root);
    const matcher = createSyncMatcher(createFileIndex(root, root), sync({ include: ['**'] }));
    expect(matcher('.databricks/bundle/dev/state.json')).toEqual({ synced: false, reason: { kind: 'always-excluded' } });
    expect(matcher('.git/config')).toEqual({ synced: false, reason: { kind: 'always-excluded' } });
    expect(matcher('sub/.git/HEAD').reason?.kind).toBe('always-excluded');
  });

  it('sync.paths limits the set; include may still add files inside the sync root; [] syncs nothing', () => {
    const root = makeTree({ 'src/a.py': '', 'b.py': '', 'conf/c.yml': '' });
    roots.push(root);
    const index = createFileIndex(root, root);
    const matcher = createSyncMatcher(index, sync({ paths: ['src'], include: ['conf/*.yml'] }));
    expect(matcher('src/a.py')).toEqual({ synced: true });
    expect(matcher('b.py')).toEqual({ synced: false, reason: { kind: 'outside-sync-paths' } });
    expect(matcher('conf/c.yml')).toEqual({ synced: true });
    expect(createSyncMatcher(index, sync({ paths: [] }))('src/a.py')).toEqual({ synced: false, reason: { kind: 'outside-sync-paths' } });
  });

  it('sync.paths: [".."] moves the sync root up: files beside the bundle are synced, ignore rules still apply', async () => {
    const repo = await gitRepo({
      '.gitignore': '*.pyc\n',
      'lib/util.py': '',
      'lib/util.pyc': '',
      'lib/notes.md': '',
      'bundle/databricks.yml': '',
      'bundle/nb.py': '',
      'bundle/README.md': '',
    });
    const index = createFileIndex(path.join(repo, 'bundle'), repo);
    const onlyBundle = createSyncMatcher(index, sync());
    expect(onlyBundle('../lib/util.py')).toEqual({ synced: false, reason: { kind: 'outside-sync-paths' } });
    const matcher = createSyncMatcher(index, sync({ paths: ['..'], exclude: ['*.md'] }));
    expect(matcher('../lib/util.py')).toEqual({ synced: true });
    expect(matcher('nb.py')).toEqual({ synced: true });
    expect(matcher('../lib/util.pyc').reason).toMatchObject({ kind: 'gitignore', pattern: '*.pyc', loc: { file: '../.gitignore' } });
    // exclude patterns stay relative to the bundle root (joined onto it, as the CLI rewrites them)
    expect(matcher('README.md').reason).toMatchObject({ kind: 'sync.exclude', pattern: '*.md' });
    expect(matcher('../lib/notes.md')).toEqual({ synced: true });
  });

  async function manyFiles() {
    const repo = await gitRepo(FILES);
    const matcher = createSyncMatcher(createFileIndex(repo, repo), sync({ exclude: ['*.tmp', 'docs/**'] }));
    const files = Array.from({ length: 5000 }, (_, i) => `src/pkg${i % 50}/mod${i % 7}/file${i}.${i % 3 ? 'py' : 'tmp'}`);
    return { matcher, files };
  }

  it('5,000 files: each .py is synced, each .tmp excluded by sync.exclude', async () => {
    const { matcher, files } = await manyFiles();
    const excluded = { synced: false, reason: expect.objectContaining({ kind: 'sync.exclude', pattern: '*.tmp' }) };
    expect(files.map((f) => matcher(f))).toEqual(files.map((f) => (f.endsWith('.py') ? { synced: true } : excluded)));
  });
});
