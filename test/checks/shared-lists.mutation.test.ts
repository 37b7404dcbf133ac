// Targets share a list (paths, task entries) with another target only when every item is the very
// same object: a target that changes a later job, with the first job left as written, keeps its own.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from '../project/loader-helpers.js';

const override = (notebook: string) => `    resources:
      jobs:
        b:
          tasks:
            - task_key: u
              notebook_task:
                notebook_path: ./${notebook}
`;

/** Every finding of every target, one line each (cli-init-missing, which every bundle here gets, left out). */
function findingLines(dir: string): string[] {
  const bundle = loadProject(dir, { env: {}, vars: {} }).bundles[0];
  return runChecks(bundle, [...bundle.targets.values()])
    .filter((f) => f.check !== 'cli-init-missing')
    .map((f) => `${f.check} [${f.targets.join(',')}] ${f.loc?.file}:${f.loc?.line} ${f.message}`);
}

function findingsPerTarget(): string[] {
  const dir = writeRepo({
    'databricks.yml': `bundle:
  name: lists
resources:
  jobs:
    a:
      name: a
      tasks:
        - task_key: t
          notebook_task:
            notebook_path: ./nb.py
    b:
      name: b
      tasks:
        - task_key: u
          notebook_task:
            notebook_path: ./nb.py
    c:
      name: c
      tasks:
        - task_key: s
          spark_python_task:
            python_file: ./\${var.script}.py
variables:
  script:
    default: plain
targets:
  dev:
    default: true
  missing:
${override('missing.py')}  vector:
${override('vector.py')}  scripted:
    variables:
      script: indexer
`,
    'nb.py': '# Databricks notebook source\nprint(1)\n',
    'plain.py': 'print(1)\n',
    'indexer.py': 'import faiss\nindex = faiss.IndexFlatL2(8)\n',
    'vector.py': '# Databricks notebook source\nimport faiss\nindex = faiss.IndexFlatL2(8)\n',
  });
  return findingLines(dir);
}

describe('lists shared between targets', () => {
  it('a target that changes only a later job, or a variable a shared task path reads, gets the findings of its own paths and code', () => {
    expect(findingsPerTarget()).toEqual([
      'task-compute-missing [dev,missing,vector,scripted] databricks.yml:20 Missing required cluster or environment settings: task "s" requires a cluster or an environment to run (resources.jobs.c.tasks[0])',
      'path-not-found [missing] databricks.yml:36 notebook missing.py not found',
      'local-vector-search [vector] vector.py:2 vector.py builds an in-process faiss index, run by b.u',
      // the job node is shared, but its python_file names another script in this target
      'local-vector-search [scripted] indexer.py:1 indexer.py builds an in-process faiss index, run by c.s',
    ]);
  });

  it('a target that adds a job after the ones it leaves as written gets the findings of the added job', () => {
    const dir = writeRepo({
      'databricks.yml': `bundle:
  name: prefix
resources:
  jobs:
    a:
      name: a
      tasks:
        - task_key: t
          notebook_task:
            notebook_path: ./nb.py
targets:
  dev:
    default: true
  added:
    resources:
      jobs:
        d:
          name: d
          tasks:
            - task_key: x
              notebook_task:
                notebook_path: ./vector.py
            - task_key: y
              notebook_task:
                notebook_path: ./gone.py
`,
      'nb.py': '# Databricks notebook source\nprint(1)\n',
      'vector.py': '# Databricks notebook source\nimport faiss\nindex = faiss.IndexFlatL2(8)\n',
    });
    const lines = findingLines(dir);
    // dev's path list and task entries are a prefix of this target's: they must not be handed out for it
    expect(lines).toEqual([
      'local-vector-search [added] vector.py:2 vector.py builds an in-process faiss index, run by d.x',
      'path-not-found [added] databricks.yml:25 notebook gone.py not found',
    ]);
  });

  it('a wheel task whose entry point reads a variable is walked per target', () => {
    const dir = writeRepo({
      'databricks.yml': `bundle:
  name: wheel
variables:
  ep:
    default: plain
resources:
  jobs:
    w:
      name: w
      tasks:
        - task_key: run
          python_wheel_task:
            package_name: app
            entry_point: \${var.ep}
targets:
  dev:
    default: true
  indexed:
    variables:
      ep: index
`,
      'pyproject.toml': '[project]\nname = "app"\nversion = "1.0"\n\n[project.scripts]\nplain = "app.plain:main"\nindex = "app.index:main"\n',
      'app/__init__.py': '',
      'app/plain.py': 'def main():\n    print(1)\n',
      'app/index.py': 'import faiss\n\ndef main():\n    faiss.IndexFlatL2(8)\n',
    });
    const lines = findingLines(dir).filter((line) => line.startsWith('local-vector-search '));
    expect(lines).toEqual(['local-vector-search [indexed] app/index.py:1 app/index.py builds an in-process faiss index, run by w.run']);
  });
});
