import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { plain, writeRepo } from './loader-helpers.js';

function load(files: Record<string, string>, options: { vars?: Record<string, string>; env?: NodeJS.ProcessEnv; target?: string } = {}): Bundle {
  return loadProject(writeRepo(files), { env: {}, ...options }).bundles[0];
}

const PRECEDENCE = `bundle:
  name: x
variables:
  v:
    default: from-default
targets:
  t:
    variables:
      v: from-target
  plain: {}
`;
const OVERRIDES = { '.databricks/bundle/t/variable-overrides.json': '{"v": "from-file"}' };

describe('variable values by precedence', () => {
  const value = (b: Bundle, t = 't') => {
    const v = b.targets.get(t)!.variables.get('v')!;
    return [plain(v.value), v.source];
  };

  it('default < target', () => {
    const b = load({ 'databricks.yml': PRECEDENCE });
    expect(value(b, 'plain')).toEqual(['from-default', 'default']);
    expect(value(b)).toEqual(['from-target', 'target']);
  });

  it('target < variable-overrides.json', () => {
    expect(value(load({ 'databricks.yml': PRECEDENCE, ...OVERRIDES }))).toEqual(['from-file', 'overrides-file']);
  });

  it('variable-overrides.json < BUNDLE_VAR_<name>', () => {
    expect(value(load({ 'databricks.yml': PRECEDENCE, ...OVERRIDES }, { env: { BUNDLE_VAR_v: 'from-env' } }))).toEqual(['from-env', 'env']);
  });

  it('BUNDLE_VAR_<name> < --var', () => {
    const b = load({ 'databricks.yml': PRECEDENCE, ...OVERRIDES }, { env: { BUNDLE_VAR_v: 'from-env' }, vars: { v: 'from-cli' } });
    expect(value(b)).toEqual(['from-cli', 'cli']);
    expect(b.targets.get('t')!.interpolate('${var.v}', { file: 'databricks.yml', line: 1, column: 1 }).value).toBe('from-cli');
  });

  it('BUNDLE_VAR_ is ignored for complex variables and undeclared names; --var of an undeclared name is config-invalid', () => {
    const b = load(
      { 'databricks.yml': 'bundle: {name: x}\nvariables:\n  c:\n    type: complex\n    default: {a: 1}\n' },
      { env: { BUNDLE_VAR_c: 'flat', BUNDLE_VAR_other: 'x' }, vars: { nope: '1' } },
    );
    const c = b.targets.get('default')!.variables.get('c')!;
    expect([plain(c.value), c.source]).toEqual([{ a: 1 }, 'default']);
    expect(b.targets.get('default')!.variables.has('other')).toBe(false);
    expect(b.notices.map((n) => n.message)).toEqual(['variable nope has not been defined (set with --var)']);
    const complexCli = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  c:\n    type: complex\n    default: {a: 1}\n' }, { vars: { c: 'flat' } });
    expect(complexCli.notices.map((n) => [n.check, n.message, n.loc?.line])).toEqual([
      ['config-invalid', 'setting variables of complex type via --var flag is not supported: c', 3],
    ]);
    expect(plain(complexCli.targets.get('default')!.variables.get('c')!.value)).toEqual({ a: 1 });
  });

  it('a lookup variable has an unknown value, not an error; a target may swap default and lookup', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  cluster:
    lookup:
      cluster: my-cluster
  pool:
    default: p1
targets:
  a:
    variables:
      cluster: fixed-id
      pool:
        lookup:
          instance_pool: big
  b: {}
`,
    });
    const a = b.targets.get('a')!;
    expect([plain(a.variables.get('cluster')!.value), a.variables.get('cluster')!.source]).toEqual(['fixed-id', 'target']);
    expect([a.variables.get('pool')!.value, a.variables.get('pool')!.source]).toEqual([undefined, 'lookup']);
    const bt = b.targets.get('b')!;
    expect(bt.variables.get('cluster')!.source).toBe('lookup');
    const interp = bt.interpolate('${var.cluster}', { file: 'databricks.yml', line: 9, column: 1 });
    expect(interp.resolved).toBe(false);
    expect(interp.undefinedRefs).toEqual([]);
    expect(b.notices).toEqual([]);
  });

  it('a required variable without a value is variable-required-unset (critical) for that target only, at its definition', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  need:
    description: required
  empty:
    default:
targets:
  ok:
    variables:
      need: here
      empty: here
  missing: {}
`,
    });
    const found = b.notices.filter((n) => n.check === 'variable-required-unset');
    expect(found.map((n) => [n.severity, n.targets, n.loc?.line, n.message.split('.')[0]])).toEqual([
      ['critical', ['missing'], 3, 'no value assigned to required variable need'],
      ['critical', ['missing'], 6, 'no value assigned to required variable empty'],
    ]);
  });

  it('a value from the environment or the overrides file satisfies a required variable', () => {
    const files = { 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a:\n  b:\n', '.databricks/bundle/default/variable-overrides.json': '{"b": "x"}' };
    const b = load(files, { env: { BUNDLE_VAR_a: '1' } });
    expect(b.notices).toEqual([]);
  });

  it('a target assigning an undeclared variable is undefined-variable for that target', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a:\n    default: 1\ntargets:\n  good: {}\n  bad:\n    variables:\n      c: prod-c\n' });
    expect(b.notices).toEqual([
      expect.objectContaining({
        check: 'undefined-variable',
        targets: ['bad'],
        message: 'failed to perform target override for target=bad: variable c is not defined but is assigned a value',
        loc: { file: 'databricks.yml', line: 9, column: 7 },
      }),
    ]);
  });

  it('a complex variable is replaced, not merged, by a target', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  cluster:
    type: complex
    default:
      spark_version: "13.3"
      policy_id: p
targets:
  dev:
    variables:
      cluster:
        spark_version: "14.2"
`,
    });
    expect(plain(b.targets.get('dev')!.variables.get('cluster')!.value)).toEqual({ spark_version: '14.2' });
  });

  it('variable-overrides.json problems are config-invalid at that file, for that target', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  c: {type: complex, default: {a: 1}}
  s: {default: x}
targets:
  bad_json: {}
  not_object: {}
  types: {}
`,
      '.databricks/bundle/bad_json/variable-overrides.json': 'foo',
      '.databricks/bundle/not_object/variable-overrides.json': '["foo"]',
      '.databricks/bundle/types/variable-overrides.json': '{\n  "c": "flat",\n  "s": {"a": 1}\n}',
    });
    expect(b.notices.map((n) => [n.check, n.targets, n.loc?.file, n.loc?.line])).toEqual([
      ['config-invalid', ['bad_json'], '.databricks/bundle/bad_json/variable-overrides.json', 1],
      ['config-invalid', ['not_object'], '.databricks/bundle/not_object/variable-overrides.json', 1],
      ['config-invalid', ['types'], '.databricks/bundle/types/variable-overrides.json', 2],
      ['config-invalid', ['types'], '.databricks/bundle/types/variable-overrides.json', 3],
    ]);
    expect(plain(b.targets.get('types')!.variables.get('s')!.value)).toBe('x');
  });
});
