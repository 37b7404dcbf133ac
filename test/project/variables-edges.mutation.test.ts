// Target overrides and --var messages of src/project/variables.ts, through the loader over bundles
// on disk: which target maps are the `{default|lookup}` form and which are a complex value.
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { plain, writeRepo } from './loader-helpers.js';

function load(config: string, vars: Record<string, string> = {}): Bundle {
  return loadProject(writeRepo({ 'databricks.yml': config }), { env: {}, vars }).bundles[0];
}

function valueOf(b: Bundle, target: string, name: string): [unknown, string | undefined] {
  const v = b.targets.get(target)!.variables.get(name)!;
  return [plain(v.value), v.source];
}

describe('variables: a target map for a complex variable', () => {
  it('with only description and type keys is the value itself, not the override form', () => {
    const b = load(`bundle: {name: x}
variables:
  cfg: {type: complex, default: {k: 0}}
targets:
  dev:
    variables:
      cfg:
        type: t2
        description: d
`);
    expect(valueOf(b, 'dev', 'cfg')).toEqual([{ type: 't2', description: 'd' }, 'target']);
  });

  it('with a lookup key is the override form: the value is a lookup, unknown here', () => {
    const b = load(`bundle: {name: x}
variables:
  cfg: {type: complex, default: {k: 0}}
targets:
  dev:
    variables:
      cfg:
        lookup:
          cluster: big
`);
    expect(valueOf(b, 'dev', 'cfg')).toEqual([undefined, 'lookup']);
  });
});

describe('variables: the target override form', () => {
  it('a `lookup:` written empty next to a default is no lookup: the target default is the value', () => {
    const b = load(`bundle: {name: x}
variables:
  a: {default: d}
targets:
  dev:
    variables:
      a:
        default: t
        lookup:
`);
    expect(valueOf(b, 'dev', 'a')).toEqual(['t', 'target']);
  });
});

describe('variables: --var against a written value', () => {
  it('a written map value of a plain variable is named "a complex value" in the message', () => {
    const b = load(
      `bundle: {name: x}
variables:
  a:
    value:
      k: 1
`,
      { a: 'cli' },
    );
    const messages = b.notices.map((n) => `${n.check} ${n.loc?.line} ${n.message}`);
    expect(messages).toContain('config-invalid 5 failed to assign cli to a: variable has already been assigned value: a complex value');
  });
});
