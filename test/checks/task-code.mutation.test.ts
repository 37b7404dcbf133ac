// checks/lib/task-code through local-vector-search (which names the file a task reaches and the
// import that reached it): the file each task type runs, notebook paths without extension and under
// ${workspace.file_path}, imports followed two levels deep (absolute, relative, parent packages),
// and tasks that share a module. Small bundles on disk.
import { describe, expect, test } from 'vitest';
import { localVectorSearch } from '../../src/checks/local-vector-search.js';
import { loadRepo } from '../fixtures/validate/harness.js';
import { runOnFiles } from './seed-helpers.js';

const messages = (tasks: string, files: Record<string, string>, top = '') =>
  runOnFiles(localVectorSearch, { 'databricks.yml': `bundle:\n  name: tc\n${top}resources:\n  jobs:\n    j:\n      name: j\n${tasks}`, ...files }).map((f) => f.message);
const notebook = (path: string) => `      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ${path}\n`;

describe('task-code: the file a task runs', () => {
  test.each([
    ['a notebook path without extension', './nb', 'nb.py'],
    ['a notebook path with extension', './nb.py', 'nb.py'],
    ['an .ipynb notebook without extension', './book', 'book.ipynb'],
    ['${workspace.file_path}/...', '${workspace.file_path}/nb', 'nb.py'],
    ['${workspace.root_path}/files/...', '${workspace.root_path}/files/nb.py', 'nb.py'],
  ])('%s', (_, path, file) => {
    const content = file.endsWith('.ipynb')
      ? JSON.stringify({ cells: [{ cell_type: 'code', source: ['import faiss\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 })
      : 'import faiss\n';
    expect(messages(notebook(path), { [file]: content })).toEqual([`${file} builds an in-process faiss index, run by j.t`]);
  });

  test('a remote, unresolved or missing notebook, a folder, or a job from git_source: nothing read', () => {
    const files = { 'nb.py': 'import faiss\n', 'dir/x.py': '' };
    for (const path of ['/Workspace/Shared/nb', '${var.nowhere}/nb', './missing', './dir', '""']) expect(messages(notebook(path), files), path).toEqual([]);
    const git = '      git_source:\n        git_url: https://github.com/x/y\n        git_provider: gitHub\n        git_branch: main\n';
    expect(messages(git + notebook('./nb'), files)).toEqual([]);
  });

  test('a spark_python_task python_file (never a notebook: no extension added)', () => {
    const task = (file: string) => `      tasks:\n        - task_key: t\n          spark_python_task:\n            python_file: ${file}\n`;
    expect(messages(task('./run.py'), { 'run.py': 'import annoy\n' })).toEqual(['run.py builds an in-process annoy index, run by j.t']);
    expect(messages(task('./run'), { 'run.py': 'import annoy\n' })).toEqual([]);
  });

  test('a python_wheel_task runs the module its entry point names', () => {
    const task = '      tasks:\n        - task_key: t\n          python_wheel_task:\n            package_name: my_pkg\n            entry_point: serve\n';
    const files = {
      'pyproject.toml': '[project]\nname = "my-pkg"\nversion = "1"\n\n[project.scripts]\nserve = "my_pkg.cli:main"\nother = "my_pkg.other:main"\n',
      'my_pkg/__init__.py': '',
      'my_pkg/cli.py': 'import hnswlib\n',
      'my_pkg/other.py': 'import faiss\n',
    };
    expect(messages(task, files)).toEqual(['my_pkg/cli.py builds an in-process hnswlib index, run by j.t']);
    expect(messages(task.replace('serve', 'missing'), files)).toEqual([]);
  });
});

describe('task-code: imports followed from the task file', () => {
  const chain = { 'nb.py': 'import a\n', 'a.py': 'import b\n', 'b.py': 'import c\n' };

  test('two levels deep, not three', () => {
    expect(messages(notebook('./nb.py'), { ...chain, 'b.py': 'import c\nimport faiss\n' })).toEqual(['b.py builds an in-process faiss index (imported by a.py:1), run by j.t']);
    expect(messages(notebook('./nb.py'), { ...chain, 'c.py': 'import faiss\n' })).toEqual([]);
  });

  test('importing a.b.c runs a/__init__.py and a/b/__init__.py too', () => {
    const files = { 'nb.py': 'import x\nimport pkg.sub.mod\n', 'pkg/__init__.py': 'import faiss\n', 'pkg/sub/__init__.py': '', 'pkg/sub/mod.py': '' };
    expect(messages(notebook('./nb.py'), files)).toEqual(['pkg/__init__.py builds an in-process faiss index (imported by nb.py:2), run by j.t']);
  });

  test('relative imports: from . and from .. resolve against the importing file\'s package', () => {
    const files = {
      'nb.py': 'from pkg.sub import mod\n',
      'pkg/__init__.py': 'import annoy\n',
      'pkg/sub/__init__.py': '',
      'pkg/sub/mod.py': 'from . import helpers\nfrom .. import tools\n',
      'pkg/sub/helpers.py': 'import faiss\n',
      'pkg/tools.py': '',
    };
    expect(messages(notebook('./nb.py'), files)).toEqual(['pkg/__init__.py builds an in-process annoy index (imported by nb.py:1), run by j.t']);
    const deeper = { ...files, 'nb.py': 'import pkg.sub.mod\n', 'pkg/__init__.py': '' };
    expect(messages(notebook('./nb.py'), { ...deeper, 'pkg/sub/mod.py': 'from .helpers import x\n' })).toEqual([
      'pkg/sub/helpers.py builds an in-process faiss index (imported by pkg/sub/mod.py:1), run by j.t',
    ]);
    expect(messages(notebook('./nb.py'), { ...deeper, 'pkg/sub/mod.py': 'from ..tools import y\n', 'pkg/tools.py': 'import chromadb\n' })).toEqual([
      'pkg/tools.py builds an in-process chromadb index (imported by pkg/sub/mod.py:1), run by j.t',
    ]);
    expect(messages(notebook('./nb.py'), { ...deeper, 'pkg/sub/mod.py': 'from . import z\n', 'pkg/sub/__init__.py': 'import hnswlib\n' })).toEqual([
      'pkg/sub/__init__.py builds an in-process hnswlib index (imported by nb.py:1), run by j.t',
    ]);
  });

  test('modules next to the task file and in package folders of the repository are found', () => {
    const files = {
      'jobs/nb.py': 'import helper\nimport lib_mod\n',
      'jobs/helper.py': 'import faiss\n',
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\n\n[tool.setuptools.packages.find]\nwhere = ["src"]\n',
      'src/lib_mod/__init__.py': 'import annoy\n',
    };
    expect(messages(notebook('./jobs/nb.py'), files).sort()).toEqual([
      'jobs/helper.py builds an in-process faiss index (imported by jobs/nb.py:1), run by j.t',
      'src/lib_mod/__init__.py builds an in-process annoy index (imported by jobs/nb.py:2), run by j.t',
    ]);
  });

  test('a module two tasks reach is run by both, including what it imports', () => {
    const tasks =
      '      tasks:\n        - task_key: a\n          notebook_task:\n            notebook_path: ./a.py\n' +
      '        - task_key: b\n          notebook_task:\n            notebook_path: ./b.py\n';
    const files = { 'a.py': 'import shared\n', 'b.py': 'import shared\n', 'shared.py': 'import deep\n', 'deep.py': 'import faiss\n' };
    expect(messages(tasks, files)).toEqual(['deep.py builds an in-process faiss index (imported by shared.py:1), run by j.a, j.b']);
  });
});

describe('task-code: imports that loop, and paths that differ per target', () => {
  test('a module that imports the task file back is reported once, and the walk ends', () => {
    const files = { 'nb.py': 'import helper\n', 'helper.py': 'import nb\nimport faiss\n' };
    expect(messages(notebook('./nb.py'), files)).toEqual(['helper.py builds an in-process faiss index (imported by nb.py:1), run by j.t']);
  });

  test('a notebook path from a variable is read per target, not remembered from the first target', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:', '  name: tc', 'variables:', '  nb:', '    default: ./a.py', 'resources:', '  jobs:', '    j:', '      name: j',
        '      tasks:', '        - task_key: t', '          notebook_task:', '            notebook_path: ${var.nb}',
        'targets:', '  one:', '    default: true', '  two:', '    variables:', '      nb: ./b.py', '',
      ].join('\n'),
      'a.py': 'import faiss\n',
      'b.py': 'import annoy\n',
    });
    expect(repo.run('local-vector-search', 'one').map((f) => f.message)).toEqual(['a.py builds an in-process faiss index, run by j.t']);
    expect(repo.run('local-vector-search', 'two').map((f) => f.message)).toEqual(['b.py builds an in-process annoy index, run by j.t']);
  });

  test('a workspace path from a variable is not read from the repository, even where a file of that name exists', () => {
    const tasks = notebook('${var.nb}');
    const files = { 'Workspace/Shared/nb.py': 'import faiss\n', 'nb.py': 'import annoy\n' };
    expect(messages(tasks, files, 'variables:\n  nb:\n    default: /Workspace/Shared/nb\n')).toEqual([]);
    expect(messages(tasks, files, 'variables:\n  nb:\n    default: ./nb\n')).toEqual(['nb.py builds an in-process annoy index, run by j.t']);
  });
});

describe('task-code: relative imports resolve against the package, not the search path', () => {
  test('from ..tools finds the parent package\'s tools.py, not a tools.py at the bundle root', () => {
    const files = {
      'nb.py': 'import pkg.sub.mod\n',
      'pkg/__init__.py': '',
      'pkg/sub/__init__.py': '',
      'pkg/sub/mod.py': 'from ..tools import y\n',
      'pkg/tools.py': 'import chromadb\n',
      'tools.py': '',
    };
    expect(messages(notebook('./nb.py'), files)).toEqual(['pkg/tools.py builds an in-process chromadb index (imported by pkg/sub/mod.py:1), run by j.t']);
  });

  test('from . import x in the task file runs its own package\'s __init__.py', () => {
    const files = { 'pkg/nb.py': 'from . import helpers\n', 'pkg/__init__.py': 'import faiss\n', 'pkg/helpers.py': '' };
    expect(messages(notebook('./pkg/nb.py'), files)).toEqual(['pkg/__init__.py builds an in-process faiss index (imported by pkg/nb.py:1), run by j.t']);
  });
});

describe('task-code: files that are not Python', () => {
  test('a Scala or R notebook, or a binary file, has no imports to follow; a Python task next to them still is', () => {
    const tasks =
      '      tasks:\n        - task_key: b\n          spark_python_task:\n            python_file: ./bin.py\n' +
      '        - task_key: s\n          notebook_task:\n            notebook_path: ./etl.scala\n' +
      '        - task_key: r\n          notebook_task:\n            notebook_path: ./report\n' +
      '        - task_key: p\n          notebook_task:\n            notebook_path: ./nb.py\n';
    const files = { 'etl.scala': '// Databricks notebook source\nimport faiss\n', 'report.r': '# Databricks notebook source\nlibrary(faiss)\n', 'nb.py': 'import faiss\n', 'bin.py': 'import faiss\n\0' };
    expect(messages(tasks, files)).toEqual(['nb.py builds an in-process faiss index, run by j.p']);
  });
});
