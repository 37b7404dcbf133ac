// config-invalid and the checks that report what the loader noticed (unknown-field, null-value,
// value-type-invalid, deprecated-field, read-only-field), and path-outside-sync-root: each finding
// pinned whole, with evidence added at the line, per target where the notice belongs to one target.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });

describe('config-invalid', () => {
  it('a merge conflict of one target: reported for that target only, critical (the loader severity and target list dropped), with evidence', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: m', 'resources:', '  jobs:', '    j:', '      name: x', '      tags: ${var.t}',
        'variables:', '  t:', '    type: complex', '    default: {a: b}',
        'targets:', '  a:', '    default: true', '    resources:', '      jobs:', '        j:', '          tags:', '            k: v', '  b: {}',
      ),
    });
    expect(repo.bundle.notices.map((n) => [n.check, n.severity, (n as { targets?: string[] }).targets])).toEqual([['config-invalid', 'high', ['a']]]);
    expect(repo.run('config-invalid', 'a')).toEqual([
      {
        check: 'config-invalid',
        message: 'failed to perform target override for target=a: failed to merge target=a field=resources: cannot merge string with map',
        loc: at(19, 13),
        evidence: 'k: v',
      },
    ]);
    expect(repo.run('config-invalid', 'b')).toEqual([]);
  });

  it('notices for every target (an include that matches nothing, two default targets) in each target', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: bad', 'include:', '  - missing.yml', 'targets:', '  a:', '    default: true', '  b:', '    default: true') });
    const expected = [
      { check: 'config-invalid', message: "missing.yml defined in 'include' section does not match any files", loc: at(4, 5), evidence: '- missing.yml' },
      { check: 'config-invalid', message: 'multiple targets are marked as default (a, b)', loc: at(9, 14), evidence: 'default: true' },
    ];
    expect(repo.run('config-invalid', 'a')).toEqual(expected);
    expect(repo.run('config-invalid', 'b')).toEqual(expected);
  });

  it('leaves the overrides file, non-YAML includes and glob characters in the root path to their own checks', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  x:', '    default: 1'), '.databricks/bundle/default/variable-overrides.json': '[' }).run('config-invalid')).toEqual([]);
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: n', 'include:', '  - "*.py"'), 'a.py': '' }).run('config-invalid')).toEqual([]);
    expect(loadRepo({ 'x[1]/databricks.yml': yaml('bundle:', '  name: g') }, { bundleDir: 'x[1]' }).run('config-invalid')).toEqual([]);
  });
});

describe('the loader-notice checks', () => {
  const repo = () =>
    loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: n', 'resources:',
        '  jobs:', '    j:', '      name: j', '      trigerr: {}', '      max_concurrent_runs: two', '      description:',
        '  pipelines:', '    p:', '      name: p', '      target: t',
        '  volumes:', '    v:', '      catalog_name: c', '      schema_name: s', '      name: v', '      volume_path: /Volumes/c/s/v',
      ),
    });

  it('each reports only its own notices, with the lines from the notice on as evidence', () => {
    const r = repo();
    expect(r.run('unknown-field')).toEqual([
      {
        check: 'unknown-field',
        message: 'unknown field: trigerr (at resources.jobs.j)',
        loc: at(7, 7),
        resources: ['jobs.j'],
        impact: 'The CLI ignores the key: the setting it was meant to make is silently not applied.',
        fix: { text: 'Did you mean `trigger` or `triggers`? Otherwise remove `trigerr`.' },
        evidence: 'trigerr: {}\nmax_concurrent_runs: two\ndescription:',
      },
    ]);
    expect(r.run('null-value')).toEqual([
      {
        check: 'null-value',
        message: 'expected a string value, found null (at resources.jobs.j.description)',
        loc: at(9, 19),
        resources: ['jobs.j'],
        impact: 'resources.jobs.j.description is treated as unset.',
        fix: { text: 'Give `description` a value or remove the line.' },
        evidence: '    description:\npipelines:\n  p:',
      },
    ]);
    expect(r.run('value-type-invalid')).toEqual([
      {
        check: 'value-type-invalid',
        message: 'cannot parse "two" as an integer (at resources.jobs.j.max_concurrent_runs)',
        loc: at(8, 28),
        resources: ['jobs.j'],
        impact: 'The CLI drops the value: the setting is treated as unset (and a resource given this way is not deployed).',
        fix: { text: 'Write resources.jobs.j.max_concurrent_runs as the schema expects (cannot parse "two" as an integer), or as a `${var.<name>}` reference to a complex variable.' },
        evidence: '    max_concurrent_runs: two\n    description:\npipelines:',
      },
    ]);
    expect(r.run('deprecated-field')).toEqual([
      {
        check: 'deprecated-field',
        message: 'deprecated field: target (at resources.pipelines.p)',
        loc: at(13, 7),
        resources: ['pipelines.p'],
        impact: "The CLI's schema marks `target` deprecated: This field is deprecated.",
        fix: { text: 'This field is deprecated. Move off `target` before it is removed.' },
        evidence: '    target: t\nvolumes:\n  v:',
      },
    ]);
    expect(r.run('read-only-field')).toEqual([
      {
        check: 'read-only-field',
        message: 'resources.volumes.v.volume_path is computed and read-only; remove it from the configuration',
        loc: at(19, 7),
        resources: ['volumes.v'],
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: 'Remove `volume_path`: the CLI computes it.' },
        evidence: 'volume_path: /Volumes/c/s/v\n',
      },
    ]);
    expect(r.run('include-outside-repository')).toEqual([]);
    expect(r.run('symlink-outside-repo')).toEqual([]);
  });
});

describe('path-outside-sync-root', () => {
  it('a notebook or file above the bundle root: the sync root and the folder to add; libraries, artifacts and remote paths pass', () => {
    const repo = loadRepo(
      {
        'b/databricks.yml': yaml(
          'bundle:', '  name: s', 'resources:', '  jobs:', '    j:', '      tasks:',
          '        - task_key: a', '          spark_python_task:', '            python_file: ../lib/x.py',
          '        - task_key: w', '          libraries:', '            - whl: ../dist/x.whl', '          spark_python_task:', '            python_file: /Workspace/abs.py',
          'artifacts:', '  a:', '    path: ../pkg',
        ),
        'lib/x.py': '',
        'dist/x.whl': '',
        'pkg/setup.py': '',
      },
      { bundleDir: 'b' },
    );
    expect(repo.run('path-outside-sync-root')).toEqual([
      {
        check: 'path-outside-sync-root',
        message: 'path ../lib/x.py is not contained in sync root path . (the bundle root)',
        loc: at(9, 26),
        resources: ['jobs.j'],
        evidence: 'python_file: ../lib/x.py',
        impact: '`bundle validate` fails: resources.jobs.j.tasks[0].spark_python_task.python_file would not be uploaded.',
        fix: { text: 'Widen the sync root in databricks.yml: `sync: {paths: [".", "../lib"]}`, or move ../lib/x.py under the bundle root.' },
      },
    ]);
  });

  it('a sync root widened by sync.paths is named as it is; a path inside it passes', () => {
    const repo = loadRepo(
      {
        'r/b/databricks.yml': yaml(
          'bundle:', '  name: s', 'sync:', '  paths:', '    - .', '    - ../lib', 'resources:', '  jobs:', '    j:', '      tasks:',
          '        - task_key: a', '          spark_python_task:', '            python_file: ../lib/x.py',
          '        - task_key: b', '          spark_python_task:', '            python_file: ../../top/y.py',
        ),
        'r/lib/x.py': '',
        'top/y.py': '',
      },
      { bundleDir: 'r/b' },
    );
    expect(repo.run('path-outside-sync-root').map((f) => [f.loc?.line, f.message, f.fix?.text])).toEqual([
      [16, 'path ../../top/y.py is not contained in sync root path ..', 'Widen the sync root in databricks.yml: `sync: {paths: [".", "../../top"]}`, or move ../../top/y.py under the bundle root.'],
    ]);
  });
});
