// QA defects in the loader: the repository boundary (enclosing git work tree), wrong value types
// inside resources, a missing bundle.name, a folder named databricks.yml, includes climbing out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configInvalid as configInvalidCheck } from '../../src/checks/config-invalid.js';
import { includeOutsideRepository } from '../../src/checks/include-outside-repository.js';
import { undefinedVariable } from '../../src/checks/undefined-variable.js';
import { valueTypeInvalid } from '../../src/checks/value-type-invalid.js';
import { runChecks } from '../../src/engine.js';
import type { Bundle, RawFinding } from '../../src/model.js';
import { loadProject, repositoryRoot } from '../../src/project/load.js';
import { plain, writeRepo } from './loader-helpers.js';

const MONOREPO = {
  'common/vars/common.vars.yml': 'variables:\n  catalog:\n    default: main\n',
  'common/resources/shared.job.yml': 'resources:\n  jobs:\n    shared:\n      name: shared-${var.catalog}\n',
  'common/lib/helper.py': 'x = 1\n',
  'bundle/databricks.yml': [
    'bundle:',
    '  name: mono',
    'include:',
    '  - ../common/vars/*.yml',
    '  - ../common/resources/*.yml',
    'resources:',
    '  jobs:',
    '    own:',
    '      name: own-${var.catalog}',
    '',
  ].join('\n'),
};

const byCheck = (notices: RawFinding[], check: string) => notices.filter((n) => n.check === check);

function only(repo: string, rel: string, options = {}): Bundle {
  const project = loadProject(path.join(repo, rel), { env: {}, ...options });
  expect(project.bundles).toHaveLength(1);
  return project.bundles[0];
}

describe('repository root: the enclosing git work tree', () => {
  it('a bundle analysed on its own inside a git repository reads its ../common includes', () => {
    const repo = writeRepo({ ...MONOREPO, '.git/HEAD': 'ref: refs/heads/main\n' });
    const b = only(repo, 'bundle');
    expect(b.relRoot).toBe('.');
    expect([...b.files.keys()].sort()).toEqual(['../common/resources/shared.job.yml', '../common/vars/common.vars.yml', 'databricks.yml']);
    expect(byCheck(b.notices, 'include-outside-repository')).toEqual([]);
    expect([...b.targets.values()][0].jobs.map((j) => j.key).sort()).toEqual(['own', 'shared']);
    expect(b.fileIndex.kind('../common/lib/helper.py')).toBe('file');
    for (const target of b.targets.values()) expect(undefinedVariable.run(b, target)).toEqual([]);
  });

  it('a .git FILE (worktree, submodule) marks the root too', () => {
    const repo = writeRepo({ ...MONOREPO, '.git': 'gitdir: /elsewhere/.git/worktrees/x\n' });
    expect(repositoryRoot(path.join(repo, 'bundle'))).toBe(repo);
    expect(byCheck(only(repo, 'bundle').notices, 'include-outside-repository')).toEqual([]);
  });

  it('without a git work tree the analysed path is the boundary: each climbing include is named at its line, severity left to the check', () => {
    const repo = writeRepo(MONOREPO);
    const b = only(repo, 'bundle');
    expect([...b.files.keys()]).toEqual(['databricks.yml']);
    const outside = byCheck(b.notices, 'include-outside-repository');
    expect(outside.map((n) => [n.loc?.line, n.severity])).toEqual([
      [4, undefined],
      [5, undefined],
    ]);
    // Decided from the pattern: the folder outside is never listed, no file of it named.
    expect(outside[0].message).toBe('include `../common/vars/*.yml` points outside the repository: not read, so its resources are not analysed');
    expect(outside.map((n) => n.message).join('\n')).not.toContain('common.vars.yml');
    const target = [...b.targets.values()][0];
    expect(runChecks(b, [target], undefined, [includeOutsideRepository]).map((f) => f.severity)).toEqual(['high', 'high']);
  });

  it('options.repoRoot overrides the detected root; one that does not hold the path is ignored', () => {
    const repo = writeRepo(MONOREPO);
    const b = only(repo, 'bundle', { repoRoot: repo });
    expect(b.files.has('../common/vars/common.vars.yml')).toBe(true);
    expect(byCheck(b.notices, 'include-outside-repository')).toEqual([]);

    const elsewhere = writeRepo({ 'x.txt': '' });
    expect(repositoryRoot(path.join(repo, 'bundle'), elsewhere)).toBe(path.join(repo, 'bundle'));
    const withGit = writeRepo({ ...MONOREPO, '.git/HEAD': '' });
    // A narrower override wins over the git work tree (the action passes GITHUB_WORKSPACE).
    const narrow = only(withGit, 'bundle', { repoRoot: path.join(withGit, 'bundle') });
    expect(byCheck(narrow.notices, 'include-outside-repository')).toHaveLength(2);
  });

  it('bundle discovery still starts at the path given; relRoot stays relative to it', () => {
    const repo = writeRepo({ ...MONOREPO, '.git/HEAD': '', 'other/databricks.yml': 'bundle:\n  name: other\n' });
    const project = loadProject(path.join(repo, 'bundle'), { env: {} });
    expect(project.bundles.map((b) => [b.name, b.relRoot])).toEqual([['mono', '.']]);
    expect(loadProject(repo, { env: {} }).bundles.map((b) => b.relRoot)).toEqual(['bundle', 'other']);
  });

  it('a symlink out of the git work tree is still refused', () => {
    const outside = writeRepo({ 'secret.yml': 'variables:\n  catalog:\n    default: x\n' });
    const repo = writeRepo({ '.git/HEAD': '', 'bundle/databricks.yml': 'bundle:\n  name: s\ninclude:\n  - link.yml\n' });
    fs.symlinkSync(path.join(outside, 'secret.yml'), path.join(repo, 'bundle', 'link.yml'));
    const b = only(repo, 'bundle');
    expect(byCheck(b.notices, 'include-outside-repository').map((n) => n.loc?.line)).toEqual([4]);
    expect(b.files.has('link.yml')).toBe(false);
  });
});

describe('wrong value types inside resources', () => {
  const TYPES2 = [
    'bundle:', //  1
    '  name: t2', //  2
    'resources:', //  3
    '  jobs:', //  4
    '    j:', //  5
    '      tasks:', //  6
    '        task_key: a', //  7
    '    k: 5', //  8
    '    l:', //  9
    '      tasks:', // 10
    '        - 7', // 11
    '        - task_key: b', // 12
    '          depends_on: nope', // 13
    '          libraries: {whl: x}', // 14
    '          python_wheel_task: "str"', // 15
    '',
  ].join('\n');

  it('one value-type-invalid per wrong value at its line, in the CLI\'s words; the value is dropped, the rest still loads', () => {
    const b = only(writeRepo({ 'databricks.yml': TYPES2 }), '.');
    const invalid = byCheck(b.notices, 'value-type-invalid');
    expect(invalid.map((n) => [n.loc?.line, n.message])).toEqual([
      [7, 'expected sequence, found map (at resources.jobs.j.tasks)'],
      [8, 'expected map, found int (at resources.jobs.k)'],
      [11, 'expected map, found int (at resources.jobs.l.tasks[0])'],
      [13, 'expected sequence, found string (at resources.jobs.l.tasks[1].depends_on)'],
      [14, 'expected sequence, found map (at resources.jobs.l.tasks[1].libraries)'],
      [15, 'expected map, found string (at resources.jobs.l.tasks[1].python_wheel_task)'],
    ]);
    expect(byCheck(b.notices, 'config-invalid')).toEqual([]);
    const target = [...b.targets.values()][0];
    const jobs = new Map(target.jobs.map((j) => [j.key, j]));
    expect([...jobs.keys()].sort()).toEqual(['j', 'l']);
    expect(jobs.get('j')!.tasks).toEqual([]);
    const [task] = jobs.get('l')!.tasks;
    expect(task.key).toBe('b');
    expect(plain(task.node)).toEqual({ task_key: 'b' });
    expect(valueTypeInvalid.run(b, target).map((f) => [f.loc?.line, f.severity ?? valueTypeInvalid.severity])).toEqual([
      [7, 'medium'], [8, 'medium'], [11, 'medium'], [13, 'medium'], [14, 'medium'], [15, 'medium'],
    ]);
  });

  it('checks inner tasks, clusters, environments, pipelines and target overrides; complex variables and nulls pass', () => {
    const yaml = [
      'bundle:', //  1
      '  name: t3', //  2
      'resources:', //  3
      '  jobs:', //  4
      '    j:', //  5
      '      tasks: ${var.tasks}', //  6
      '    f:', //  7
      '      job_clusters: {a: 1}', //  8
      '      environments:', //  9
      '        - environment_key: e', // 10
      '          spec: {dependencies: "x.whl"}', // 11
      '      tasks:', // 12
      '        - task_key: loop', // 13
      '          libraries:', // 14
      '          for_each_task:', // 15
      '            inputs: "[1]"', // 16
      '            task:', // 17
      '              task_key: inner', // 18
      '              notebook_task: [1]', // 19
      '  pipelines:', // 20
      '    p:', // 21
      '      libraries: {notebook: {path: x}}', // 22
      'targets:', // 23
      '  dev:', // 24
      '    resources:', // 25
      '      jobs:', // 26
      '        f:', // 27
      '          tasks: 3', // 28
      '',
    ].join('\n');
    const b = only(writeRepo({ 'databricks.yml': yaml }), '.');
    expect(byCheck(b.notices, 'value-type-invalid').map((n) => [n.loc?.line, n.message])).toEqual([
      [8, 'expected sequence, found map (at resources.jobs.f.job_clusters)'],
      [11, 'expected sequence, found string (at resources.jobs.f.environments[0].spec.dependencies)'],
      [19, 'expected map, found sequence (at resources.jobs.f.tasks[0].for_each_task.task.notebook_task)'],
      [22, 'expected sequence, found map (at resources.pipelines.p.libraries)'],
      [28, 'expected sequence, found int (at targets.dev.resources.jobs.f.tasks)'],
    ]);
    expect(b.targets.get('dev')!.jobs.find((j) => j.key === 'f')!.tasks.map((t) => t.key)).toEqual(['loop']);
  });

  it('a wrong value inside a list shared through a YAML alias is reported once (at the anchor), and left out of every use', () => {
    const yaml = [
      'bundle:',
      '  name: t4',
      'resources:',
      '  jobs:',
      '    a:',
      '      tasks: &t',
      '        - task_key: x',
      '          depends_on: nope',
      '    b:',
      '      tasks: *t',
      '',
    ].join('\n');
    const b = only(writeRepo({ 'databricks.yml': yaml }), '.');
    const target = [...b.targets.values()][0];
    expect(runChecks(b, [target], undefined, [valueTypeInvalid]).map((f) => f.loc?.line)).toEqual([8]);
    const jobs = target.jobs;
    expect(jobs.map((j) => plain(j.tasks[0].node))).toEqual([{ task_key: 'x' }, { task_key: 'x' }]);
  });
});

describe('bundle.name is required', () => {
  const NAME_REQUIRED = /^bundle\.name is required/;
  const nameNotices = (b: Bundle) => byCheck(b.notices, 'config-invalid').filter((n) => NAME_REQUIRED.test(n.message));

  it('an empty databricks.yml: at line 1', () => {
    const b = only(writeRepo({ 'databricks.yml': '' }), '.');
    expect(nameNotices(b).map((n) => n.loc)).toEqual([{ file: 'databricks.yml', line: 1, column: 1 }]);
    const target = [...b.targets.values()][0];
    expect(runChecks(b, [target], undefined, [configInvalidCheck]).map((f) => [f.loc?.line, f.severity])).toEqual([[1, 'critical']]);
  });

  it('a bundle section without a name: at the bundle: key', () => {
    const b = only(writeRepo({ 'databricks.yml': '# a comment\nworkspace:\n  host: https://x\nbundle:\n  uuid: 1234\n' }), '.');
    expect(nameNotices(b).map((n) => [n.loc?.file, n.loc?.line])).toEqual([['databricks.yml', 4]]);
  });

  it('an empty name counts as missing; a name in an included file or in every target is enough', () => {
    expect(nameNotices(only(writeRepo({ 'databricks.yml': 'bundle:\n  name: ""\n' }), '.'))).toHaveLength(1);
    const included = only(writeRepo({ 'databricks.yml': 'include:\n  - b.yml\n', 'b.yml': 'bundle:\n  name: inc\n' }), '.');
    expect(nameNotices(included)).toEqual([]);
    const everyTarget = 'targets:\n  a:\n    bundle:\n      name: x\n  b:\n    bundle:\n      name: y\n';
    expect(nameNotices(only(writeRepo({ 'databricks.yml': everyTarget }), '.'))).toEqual([]);
  });

  it('a name in some targets only: the finding lists the targets without one', () => {
    const yaml = 'bundle:\n  git:\n    branch: main\ntargets:\n  a:\n    bundle:\n      name: x\n  b:\n    default: true\n';
    const [n] = nameNotices(only(writeRepo({ 'databricks.yml': yaml }), '.'));
    expect(n).toMatchObject({ targets: ['b'], loc: { line: 1 } });
  });
});

describe('a folder named like the root file', () => {
  it('is a bundle root that fails to load: config-invalid naming it, nothing else about the name', () => {
    const repo = writeRepo({ 'databricks.yml/readme.txt': 'not config\n' });
    const b = only(repo, '.');
    expect(b.rootFile).toBe('databricks.yml');
    const invalid = byCheck(b.notices, 'config-invalid');
    expect(invalid.map((n) => [n.loc?.line, n.message])).toEqual([
      [1, 'databricks.yml is a directory, not a file: the Databricks CLI cannot read the bundle configuration'],
    ]);
    const target = [...b.targets.values()][0];
    expect(runChecks(b, [target], undefined, [configInvalidCheck]).map((f) => f.severity)).toEqual(['critical']);
  });

  it('an empty folder named databricks.yml next to a bundle.yml: the CLI picks databricks.yml first, so both problems show', () => {
    const repo = writeRepo({ 'bundle.yml': 'bundle:\n  name: x\n' });
    fs.mkdirSync(path.join(repo, 'databricks.yml'));
    const b = only(repo, '.');
    expect(b.rootFile).toBe('databricks.yml');
    expect(byCheck(b.notices, 'config-invalid').map((n) => n.message.split(':')[0]).sort()).toEqual([
      'databricks.yml is a directory, not a file',
      'multiple bundle root configuration files found in .',
    ]);
  });
});

describe('includes climbing out of the repository', () => {
  it('a glob matching non-YAML files outside: only the outside-repository finding, never read', () => {
    const top = writeRepo({ 'outside/a.conf': 'x', 'outside/b.conf': 'y', 'outside/c.yml': 'bundle: 5\n' });
    const repo = path.join(top, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    const yaml = [
      'bundle:',
      '  name: climb',
      'include:',
      '  - ../outside/*.conf',
      '  - ../outside/*.yml',
      '  - ../outside/*.none',
      '  - ../../../../../../../../../etc/*.conf',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(repo, 'databricks.yml'), yaml);
    const b = only(repo, '.');
    expect([...b.files.keys()]).toEqual(['databricks.yml']);
    expect(byCheck(b.notices, 'config-invalid')).toEqual([]);
    const outside = byCheck(b.notices, 'include-outside-repository');
    expect(outside.map((n) => n.loc?.line)).toEqual([4, 5, 6, 7]);
    expect(outside.map((n) => n.message)).toEqual(
      ['../outside/*.conf', '../outside/*.yml', '../outside/*.none', '../../../../../../../../../etc/*.conf'].map(
        (entry) => `include \`${entry}\` points outside the repository: not read, so its resources are not analysed`,
      ),
    );
    const target = [...b.targets.values()][0];
    expect(includeOutsideRepository.run(b, target)).toHaveLength(4);
  });
});
