import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countRequiredPositional, scanSource, stringLiteral } from '../../src/project/sources.js';
import { longNotebook } from './long-notebook.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'readers', 'notebooks');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('scanSource on a Databricks source notebook', () => {
  const text = read('03_vector_search.py');
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const f = scanSource('notebooks/03_vector_search.py', text, 'notebook');

  it('keeps file, kind and language', () => {
    expect(f).toMatchObject({ file: 'notebooks/03_vector_search.py', kind: 'notebook', language: 'python' });
  });

  it('reads `# MAGIC %pip install` with its packages, flags skipped', () => {
    expect(f.pipInstalls).toHaveLength(1);
    expect(f.pipInstalls[0].line).toBe(lineOf('%pip install'));
    expect(f.pipInstalls[0].packages).toEqual([
      'transformers>=4.40.0', 'sentence-transformers>=2.3.0', 'torch>=2.1.0', 'faiss-cpu', 'scikit-learn', 'mlflow',
    ]);
    expect(f.pipInstalls[0].text).toMatch(/^%pip install --upgrade/);
  });

  it('reads imports, not the ones in markdown or docstrings', () => {
    expect(f.imports.map((i) => i.module)).toEqual([
      'sys', 'os', 'src.models.embeddings', 'numpy', 'pandas', 'faiss', 'databricks.vector_search.client', 'mlflow',
    ]);
    expect(f.imports.find((i) => i.module === 'src.models.embeddings')?.line).toBe(lineOf('from src.models'));
    expect(f.imports.find((i) => i.module === 'pandas')?.line).toBe(lineOf('import numpy'));
  });

  it('reads sys.path edits with their expression', () => {
    expect(f.sysPathAppends).toEqual([
      { line: lineOf('sys.path.append'), expr: 'workspace_path' },
      { line: lineOf('sys.path.insert'), expr: '"/Workspace/Repos/x/src"' },
    ]);
  });

  it('reads widget definitions (positional and keyword) and widget reads', () => {
    expect(f.widgetDefaults).toEqual([
      { line: lineOf('widgets.text'), name: 'catalog', default: 'main' },
      { line: lineOf('widgets.dropdown'), name: 'env', default: 'dev' },
    ]);
    expect(f.widgetsGet).toEqual([
      { line: lineOf('widgets.get("catalog")'), name: 'catalog' },
      { line: lineOf("widgets.get('env')"), name: 'env' },
    ]);
  });

  it('finds FAISS use and the Vector Search client', () => {
    expect(f.faiss.map((x) => x.line)).toEqual([lineOf('import faiss'), lineOf('faiss.IndexFlatIP(768)'), lineOf('return faiss')]);
    expect(f.vectorSearchClient.map((x) => x.line)).toEqual([lineOf('import VectorSearchClient'), lineOf('vsc = VectorSearchClient')]);
  });

  it('reads create_endpoint names, literal or not, across lines', () => {
    expect(f.createEndpoints).toEqual([
      { line: lineOf('vsc.create_endpoint('), name: 'entity_matching_endpoint', text: expect.stringContaining('create_endpoint(') },
      { line: lineOf('create_endpoint_and_wait'), name: undefined, text: 'vsc.create_endpoint_and_wait(' },
    ]);
  });

  it('reads model registration: set_registry_uri, log_model over several lines, register_model', () => {
    expect(f.registersModels.map((r) => [r.call, r.line, r.name])).toEqual([
      ['set_registry_uri', lineOf('set_registry_uri'), undefined],
      ['log_model', lineOf('log_model('), 'main.em.ditto_matcher'],
      ['register_model', lineOf('register_model('), 'main.em.bge'],
    ]);
  });

  it('reads top-level functions with their required positional parameters', () => {
    expect(f.functions).toEqual([
      { name: 'build_index', line: lineOf('def build_index'), requiredPositional: 1 },
      { name: 'main', line: lineOf('def main'), requiredPositional: 0 },
    ]);
  });

  it('finds no DLT here', () => {
    expect(f.dlt).toEqual([]);
  });
});

describe('scanSource on a Jupyter notebook', () => {
  const text = read('dlt_pipeline.ipynb');
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const f = scanSource('dlt_pipeline.ipynb', text, 'notebook');

  it('scans code cells only, with lines that point into the .ipynb file', () => {
    expect(f.language).toBe('python');
    expect(f.imports.map((i) => [i.module, i.line])).toEqual([
      ['dlt', lineOf('"import dlt')],
      ['pyspark.sql', lineOf('from pyspark.sql')],
    ]);
    expect(f.dlt.map((d) => d.line)).toEqual([lineOf('"import dlt')]);
    expect(f.functions).toEqual([{ name: 'bronze', line: lineOf('def bronze'), requiredPositional: 2 }]);
  });

  it('reads %pip and !pip, with -r requirements and -q skipped', () => {
    expect(f.pipInstalls.map((p) => [p.line, p.packages, p.requirements])).toEqual([
      [lineOf('%pip install'), ['databricks-vectorsearch'], ['requirements.txt']],
      [lineOf('!pip install'), ['faiss-cpu==1.8.0'], []],
    ]);
    expect(f.widgetsGet).toEqual([{ line: lineOf('!pip install'), name: 'threshold' }]);
  });

  it('an invalid .ipynb gives empty facts, no exception', () => {
    const bad = scanSource('bad.ipynb', '{"cells": [', 'file');
    expect(bad.imports).toEqual([]);
    expect(bad.kind).toBe('file');
    expect(scanSource('odd.ipynb', JSON.stringify({ cells: [1, null, { source: 5 }], metadata: {} }), 'notebook').imports).toEqual([]);
  });
});

describe('scanSource details', () => {
  it('%run includes, in source notebooks and in Jupyter cells; foreign-language cells are not Python', () => {
    const f = scanSource('n.py', '# Databricks notebook source\n# MAGIC %run ./setup/common\n# MAGIC %run "../shared nb"\n', 'notebook');
    expect(f.runs).toEqual([
      { line: 2, path: './setup/common' },
      { line: 3, path: '../shared nb' },
    ]);
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'code', source: ['%run ./helpers'] },
        { cell_type: 'code', source: ['%sql\n', 'SELECT 1 AS import_x\n', 'import nope'] },
        { cell_type: 'code', source: ['import yes'] },
      ],
      metadata: {},
    });
    const j = scanSource('n.ipynb', nb, 'notebook');
    expect(j.runs.map((r) => r.path)).toEqual(['./helpers']);
    expect(j.imports.map((x) => x.module)).toEqual(['yes']);
  });

  it('DLT imports in their three spellings', () => {
    const f = scanSource('p.py', 'import dlt\nfrom pyspark import pipelines as dp\nimport pyspark.pipelines\nfrom dlt import table\n', 'file');
    expect(f.dlt.map((d) => d.line)).toEqual([1, 2, 3, 4]);
  });

  it('pip lines: continuation, quotes, flags with values, %sh, -e, comments', () => {
    const text = [
      '# Databricks notebook source',
      '# MAGIC %pip install -U "pandas>=2" \\',
      '# MAGIC   --index-url https://example.invalid/simple numpy  # pinned later',
      '%pip install --no-deps /Volumes/x/y/pkg-0.1-py3-none-any.whl',
      '# MAGIC %sh pip install requests',
      '!pip install -e ../lib',
      'print("pip install not-this")',
    ].join('\n');
    const f = scanSource('n.py', text, 'notebook');
    expect(f.pipInstalls.map((p) => [p.line, p.packages])).toEqual([
      [2, ['pandas>=2', 'numpy']],
      [4, ['/Volumes/x/y/pkg-0.1-py3-none-any.whl']],
      [5, ['requests']],
      [6, ['../lib']],
    ]);
  });

  it('SQL notebooks: only magic pip lines are read', () => {
    const f = scanSource('q.sql', '-- Databricks notebook source\n-- MAGIC %pip install x\nSELECT "import y"\n', 'notebook');
    expect(f.language).toBe('sql');
    expect(f.pipInstalls.map((p) => p.packages)).toEqual([['x']]);
    expect(f.imports).toEqual([]);
  });

  it('functions: only top level, multi-line signatures, keyword-only, annotations, positional-only', () => {
    const text = [
      'def a(x, y: int, z: dict[str, int] = {}, /, w=1):',
      '    def inner(q): pass',
      'async def b(',
      '    spark,',
      '    table: str,',
      '    *,',
      '    limit: int,',
      '):',
      '    pass',
      'def c(*, x): pass',
      'def d(self, *args, **kw): pass',
      'class K:',
      '    def m(self, x): pass',
    ].join('\n');
    const f = scanSource('f.py', text, 'file');
    expect(f.functions).toEqual([
      { name: 'a', line: 1, requiredPositional: 2 },
      { name: 'b', line: 3, requiredPositional: 2 },
      { name: 'c', line: 10, requiredPositional: 0 },
      { name: 'd', line: 11, requiredPositional: 1 },
    ]);
    expect(countRequiredPositional('a, b=1, *args, **kw')).toBe(1);
    expect(countRequiredPositional('*, x')).toBe(0);
    expect(countRequiredPositional('')).toBe(0);
  });

  it('widget reads: getArgument too; non-literal names are skipped', () => {
    const f = scanSource('w.py', 'a = getArgument("p")\nb = dbutils.widgets.get(name)\n', 'file');
    expect(f.widgetsGet).toEqual([{ line: 1, name: 'p' }]);
  });

  it('string literals: quotes, prefixes, concatenation; f-strings and expressions are not literals', () => {
    expect(stringLiteral('"a"')).toBe('a');
    expect(stringLiteral("r'a\\b'")).toBe('a\\b');
    expect(stringLiteral('"a" "b"')).toBe('ab');
    expect(stringLiteral('f"{x}"')).toBeUndefined();
    expect(stringLiteral('x + "a"')).toBeUndefined();
  });

  it('CRLF sources keep their lines', () => {
    const f = scanSource('c.py', '# Databricks notebook source\r\nimport faiss\r\ndef f(a):\r\n  pass\r\n', 'notebook');
    expect(f.imports).toEqual([{ line: 2, module: 'faiss' }]);
    expect(f.functions).toEqual([{ name: 'f', line: 3, requiredPositional: 1 }]);
  });

  it('a ~270-line notebook: the filler adds no import', () => {
    expect(scanSource('n.py', longNotebook(), 'notebook').imports).toEqual(scanSource('n.py', read('03_vector_search.py'), 'notebook').imports);
    expect(scanSource('n.py', longNotebook(), 'notebook').imports).toHaveLength(8);
  });
});

describe('facts a file does not have', () => {
  it('are one shared, frozen empty list (the facts of every file are kept to the end); the facts it has are its own', () => {
    const a = scanSource('a.py', 'print(1)\n', 'file');
    const b = scanSource('nb.py', '# Databricks notebook source\nimport os\n', 'notebook');
    expect(a.imports).toEqual([]);
    expect(a.imports).toBe(b.faiss);
    expect(a.runs).toBe(a.functions);
    expect(Object.isFrozen(a.imports)).toBe(true);
    expect(b.imports).toEqual([{ line: 2, module: 'os' }]);
    expect(Object.isFrozen(b.imports)).toBe(false);
  });
});
