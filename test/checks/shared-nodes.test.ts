// Targets share the job nodes they leave as written, and the checks compute what such a node gives
// once (task entries, the code they reach, paths, findings per cluster). A target that changes a node
// (another notebook, libraries, cluster) or whose `${...}` values differ must still get its own
// findings: a real bundle on disk with five targets on both sides of that boundary.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine.js';
import type { Finding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from '../project/loader-helpers.js';

const CLUSTER = (workers: number) => `          new_cluster:
            spark_version: 15.4.x-scala2.12
            node_type_id: i3.xlarge
            num_workers: ${workers}
`;

const FILES = {
  'databricks.yml': `bundle:
  name: shared
include:
  - resources/*.yml
variables:
  nb:
    default: plain
targets:
  dev:
    default: true
  qa:
    sync:
      exclude:
        - notebooks/plain.py
  staging:
    variables:
      nb: vector
  broken:
    variables:
      nb: missing
  prod:
    resources:
      jobs:
        etl:
          tasks:
            - task_key: load
              notebook_task:
                notebook_path: ./notebooks/vector.py
              libraries:
                - pypi:
                    package: requests
                - pypi:
                    package: pandas==2.0.0
              new_cluster:
                num_workers: 0
`,
  'resources/jobs.yml': `resources:
  jobs:
    etl:
      name: etl
      tasks:
        - task_key: load
          notebook_task:
            notebook_path: ../notebooks/plain.py
${CLUSTER(2)}        - task_key: score
          depends_on:
            - task_key: load
          notebook_task:
            notebook_path: ../notebooks/\${var.nb}.py
${CLUSTER(1)}    report:
      name: report
      description: reads \${var.nbs}
      tasks:
        - task_key: show
          notebook_task:
            notebook_path: ../notebooks/plain.py
${CLUSTER(1)}`,
  'notebooks/plain.py': '# Databricks notebook source\n# MAGIC %pip install pandas\n\n# COMMAND ----------\nprint(1)\n',
  'notebooks/vector.py': '# Databricks notebook source\nimport faiss\nindex = faiss.IndexFlatL2(8)\n\n# COMMAND ----------\n# MAGIC %pip install pandas==1.5.3\n',
};

const line = (f: Finding) => `${f.check} [${f.targets.join(',')}] ${f.loc ? `${f.loc.file}:${f.loc.line}` : '-'} ${f.message}`;

function findings(targetOrder: string[]): string[] {
  const bundle = loadProject(writeRepo(FILES), { env: {}, vars: {} }).bundles[0];
  const targets = targetOrder.map((name) => bundle.targets.get(name)!);
  return runChecks(bundle, targets)
    .filter((f) => f.check !== 'cli-init-missing')
    .map(line);
}

const EXPECTED = [
  // The job as written: every target but prod runs plain.py from load and show, which install pandas in a cell.
  'library-deps-inconsistent [dev,qa] notebooks/plain.py:2 notebooks/plain.py installs pandas with %pip install (none pinned) while task etl.load, task etl.score, task report.show declare no libraries',
  // A reference in a shared job that names nothing, beside the ones that resolve: every target.
  'undefined-variable [dev,qa,staging,broken,prod] resources/jobs.yml:24 reference does not exist: ${var.nbs}\n\ndid you mean:\n  ${var.nb}',
  // qa leaves every job as written but excludes plain.py from the sync: only qa reports it.
  'sync-excludes-source [qa] resources/jobs.yml:8 task etl.load runs notebooks/plain.py, which is not synced: sync.exclude pattern notebooks/plain.py (databricks.yml:14) excludes it',
  // staging: the same job node, but ${var.nb} names vector.py for score.
  'local-vector-search [staging] notebooks/vector.py:2 notebooks/vector.py builds an in-process faiss index, run by etl.score',
  'library-deps-inconsistent [staging] notebooks/vector.py:6 notebooks/vector.py installs pandas==1.5.3 with %pip install while task etl.score declares no libraries',
  'library-deps-inconsistent [staging,broken] notebooks/plain.py:2 notebooks/plain.py installs pandas with %pip install (none pinned) while task etl.load, task report.show declare no libraries',
  // broken: ${var.nb} names a notebook that is not there.
  'path-not-found [broken] resources/jobs.yml:17 notebook notebooks/missing.py not found',
  // prod overrides load: another notebook, libraries (so no %pip finding for it; one pins pandas apart from
  // vector.py's %pip cell), a single-node cluster.
  'local-vector-search [prod] notebooks/vector.py:2 notebooks/vector.py builds an in-process faiss index, run by etl.load',
  'library-deps-inconsistent [prod] notebooks/plain.py:2 notebooks/plain.py installs pandas with %pip install (none pinned) while task etl.score, task report.show declare no libraries',
  'single-node-cluster [prod] resources/jobs.yml:10 Single node cluster is not correctly configured (resources.jobs.etl.tasks[0].new_cluster): num_workers should be 0 only for single-node clusters',
  'library-deps-inconsistent [prod] databricks.yml:31 library requests is not pinned to a version',
  'library-deps-inconsistent [prod] databricks.yml:33 pandas is required at different versions: ==2.0.0 (databricks.yml:33), ==1.5.3 (notebooks/vector.py:6)',
];

describe('checks on job nodes shared by targets and on the nodes a target changes', () => {
  it('each target gets the findings of its own configuration', () => {
    expect(findings(['dev', 'qa', 'staging', 'broken', 'prod']).sort()).toEqual([...EXPECTED].sort());
  });

  it('whichever target runs first, the others get the same findings (nothing computed for one leaks into another)', () => {
    const forward = findings(['dev', 'qa', 'staging', 'broken', 'prod']);
    for (const order of [['prod', 'broken', 'staging', 'qa', 'dev'], ['staging', 'prod', 'dev', 'broken', 'qa']]) {
      const merged = findings(order).map((f) => f.replace(/\[([^\]]*)\]/, (_m, t: string) => `[${t.split(',').sort().join(',')}]`));
      expect(merged.sort()).toEqual(forward.map((f) => f.replace(/\[([^\]]*)\]/, (_m, t: string) => `[${t.split(',').sort().join(',')}]`)).sort());
    }
  });

  it('targets with the same paths but other artifacts or another sync root get their own path findings', () => {
    const dir = writeRepo({
      'bundle/databricks.yml': `bundle:
  name: paths
resources:
  jobs:
    j:
      name: j
      tasks:
        - task_key: t
          notebook_task:
            notebook_path: ../outside/nb.py
        - task_key: u
          notebook_task:
            notebook_path: ../outside/missing.py
        - task_key: v
          notebook_task:
            notebook_path: ../outside/plain.py
          libraries:
            - whl: ./dist/app.whl
targets:
  plain:
    default: true
  built:
    artifacts:
      app:
        type: whl
        build: python -m build
  widened:
    sync:
      paths:
        - .
        - ../outside
`,
      'outside/nb.py': '# Databricks notebook source\nprint(1)\n',
      'outside/plain.py': 'print(1)\n',
    });
    const bundle = loadProject(path.join(dir, 'bundle'), { env: {}, vars: {}, repoRoot: dir }).bundles[0];
    const lines = runChecks(bundle, [...bundle.targets.values()])
      .filter((f) => f.check.startsWith('path-'))
      .map(line);
    // The same job node and paths in all three: the missing wheel counts only where no artifact builds it,
    // the paths outside the bundle only where the sync root does not reach them, the plain file run as a
    // notebook only where it does.
    expect(lines).toEqual([
      "path-not-found [plain,widened] databricks.yml:18 file doesn't exist dist/app.whl",
      'path-outside-sync-root [plain,built] databricks.yml:10 path ../outside/nb.py is not contained in sync root path . (the bundle root)',
      'path-outside-sync-root [plain,built] databricks.yml:13 path ../outside/missing.py is not contained in sync root path . (the bundle root)',
      'path-outside-sync-root [plain,built] databricks.yml:16 path ../outside/plain.py is not contained in sync root path . (the bundle root)',
      'path-kind-mismatch [widened] databricks.yml:16 expected a notebook for "resources.jobs.j.tasks[2].notebook_task.notebook_path" but got a file: file at ../outside/plain.py is not a notebook',
    ]);
  });

  it('endpoint names a shared job writes are compared per target; a task override with its own name counts only there', () => {
    const dir = writeRepo({
      'databricks.yml': `bundle:
  name: endpoints
resources:
  jobs:
    search:
      name: search
      tasks:
        - task_key: query
          notebook_task:
            notebook_path: ./query.py
            base_parameters:
              vector_search_endpoint: vs-\${bundle.target}
        - task_key: index
          spark_python_task:
            python_file: ./index.py
            parameters: ["--endpoint-name", "shared-vs"]
targets:
  dev:
    default: true
    resources:
      vector_search_endpoints:
        vs:
          name: vs-dev
          endpoint_type: STANDARD
  staging: {}
  prod:
    resources:
      jobs:
        search:
          tasks:
            - task_key: index
              spark_python_task:
                parameters: ["--endpoint-name", "prod-vs"]
`,
      'query.py': '# Databricks notebook source\nprint(1)\n',
      'index.py': 'from databricks.vector_search.client import VectorSearchClient\nVectorSearchClient().create_endpoint(name="shared-vs", endpoint_type="STANDARD")\n',
    });
    const bundle = loadProject(dir, { env: {}, vars: {} }).bundles[0];
    const lines = runChecks(bundle, [...bundle.targets.values()])
      .filter((f) => f.check === 'vector-search-endpoint-missing')
      .map(line);
    // vs-${bundle.target} exists only in dev; shared-vs is created by the code index.py runs; prod's own name is prod's.
    expect(lines).toEqual([
      'vector-search-endpoint-missing [staging,prod] databricks.yml:12 Vector Search endpoint vs-${bundle.target} is referenced by jobs.search but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)',
      'vector-search-endpoint-missing [prod] databricks.yml:33 Vector Search endpoint prod-vs is referenced by jobs.search but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)',
    ]);
  });
});
