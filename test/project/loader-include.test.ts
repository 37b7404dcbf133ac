import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goGlob, goMatch, BadPatternError } from '../../src/project/goglob.js';
import { resolveIncludes } from '../../src/project/include.js';
import { parseConfigText } from '../../src/project/yaml.js';
import { writeRepo } from './loader-helpers.js';

function includes(repo: string, yaml: string, repoRoot = repo) {
  const root = parseConfigText('databricks.yml', yaml).file.root!;
  return resolveIncludes(root, repo, repoRoot);
}

describe('goMatch (Go filepath.Match)', () => {
  it('* and ? never cross /, ** is *, classes and escapes work', () => {
    expect(goMatch('*.yml', 'a.yml')).toBe(true);
    expect(goMatch('*.yml', 'd/a.yml')).toBe(false);
    expect(goMatch('r/**/*.yml', 'r/x/a.yml')).toBe(true);
    expect(goMatch('r/**/*.yml', 'r/x/y/a.yml')).toBe(false);
    expect(goMatch('?.yml', 'a.yml')).toBe(true);
    expect(goMatch('?.yml', '/.yml')).toBe(false);
    expect(goMatch('[ab].yml', 'b.yml')).toBe(true);
    expect(goMatch('[^ab].yml', 'b.yml')).toBe(false);
    expect(goMatch('[a-c].yml', 'c.yml')).toBe(true);
    expect(goMatch('\\*.yml', '*.yml')).toBe(true);
    expect(goMatch('\\*.yml', 'a.yml')).toBe(false);
    expect(goMatch('*', '.hidden')).toBe(true);
    expect(() => goMatch('[a', 'a')).toThrow(BadPatternError);
  });

  it('goGlob lists matches sorted per directory and finds nothing for a missing dir', () => {
    const repo = writeRepo({ 'r/b.yml': '', 'r/a.yml': '', 'r/sub/c.yml': '' });
    expect(goGlob(`${repo}/r/*.yml`)).toEqual([`${repo}/r/a.yml`, `${repo}/r/b.yml`]);
    expect(goGlob(`${repo}/nope/*.yml`)).toEqual([]);
    expect(goGlob(`${repo}/*/*/*.yml`)).toEqual([`${repo}/r/sub/c.yml`]);
  });
});

describe('resolveIncludes', () => {
  it('resources/**/*.yml matches exactly one directory level', () => {
    const repo = writeRepo({ 'resources/top.yml': '', 'resources/a/one.yml': '', 'resources/a/b/two.yml': '' });
    const { files, notices } = includes(repo, 'include:\n  - resources/**/*.yml\n');
    expect(notices).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['resources/a/one.yml']);
  });

  it('* does not cross / and matches are sorted lexically within a glob', () => {
    const repo = writeRepo({ 'resources/b.yml': '', 'resources/a.yml': '', 'resources/sub/c.yml': '', 'resources/C.yml': '' });
    const { files } = includes(repo, 'include:\n  - resources/*.yml\n');
    expect(files.map((f) => f.rel)).toEqual(['resources/C.yml', 'resources/a.yml', 'resources/b.yml']);
  });

  it('first match wins: a file matched twice is loaded once, in the first glob position; the root file is pre-seeded', () => {
    const repo = writeRepo({ 'databricks.yml': '', 'r/a.yml': '', 'r/b.yml': '', 'z.yml': '' });
    const { files, notices } = includes(repo, 'include:\n  - z.yml\n  - r/b.yml\n  - r/*.yml\n  - z.yml\n  - "*.yml"\n');
    expect(notices).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['z.yml', 'r/b.yml', 'r/a.yml']);
    expect(files[2].entryLoc.line).toBe(4);
  });

  it('a non-glob entry that matches nothing is config-invalid at the entry; a glob that matches nothing is fine', () => {
    const repo = writeRepo({});
    const { files, notices } = includes(repo, 'include:\n  - nothing/*.yml\n  - missing.yml\n');
    expect(files).toEqual([]);
    expect(notices).toEqual([
      expect.objectContaining({
        check: 'config-invalid',
        message: "missing.yml defined in 'include' section does not match any files",
        loc: { file: 'databricks.yml', line: 3, column: 5 },
      }),
    ]);
  });

  it('a match that is not YAML/JSON is config-invalid; JSON is accepted', () => {
    const repo = writeRepo({ 'x/test.py': '', 'x/conf.json': '{}', 'x/a.yaml': '' });
    const { files, notices } = includes(repo, 'include:\n  - x/*\n');
    expect(files.map((f) => f.rel)).toEqual(['x/a.yaml', 'x/conf.json']);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain("Files in the 'include' configuration section must be YAML or JSON files.");
    expect(notices[0].message).toContain('x/test.py');
    expect(notices[0].loc?.line).toBe(2);
  });

  it('an absolute include is config-invalid', () => {
    const repo = writeRepo({ 'a.yml': '' });
    const { files, notices } = includes(repo, `include:\n  - ${repo}/a.yml\n`);
    expect(files).toEqual([]);
    expect(notices[0].message).toBe(`${repo}/a.yml: includes must be relative paths`);
  });

  it('../ is allowed inside the analysed repository', () => {
    const repo = writeRepo({ 'shared/common.yml': '', 'bundle/databricks.yml': '' });
    const { files, notices } = includes(path.join(repo, 'bundle'), 'include:\n  - ../shared/*.yml\n', repo);
    expect(notices).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['../shared/common.yml']);
  });

  it('an include leading out of the analysed repository (path or symlink) is not read: a notice at the entry', () => {
    const outside = writeRepo({ 'secret.yml': 'a: 1\n' });
    const repo = writeRepo({ 'bundle/databricks.yml': '' });
    fs.symlinkSync(path.join(outside, 'secret.yml'), path.join(repo, 'bundle', 'link.yml'));
    const bundle = path.join(repo, 'bundle');
    const rel = path.relative(bundle, path.join(outside, 'secret.yml'));
    const { files, notices } = includes(bundle, `include:\n  - link.yml\n  - ${rel}\n`, repo);
    expect(files).toEqual([]);
    expect(notices.map((n) => [n.check, n.loc?.line])).toEqual([
      ['include-outside-repository', 2],
      ['include-outside-repository', 3],
    ]);
  });

  it('a malformed pattern is config-invalid', () => {
    const repo = writeRepo({});
    const { notices } = includes(repo, 'include:\n  - "r/[a.yml"\n');
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { line: 2 } });
  });
});
