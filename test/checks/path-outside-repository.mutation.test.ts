// path-outside-repository: sync.exclude entries, and the library and artifact paths it reads and
// leaves to other checks (unresolved, remote, inside the repository, task files).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('path-outside-repository: sync.exclude and libraries', () => {
  it('reports an exclude and a library (shown resolved) outside; unresolved, remote and inside libraries and a task file outside pass', () => {
    const repo = loadRepo(
      {
        'repo/b/databricks.yml': yaml(
          'bundle:', '  name: p', 'sync:', '  exclude:', '    - ../../z', '    - inside',
          'variables:', '  up:', '    default: ../..',
          'resources:', '  jobs:', '    j:', '      tasks:', '        - task_key: a', '          libraries:',
          '            - whl: ${var.up}/a.whl', '            - whl: ${var.nope}/a.whl', '            - whl: ./dist/a.whl', '            - whl: /Workspace/a.whl', '            - whl: ../dist/b.whl',
          '          spark_python_task:', '            python_file: ../../x.py',
        ),
        'repo/b/dist/a.whl': '',
        'repo/dist/b.whl': '',
        'repo/.git/HEAD': 'ref: x\n',
      },
      { analyse: 'repo', bundleDir: 'b' },
    );
    expect(repo.run('path-outside-repository').map((f) => `${f.loc?.line}: ${f.message} [${f.resources ?? ''}]`)).toEqual([
      '5: sync.exclude entry `../../z` points outside the repository: not read []',
      '16: resources.jobs.j.tasks[0].libraries[0].whl `../../a.whl` points outside the repository: not read [jobs.j]',
    ]);
  });
});

describe('path-outside-repository: anchored patterns', () => {
  it('an exclude written /build (anchored at the sync root, gitignore style) is no path out of the repository', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'sync:', '  exclude:', '    - /build'), '.git/HEAD': 'ref: x\n' });
    expect(repo.run('path-outside-repository')).toEqual([]);
  });
});
