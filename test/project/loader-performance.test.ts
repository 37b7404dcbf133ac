import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { wallClockBudget } from '../support/timing.js';
import { writeRepo } from './loader-helpers.js';

/** 2,000 jobs with 5 tasks each over 286 resource files (7 a file), three targets that override some jobs. */
function bigRepo(): string {
  const files: Record<string, string> = {};
  const jobsPerFile = Math.ceil(2000 / 300);
  let jobIndex = 0;
  for (let f = 0; f < 300 && jobIndex < 2000; f++) {
    const lines = ['resources:', '  jobs:'];
    for (let j = 0; j < jobsPerFile && jobIndex < 2000; j++, jobIndex++) {
      lines.push(`    job_${jobIndex}:`, `      name: job ${jobIndex} \${bundle.target}`, '      tasks:');
      for (let t = 0; t < 5; t++) {
        lines.push(
          `        - task_key: t${t}`,
          `          notebook_task: {notebook_path: ../src/nb_${t}.py, base_parameters: {catalog: "\${var.catalog}"}}`,
          '          libraries:',
          '            - whl: ../dist/*.whl',
        );
      }
    }
    files[`resources/r${String(f).padStart(3, '0')}.yml`] = lines.join('\n') + '\n';
  }
  const targets = ['dev', 'staging', 'prod'].map((t) => {
    const overrides = Array.from({ length: 200 }, (_, i) => `        job_${i * 10}:\n          tasks:\n            - task_key: t0\n              libraries: [{pypi: {package: x}}]`).join('\n');
    return `  ${t}:\n    resources:\n      jobs:\n${overrides}`;
  });
  files['databricks.yml'] = `bundle:\n  name: big\ninclude:\n  - resources/*.yml\nvariables:\n  catalog:\n    default: main\ntargets:\n${targets.join('\n')}\n`;
  return writeRepo(files);
}

function bestOf<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, value };
}

describe('performance: 2,000 jobs / 10,000 tasks over 286 files and 3 targets', () => {
  let repo: string;
  let load: { ms: number; value: Project };
  let parse: { ms: number; value: void };
  beforeAll(() => {
    repo = bigRepo();
    const texts = fs.readdirSync(path.join(repo, 'resources')).map((f) => fs.readFileSync(path.join(repo, 'resources', f), 'utf8'));
    loadProject(repo, { env: {}, target: 'dev' }); // warm up
    // Interleaved so both see the same machine load; the best of three of each.
    load = bestOf(1, () => loadProject(repo, { env: {} }));
    parse = bestOf(1, () => texts.forEach((t) => parseAllDocuments(t, { lineCounter: new LineCounter() })));
    for (let i = 0; i < 2; i++) {
      const l = bestOf(1, () => loadProject(repo, { env: {} }));
      if (l.ms < load.ms) load = l;
      const p = bestOf(1, () => texts.forEach((t) => parseAllDocuments(t, { lineCounter: new LineCounter() })));
      if (p.ms < parse.ms) parse = p;
    }
    console.log(`loadProject ${load.ms.toFixed(0)} ms, bare YAML parse ${parse.ms.toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(1)}`);
  });

  it('loads every job, task, library and file, with no notice', () => {
    const b = load.value.bundles[0];
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

  // Both budgets read the wall clock: on a machine busier than its cores they measure the other work.
  const wallClock = wallClockBudget();
  it.skipIf(!wallClock.measurable)('costs little beyond reading the YAML once (no quadratic merges)', wallClock.options, () => {
    expect(load.ms).toBeLessThan(2.5 * parse.ms + 500);
  });

  it.skipIf(!wallClock.measurable)('takes under 2 s', wallClock.options, () => {
    expect(load.ms).toBeLessThan(2000);
  });
});
