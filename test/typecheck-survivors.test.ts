import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutant, typecheckSurvivors } from '../scripts/typecheck-survivors.mjs';
import { REPO_ROOT } from './support/shared.js';

// scripts/typecheck-survivors.mjs: the survivors of a Stryker run without its type checker that
// would not compile, over a small project on disk and a report in Stryker's JSON format.

const words = `export function words(text: string): string[] {
  return text === '' ? [] : text.split(' ');
}

export const firstWord = (text?: string) => text?.split(' ')[0] ?? '';
`;
const shout = `import { firstWord } from './words.js';

export const shout = (text: string): string => firstWord(text).toUpperCase();
`;
const broken = `export const one: number = 'one';
`;
type Location = { line: number; column: number };
const at = (line: number, column: number): Location => ({ line, column });
const mutant = (id: string, mutatorName: string, status: string, replacement: string, start: Location, end: Location) => ({
  id,
  mutatorName,
  replacement,
  status,
  static: false,
  coveredBy: [],
  location: { start, end },
});
// mutants as Stryker reports them (1-based lines and columns, the end exclusive)
const report = {
  schemaVersion: '1',
  thresholds: { high: 90, low: 80 },
  files: {
    'src/words.ts': {
      language: 'typescript',
      source: words,
      mutants: [
        // the function declares string[] and returns nothing: does not compile
        mutant('0', 'BlockStatement', 'Survived', '{}', at(1, 47), at(3, 2)),
        mutant('1', 'ConditionalExpression', 'Survived', 'true', at(2, 10), at(2, 21)),
        mutant('2', 'ArrayDeclaration', 'Killed', '["Stryker was here"]', at(2, 24), at(2, 26)),
        // firstWord's type becomes "" | undefined: words.ts compiles, shout.ts (which imports it) does not
        mutant('3', 'LogicalOperator', 'NoCoverage', "text?.split(' ')[0] && ''", at(5, 45), at(5, 70)),
        mutant('4', 'StringLiteral', 'Survived', '""', at(5, 57), at(5, 60)),
      ],
    },
    'src/broken.ts': {
      language: 'typescript',
      source: broken,
      mutants: [mutant('5', 'StringLiteral', 'Survived', '""', at(1, 28), at(1, 33))],
    },
  },
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-typecheck-survivors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'src'));
const tsconfig = { compilerOptions: { strict: true, module: 'ES2022', moduleResolution: 'Bundler', target: 'ES2022', noEmit: true, types: [] }, include: ['src/**/*.ts'] };
writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
writeFileSync(path.join(dir, 'src', 'words.ts'), words);
writeFileSync(path.join(dir, 'src', 'shout.ts'), shout);
writeFileSync(path.join(dir, 'src', 'broken.ts'), broken);
writeFileSync(path.join(dir, 'mutation.json'), JSON.stringify(report));

const statuses = (r: typeof report) => Object.fromEntries(Object.entries(r.files).map(([f, { mutants }]) => [f, mutants.map((m) => m.status)]));

describe('scripts/typecheck-survivors.mjs', () => {
  it("applies a mutant at Stryker's 1-based location", () => {
    expect(applyMutant(words, report.files['src/words.ts'].mutants[3])).toBe(words.replace("?? ''", "&& ''"));
    expect(applyMutant(words, report.files['src/words.ts'].mutants[0]).split('\n')[0]).toBe('export function words(text: string): string[] {}');
  });

  it('marks a survivor that does not compile, or breaks a module importing its module, as CompileError; keeps those that compile; skips a file that does not compile unmutated', () => {
    const result = typecheckSurvivors(report, { root: dir, tsconfig: 'tsconfig.json' });
    expect(statuses(result.report)).toEqual({
      'src/words.ts': ['CompileError', 'Survived', 'Killed', 'CompileError', 'Survived'],
      'src/broken.ts': ['Survived'],
    });
    expect(result).toMatchObject({ checked: 4, compileErrors: 2, skipped: ['src/broken.ts'] });
    expect(statuses(report)['src/words.ts']).toEqual(['Survived', 'Survived', 'Killed', 'NoCoverage', 'Survived']); // the input is not changed
    expect(readFileSync(path.join(dir, 'src', 'words.ts'), 'utf8')).toBe(words); // nor the files on disk
  });

  const script = path.join(REPO_ROOT, 'scripts', 'typecheck-survivors.mjs');

  it('prints the score per module with the mutants that do not compile left out, and lists the survivors that compile', () => {
    const run = spawnSync(process.execPath, [script, 'mutation.json', '--tsconfig', 'tsconfig.json', '--list'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('typecheck-survivors: src/broken.ts does not type-check as the report saw it: its survivors are left as they are\n');
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/in \d+\.\d s/, 'in N s').split('\n')).toEqual([
      '4 survivors type-checked in N s: 2 do not compile',
      '',
      '| module        | mutants | killed+timeout | survived | no-coverage | compile-errors | score measured | score typechecked |',
      '| ------------- | ------: | -------------: | -------: | ----------: | -------------: | -------------: | ----------------: |',
      '| src/broken.ts |       1 |              0 |        1 |           0 |              0 |           0.0% |              0.0% |',
      '| src/words.ts  |       5 |              1 |        2 |           0 |              2 |          20.0% |             33.3% |',
      '| total         |       6 |              1 |        3 |           0 |              2 |          16.7% |             25.0% |',
      '',
      'survivors that compile:',
      'src/broken.ts:1:28 Survived StringLiteral "\'one\'" -> "\\"\\""',
      'src/words.ts:2:10 Survived ConditionalExpression "text === \'\'" -> "true"',
      'src/words.ts:5:57 Survived StringLiteral "\' \'" -> "\\"\\""',
      '',
    ]);
  });

  it('says in one line when it cannot read the report', () => {
    const run = spawnSync(process.execPath, [script, 'missing.json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^typecheck-survivors: cannot read missing\.json: ENOENT[^\n]*\n$/);
  });
});
