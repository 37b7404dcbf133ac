import { describe, expect, it } from 'vitest';
import { at, loadRepo } from '../fixtures/validate/harness.js';

describe('undefined-variable', () => {
  it('reports a typo with the CLI wording and its suggestions', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: typo',
        'variables:',
        '  host:',
        '    default: a',
        '  hosts:',
        '    default: b',
        '  cluster:',
        '    type: complex',
        '    default:',
        '      spark_version: "15.4.x"',
        'resources:',
        '  jobs:',
        '    one:',
        '      name: ${var.hst}',
        '      description: ${var.cluster.spark_versio} ${workspace.stot_path}',
        '',
      ].join('\n'),
    });
    const findings = repo.run('undefined-variable');
    expect(findings.map((f) => f.message)).toEqual([
      'reference does not exist: ${var.hst}\n\ndid you mean one of:\n  ${var.host}\n  ${var.hosts}',
      'reference does not exist: ${var.cluster.spark_versio}\n\ndid you mean:\n  ${var.cluster.spark_version}',
      'reference does not exist: ${workspace.stot_path}\n\ndid you mean one of:\n  ${workspace.root_path}\n  ${workspace.state_path}',
    ]);
    expect(at(findings)).toEqual(['databricks.yml:15', 'databricks.yml:16', 'databricks.yml:16']);
    expect(findings[0].resources).toEqual(['jobs.one']);
  });

  it('accepts nested references and ignores anchor holders the CLI drops', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: nested',
        'x-template: &tpl',
        '  name: ${var.not_declared_but_never_loaded}',
        'variables:',
        '  tail:',
        '    default: x',
        '  foo_x:',
        '    default: hello',
        '  dev_catalog:',
        '    default: main',
        'targets:',
        '  dev:',
        '    default: true',
        'resources:',
        '  jobs:',
        '    a:',
        '      name: ${var.foo_${var.tail}} ${var.${bundle.target}_catalog}',
        '',
      ].join('\n'),
    });
    expect(repo.run('undefined-variable')).toEqual([]);
  });

  it('is target-scoped, and reports a target that assigns an undeclared variable', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: scoped',
        'variables:',
        '  suffix:',
        '    default: x',
        'targets:',
        '  dev:',
        '    default: true',
        '    resources:',
        '      jobs:',
        '        only_dev:',
        '          name: ${var.environment}',
        '  prod:',
        '    variables:',
        '      sufix: y',
        '',
      ].join('\n'),
    });
    expect(at(repo.run('undefined-variable', 'dev'))).toEqual(['databricks.yml:12']);
    const prod = repo.run('undefined-variable', 'prod');
    expect(prod.map((f) => f.message)).toEqual([
      'failed to perform target override for target=prod: variable sufix is not defined but is assigned a value',
    ]);
    expect(prod[0].fix?.text).toContain('suffix');
  });
});

describe('variable-required-unset', () => {
  const yml = [
    'bundle:',
    '  name: req',
    'variables:',
    '  a:',
    '    description: empty default',
    '    default:',
    '  b:',
    '    description: no default',
    '  c:',
    '    lookup:',
    '      cluster: shared',
    'targets:',
    '  dev:',
    '    default: true',
    '    variables:',
    '      b: set-in-dev',
    '  prod: {}',
    '',
  ].join('\n');

  it('reports per target, at the empty default or the declaration', () => {
    const repo = loadRepo({ 'databricks.yml': yml });
    expect(repo.run('variable-required-unset', 'dev').map((f) => `${f.loc?.line} ${f.message.split('.')[0]}`)).toEqual([
      '6 no value assigned to required variable a',
    ]);
    expect(at(repo.run('variable-required-unset', 'prod'))).toEqual(['databricks.yml:6', 'databricks.yml:7']);
  });

  it('accepts values from BUNDLE_VAR_*, --var and the overrides file', () => {
    const repo = loadRepo(
      { 'databricks.yml': yml, '.databricks/bundle/prod/variable-overrides.json': '{"b": "from-file"}\n' },
      { env: { BUNDLE_VAR_a: 'from-env' } },
    );
    expect(repo.run('variable-required-unset', 'dev')).toEqual([]);
    expect(repo.run('variable-required-unset', 'prod')).toEqual([]);
  });
});

describe('variable-type-invalid, variable-cycle, variable-file-invalid, bundle-name-interpolation', () => {
  it('flags types other than complex, but not an empty type or a map default without type', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: t\nvariables:\n  a:\n    type: string\n    default: x\n  b:\n    type: ""\n    default: y\n  c:\n    default:\n      k: v\n  d:\n    type: complex\n    default: [1]\n',
    });
    const findings = repo.run('variable-type-invalid');
    expect(findings.map((f) => `${f.loc?.line} ${f.message}`)).toEqual([
      '5 invalid value "string" for enum field. Valid values are [complex] (at variables.a.type)',
    ]);
  });

  it('detects a reference cycle between variables', () => {
    const repo = loadRepo({ 'databricks.yml': 'bundle:\n  name: c\nvariables:\n  a:\n    default: ${var.b}\n  b:\n    default: x-${var.a}\n  c:\n    default: ${var.a}\n' });
    const findings = repo.run('variable-cycle');
    expect(findings.map((f) => `${f.loc?.line} ${f.message}`)).toEqual([
      '5 cycle detected in field resolution: variables.a.default -> var.b -> var.a -> var.b',
    ]);
  });

  it('validates variable-overrides.json per target', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: f\nvariables:\n  plain:\n    default: x\n  cluster:\n    type: complex\n    default: {a: 1}\ntargets:\n  bad_json: {default: true}\n  array: {}\n  types: {}\n  fine: {}\n',
      '.databricks/bundle/bad_json/variable-overrides.json': 'foo\n',
      '.databricks/bundle/array/variable-overrides.json': '["foo"]\n',
      '.databricks/bundle/types/variable-overrides.json': '{\n  "plain": {"k": 1},\n  "cluster": "x"\n}\n',
      '.databricks/bundle/fine/variable-overrides.json': '{"plain": "y", "cluster": {"b": 2}}\n',
    });
    expect(repo.run('variable-file-invalid', 'bad_json')[0].message).toMatch(/^failed to parse variables file \.databricks\/bundle\/bad_json\/variable-overrides\.json/);
    expect(repo.run('variable-file-invalid', 'array')[0].message).toContain('invalid format');
    expect(repo.run('variable-file-invalid', 'types').map((f) => `${f.loc?.line} ${f.message}`)).toEqual([
      '2 variable plain is not of type complex, but the value in the variable file is a complex type',
      '3 variable cluster is of type complex, but the value in the variable file is not a complex type',
    ]);
    expect(repo.run('variable-file-invalid', 'fine')).toEqual([]);
    // The loader's own notices about these files are not reported a second time as config-invalid.
    expect(repo.run('config-invalid', 'bad_json')).toEqual([]);
  });

  it('warns about interpolation in the bundle name', () => {
    const repo = loadRepo({ 'databricks.yml': 'variables:\n  a:\n    default: x\nbundle:\n  name: app-${var.a}\n' });
    expect(repo.run('bundle-name-interpolation').map((f) => f.loc?.line)).toEqual([5]);
    expect(loadRepo({ 'databricks.yml': 'bundle:\n  name: app\n' }).run('bundle-name-interpolation')).toEqual([]);
  });
});
