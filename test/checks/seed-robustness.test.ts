// Odd but loadable configurations: the seed checks return findings or nothing, never throw.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cliInitMissing } from '../../src/checks/cli-init-missing.js';
import { dltPipelineDisabled } from '../../src/checks/dlt-pipeline-disabled.js';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import { entryPointUnresolvable } from '../../src/checks/entry-point-unresolvable.js';
import { libraryDepsInconsistent } from '../../src/checks/library-deps-inconsistent.js';
import { localVectorSearch } from '../../src/checks/local-vector-search.js';
import { modelRegistryUnresolved } from '../../src/checks/model-registry-unresolved.js';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import { pythonResourcesNotAnalysed } from '../../src/checks/python-resources-not-analysed.js';
import { syncExcludesSource } from '../../src/checks/sync-excludes-source.js';
import { vectorSearchEndpointMissing } from '../../src/checks/vector-search-endpoint-missing.js';
import { wheelNotBuilt } from '../../src/checks/wheel-not-built.js';
import { loadProject } from '../../src/project/load.js';

const SEED_CHECKS = [
  entryPointMissing,
  entryPointUnresolvable,
  packageNameMismatch,
  wheelNotBuilt,
  localVectorSearch,
  vectorSearchEndpointMissing,
  syncExcludesSource,
  libraryDepsInconsistent,
  dltPipelineDisabled,
  cliInitMissing,
  modelRegistryUnresolved,
  pythonResourcesNotAnalysed,
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function writeRepo(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-seed-')));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

test('malformed task shapes, self-imports, import cycles and odd metadata do not throw', () => {
  const dir = writeRepo({
    'databricks.yml': `bundle:
  name: odd
resources:
  jobs:
    odd:
      name: odd
      tasks:
        - task_key: scalar_wheel
          python_wheel_task: not-a-map
        - task_key: map_package
          python_wheel_task:
            package_name: {nested: true}
            entry_point: [a, b]
          libraries: \${var.libs}
        - task_key: nb
          notebook_task:
            notebook_path: ./a.py
            base_parameters:
              vector_search_endpoint: ""
              model_name: null
          libraries:
            - pypi: {}
            - whl: ""
        - task_key: missing
          notebook_task:
            notebook_path: ./does/not/exist
        - "just a string"
  model_serving_endpoints:
    ep:
      config:
        served_entities:
          - {}
          - entity_name: ""
variables:
  libs:
    type: complex
    default: []
`,
    'a.py': '# Databricks notebook source\nimport b\nfrom . import c\nfrom .. import d\nimport a\n',
    'b.py': 'import a\nimport b\n',
    'pyproject.toml': '[project]\nname = ""\n[project.scripts]\nx = ":"\ny = "no colon"\n',
    'resources/empty.yml': '',
    'resources/only-comments.yml': '#\n#\n',
  });
  const project = loadProject(dir);
  expect(project.bundles).toHaveLength(1);
  const bundle = project.bundles[0];
  const target = bundle.targets.get(bundle.defaultTarget)!;
  const findings = SEED_CHECKS.flatMap((check) => check.run(bundle, target));
  // Only what can be said: the wheel task whose entry_point is not a string has none, and its
  // libraries variable is the empty list, so no wheel is attached to it; nothing else (empty
  // endpoint / model names, an empty whl, cyclic imports) is judged.
  expect(findings.map((f) => [f.check, f.loc?.file, f.loc?.line])).toEqual([
    ['entry-point-missing', 'databricks.yml', 12],
    ['wheel-not-built', 'databricks.yml', 11],
    ['cli-init-missing', 'databricks.yml', 2],
  ]);
});

test('a bundle with nothing in it gives no seed findings except the developer-setup note', () => {
  const dir = writeRepo({ 'databricks.yml': 'bundle:\n  name: empty\n' });
  const bundle = loadProject(dir).bundles[0];
  const target = bundle.targets.get(bundle.defaultTarget)!;
  const ids = SEED_CHECKS.flatMap((c) => c.run(bundle, target)).map((f) => f.check);
  expect(ids).toEqual(['cli-init-missing']);
});
