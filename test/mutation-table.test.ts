import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mutationRows, mutationTable } from '../scripts/mutation-table.mjs';
import { REPO_ROOT } from './support/shared.js';

// scripts/mutation-table.mjs: the score per module that npm run mutate prints from Stryker's JSON report.

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });
const report = {
  files: {
    'src/b.ts': mutants('Killed', 'Killed', 'Survived', 'Timeout', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'),
    'src/a.ts': mutants('Killed', 'Survived'),
    'src/c.ts': mutants('CompileError', 'Ignored'),
  },
};

describe('scripts/mutation-table.mjs', () => {
  it('counts killed and timed-out mutants over the valid ones (compile and runtime errors and ignored ones are not), per file by path, then the total', () => {
    expect(mutationRows(report)).toEqual([
      { module: 'src/a.ts', mutants: 2, killed: 1, timeout: 0, survived: 1, noCoverage: 0, score: 50 },
      { module: 'src/b.ts', mutants: 5, killed: 2, timeout: 1, survived: 1, noCoverage: 1, score: 60 },
      { module: 'src/c.ts', mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: null },
      { module: 'total', mutants: 7, killed: 3, timeout: 1, survived: 2, noCoverage: 1, score: (100 * 4) / 7 },
    ]);
  });

  it('prints a Markdown table that also reads in a terminal', () => {
    expect(mutationTable(report).split('\n')).toEqual([
      '| module   | mutants | killed | timeout | survived | no-coverage | score |',
      '| -------- | ------: | -----: | ------: | -------: | ----------: | ----: |',
      '| src/a.ts |       2 |      1 |       0 |        1 |           0 | 50.0% |',
      '| src/b.ts |       5 |      2 |       1 |        1 |           1 | 60.0% |',
      '| src/c.ts |       0 |      0 |       0 |        0 |           0 |   n/a |',
      '| total    |       7 |      3 |       1 |        2 |           1 | 57.1% |',
    ]);
  });

  const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-mutation-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = path.join(REPO_ROOT, 'scripts', 'mutation-table.mjs');

  it('reprints the table of a report file, and says in one line when it cannot read one', () => {
    const file = path.join(dir, 'mutation.json');
    writeFileSync(file, JSON.stringify(report));
    const ok = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`${mutationTable(report)}\n`);
    const missing = spawnSync(process.execPath, [script, path.join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^mutation-table: cannot read .*missing\.json: ENOENT[^\n]*\n$/);
  });
});
