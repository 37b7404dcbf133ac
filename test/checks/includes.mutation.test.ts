// The root file's include entries (lib/includes.ts), seen through include-glob-nonrecursive and
// include-non-yaml: only non-empty strings are patterns; an include that is no list has none.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const run = (include: string[], files: Record<string, string>) => {
  const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: i', ...include), ...files });
  return [...repo.run('include-glob-nonrecursive'), ...repo.run('include-non-yaml')].map((f) => `${f.check} ${f.loc?.file}:${f.loc?.line}`);
};

describe('includes: the entries read', () => {
  it('a number, a mapping and null among the entries are no patterns; the string entries are', () => {
    const include = ['include:', '  - 5', '  - {a: b}', '  - ~', '  - "**/*.yml"', '  - "*.txt"'];
    expect(run(include, { 'sub/deep/x.yml': 'resources: {}\n', 'notes.txt': 'x\n' })).toEqual([
      'include-glob-nonrecursive databricks.yml:7',
      'include-non-yaml databricks.yml:8',
    ]);
  });

  it('an include that is a single string, not a list: nothing to read', () => {
    expect(run(['include: "*.txt"'], { 'notes.txt': 'x\n' })).toEqual([]);
  });
});
