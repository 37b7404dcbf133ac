// dlt-pipeline-disabled on small bundles on disk: a commented-out pipeline file (with and without the
// sources it would run), and DLT sources no pipeline uses, with what counts as used (a file, a
// folder glob, a Go glob, ${workspace.file_path}/..., a path without extension) and what is not a
// pipeline source (package code, modules pipeline sources import, skipped folders).
import { describe, expect, test } from 'vitest';
import { dltPipelineDisabled } from '../../src/checks/dlt-pipeline-disabled.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const DLT = '# Databricks notebook source\nimport dlt\n\n@dlt.table\ndef t():\n    return spark.range(1)\n';
const run = (yaml: string, files: Record<string, string>): RawFinding[] => runOnFiles(dltPipelineDisabled, { 'databricks.yml': `bundle:\n  name: dlt\n${yaml}`, ...files });
const pipeline = (lib: string) => `resources:\n  pipelines:\n    p:\n      name: p\n      catalog: main\n      schema: s\n      libraries:\n${lib}`;

describe('dlt-pipeline-disabled: a commented-out pipeline file', () => {
  test('two pipelines, two sources: "are not deployed", "never run", and the fix deletes the file and its sources', () => {
    const commented =
      '# resources:\n#   pipelines:\n#     a:\n#       libraries:\n#         - notebook:\n#             path: ../src/a.py\n' +
      '#     b:\n#       libraries:\n#         - glob:\n#             include: ../src/b/**\n';
    const findings = run('include:\n  - resources/*.yml\n', { 'resources/p.yml': commented, 'src/a.py': DLT, 'src/b/x.py': DLT, 'src/b/y.sql': 'select 1\n' });
    expect(findings.map((f) => [f.message, `${f.loc?.file}:${f.loc?.line}`])).toEqual([
      ['resources/p.yml is entirely commented out: pipelines.a, pipelines.b are not deployed and src/a.py, src/b/x.py never run', 'resources/p.yml:1'],
    ]);
    expect(findings[0].resources).toEqual([]);
    expect(findings[0].impact).toBe(
      'The DLT pipeline does not exist in the workspace: no declarative expectations, lineage or streaming; only the job-based pipeline runs.',
    );
    expect(findings[0].fix?.text).toBe(
      'Uncomment the resources (check that their library paths exist relative to resources/p.yml) to deploy them, or delete resources/p.yml and its sources if the job-based pipeline is the chosen design.',
    );
  });

  test('one pipeline and no source found: "is not deployed", and the fix deletes only the file', () => {
    const commented = '# resources:\n#   pipelines:\n#     a:\n#       libraries:\n#         - notebook:\n#             path: ../src/missing.py\n';
    const findings = run('include:\n  - resources/*.yml\n', { 'resources/p.yml': commented });
    expect(findings.map((f) => f.message)).toEqual(['resources/p.yml is entirely commented out: pipelines.a is not deployed']);
    expect(findings[0].fix?.text).toMatch(/or delete resources\/p\.yml if the job-based pipeline is the chosen design\.$/);
  });

  test('one source: "never runs"', () => {
    const commented = '# resources:\n#   pipelines:\n#     a:\n#       libraries:\n#         - notebook:\n#             path: ../src/a\n';
    expect(run('include:\n  - resources/*.yml\n', { 'resources/p.yml': commented, 'src/a.py': DLT }).map((f) => f.message)).toEqual([
      'resources/p.yml is entirely commented out: pipelines.a is not deployed and src/a.py never runs',
    ]);
  });
});

describe('dlt-pipeline-disabled: DLT sources no pipeline uses', () => {
  test('a notebook source: at its dlt import, with a pipeline patch that names it', () => {
    const findings = run('', { 'flows/my-flow.py': DLT });
    expect(findings).toEqual([
      {
        check: 'dlt-pipeline-disabled',
        message: 'flows/my-flow.py is a DLT source (import dlt) that no pipeline of the bundle uses',
        loc: { file: 'flows/my-flow.py', line: 2, column: 1 },
        resources: [],
        evidence: 'import dlt',
        impact: 'The declarative pipeline code is never run: the `dlt` / `pyspark.pipelines` module only exists inside a pipeline.',
        fix: {
          text: 'Add a pipeline whose libraries include this source, or delete it.',
          patch:
            'resources:\n  pipelines:\n    my_flow:\n      name: my-flow\n      serverless: true\n      catalog: <catalog>\n      schema: <schema>\n      libraries:\n        - notebook:\n            path: ../flows/my-flow.py',
        },
      },
    ]);
  });

  test('a plain Python file is proposed as a file library', () => {
    const [finding] = run('', { 'flows/f.py': 'from pyspark import pipelines as dp\n' });
    expect(finding.fix?.patch).toMatch(/\n        - file:\n            path: \.\.\/flows\/f\.py$/);
  });

  test.each([
    ['a file path', '        - file:\n            path: ./flows/f.py\n'],
    ['a path without extension', '        - notebook:\n            path: ./flows/f\n'],
    ['a folder glob', '        - glob:\n            include: ./flows/**\n'],
    ['a Go glob', '        - glob:\n            include: ./flows/*.py\n'],
    ['a Go glob without extension', '        - glob:\n            include: ./flows/[f]\n'],
    ['${workspace.file_path}/...', '        - notebook:\n            path: ${workspace.file_path}/flows/f.py\n'],
    ['a folder path', '        - file:\n            path: ./flows\n'],
  ])('used by a pipeline through %s: nothing', (_, lib) => {
    expect(run(pipeline(lib), { 'flows/f.py': DLT })).toEqual([]);
  });

  test('a pipeline using another file leaves this one unused', () => {
    expect(run(pipeline('        - file:\n            path: ./flows/other.py\n'), { 'flows/f.py': DLT, 'flows/other.py': DLT, 'flows/fx.py': DLT }).map((f) => f.loc?.file)).toEqual([
      'flows/f.py',
      'flows/fx.py',
    ]);
  });

  test('a pipeline path that names no file: path-not-found\'s, nothing here', () => {
    expect(run(pipeline('        - file:\n            path: ./flows/typo.py\n'), { 'flows/f.py': DLT })).toEqual([]);
  });

  test('a remote or unresolved pipeline path names nothing local', () => {
    const lib = '        - file:\n            path: /Workspace/Shared/f.py\n        - file:\n            path: ${var.nowhere}/f.py\n';
    expect(run(pipeline(lib), { 'flows/f.py': DLT }).map((f) => f.loc?.file)).toEqual(['flows/f.py']);
  });

  test('package code of a distribution, modules a pipeline source imports (also through its wheel), and skipped folders are not sources', () => {
    const files = {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "1"\n\n[tool.setuptools]\npackages = ["pkg"]\n',
      'pkg/__init__.py': '',
      'pkg/tables.py': DLT,
      'flows/f.py': '# Databricks notebook source\nimport dlt\nimport helpers\nfrom shared.views import v\n',
      'flows/helpers.py': DLT,
      'lib/shared/views.py': DLT,
      'build/lib/x.py': DLT,
      '.venv/y.py': DLT,
      'site-packages/z.py': DLT,
    };
    expect(run(pipeline('        - file:\n            path: ./flows/f.py\n'), files)).toEqual([]);
  });
});

describe('dlt-pipeline-disabled: which commented files and sources count', () => {
  const include = 'include:\n  - resources/*.yml\n';

  test('a commented file that defines only a job is resource-file-disabled\'s: nothing here', () => {
    const commented = '# resources:\n#   jobs:\n#     nightly:\n#       name: nightly\n';
    expect(run(include, { 'resources/j.yml': commented })).toEqual([]);
  });

  test('a commented file that defines a job and a pipeline is reported, naming both', () => {
    const commented = '# resources:\n#   jobs:\n#     nightly:\n#       name: nightly\n#   pipelines:\n#     a:\n#       name: a\n';
    expect(run(include, { 'resources/j.yml': commented }).map((f) => f.message)).toEqual([
      'resources/j.yml is entirely commented out: jobs.nightly, pipelines.a are not deployed',
    ]);
  });

  test('the commented pipeline names only the sources its libraries list, not every DLT source', () => {
    const commented = '# resources:\n#   pipelines:\n#     a:\n#       libraries:\n#         - notebook:\n#             path: ../src/a.py\n';
    const findings = run(include, { 'resources/p.yml': commented, 'src/a.py': DLT, 'other/b.py': DLT });
    expect(findings.map((f) => f.message)).toEqual([
      'resources/p.yml is entirely commented out: pipelines.a is not deployed and src/a.py never runs',
      'other/b.py is a DLT source (import dlt) that no pipeline of the bundle uses',
    ]);
  });
});

describe('dlt-pipeline-disabled: what an enabled pipeline uses', () => {
  test('a pipeline naming an existing file (not a glob) still leaves other sources unused', () => {
    expect(run(pipeline('        - file:\n            path: ./flows/f.py\n'), { 'flows/f.py': DLT, 'other/g.py': DLT }).map((f) => f.loc?.file)).toEqual(['other/g.py']);
  });

  test('a folder glob covers sources in subfolders, at any depth', () => {
    expect(run(pipeline('        - glob:\n            include: ./flows/**\n'), { 'flows/sub/deep/f.py': DLT })).toEqual([]);
  });

  test('a folder glob does not cover a sibling folder whose name starts the same', () => {
    expect(run(pipeline('        - glob:\n            include: ./fl/**\n'), { 'fl/f.py': DLT, 'flows/g.py': DLT }).map((f) => f.loc?.file)).toEqual(['flows/g.py']);
  });

  test('a Go glob covers only what it matches', () => {
    expect(run(pipeline('        - glob:\n            include: ./flows/*.py\n'), { 'flows/f.py': DLT, 'other/g.py': DLT }).map((f) => f.loc?.file)).toEqual(['other/g.py']);
  });

  test('${workspace.root_path}/files/... names the synced file', () => {
    expect(run(pipeline('        - notebook:\n            path: ${workspace.root_path}/files/flows/f.py\n'), { 'flows/f.py': DLT })).toEqual([]);
  });

  test('a module imported only by a job notebook (not a pipeline source) is still an unused source', () => {
    const files = { 'flows/f.py': DLT, 'jobs/run.py': '# Databricks notebook source\nimport helpers\n', 'jobs/helpers.py': DLT };
    expect(run(pipeline('        - file:\n            path: ./flows/f.py\n'), files).map((f) => f.loc?.file)).toEqual(['jobs/helpers.py']);
  });
});

describe('dlt-pipeline-disabled: package code and the proposed pipeline', () => {
  test('package code under a src/ layout is not a source; code outside the package is', () => {
    const files = {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "1"\n\n[tool.setuptools.packages.find]\nwhere = ["src"]\n',
      'src/pkg/__init__.py': '',
      'src/pkg/tables.py': DLT,
      'flows/f.py': DLT,
    };
    expect(run('', files).map((f) => f.loc?.file)).toEqual(['flows/f.py']);
  });

  test('the pipeline key is the file stem (up to its last dot) with each run of other characters as one underscore', () => {
    const [finding] = run('', { 'flows/orders--v1.2.py': DLT });
    expect(finding.fix?.patch).toMatch(/^resources:\n  pipelines:\n    orders_v1_2:\n      name: orders--v1\.2\n/);
  });
});
