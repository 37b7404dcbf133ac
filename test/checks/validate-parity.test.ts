// The small bundles of issue #12 (what `bundle validate` reports from the files alone), variables as
// the CLI resolves them, and the bad inputs: findings or nothing, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine.js';
import { NOTEBOOK, loadRepo } from '../fixtures/validate/harness.js';

const lines = (findings: { loc?: { line: number }; message: string }[]) => findings.map((f) => `${f.loc?.line} ${f.message.split(' (')[0]}`);

describe('the issue’s small bundles', () => {
  it('interpolation in auth fields: the host is critical (the CLI cannot even parse it), other fields high', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: a\nvariables:\n  host:\n    default: https://x.cloud.databricks.com\n  p:\n    default: ci\nworkspace:\n  host: ${var.host}\n  profile: ${var.p}\n  root_path: ~/.bundle/${var.p}\n',
    });
    const findings = repo.run('auth-interpolation');
    expect(findings.map((f) => [f.loc?.line, f.severity ?? 'high'])).toEqual([
      [9, 'critical'],
      [10, 'high'],
    ]);
    expect(findings[0].message).toContain('failed during request visitor: parse "https://${var.host}": invalid character "{" in host name');
    expect(findings[1].fix?.text).toContain('DATABRICKS_CONFIG_PROFILE');
  });

  it('a production target cannot include a pipeline with development: true', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: p',
        'resources:',
        '  pipelines:',
        '    etl:',
        '      name: etl',
        '      development: true',
        'targets:',
        '  dev:',
        '    mode: development',
        '    default: true',
        '  prod:',
        '    mode: production',
        '    workspace:',
        '      root_path: /Workspace/Shared/.bundle/p',
        '',
      ].join('\n'),
    });
    expect(repo.run('target-mode-violation', 'dev')).toEqual([]);
    const prod = repo.run('target-mode-violation', 'prod');
    expect(lines(prod)).toEqual(["7 target with 'mode: production' cannot include a pipeline with 'development: true'"]);
    expect(prod[0].severity ?? 'critical').toBe('critical');
  });

  it('a production target without its own root_path: high, or low when every job runs as someone', () => {
    const yml = (runAs: string) =>
      `bundle:\n  name: p\n${runAs}resources:\n  jobs:\n    j:\n      name: j\ntargets:\n  prod:\n    mode: production\n    workspace:\n      host: https://x\n`;
    expect(loadRepo({ 'databricks.yml': yml('') }).run('target-mode-violation').map((f) => [f.loc?.line, f.severity])).toEqual([[8, 'high']]);
    expect(loadRepo({ 'databricks.yml': yml('run_as:\n  service_principal_name: sp\n') }).run('target-mode-violation').map((f) => f.severity)).toEqual(['low']);
  });

  it('a Vector Search endpoint without endpoint_type misses a required field', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: v\nresources:\n  vector_search_endpoints:\n    ep:\n      name: ep\n',
    });
    expect(lines(repo.run('required-field-missing'))).toEqual(['6 required field "endpoint_type" is not set']);
  });

  it('an app whose source_code_path names nothing, and a Genie space file that is missing', () => {
    const repo = loadRepo({
      'databricks.yml':
        'bundle:\n  name: app\nresources:\n  apps:\n    ok:\n      name: ok\n      source_code_path: ./app\n    broken:\n      name: broken\n      source_code_path: ./nowhere\n  genie_spaces:\n    g:\n      title: g\n      warehouse_id: w\n      file_path: ./missing.geniespace.json\n',
      'app/app.py': 'print(1)\n',
    });
    expect(lines(repo.run('path-not-found')).sort()).toEqual(['10 directory nowhere not found', '15 file missing.geniespace.json not found']);
    // An app source folder that an artifact build assembles is absent from git by design.
    const built = loadRepo({
      'databricks.yml': 'bundle:\n  name: app\nartifacts:\n  app:\n    build: python build.py\nresources:\n  apps:\n    a:\n      name: a\n      source_code_path: ./.build\n',
    });
    expect(built.run('path-not-found')).toEqual([]);
  });

  it('an unknown pipeline field, with the CLI’s message and a suggestion', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: u\nresources:\n  pipelines:\n    p:\n      name: p\n      configuraton:\n        a: b\n',
    });
    const findings = repo.run('unknown-field');
    expect(lines(findings)).toEqual(['7 unknown field: configuraton']);
    expect(findings[0].fix?.text).toContain('`configuration`');
  });
});

describe('variables as the CLI resolves them', () => {
  it('a whole resource given as ${var.complex} is substituted and checked at the lines of the variable', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: c',
        'variables:',
        '  cluster:',
        '    type: complex',
        '    default:',
        '      spark_version: 15.4.x-scala2.12',
        '      num_workers: two',
        '      node_tpye_id: i3.xlarge',
        '  tasks:',
        '    type: complex',
        '    default:',
        '      - task_key: a',
        '        notebook_task:',
        '          notebook_path: ./missing.py',
        'resources:',
        '  clusters:',
        '    c: ${var.cluster}',
        '  jobs:',
        '    j:',
        '      tasks: ${var.tasks}',
        '',
      ].join('\n'),
    });
    const all = runChecks(repo.bundle, [...repo.bundle.targets.values()]);
    const of = (id: string) => all.filter((f) => f.check === id).map((f) => `${f.loc?.line} ${f.message.split(' (')[0]}`);
    expect(of('unknown-field')).toEqual(['9 unknown field: node_tpye_id']);
    expect(of('value-type-invalid')).toEqual(['8 cannot parse "two" as an integer']);
    expect(repo.bundle.targets.get('default')!.jobs[0].tasks.map((t) => t.key)).toEqual(['a']);
    expect(of('path-not-found')).toEqual(['15 notebook missing.py not found']);
  });

  it('environment dependencies from a complex variable are read as substituted, a wheel file name from a variable included', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: w',
        'variables:',
        '  wheel_file:',
        '    default: runner-0.1.0-py3-none-any.whl',
        '  deps:',
        '    type: complex',
        '    default:',
        '      - /Volumes/main/tools/wheels/${var.wheel_file}',
        'resources:',
        '  jobs:',
        '    j:',
        '      environments:',
        '        - environment_key: default',
        '          spec:',
        '            environment_version: "2"',
        '            dependencies: ${var.deps}',
        '      tasks:',
        '        - task_key: run',
        '          environment_key: default',
        '          python_wheel_task:',
        '            package_name: runner',
        '            entry_point: main',
        '',
      ].join('\n'),
    });
    const task = repo.bundle.targets.get('default')!.jobs[0].tasks[0];
    expect(task.environmentDependencies.map((d) => d.value)).toEqual(['/Volumes/main/tools/wheels/${var.wheel_file}']);
    expect(repo.run('wheel-not-built')).toEqual([]);
  });

  it('a variable set with value: is set (no required-variable finding), for complex values too', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: v\nvariables:\n  foo:\n    value: bar\n  conf:\n    type: complex\n    value:\n      a: b\nresources:\n  jobs:\n    j:\n      name: ${var.foo}-${var.conf.a}\n',
    });
    expect(repo.run('variable-required-unset')).toEqual([]);
    expect(repo.run('unknown-field')).toEqual([]);
    expect(repo.bundle.targets.get('default')!.interpolate('${var.foo}-${var.conf.a}', { file: 'databricks.yml', line: 13, column: 13 }).value).toBe('bar-b');
    // A value written in the configuration cannot be assigned again with --var, as the CLI says.
    const again = loadRepo({ 'databricks.yml': 'bundle:\n  name: v\nvariables:\n  foo:\n    value: bar\n' }, { vars: { foo: 'baz' } });
    expect(again.run('config-invalid').map((f) => `${f.loc?.line} ${f.message}`)).toEqual(['5 failed to assign baz to foo: variable has already been assigned value: bar']);
  });

  it('cycles: between whole values an error; through complex values the too-deep warning; fields of one variable referencing each other are no cycle', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: cy',
        'variables:',
        '  a:',
        '    default: ${var.b}',
        '  b:',
        '    default: ${var.a}',
        '  m:',
        '    default:',
        '      hello: ${var.m}',
        '  cfg:',
        '    type: complex',
        '    default:',
        '      version: "15.4"',
        '      image: runtime-${var.cfg.version}',
        '',
      ].join('\n'),
    });
    const at = { file: 'databricks.yml', line: 1, column: 1 };
    expect(repo.bundle.targets.get('default')!.interpolate('${var.cfg.image}', at).value).toBe('runtime-15.4');
    const findings = repo.run('variable-cycle');
    expect(findings.map((f) => [f.loc?.line, f.severity ?? 'critical', f.message.split('.')[0]])).toEqual([
      [5, 'critical', 'cycle detected in field resolution: variables'],
      [10, 'medium', 'Variables references are too deep, stopping resolution after 11 rounds'],
    ]);
  });

  it('indexing into a variable whose value is a reference is the CLI’s error', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: i\nvariables:\n  base:\n    default:\n      name: hive\n  catalog:\n    default: ${var.base}\nresources:\n  jobs:\n    j:\n      name: ${var.catalog.name}\n',
    });
    expect(repo.run('undefined-variable').map((f) => f.message)).toEqual(['expected a map to index "variables.catalog.value.name", found string (in ${var.catalog.name})']);
  });

  it('indexing a map by position or a sequence by key names the path up to the failing step', () => {
    const repo = loadRepo({
      'databricks.yml':
        'bundle:\n  name: i\nvariables:\n  cfg:\n    default:\n      tags: [a, b]\n      owner:\n        name: x\n' +
        'resources:\n  jobs:\n    j:\n      name: ${var.cfg.tags.first}\n      description: ${var.cfg.owner[0].name}\n',
    });
    expect(repo.run('undefined-variable').map((f) => f.message)).toEqual([
      'expected a map to index "variables.cfg.value.tags.first", found sequence (in ${var.cfg.tags.first})',
      'expected a sequence to index "variables.cfg.value.owner[0]", found map (in ${var.cfg.owner[0].name})',
    ]);
    expect(repo.bundle.targets.get('default')!.interpolate('${var.cfg.tags[1]}', { file: 'databricks.yml', line: 1, column: 1 }).value).toBe('b');
  });

  it('${...} stands for a typed value only when it is one reference in the CLI’s grammar', () => {
    const repo = loadRepo({
      'databricks.yml':
        'bundle:\n  name: g\nvariables:\n  n:\n    default: 3\nresources:\n  jobs:\n    j:\n      max_concurrent_runs: ${var.n}\n      timeout_seconds: ${not a reference}\n',
    });
    expect(lines(repo.run('value-type-invalid'))).toEqual(['10 cannot parse "${not a reference}" as an integer']);
  });

  it('variable names and resource keys in any Unicode letters', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: u\nvariables:\n  变量:\n    default: 值\nresources:\n  jobs:\n    作业:\n      name: ${var.变量}\n',
    });
    expect(repo.run('undefined-variable')).toEqual([]);
    expect(repo.bundle.targets.get('default')!.interpolate('${var.变量}', { file: 'databricks.yml', line: 9, column: 13 }).value).toBe('值');
  });

  it('a string replaced by a mapping in a target override is fine there (the CLI drops the string, warns, and merges)', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: m\nresources:\n  clusters:\n    my_cluster: "hello"\ntargets:\n  dev:\n    resources:\n      clusters:\n        my_cluster:\n          spark_version: "15.4"\n',
    });
    const all = repo.runAll('dev');
    expect(all.filter((f) => f.severity === 'critical')).toEqual([]);
    expect(lines(all.filter((f) => f.check === 'value-type-invalid'))).toEqual(['5 expected map, found string']);
    expect(repo.bundle.targets.get('dev')!.resources.get('clusters')!.get('my_cluster')!.node.entries.get('spark_version')).toMatchObject({ value: '15.4' });
  });

  it('a target that merges a list into a ${var...} string fails that target, as the CLI does', () => {
    const repo = loadRepo({
      'databricks.yml':
        'bundle:\n  name: m\nvariables:\n  tasks:\n    type: complex\n    default: []\nresources:\n  jobs:\n    j:\n      tasks: ${var.tasks}\ntargets:\n  dev:\n    default: true\n    resources:\n      jobs:\n        j:\n          tasks:\n            - task_key: t\n  prod: {}\n',
    });
    expect(repo.run('config-invalid', 'dev').map((f) => f.message)).toEqual([
      'failed to perform target override for target=dev: failed to merge target=dev field=resources: cannot merge string with sequence',
    ]);
    expect(repo.run('config-invalid', 'prod')).toEqual([]);
  });
});

describe('bad input: findings or nothing, never a crash or a hang', () => {
  it('a list where the schema expects a mapping', () => {
    const repo = loadRepo({ 'databricks.yml': 'bundle:\n  name: b\nresources:\n  jobs:\n    j:\n      trigger: [1, 2]\n      tasks:\n        - task_key: t\n          notebook_task: [a]\n' });
    expect(lines(repo.run('value-type-invalid'))).toEqual(['6 expected map, found sequence', '9 expected map, found sequence']);
    expect(() => repo.runAll()).not.toThrow();
  });

  it('a 10,000-key mapping where the schema expects an enum value', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `            k${i}: v`).join('\n');
    const repo = loadRepo({ 'databricks.yml': `bundle:\n  name: b\nresources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          run_if:\n${keys}\n` });
    expect(lines(repo.run('value-type-invalid'))).toEqual(['9 expected string, found map']);
    expect(repo.run('enum-invalid')).toEqual([]);
    expect(() => repo.runAll()).not.toThrow();
  });

  it('${var.x} inside a resource key', () => {
    const repo = loadRepo({ 'databricks.yml': 'bundle:\n  name: b\nvariables:\n  env:\n    default: dev\nresources:\n  jobs:\n    ${var.env}_job:\n      name: x\n' });
    const findings = repo.run('resource-key-interpolation');
    expect(lines(findings)).toEqual(['8 resource key "${var.env}_job" must not contain variable references']);
    expect(() => repo.runAll()).not.toThrow();
  });

  it('a Unicode key in NFD and in NFC form: two different keys, and an NFD reference is no reference', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const repo = loadRepo({
      'databricks.yml': `bundle:\n  name: b\nvariables:\n  ${nfc}:\n    default: one\nresources:\n  jobs:\n    ${nfc}:\n      name: \${var.${nfd}}\n    ${nfd}:\n      name: \${var.${nfc}}\n`,
    });
    expect(repo.bundle.targets.get('default')!.jobs.map((j) => j.key)).toEqual([nfc, nfd]);
    expect(repo.run('config-invalid')).toEqual([]);
    // The combining accent is no letter of the CLI's reference grammar: the NFD text is left as it is.
    expect(repo.run('undefined-variable')).toEqual([]);
    expect(() => repo.runAll()).not.toThrow();
  });
});
