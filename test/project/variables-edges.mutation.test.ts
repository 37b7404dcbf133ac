// Target overrides and --var messages of src/project/variables.ts, through the loader over bundles
// on disk: which target maps are the `{default|lookup}` form and which are a complex value.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

describe('variables: the overrides file', () => {
  const CONFIG = `bundle: {name: x}
variables:
  plain: {default: d}
  cfg: {type: complex, default: {k: 0}}
targets:
  dev:
    default: true
`;
  const FILE = '.databricks/bundle/dev/variable-overrides.json';

  function withFile(content: string): Bundle {
    return loadProject(writeRepo({ 'databricks.yml': CONFIG, [FILE]: content }), { env: {}, vars: {} }).bundles[0];
  }

  it('a value of the wrong kind is reported at its key, with the CLI\'s words, and not taken', () => {
    const b = withFile('{\n  "plain": {"a": 1},\n  "cfg": "text"\n}\n');
    expect(b.notices.map((n) => `${n.check} ${n.loc?.file}:${n.loc?.line} ${n.message}`)).toEqual([
      `config-invalid ${FILE}:2 variable plain is not of type complex, but the value in the variable file is a complex type`,
      `config-invalid ${FILE}:3 variable cfg is of type complex, but the value in the variable file is not a complex type`,
    ]);
    expect(valueOf(b, 'dev', 'plain')).toEqual(['d', 'default']);
    expect(valueOf(b, 'dev', 'cfg')).toEqual([{ k: 0 }, 'default']);
  });

  it('YAML that is not JSON is a JSON parse error, and no value is taken', () => {
    const b = withFile('plain: from-yaml\n');
    expect(b.notices).toHaveLength(1);
    expect(b.notices[0].message.startsWith(`failed to parse variables file ${FILE}: Unexpected token`)).toBe(true);
    expect(b.notices[0].message).not.toContain('invalid format');
    expect(valueOf(b, 'dev', 'plain')).toEqual(['d', 'default']);
  });
});

describe('variables: an overrides file that is not a regular file', () => {
  it('a named pipe in its place is not read (reading would wait forever): the defaults stay, nothing is reported', () => {
    const root = writeRepo({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  plain: {default: d}\ntargets:\n  dev:\n    default: true\n' });
    const dir = path.join(root, '.databricks/bundle/dev');
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'variable-overrides.json')]);
    const b = loadProject(root, { env: {}, vars: {} }).bundles[0];
    expect(valueOf(b, 'dev', 'plain')).toEqual(['d', 'default']);
    expect(b.notices).toEqual([]);
  });
});
