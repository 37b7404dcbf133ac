import { afterAll, describe, expect, it } from 'vitest';
import { createFileIndex } from '../../src/project/files.js';
import { scanSource } from '../../src/project/sources.js';
import { createSyncMatcher } from '../../src/project/sync.js';
import { run } from '../../src/verify/runner.js';
import { longNotebook } from '../../test/project/long-notebook.js';
import { makeTree, removeTree } from '../../test/project/reader-tmp.js';
import { cpuMilliseconds, machineLoad } from './timing.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

describe('sync matcher', () => {
  it('5,000 files take milliseconds of CPU', async () => {
    const repo = makeTree({ '.gitignore': 'dist/\n*.log\n!keep.log\n/data\nsecrets/**\n', 'src/.gitignore': '*.tmp\n!important.tmp\n', 'databricks.yml': 'bundle: {name: x}\n' });
    roots.push(repo);
    expect((await run(['git', 'init', '-q', repo])).exitCode).toBe(0);
    const loc = (line: number) => ({ file: 'databricks.yml', line, column: 7 });
    const matcher = createSyncMatcher(createFileIndex(repo, repo), { paths: ['.'], include: [], exclude: ['*.tmp', 'docs/**'], includeLocs: [], excludeLocs: [loc(1), loc(2)] });
    const files = Array.from({ length: 5000 }, (_, i) => `src/pkg${i % 50}/mod${i % 7}/file${i}.${i % 3 ? 'py' : 'tmp'}`);
    const used = cpuMilliseconds(() => files.forEach((f) => matcher(f)));
    console.log(`sync matcher: 5,000 files in ${used.toFixed(0)} ms of CPU`);
    expect(used, machineLoad()).toBeLessThan(200);
  });
});

describe('source scanner', () => {
  it('scans 5,000 notebooks of ~270 lines in well under a second of CPU', () => {
    const body = longNotebook();
    expect(scanSource('warm.py', body, 'notebook').imports).toHaveLength(8);
    const used = cpuMilliseconds(() => {
      for (let i = 0; i < 5000; i++) scanSource(`n${i}.py`, body, 'notebook');
    });
    console.log(`source scanner: 5,000 notebooks in ${used.toFixed(0)} ms of CPU`);
    expect(used, machineLoad()).toBeLessThan(1000);
  });

  it('a 5 MB single-line (minified) source is scanned in under a second of CPU', () => {
    const minified = 'import os;' + 'x=1;'.repeat(1_250_000) + 'import faiss';
    const used = cpuMilliseconds(() => scanSource('min.py', minified, 'file'));
    console.log(`source scanner: a 5 MB line in ${used.toFixed(0)} ms of CPU`);
    expect(used, machineLoad()).toBeLessThan(1000);
  });
});
