// Interpolation of `${...}` references as the CLI resolves them, through the loader's target views
// (bundles written to a temporary folder): what resolves, what stays unresolved (known to exist,
// value unknown here) and what names nothing (undefinedRefs).
import { describe, expect, it } from 'vitest';
import type { Loc, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const LOC: Loc = { file: 'databricks.yml', line: 3, column: 5 };

const CONFIG = `bundle:
  name: demo
  git:
    origin_url: https://example.com/repo.git
workspace:
  host: https://example.cloud.databricks.com
  profile:
variables:
  catalog:
    description: the catalog to write to
    type: string
    default: main
  plain:
    default: p
  outer:
    default: x-\${var.missing}
  cluster:
    type: complex
    default:
      spark_version: "13.3"
      libs:
        - whl: a.whl
  warehouse:
    lookup:
      warehouse: Shared
targets:
  dev:
    default: true
`;

function dev(config = CONFIG): TargetView {
  return loadProject(writeRepo({ 'databricks.yml': config }), { env: {}, vars: {} }).bundles[0].targets.get('dev')!;
}

const texts = (refs: { text: string }[]): string[] => refs.map((r) => r.text);

describe('interpolate: a defined variable whose value holds an undefined reference', () => {
  it('is unresolved (its value is unknown), not undefined: only the inner reference names nothing', () => {
    const r = dev().interpolate('${var.outer}', LOC);
    expect(r.value).toBe('${var.outer}');
    expect(r.resolved).toBe(false);
    expect(texts(r.unresolved)).toEqual(['${var.outer}']);
    expect(r.undefinedRefs).toEqual([]);
  });
});

describe('interpolate: workspace fields', () => {
  it('an unset ${workspace.profile} (written empty) stays a reference, never the text "undefined" or "null"', () => {
    const r = dev().interpolate('profile=${workspace.profile}', LOC);
    expect(r.value).toBe('profile=${workspace.profile}');
    expect(texts(r.unresolved)).toEqual(['${workspace.profile}']);
    expect(r.undefinedRefs).toEqual([]);
  });

  it('a known field not written at all is unresolved too', () => {
    const r = dev().interpolate('${workspace.account_id}', LOC);
    expect(r.value).toBe('${workspace.account_id}');
    expect(texts(r.unresolved)).toEqual(['${workspace.account_id}']);
  });

  it('a field the CLI does not know names nothing', () => {
    const r = dev().interpolate('${workspace.profil}', LOC);
    expect(texts(r.undefinedRefs)).toEqual(['${workspace.profil}']);
  });

  it('indexing into a written scalar field or a default path is unknown, not undefined', () => {
    const r = dev().interpolate('${workspace.host.x} ${workspace.file_path.x}', LOC);
    expect(texts(r.unresolved)).toEqual(['${workspace.host.x}', '${workspace.file_path.x}']);
    expect(r.undefinedRefs).toEqual([]);
  });
});

describe('interpolate: bundle fields', () => {
  it('${bundle.environment} is the target name, like ${bundle.target}', () => {
    expect(dev().interpolate('${bundle.environment}/${bundle.target}', LOC)).toEqual({ value: 'dev/dev', resolved: true, unresolved: [], undefinedRefs: [] });
  });

  it('${bundle.target.x} and ${bundle.environment.x} name nothing', () => {
    expect(texts(dev().interpolate('${bundle.target.x} ${bundle.environment.x}', LOC).undefinedRefs)).toEqual(['${bundle.target.x}', '${bundle.environment.x}']);
  });

  it('written bundle fields resolve; unwritten ones are unknown (the CLI fills some in)', () => {
    const r = dev().interpolate('${bundle.name} ${bundle.git.origin_url} ${bundle.git.branch}', LOC);
    expect(r.value).toBe('demo https://example.com/repo.git ${bundle.git.branch}');
    expect(texts(r.unresolved)).toEqual(['${bundle.git.branch}']);
    expect(r.undefinedRefs).toEqual([]);
  });
});

describe('interpolate: ${variables.<name>.<field>}', () => {
  it('.value, .default, .description and .type of a variable resolve', () => {
    const r = dev().interpolate('${variables.catalog.value}|${variables.catalog.default}|${variables.catalog.description}|${variables.catalog.type}', LOC);
    expect(r).toEqual({ value: 'main|main|the catalog to write to|string', resolved: true, unresolved: [], undefinedRefs: [] });
  });

  it('.default of a complex variable can be indexed; .lookup resolves to the lookup map', () => {
    const r = dev().interpolate('${variables.cluster.default.spark_version} ${variables.cluster.default.libs[0].whl} ${variables.warehouse.lookup.warehouse}', LOC);
    expect(r.value).toBe('13.3 a.whl Shared');
    expect(r.resolved).toBe(true);
  });

  it('a description or type that is not written, a lookup of a variable with a default, and the bare variable are unknown', () => {
    const r = dev().interpolate('${variables.plain.description} ${variables.plain.type} ${variables.plain.lookup} ${variables.plain}', LOC);
    expect(texts(r.unresolved)).toEqual(['${variables.plain.description}', '${variables.plain.type}', '${variables.plain.lookup}', '${variables.plain}']);
    expect(r.undefinedRefs).toEqual([]);
  });

  it('an unknown field, an undeclared variable, or a missing key of a default name nothing', () => {
    const r = dev().interpolate('${variables.plain.defaults} ${variables.nope.default} ${variables.nope.value} ${variables.cluster.default.nope}', LOC);
    expect(texts(r.undefinedRefs)).toEqual(['${variables.plain.defaults}', '${variables.nope.default}', '${variables.nope.value}', '${variables.cluster.default.nope}']);
    expect(r.unresolved).toEqual([]);
  });
});

describe('interpolate: indexing a variable value goes by the value as written', () => {
  it('a string cannot be indexed: the reason names the path up to the failing step', () => {
    const [ref] = dev().interpolate('${var.cluster.spark_version.x}', LOC).undefinedRefs;
    expect(ref).toEqual({
      text: '${var.cluster.spark_version.x}',
      path: 'var.cluster.spark_version.x',
      loc: LOC,
      reason: 'expected a map to index "variables.cluster.value.spark_version.x", found string',
    });
  });

  it('a sequence cannot be indexed by key, a map not by position', () => {
    const r = dev().interpolate('${var.cluster.libs.whl} ${var.cluster[0]}', LOC);
    expect(r.undefinedRefs.map((x) => x.reason)).toEqual([
      'expected a map to index "variables.cluster.value.libs.whl", found sequence',
      'expected a sequence to index "variables.cluster.value[0]", found map',
    ]);
  });

  it('the same text interpolated at two places gets each place as the references\' location', () => {
    const target = dev();
    const elsewhere: Loc = { file: 'resources/x.yml', line: 9, column: 1 };
    expect(target.interpolate('${var.nope}', LOC).undefinedRefs[0].loc).toEqual(LOC);
    expect(target.interpolate('${var.nope}', elsewhere).undefinedRefs[0].loc).toEqual(elsewhere);
  });
});
