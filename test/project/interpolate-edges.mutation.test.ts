// Interpolation (src/project/interpolate.ts) through the loader's target views over bundles on
// disk: cycles through bundle, workspace and `${variables.x.default}` fields, chains deeper than the
// resolver follows, a bundle without a `bundle:` mapping, and values that cannot be indexed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import type { Loc, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const LOC: Loc = { file: 'databricks.yml', line: 1, column: 1 };

function targetOf(config: string, target = 'default'): { view: TargetView; root: string } {
  const root = writeRepo({ 'databricks.yml': config });
  return { view: loadProject(root, { env: {}, vars: {} }).bundles[0].targets.get(target)!, root };
}

const texts = (refs: { text: string }[] | undefined): string[] => (refs ?? []).map((r) => r.text);

describe('interpolate: cycles outside variables', () => {
  it('two bundle fields that reference each other are a cycle, not a value', () => {
    const { view } = targetOf(`bundle:
  name: demo
  git:
    origin_url: x-\${bundle.git.branch}
    branch: y-\${bundle.git.origin_url}
`);
    const r = view.interpolate('${bundle.git.branch}', LOC);
    expect(r.value).toBe('${bundle.git.branch}');
    expect(texts(r.cycles)).toEqual(['${bundle.git.branch}']);
    expect(texts(r.unresolved)).toEqual(['${bundle.git.branch}']);
    expect(r.undefinedRefs).toEqual([]);
  });

  it('two workspace fields that reference each other are a cycle, not a value', () => {
    const { view } = targetOf(`bundle:
  name: demo
workspace:
  root_path: /r/\${workspace.file_path}
  file_path: \${workspace.root_path}/files
`);
    const r = view.interpolate('${workspace.file_path}', LOC);
    expect(r.value).toBe('${workspace.file_path}');
    expect(texts(r.cycles)).toEqual(['${workspace.file_path}']);
  });

  it('a variable whose default names its own ${variables.x.default} is a cycle', () => {
    const { view } = targetOf(`bundle:
  name: demo
variables:
  self:
    default: a-\${variables.self.default}
`);
    const r = view.interpolate('${variables.self.default}', LOC);
    expect(r.value).toBe('${variables.self.default}');
    expect(texts(r.cycles)).toEqual(['${variables.self.default}']);
  });

  it('a chain of references deeper than 64 is given up as a cycle (never a stack overflow); a chain of 60 resolves', () => {
    const chain = (n: number) =>
      `bundle:\n  name: demo\nvariables:\n` +
      Array.from({ length: n }, (_, i) => `  v${i}:\n    default: \${var.v${i + 1}}\n`).join('') +
      `  v${n}:\n    default: end\n`;
    const deep = targetOf(chain(70)).view.interpolate('${var.v0}', LOC);
    expect(deep.value).toBe('${var.v0}');
    expect(texts(deep.cycles)).toEqual(['${var.v0}']);
    expect(targetOf(chain(60)).view.interpolate('${var.v0}', LOC)).toEqual({ value: 'end', resolved: true, unresolved: [], undefinedRefs: [] });
  });
});

describe('interpolate: a bundle without a bundle mapping', () => {
  it('${bundle.name} is the folder name; any other bundle field is unknown, not undefined', () => {
    const { view, root } = targetOf(`variables:
  x:
    default: y
`);
    const r = view.interpolate('${bundle.name}|${bundle.git.branch}', LOC);
    expect(r.value).toBe(`${path.basename(root)}|\${bundle.git.branch}`);
    expect(texts(r.unresolved)).toEqual(['${bundle.git.branch}']);
    expect(r.undefinedRefs).toEqual([]);
  });
});

describe('interpolate: values that cannot be indexed', () => {
  it('a default that is text (here the target name) has no fields: indexing it names nothing', () => {
    const { view } = targetOf(`bundle:
  name: demo
variables:
  t:
    default: \${bundle.target}
targets:
  dev:
    default: true
`, 'dev');
    expect(view.interpolate('${variables.t.default}', LOC).value).toBe('dev');
    const r = view.interpolate('${variables.t.default.k}', LOC);
    expect(r.value).toBe('${variables.t.default.k}');
    expect(texts(r.undefinedRefs)).toEqual(['${variables.t.default.k}']);
    expect(r.unresolved).toEqual([]);
  });

  it('${workspace[0]}: the workspace by position names nothing', () => {
    const { view } = targetOf(`bundle:
  name: demo
`);
    const r = view.interpolate('${workspace[0]}', LOC);
    expect(texts(r.undefinedRefs)).toEqual(['${workspace[0]}']);
    expect(r.unresolved).toEqual([]);
  });
});

describe('interpolate: a value that is exactly an undefined reference', () => {
  const CONFIG = `bundle:
  name: demo
workspace:
  host: \${var.nope_host}
variables:
  alias:
    default: \${var.nope}
  pointer:
    default: \${variables.alias.default}
  c2:
    type: complex
    default:
      name: \${var.nope}
resources:
  jobs:
    j:
      name: \${var.alias}
      description: \${var.c2.name}
`;

  it('the variable, field or workspace value that holds it is unresolved, not undefined: only the inner reference names nothing', () => {
    const { view } = targetOf(CONFIG);
    for (const text of ['${var.alias}', '${var.c2.name}', '${variables.alias.default}', '${var.pointer}', '${workspace.host}']) {
      const r = view.interpolate(text, LOC);
      expect(r.value, text).toBe(text);
      expect(texts(r.unresolved), text).toEqual([text]);
      expect(r.undefinedRefs, text).toEqual([]);
    }
    expect(texts(view.interpolate('${var.nope}', LOC).undefinedRefs)).toEqual(['${var.nope}']);
  });

  it('analyse reports the inner reference where it is written, never the variables that use it', async () => {
    const root = writeRepo({ 'databricks.yml': CONFIG });
    const { result } = await analyse({ path: root, env: {} });
    const undefinedRefs = result.bundles[0].findings.filter((f) => f.check === 'undefined-variable').map((f) => `${f.loc?.file}:${f.loc?.line} ${f.message}`);
    expect(undefinedRefs).toEqual([
      'databricks.yml:4 reference does not exist: ${var.nope_host}',
      'databricks.yml:7 reference does not exist: ${var.nope} (also used at databricks.yml:13)',
    ]);
  });
});

describe('interpolate: ${variables.<name>.<field>} between variables', () => {
  const CONFIG = `bundle:
  name: demo
variables:
  base:
    default: b
  derived:
    default: \${variables.base.default}-d
  w:
    lookup:
      warehouse: Shared
  cluster:
    type: complex
    default:
      spark_version: "13.3"
  loop:
    default: \${var.loop2}-\${resources.jobs.j.id}
  loop2:
    default: \${var.loop}
`;

  it('a default naming another variable\'s default resolves (no false cycle)', () => {
    const { view } = targetOf(CONFIG);
    expect(view.interpolate('${variables.derived.default}', LOC)).toEqual({ value: 'b-d', resolved: true, unresolved: [], undefinedRefs: [] });
  });

  it('a description that is not written is unknown, even when the lookup has a key of that name', () => {
    const { view } = targetOf(CONFIG);
    const r = view.interpolate('${variables.w.description.warehouse}', LOC);
    expect(r.value).toBe('${variables.w.description.warehouse}');
    expect(texts(r.unresolved)).toEqual(['${variables.w.description.warehouse}']);
  });

  it('a default map is not indexed by position: that names nothing', () => {
    const { view } = targetOf(CONFIG);
    const r = view.interpolate('${variables.cluster.default[0]}', LOC);
    expect(texts(r.undefinedRefs)).toEqual(['${variables.cluster.default[0]}']);
    expect(r.unresolved).toEqual([]);
  });

  it('a cycle written before an unknown value in the same text is still reported as a cycle', () => {
    const { view } = targetOf(CONFIG);
    const r = view.interpolate('${var.loop}', LOC);
    expect(texts(r.cycles)).toEqual(['${var.loop}']);
  });
});

describe('interpolate: indexing a variable value, step by step', () => {
  const CONFIG = `bundle:
  name: demo
variables:
  c:
    type: complex
    default:
      k: from-c
      s: text
  c2:
    type: complex
    default:
      inner: \${var.c}
`;

  it('the reason names the path only up to the failing step, not the steps after it', () => {
    const [ref] = targetOf(CONFIG).view.interpolate('${var.c.s.x.y}', LOC).undefinedRefs;
    expect(ref.reason).toBe('expected a map to index "variables.c.value.s.x", found string');
  });

  it('a field on the way that is a reference to a complex value is not followed: it is a string as written', () => {
    const r = targetOf(CONFIG).view.interpolate('${var.c2.inner.k}', LOC);
    expect(r.value).toBe('${var.c2.inner.k}');
    expect(r.undefinedRefs.map((x) => x.reason)).toEqual(['expected a map to index "variables.c2.value.inner.k", found string']);
  });
});

describe('interpolate: text without references', () => {
  it('is resolved as it is, with nothing unresolved or undefined', () => {
    const { view } = targetOf(`bundle:
  name: demo
`);
    expect(view.interpolate('plain text', LOC)).toEqual({ value: 'plain text', resolved: true, unresolved: [], undefinedRefs: [] });
    expect(view.interpolate('$ {var.x} and ${not a reference}', LOC)).toEqual({ value: '$ {var.x} and ${not a reference}', resolved: false, unresolved: [], undefinedRefs: [] });
  });
});
