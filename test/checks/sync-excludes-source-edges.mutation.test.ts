// sync-excludes-source: a file both run by a task and imported by another, one finding per import
// statement, a module without parent packages, jobs listed in name order, and a task file outside
// the sync root (left to path-outside-sync-root).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const task = (key: string, file: string) => [`        - task_key: ${key}`, '          spark_python_task:', `            python_file: ${file}`];

describe('sync-excludes-source: grouping', () => {
  it('a task file also imported elsewhere is reported as the task file, for every job that reaches it; each import statement on its own', () => {
    const repo = loadRepo(
      {
        'b/databricks.yml': yaml(
          'bundle:', '  name: s', 'sync:', '  exclude:', '    - "pkg/**"', '    - lone.py', 'resources:', '  jobs:',
          '    z:', '      tasks:', ...task('a', './main.py'), ...task('b', '../up.py'),
          '    a:', '      tasks:', ...task('a', './main.py'), ...task('b', './pkg/b.py'),
        ),
        'b/main.py': 'import pkg.a\nimport pkg.b\nimport lone\n',
        'b/pkg/__init__.py': '',
        'b/pkg/a.py': '',
        'b/pkg/b.py': '',
        'b/lone.py': '',
        'up.py': '',
      },
      { bundleDir: 'b' },
    );
    expect(repo.run('sync-excludes-source').map((f) => `${f.loc?.file}:${f.loc?.line}: ${f.message} [${f.resources}]`)).toEqual([
      'databricks.yml:24: task a.b runs pkg/b.py, which is not synced: sync.exclude pattern pkg/** (databricks.yml:5) excludes it [jobs.a,jobs.z]',
      'main.py:1: main.py:1 imports pkg.a, but pkg/a.py (and pkg/__init__.py) is not synced: sync.exclude pattern pkg/** (databricks.yml:5) excludes it [jobs.a,jobs.z]',
      'main.py:3: main.py:3 imports lone, but lone.py is not synced: sync.exclude pattern lone.py (databricks.yml:6) excludes it [jobs.a,jobs.z]',
    ]);
  });
});

describe('sync-excludes-source: fixes and parent packages', () => {
  it('a gitignored file at the bundle root is re-added by its own name; an import lists every parent package and names every job', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  exclude:', '    - "pkg/**"', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', './run.py'), '    k:', '      tasks:', ...task('a', './main.py')),
      'run.py': 'import pkg.sub.mod\n',
      'main.py': 'import pkg.sub.mod\n',
      '.gitignore': 'run.py\n',
      'pkg/__init__.py': '',
      'pkg/sub/__init__.py': '',
      'pkg/sub/mod.py': '',
    });
    expect(repo.run('sync-excludes-source')).toEqual([
      {
        check: 'sync-excludes-source',
        message: 'task j.a runs run.py, which is not synced: it is gitignored by run.py (.gitignore:1) and no sync.include re-adds it',
        loc: { file: 'databricks.yml', line: 12, column: 26 },
        resources: ['jobs.j'],
        evidence: 'python_file: ./run.py',
        impact: 'The file is not uploaded by `bundle deploy`: jobs.j fails at run time.',
        fix: { text: 'Re-add the code with sync.include (exclude still wins), or stop ignoring it in git.', patch: 'sync:\n  include:\n    - run.py' },
      },
      {
        check: 'sync-excludes-source',
        message: 'run.py:1 imports pkg.sub.mod, but pkg/sub/mod.py (and pkg/__init__.py, pkg/sub/__init__.py) is not synced: sync.exclude pattern pkg/** (databricks.yml:5) excludes it',
        loc: { file: 'run.py', line: 1, column: 1 },
        resources: ['jobs.j', 'jobs.k'],
        evidence: 'import pkg.sub.mod',
        impact: 'The module is not uploaded by `bundle deploy`: the import fails with ModuleNotFoundError in jobs.j, jobs.k.',
        fix: { text: 'Remove or narrow the sync.exclude pattern pkg/** so that pkg/sub/mod.py is uploaded.' },
      },
    ]);
  });
});
