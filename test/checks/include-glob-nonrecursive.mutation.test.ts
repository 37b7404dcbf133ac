// include-glob-nonrecursive: the recursive reading of an include glob follows Go's filepath.Match
// (the CLI's matcher) in everything but `**`: classes, `^` negation (`!` is a plain character),
// a literal `.`, a glob in the first segment; only YAML/JSON files count; exactly ten are all shown.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const R = 'resources: {}\n';
const missed = (files: Record<string, string>) => loadRepo(files).run('include-glob-nonrecursive').map((f) => f.message.replace(/^include entry "([^"]+)".*?(: \d+ file\(s\) it seems to cover are not loaded: |\(no file)/, '$1$2'));

describe('include-glob-nonrecursive: the recursive reading', () => {
  it('a class matches one of its characters; ^ negates it, ! is a plain character as in Go', () => {
    expect(
      missed({
        'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "a/**/[xy].yml"', '  - "b/**/[^t]*.yml"', '  - "c/**/[!t]*.yml"'),
        'a/1/2/x.yml': R, 'a/1/2/z.yml': R,
        'b/1/2/s.yml': R, 'b/1/2/t.yml': R,
        'c/1/2/!s.yml': R, 'c/1/2/s.yml': R, 'c/1/2/t.yml': R,
      }),
    ).toEqual([
      'a/**/[xy].yml: 1 file(s) it seems to cover are not loaded: a/1/2/x.yml',
      'b/**/[^t]*.yml: 1 file(s) it seems to cover are not loaded: b/1/2/s.yml',
      'c/**/[!t]*.yml: 2 file(s) it seems to cover are not loaded: c/1/2/!s.yml, c/1/2/t.yml',
    ]);
  });

  it('a . in the glob is a literal dot, and only YAML or JSON files are counted (by their last extension)', () => {
    expect(
      missed({
        'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "conf/**"'),
        'conf/1/2/a.yml': R, 'conf/1/2/b.json': '{}', 'conf/1/2/c.md': 'x', 'conf/1/2/dyml': R, 'conf/1/2/e.yml.bak': R,
      }),
    ).toEqual(['conf/**: 2 file(s) it seems to cover are not loaded: conf/1/2/a.yml, conf/1/2/b.json']);
    expect(
      missed({ 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "d/**/a.b.yml"'), 'd/1/2/a.b.yml': R, 'd/1/2/aXb.yml': R }),
    ).toEqual(['d/**/a.b.yml: 1 file(s) it seems to cover are not loaded: d/1/2/a.b.yml']);
  });

  it('a glob in the first segment reads from the bundle root', () => {
    expect(missed({ 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "*/x/**/*.yml"'), 'a/x/1/2/f.yml': R, 'a/y/1/2/f.yml': R })).toEqual([
      '*/x/**/*.yml: 1 file(s) it seems to cover are not loaded: a/x/1/2/f.yml',
    ]);
  });

  it('exactly ten missed files are all shown, without "and 0 more"', () => {
    const files: Record<string, string> = { 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "r/**/*.yml"') };
    for (let i = 0; i < 10; i++) files[`r/d${i}/e/f.yml`] = R;
    expect(missed(files)).toEqual([`r/**/*.yml: 10 file(s) it seems to cover are not loaded: ${Array.from({ length: 10 }, (_, i) => `r/d${i}/e/f.yml`).join(', ')}`]);
  });
});

describe('include-glob-nonrecursive: more of the reading and the fix', () => {
  it('a * after a literal stays within the name; a base of two folders is read; .yml must end the name', () => {
    expect(
      missed({
        'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "d/**/a*.yml"', '  - "conf/sub/**/*.yml"'),
        'd/1/2/ab.yml': R, 'd/1/2/ba.yml': R,
        'conf/sub/1/2/x.yml': R, 'conf/sub/1/2/x.yml.bak': R,
      }),
    ).toEqual([
      'd/**/a*.yml: 1 file(s) it seems to cover are not loaded: d/1/2/ab.yml',
      'conf/sub/**/*.yml: 1 file(s) it seems to cover are not loaded: conf/sub/1/2/x.yml',
    ]);
  });

  it('an entry with two ** gets one glob per level for the first, the rest kept as single-level *', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "a/**/b/**/*.yml"'), 'a/b/x/c.yml': R });
    expect(repo.run('include-glob-nonrecursive').map((f) => f.fix?.text)).toEqual([
      'Replace "a/**/b/**/*.yml" with one glob per directory level, e.g. "a/b/*/*.yml", "a/*/b/*/*.yml", "a/*/*/b/*/*.yml".',
    ]);
  });
});
