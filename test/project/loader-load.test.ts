import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { at, plain, writeRepo } from './loader-helpers.js';

function load(files: Record<string, string | Buffer>, options = {}): Bundle {
  const repo = writeRepo(files);
  const project = loadProject(repo, { env: {}, ...options });
  expect(project.bundles).toHaveLength(1);
  return project.bundles[0];
}

const ROOT = 'bundle:\n  name: demo\ninclude:\n  - resources/*.yml\n';
const job = (key: string) => `resources:\n  jobs:\n    ${key}:\n      name: ${key}\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../src/nb.py\n`;

describe('loadProject: includes and files', () => {
  it('merges the root and the included files into base, and keeps every file with its text', () => {
    const b = load({ 'databricks.yml': ROOT, 'resources/a.yml': job('a'), 'resources/b.yml': job('b') });
    expect([...b.files.keys()]).toEqual(['databricks.yml', 'resources/a.yml', 'resources/b.yml']);
    expect(b.files.get('resources/a.yml')!.lines[2]).toBe('    a:');
    expect([...(at(b.base, 'resources', 'jobs') as any).entries.keys()]).toEqual(['a', 'b']);
    expect(b.name).toBe('demo');
    expect(b.nameLoc).toEqual({ file: 'databricks.yml', line: 2, column: 9 });
    const job0 = b.targets.get('default')!.jobs[0];
    expect(job0).toMatchObject({ key: 'a', address: 'jobs.a', file: 'resources/a.yml', loc: { file: 'resources/a.yml', line: 3 } });
    expect(job0.tasks[0].node.loc.file).toBe('resources/a.yml');
  });

  it('an include in an included file is ignored with include-outside-root at its value', () => {
    const b = load({
      'databricks.yml': 'bundle:\n  name: x\ninclude:\n  - a.yml\n',
      'a.yml': 'include:\n  - b.yml\nresources:\n  jobs:\n    from_a: {name: a}\n',
      'b.yml': 'resources:\n  jobs:\n    from_b: {name: b}\n',
    });
    expect(b.notices).toEqual([
      {
        check: 'include-outside-root',
        message: 'Include section is defined outside root file: a.yml. Only includes defined in databricks.yml are applied.',
        loc: { file: 'a.yml', line: 2, column: 3 },
      },
    ]);
    // The included file keeps its include (checks can quote it); only the merged configuration drops it.
    expect(b.files.get('a.yml')!.root!.entries.has('include')).toBe(true);
    expect(plain(b.base.entries.get('include'))).toEqual(['a.yml']);
    expect(b.targets.get('default')!.jobs.map((j) => j.key)).toEqual(['from_a']);
    expect(b.files.has('b.yml')).toBe(false);
  });

  it('JSON include files are read like YAML', () => {
    const b = load({
      'databricks.yml': 'bundle:\n  name: x\ninclude:\n  - "*.json"\n',
      'jobs.json': '{"resources": {"jobs": {"j": {"name": "n", "tasks": [{"task_key": "t"}]}}}}',
    });
    expect(b.notices).toEqual([]);
    expect(b.targets.get('default')!.jobs[0].tasks.map((t) => t.key)).toEqual(['t']);
  });

  it('the same resource key in two files is config-invalid at the second', () => {
    const b = load({ 'databricks.yml': ROOT, 'resources/a.yml': job('same'), 'resources/b.yml': job('same') });
    const n = b.notices.find((x) => x.message.startsWith('multiple resources or scripts have been defined with the same key: same'));
    expect(n).toMatchObject({ check: 'config-invalid', loc: { file: 'resources/b.yml', line: 3 } });
  });

  it('Python-defined resources set bundle.pythonResources', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\npython:\n  venv_path: .venv\n  resources:\n    - "resources:load_resources"\n' });
    expect(b.pythonResources).toEqual({ file: 'databricks.yml', line: 5, column: 3 });
    const plainBundle = load({ 'databricks.yml': 'bundle:\n  name: x\n' });
    expect(plainBundle.pythonResources).toBeUndefined();
  });

  it('exposes the file index and the Python projects (hint dirs include the root)', () => {
    const b = load({
      'databricks.yml': 'bundle:\n  name: x\n',
      'pyproject.toml': '[project]\nname = "my-pkg"\nversion = "0.1"\n',
    });
    expect(b.fileIndex.root).toBe(b.root);
    expect(b.fileIndex.exists('pyproject.toml')).toBe(true);
    expect(b.python.map((p) => p.dir)).toContain('.');
  });
});

describe('loadProject: bad input is a finding at file:line, the rest still loads', () => {
  const withInclude = (bad: string | Buffer) =>
    load({ 'databricks.yml': ROOT, 'resources/bad.yml': bad, 'resources/good.yml': job('good') });
  const goodLoaded = (b: Bundle) => expect(b.targets.get('default')!.jobs.map((j) => j.key)).toContain('good');

  it('YAML syntax error', () => {
    const b = withInclude('resources:\n  jobs:\n    x: [1, 2\n');
    expect(b.notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'resources/bad.yml' } });
    expect(b.notices[0].loc!.line).toBeGreaterThanOrEqual(3);
    goodLoaded(b);
  });

  it('tabs as indentation', () => {
    const b = withInclude('resources:\n\tjobs: {}\n');
    expect(b.notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'resources/bad.yml', line: 2 } });
    goodLoaded(b);
  });

  it('binary content', () => {
    const b = withInclude(Buffer.from([0, 1, 2, 3, 0xff]));
    expect(b.notices).toEqual([expect.objectContaining({ check: 'config-invalid', message: 'resources/bad.yml: not a text file' })]);
    goodLoaded(b);
  });

  it('a 50 MB file', () => {
    const repo = writeRepo({ 'databricks.yml': ROOT, 'resources/good.yml': job('good') });
    const fd = fs.openSync(path.join(repo, 'resources', 'bad.yml'), 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const b = loadProject(repo, { env: {} }).bundles[0];
    expect(b.notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'resources/bad.yml', line: 1 } });
    expect(b.notices[0].message).toContain('MB');
    goodLoaded(b);
  });

  it('billion laughs', () => {
    const lines = ['x-l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`x-l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const b = withInclude(lines.join('\n') + '\n');
    expect(b.notices.some((n) => n.check === 'config-invalid' && n.loc?.file === 'resources/bad.yml' && /expand/.test(n.message))).toBe(true);
    goodLoaded(b);
  });

  it('cyclic aliases', () => {
    const b = withInclude('x: &a\n  - *a\n');
    expect(b.notices.some((n) => n.check === 'config-invalid' && n.loc?.file === 'resources/bad.yml' && n.loc.line === 2)).toBe(true);
    goodLoaded(b);
  });

  it('unknown tag and duplicate merge key', () => {
    const b = withInclude('a: &a {x: 1}\nresources:\n  jobs:\n    t:\n      <<: *a\n      <<: *a\n      name: !Sub x\n');
    expect(b.notices.map((n) => [n.check, n.loc?.line])).toEqual([
      ['config-invalid', 6],
      ['config-invalid', 7],
      // The merged `x` is no job field (the anchor holder `a` itself is exempt).
      ['unknown-field', 5],
    ]);
    goodLoaded(b);
    expect(b.targets.get('default')!.jobs.map((j) => j.key)).toContain('t');
  });

  it('resources: [1, 2] where a map is expected', () => {
    const b = withInclude('resources: [1, 2]\n');
    expect(b.notices).toEqual([
      expect.objectContaining({ check: 'value-type-invalid', message: 'expected map, found sequence (at resources)', loc: { file: 'resources/bad.yml', line: 1, column: 12 } }),
    ]);
    goodLoaded(b);
  });

  it('a resource type or resource that is not a mapping', () => {
    const b = withInclude('resources:\n  jobs: [a]\n  pipelines:\n    p: 3\n');
    expect(b.notices.map((n) => [n.check, n.loc?.line, n.message])).toEqual([
      ['value-type-invalid', 2, 'expected map, found sequence (at resources.jobs)'],
      ['value-type-invalid', 4, 'expected map, found int (at resources.pipelines.p)'],
    ]);
    goodLoaded(b);
  });

  it('targets: foo', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets: foo\nresources:\n  jobs:\n    good: {name: g}\n' });
    expect(b.notices).toEqual([expect.objectContaining({ check: 'value-type-invalid', loc: { file: 'databricks.yml', line: 3, column: 10 } })]);
    expect([...b.targets.keys()]).toEqual(['default']);
    goodLoaded(b);
  });

  it('a target body that is not a mapping (dropped, as the CLI does), and target resources of the wrong type', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  dev: 5\n  prod:\n    resources: [1]\n' });
    expect(b.notices.map((n) => [n.check, n.loc?.line, n.message])).toEqual([
      ['value-type-invalid', 4, 'expected map, found int (at targets.dev)'],
      ['value-type-invalid', 6, 'expected map, found sequence (at targets.prod.resources)'],
    ]);
    expect([...b.targets.keys()]).toEqual(['prod']);
  });

  it('a root file that is broken still gives a bundle', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: [\n' });
    expect(b.notices.length).toBeGreaterThan(0);
    expect(b.notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'databricks.yml' } });
    expect(b.targets.has('default')).toBe(true);
  });

  it('BOM and CRLF are fine', () => {
    const b = load({ 'databricks.yml': '\ufeffbundle:\r\n  name: crlf\r\nresources:\r\n  jobs:\r\n    good:\r\n      name: g\r\n' });
    expect(b.notices).toEqual([]);
    expect(b.name).toBe('crlf');
    expect(b.targets.get('default')!.jobs[0].loc).toEqual({ file: 'databricks.yml', line: 5, column: 5 });
    expect(plain(b.base)).toMatchObject({ bundle: { name: 'crlf' } });
  });
});

describe('loadProject: nothing outside the analysed repository is read', () => {
  it('a root file that is a symlink out of the repository is not read', () => {
    const outside = writeRepo({ 'databricks.yml': 'bundle: {name: secret}\n' });
    const repo = writeRepo({});
    fs.symlinkSync(path.join(outside, 'databricks.yml'), path.join(repo, 'databricks.yml'));
    const [b] = loadProject(repo, { env: {} }).bundles;
    expect(b.name).not.toBe('secret');
    expect(b.notices).toEqual([expect.objectContaining({ check: 'include-outside-repository', loc: { file: 'databricks.yml', line: 1, column: 1 } })]);
  });

  it('a target name cannot steer the variable-overrides.json path elsewhere', () => {
    const outside = writeRepo({ 'variable-overrides.json': '{"v": "stolen"}' });
    const repo = writeRepo({});
    const rel = path.relative(path.join(repo, '.databricks', 'bundle'), outside);
    fs.writeFileSync(path.join(repo, 'databricks.yml'), `bundle: {name: x}\nvariables:\n  v: {default: own}\ntargets:\n  "${rel}": {}\n`);
    const [b] = loadProject(repo, { env: {} }).bundles;
    expect([...b.targets.keys()]).toEqual([rel]);
    expect(plain(b.targets.get(rel)!.variables.get('v')!.value)).toBe('own');
  });
});
