// sync-excludes-source findings pinned whole: a task file that is not synced (gitignored, always
// excluded, outside sync.paths), once for every job that runs it; an import whose module is excluded,
// once per import statement with the parent packages listed.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const task = (key: string, file: string) => [`        - task_key: ${key}`, '          spark_python_task:', `            python_file: ${file}`];

describe('sync-excludes-source', () => {
  it('each reason a task file or an imported module is not synced, with its own fix', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'sync:', '  exclude:', '    - "pkg/**"', 'resources:', '  jobs:',
        '    j:', '      tasks:', ...task('a', './main.py'), ...task('b', './ignored/run.py'), ...task('c', './.databricks/x.py'),
        '    k:', '      tasks:', ...task('a', './ignored/run.py'),
      ),
      'main.py': 'import pkg.mod\n',
      'pkg/__init__.py': '',
      'pkg/mod.py': '',
      'ignored/run.py': 'print(1)\n',
      '.gitignore': 'ignored/\n',
      '.databricks/x.py': '',
    });
    expect(repo.run('sync-excludes-source')).toEqual([
      {
        check: 'sync-excludes-source',
        message: 'task j.b runs ignored/run.py, which is not synced: it is gitignored by ignored/ (.gitignore:1) and no sync.include re-adds it',
        loc: { file: 'databricks.yml', line: 15, column: 26 },
        resources: ['jobs.j', 'jobs.k'],
        evidence: 'python_file: ./ignored/run.py',
        impact: 'The file is not uploaded by `bundle deploy`: jobs.j, jobs.k fail at run time.',
        fix: { text: 'Re-add the code with sync.include (exclude still wins), or stop ignoring it in git.', patch: 'sync:\n  include:\n    - ignored/**' },
      },
      {
        check: 'sync-excludes-source',
        message: 'task j.c runs .databricks/x.py, which is not synced: it is always excluded',
        loc: { file: 'databricks.yml', line: 18, column: 26 },
        resources: ['jobs.j'],
        evidence: 'python_file: ./.databricks/x.py',
        impact: 'The file is not uploaded by `bundle deploy`: jobs.j fails at run time.',
        fix: { text: 'Move .databricks/x.py out of the always-excluded folders (.git, .databricks).' },
      },
      {
        check: 'sync-excludes-source',
        message: 'main.py:1 imports pkg.mod, but pkg/mod.py (and pkg/__init__.py) is not synced: sync.exclude pattern pkg/** (databricks.yml:5) excludes it',
        loc: { file: 'main.py', line: 1, column: 1 },
        resources: ['jobs.j'],
        evidence: 'import pkg.mod',
        impact: 'The module is not uploaded by `bundle deploy`: the import fails with ModuleNotFoundError in jobs.j.',
        fix: { text: 'Remove or narrow the sync.exclude pattern pkg/** so that pkg/mod.py is uploaded.' },
      },
    ]);
  });

  it('a task file outside sync.paths: add its folder', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths:', '    - ./src', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', './jobs/run.py')),
      'src/a.py': '',
      'jobs/run.py': '',
    });
    expect(repo.run('sync-excludes-source')).toEqual([
      {
        check: 'sync-excludes-source',
        message: 'task j.a runs jobs/run.py, which is not synced: it is outside sync.paths',
        loc: { file: 'databricks.yml', line: 12, column: 26 },
        resources: ['jobs.j'],
        evidence: 'python_file: ./jobs/run.py',
        impact: 'The file is not uploaded by `bundle deploy`: jobs.j fails at run time.',
        fix: { text: 'Add the folder to sync.paths.', patch: 'sync:\n  paths:\n    - .\n    - jobs' },
      },
    ]);
  });

  it('synced code: no finding', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', './main.py')), 'main.py': 'import pkg.mod\n', 'pkg/__init__.py': '', 'pkg/mod.py': '' });
    expect(repo.run('sync-excludes-source')).toEqual([]);
  });
});
