import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { bigRepo } from './big-repo.js';

// What the loader yields at scale. How long it takes is measured by `npm run bench -- --budgets`
// (bench/budgets/loader.budget.ts): a time read in a test fails CI when the machine is busy.
describe('scale: 2,000 jobs / 10,000 tasks over 286 files and 3 targets', () => {
  it('loads every job, task, library and file, with no notice', () => {
    const repo = bigRepo();
    const b = loadProject(repo, { env: {} }).bundles[0];
    expect(b.files.size).toBe(1 + fs.readdirSync(path.join(repo, 'resources')).length);
    for (const name of ['dev', 'staging', 'prod']) {
      const t = b.targets.get(name)!;
      expect(t.jobs).toHaveLength(2000);
      expect(t.jobs.reduce((n, j) => n + j.tasks.length, 0)).toBe(10_000);
      expect(t.jobs[0].tasks[0].libraries.map((l) => l.kind)).toEqual(['whl', 'pypi']);
      expect(t.jobs[1].tasks[0].libraries.map((l) => l.kind)).toEqual(['whl']);
    }
    expect(b.notices).toEqual([]);
  });
});
