import { describe, expect, it } from 'vitest';
import type { Loc, TargetView } from '../../src/model.js';
import { findReferences } from '../../src/project/interpolate.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const LOC: Loc = { file: 'resources/job.yml', line: 7, column: 9 };

const CONFIG = `bundle:
  name: demo
workspace:
  host: https://example.cloud.databricks.com
variables:
  catalog:
    default: main
  dev_schema:
    default: dev_s
  prod_schema:
    default: prod_s
  table:
    default: \${var.catalog}.\${var.\${bundle.target}_schema}.t
  cluster:
    type: complex
    default:
      spark_version: "13.3"
      node_type_id: \${var.node}
      libs:
        - whl: a.whl
  node:
    default: Standard_DS3
  a:
    default: x-\${var.b}
  b:
    default: y-\${var.a}
  p:
    default: \${var.q}
  q:
    default: \${var.p}
  lookup_var:
    lookup:
      cluster: c
resources:
  jobs:
    j:
      name: j
targets:
  dev:
    default: true
  prod:
    workspace:
      root_path: /Shared/\${bundle.name}
`;

function targets(): Map<string, TargetView> {
  return loadProject(writeRepo({ 'databricks.yml': CONFIG }), { env: {} }).bundles[0].targets;
}

describe('interpolation', () => {
  const all = targets();
  const dev = all.get('dev')!;
  const prod = all.get('prod')!;

  it('resolves ${var.x} and ${variables.x.value}, bundle.name, bundle.target', () => {
    const r = dev.interpolate('${bundle.name}/${bundle.target}/${var.catalog}/${variables.catalog.value}', LOC);
    expect(r).toEqual({ value: 'demo/dev/main/main', resolved: true, unresolved: [], undefinedRefs: [] });
  });

  it('nested ${var.${bundle.target}_x} resolves per target', () => {
    expect(dev.interpolate('${var.${bundle.target}_schema}', LOC).value).toBe('dev_s');
    expect(prod.interpolate('${var.${bundle.target}_schema}', LOC).value).toBe('prod_s');
    expect(dev.interpolate('${var.table}', LOC)).toMatchObject({ value: 'main.dev_s.t', resolved: true });
  });

  it('complex ${var.x.field} and list indexing, with references inside the complex value', () => {
    expect(dev.interpolate('${var.cluster.spark_version}', LOC).value).toBe('13.3');
    expect(dev.interpolate('${var.cluster.node_type_id}', LOC).value).toBe('Standard_DS3');
    expect(dev.interpolate('${var.cluster.libs[0].whl}', LOC).value).toBe('a.whl');
  });

  it('references that name nothing are listed in undefinedRefs with the location given', () => {
    const r = dev.interpolate('${var.typo} ${workspace.stot_path} ${var.cluster.spark_versio} ${var.cluster.libs[3].whl}', LOC);
    expect(r.resolved).toBe(false);
    expect(r.undefinedRefs.map((x) => x.text)).toEqual([
      '${var.typo}',
      '${workspace.stot_path}',
      '${var.cluster.spark_versio}',
      '${var.cluster.libs[3].whl}',
    ]);
    expect(r.undefinedRefs[0]).toEqual({ text: '${var.typo}', path: 'var.typo', loc: LOC });
    expect(r.unresolved).toEqual([]);
  });

  it('workspace paths: defaults, written values, current_user unknown but valid', () => {
    expect(dev.interpolate('${workspace.root_path}', LOC).value).toBe('~/.bundle/demo/dev');
    expect(dev.interpolate('${workspace.file_path}', LOC).value).toBe('~/.bundle/demo/dev/files');
    expect(dev.interpolate('${workspace.artifact_path}|${workspace.state_path}|${workspace.resource_path}', LOC).value).toBe(
      '~/.bundle/demo/dev/artifacts|~/.bundle/demo/dev/state|~/.bundle/demo/dev/resources',
    );
    expect(prod.interpolate('${workspace.file_path}', LOC).value).toBe('/Shared/demo/files');
    expect(dev.interpolate('${workspace.host}', LOC).value).toBe('https://example.cloud.databricks.com');
    const user = dev.interpolate('/Users/${workspace.current_user.userName}/x', LOC);
    expect(user).toMatchObject({ resolved: false, undefinedRefs: [] });
    expect(user.unresolved.map((x) => x.text)).toEqual(['${workspace.current_user.userName}']);
  });

  it('resources.* and artifacts.* stay unresolved (not undefined); lookups are unknown', () => {
    const r = dev.interpolate('${resources.jobs.j.id} ${resources.jobs.missing.id} ${artifacts.a.files[0].source} ${var.lookup_var}', LOC);
    expect(r.resolved).toBe(false);
    expect(r.undefinedRefs).toEqual([]);
    expect(r.unresolved.map((x) => x.path)).toEqual(['resources.jobs.j.id', 'resources.jobs.missing.id', 'artifacts.a.files[0].source', 'var.lookup_var']);
    expect(r.value).toBe('${resources.jobs.j.id} ${resources.jobs.missing.id} ${artifacts.a.files[0].source} ${var.lookup_var}');
  });

  it('cycles between variables end (reported as unresolved cycles), pure or embedded', () => {
    for (const text of ['${var.a}', '${var.p}']) {
      const r = dev.interpolate(text, LOC);
      expect(r.resolved).toBe(false);
      expect(r.unresolved.map((x) => x.text)).toEqual([text]);
      expect(r.cycles).toHaveLength(1);
    }
  });

  it('text without references is returned as is; strings that are not references are left alone', () => {
    expect(dev.interpolate('plain ${not a ref} $x {{job.id}}', LOC)).toEqual({
      value: 'plain ${not a ref} $x {{job.id}}',
      resolved: false,
      unresolved: [],
      undefinedRefs: [],
    });
    expect(dev.interpolate('plain', LOC).resolved).toBe(true);
  });

  it('the reference grammar is linear on hostile input', () => {
    const hostile = '${' + 'a'.repeat(50_000) + '!';
    const started = Date.now();
    expect(findReferences(hostile, LOC)).toEqual([]);
    expect(findReferences('${a-b_c.d1[0][2].e}', LOC).map((r) => r.path)).toEqual(['a-b_c.d1[0][2].e']);
    expect(findReferences('${a.1b} ${a_} ${_a}', LOC)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
