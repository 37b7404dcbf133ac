// sync-pattern-unmatched: a negated include is judged by what it names, a ! inside a pattern is a
// plain character, an artifact without a build keeps the default severity, and the "nothing to sync"
// warning needs sync.paths set and every one of them empty after the excludes.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('sync-pattern-unmatched: include patterns', () => {
  it('a negated include that names a file and ../ entries pass; a ! inside the pattern is part of the name; an artifact that builds nothing keeps it medium', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'artifacts:', '  w:', '    type: whl', '    files:', '      - source: ./dist/*.whl', 'sync:', '  include:', '    - "!src/*.py"', '    - "src/a!.py"', '    - "../x/*"'),
      'src/a.py': '',
    });
    expect(repo.run('sync-pattern-unmatched').map((f) => [f.message, f.severity])).toEqual([['Pattern src/a!.py does not match any files (sync.include[1])', undefined]]);
  });
});

describe('sync-pattern-unmatched: nothing to sync', () => {
  it('no warning for an empty sync.paths, or when one of several paths still uploads files', () => {
    const empty = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths: []'), 'src/a.py': '' });
    const one = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths:', '    - ./src', '    - ./tmp', '  exclude:', '    - "tmp/**"'), 'src/a.py': '', 'tmp/b.py': '' });
    expect([empty.run('sync-pattern-unmatched'), one.run('sync-pattern-unmatched')]).toEqual([[], []]);
  });
});
