// local-vector-search on small bundles on disk: each in-process index library, the place and
// wording of the finding, and the tasks and jobs it names.
import { describe, expect, test } from 'vitest';
import { localVectorSearch } from '../../src/checks/local-vector-search.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

/** Jobs (key -> task keys) whose tasks all run notebooks/<task>.py, plus the files given. */
function run(jobs: Record<string, string[]>, files: Record<string, string>): RawFinding[] {
  const yaml = Object.entries(jobs)
    .map(
      ([job, tasks]) =>
        `    ${job}:\n      name: ${job}\n      tasks:\n` +
        tasks.map((t) => `        - task_key: ${t}\n          notebook_task:\n            notebook_path: ./notebooks/${t.replace(/_again$/, '')}.py\n`).join(''),
    )
    .join('');
  return runOnFiles(localVectorSearch, { 'databricks.yml': `bundle:\n  name: lvs\nresources:\n  jobs:\n${yaml}`, ...files });
}

describe('local-vector-search: libraries', () => {
  test.each(['annoy', 'hnswlib', 'chromadb', 'faiss'])('an import of %s in task code is an in-process index', (library) => {
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': `# Databricks notebook source\nimport os\nimport ${library}\n` });
    expect(findings.map((f) => [f.message, f.loc])).toEqual([[`notebooks/t.py builds an in-process ${library} index, run by j.t`, { file: 'notebooks/t.py', line: 3, column: 1 }]]);
  });

  test('a submodule import counts by its top-level package; other packages do not', () => {
    expect(run({ j: ['t'] }, { 'notebooks/t.py': 'from chromadb.config import Settings\n' }).map((f) => f.message)).toEqual([
      'notebooks/t.py builds an in-process chromadb index, run by j.t',
    ]);
    expect(run({ j: ['t'] }, { 'notebooks/t.py': 'import annoyance\nimport numpy\nfrom databricks.vector_search.client import VectorSearchClient\n' })).toEqual([]);
  });

  test('several libraries in one file: one finding at the first use, naming each library once', () => {
    const code = '# Databricks notebook source\nimport numpy\nimport hnswlib\nimport faiss\nindex = faiss.IndexFlatL2(8)\nimport hnswlib as h2\n';
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': code });
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['notebooks/t.py builds an in-process hnswlib/faiss index, run by j.t', 3]]);
    expect(findings[0].evidence).toBe('import hnswlib\nimport faiss');
  });

  test('faiss used through a name another module gave it (faiss.IndexFlatL2) without importing it here', () => {
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': 'import numpy\n\nindex = faiss.IndexFlatIP(128)\n' });
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['notebooks/t.py builds an in-process faiss index, run by j.t', 3]]);
  });
});

describe('local-vector-search: who runs it', () => {
  test('one file run by tasks of two jobs: one finding naming each task once (sorted) and both jobs', () => {
    const findings = run({ z_job: ['b', 'a'], a_job: ['a_again'] }, { 'notebooks/a.py': 'import faiss\n', 'notebooks/b.py': 'import os\n' });
    expect(findings.map((f) => [f.message, f.resources])).toEqual([['notebooks/a.py builds an in-process faiss index, run by a_job.a_again, z_job.a', ['jobs.a_job', 'jobs.z_job']]]);
    expect(findings[0].impact).toBe(
      'The vector index is rebuilt in memory on every run, is lost afterwards and cannot scale beyond the driver; serving cannot share it.',
    );
    expect(findings[0].fix?.text).toBe('Create a Databricks Vector Search endpoint and index, and query the index instead of building a local one.');
    expect(findings[0].fix?.patch).toMatch(/^from databricks\.vector_search\.client import VectorSearchClient\n\nvsc = VectorSearchClient\(\)\n/);
  });

  test('a module the task imports: the message says which import reaches it', () => {
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': 'import os\nfrom search.index import build\n', 'search/index.py': 'import annoy\n', 'search/__init__.py': '' });
    expect(findings.map((f) => f.message)).toEqual(['search/index.py builds an in-process annoy index (imported by notebooks/t.py:2), run by j.t']);
  });

  test('a file no task runs: no finding', () => {
    expect(run({ j: ['t'] }, { 'notebooks/t.py': 'import os\n', 'scratch/x.py': 'import faiss\n' })).toEqual([]);
  });
});

describe('local-vector-search: order and place of the uses', () => {
  test('a faiss use before an index import: the finding is at the first line, naming both in line order', () => {
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': 'index = faiss.IndexFlatL2(8)\nimport annoy\n' });
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['notebooks/t.py builds an in-process faiss/annoy index, run by j.t', 1]]);
  });

  test('an import and a faiss use on one line count as the import', () => {
    const findings = run({ j: ['t'] }, { 'notebooks/t.py': 'import hnswlib; index = faiss.IndexFlatL2(8)\n' });
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['notebooks/t.py builds an in-process hnswlib index, run by j.t', 1]]);
  });

  test('a SQL notebook task has no Python facts: nothing', () => {
    const yaml = 'bundle:\n  name: lvs\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: q\n          notebook_task:\n            notebook_path: ./notebooks/q.sql\n';
    expect(runOnFiles(localVectorSearch, { 'databricks.yml': yaml, 'notebooks/q.sql': '-- Databricks notebook source\nselect 1\n' })).toEqual([]);
  });
});
