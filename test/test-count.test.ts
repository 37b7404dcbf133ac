import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/shared.js';

// scripts/test-count.mjs: the closing line CI reads, preceded by why tests were skipped.

const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function count(results: unknown): { status: number | null; lines: string[] } {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(results));
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'test-count.mjs'), file], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

const test = (status: string, skipReason?: string) => ({ status, title: 't', meta: skipReason ? { skipReason } : {} });

describe('scripts/test-count.mjs', () => {
  it('groups the skipped tests by their stated reason, names the file of those without one, and ends with the count line, exactly "N passed, N failed"', () => {
    const outcome = count({
      success: true,
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { name: path.join(REPO_ROOT, 'test/a.test.ts'), assertionResults: [test('passed'), test('skipped', '../shared/corpus is absent'), test('skipped', '../shared/corpus is absent')] },
        { name: path.join(REPO_ROOT, 'test/b.test.ts'), assertionResults: [test('passed'), test('passed'), test('pending'), test('skipped', 'uv is installed')] },
      ],
    });
    expect(outcome.status).toBe(0);
    expect(outcome.lines).toEqual([
      '4 skipped:',
      '  2 because ../shared/corpus is absent',
      '  1 because no reason stated (test/b.test.ts)',
      '  1 because uv is installed',
      '3 passed, 0 failed',
    ]);
  });

  it('prints the plain closing line alone when nothing was skipped, and exits 1 on a failure', () => {
    expect(count({ success: true, numPassedTests: 2, numFailedTests: 0, testResults: [{ name: 'x', assertionResults: [test('passed'), test('passed')] }] })).toEqual({
      status: 0,
      lines: ['2 passed, 0 failed'],
    });
    expect(count({ success: false, numPassedTests: 1, numFailedTests: 1, testResults: [] })).toEqual({ status: 1, lines: ['1 passed, 1 failed'] });
    // a suite that failed to load counts as a failure even with no failed test
    expect(count({ success: false, numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 2, testResults: [] })).toEqual({ status: 1, lines: ['5 passed, 2 failed'] });
  });

  it('says so when the results cannot be read', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'test-count.mjs'), path.join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
