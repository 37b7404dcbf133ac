// Variable definitions and their values per target (src/project/variables.ts), through the loader
// over bundles on disk: each message a user can get, where it points, and which value wins.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle, RawFinding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { plain, writeRepo } from './loader-helpers.js';

function loadDir(dir: string, options: { vars?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}): Bundle {
  return loadProject(dir, { env: {}, ...options }).bundles[0];
}

function load(files: Record<string, string>, options: { vars?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}): Bundle {
  return loadDir(writeRepo(files), options);
}

const shown = (notices: RawFinding[]) => notices.map((n) => [n.check, n.targets, n.loc?.file, n.loc?.line, n.message]);

function valueOf(b: Bundle, target: string, name: string): [unknown, string | undefined] {
  const v = b.targets.get(target)!.variables.get(name)!;
  return [plain(v.value), v.source];
}

describe('variables: the shape of `variables:`', () => {
  // (a list or a number the schema normalisation already drops, as value-type-invalid; a reference it keeps)
  it('a reference in place of the mapping is config-invalid at its line; no variable is defined', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables: ${var.a}\n' });
    expect(shown(b.notices)).toEqual([['config-invalid', undefined, 'databricks.yml', 2, 'variables must be a mapping']]);
    expect(b.targets.get('default')!.variables.size).toBe(0);
  });

  it('an empty `variables:` is no variables and no finding', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n' });
    expect(b.notices).toEqual([]);
    expect(b.targets.get('default')!.variables.size).toBe(0);
  });

  it('a bare value is the default; a bare empty one is required', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: one\n  b: [1, 2]\n  c:\n' });
    expect(valueOf(b, 'default', 'a')).toEqual(['one', 'default']);
    expect(valueOf(b, 'default', 'b')).toEqual([[1, 2], 'default']);
    expect(valueOf(b, 'default', 'c')).toEqual([undefined, undefined]);
    expect(shown(b.notices).map((n) => [n[0], n[3]])).toEqual([['variable-required-unset', 5]]);
  });

  it('an explicit `default: null` or `lookup: null` gives no value: the variable is required, reported at that default', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a:\n    description: d\n    default: null\n  b:\n    lookup: null\n' });
    expect(shown(b.notices)).toEqual([
      [
        'variable-required-unset',
        ['default'],
        'databricks.yml',
        5,
        'no value assigned to required variable a. Variables are usually assigned in databricks.yml, and they can be overridden using "--var", ' +
          'the BUNDLE_VAR_a environment variable, or .databricks/bundle/default/variable-overrides.json',
      ],
      [
        'variable-required-unset',
        ['default'],
        'databricks.yml',
        6,
        'no value assigned to required variable b. Variables are usually assigned in databricks.yml, and they can be overridden using "--var", ' +
          'the BUNDLE_VAR_b environment variable, or .databricks/bundle/default/variable-overrides.json',
      ],
    ]);
  });

  it('description and type are read as written', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a:\n    description: the catalog\n    type: string\n    default: main\n' });
    const def = b.targets.get('default')!.variables.get('a')!.def;
    expect([def.description, def.type, plain(def.default)]).toEqual(['the catalog', 'string', 'main']);
  });
});

describe('variables: a value written in the definition', () => {
  const CONFIG = 'bundle: {name: x}\nvariables:\n  a:\n    value: written\n  c:\n    type: complex\n    value:\n      k: 1\n';

  it('wins over the environment and the overrides file', () => {
    const b = load(
      { 'databricks.yml': CONFIG, '.databricks/bundle/default/variable-overrides.json': '{"a": "file"}' },
      { env: { BUNDLE_VAR_a: 'env' } },
    );
    expect(valueOf(b, 'default', 'a')).toEqual(['written', 'value']);
    expect(valueOf(b, 'default', 'c')).toEqual([{ k: 1 }, 'value']);
    expect(b.notices).toEqual([]);
  });

  it('a --var for it is config-invalid at the written value, which stays', () => {
    const b = load({ 'databricks.yml': CONFIG }, { vars: { a: 'cli' } });
    expect(shown(b.notices)).toEqual([['config-invalid', ['default'], 'databricks.yml', 4, 'failed to assign cli to a: variable has already been assigned value: written']]);
    expect(valueOf(b, 'default', 'a')).toEqual(['written', 'value']);
  });

  it('a --var for a complex variable is config-invalid at its definition only (not "already assigned")', () => {
    const b = load({ 'databricks.yml': CONFIG }, { vars: { c: 'cli' } });
    expect(shown(b.notices)).toEqual([['config-invalid', ['default'], 'databricks.yml', 5, 'setting variables of complex type via --var flag is not supported: c']]);
    expect(valueOf(b, 'default', 'c')).toEqual([{ k: 1 }, 'value']);
  });

  it('`value: null` is no value: the default applies', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a:\n    value: null\n    default: d\n' });
    expect(valueOf(b, 'default', 'a')).toEqual(['d', 'default']);
  });
});

describe('variables: values from outside the configuration', () => {
  it('--var and BUNDLE_VAR_ values are text located at where they came from', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\n  b: {default: d}\n' }, { vars: { a: '7' }, env: { BUNDLE_VAR_b: '8' } });
    const vars = b.targets.get('default')!.variables;
    expect([vars.get('a')!.value, vars.get('a')!.source]).toEqual([{ kind: 'scalar', loc: { file: '<--var>', line: 1, column: 1 }, value: '7' }, 'cli']);
    expect([vars.get('b')!.value, vars.get('b')!.source]).toEqual([{ kind: 'scalar', loc: { file: '<env BUNDLE_VAR_b>', line: 1, column: 1 }, value: '8' }, 'env']);
  });

  it('a complex variable takes a complex value from the overrides file', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nvariables:\n  c: {type: complex, default: {a: 1}}\n',
      '.databricks/bundle/default/variable-overrides.json': '{"c": {"a": 2}, "undeclared": 3}',
    });
    expect(valueOf(b, 'default', 'c')).toEqual([{ a: 2 }, 'overrides-file']);
    expect(b.notices).toEqual([]);
  });

  it('reads an overrides file that starts with a byte order mark', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\n', '.databricks/bundle/default/variable-overrides.json': '\ufeff{"a": "file"}' });
    expect(valueOf(b, 'default', 'a')).toEqual(['file', 'overrides-file']);
    expect(b.notices).toEqual([]);
  });

  it('the overrides file problems say what is wrong with the file', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\ntargets:\n  list: {}\n  text: {}\n',
      '.databricks/bundle/list/variable-overrides.json': '["foo"]',
      '.databricks/bundle/text/variable-overrides.json': '{"a": 1',
    });
    const messages = b.notices.map((n) => n.message);
    expect(messages[0]).toBe('failed to parse variables file .databricks/bundle/list/variable-overrides.json: invalid format, expected a JSON object');
    expect(messages[1]).toMatch(/^failed to parse variables file \.databricks\/bundle\/text\/variable-overrides\.json: \S/);
    expect(messages).toHaveLength(2);
  });

  it('an overrides file over 10 MB is not read, and says so at the file', () => {
    const dir = writeRepo({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\n', '.databricks/bundle/default/variable-overrides.json': '{"a": "file"}' });
    fs.truncateSync(path.join(dir, '.databricks/bundle/default/variable-overrides.json'), 10 * 1024 * 1024 + 1);
    const b = loadDir(dir);
    expect(shown(b.notices)).toEqual([
      ['config-invalid', ['default'], '.databricks/bundle/default/variable-overrides.json', 1, '.databricks/bundle/default/variable-overrides.json: file too large; not read'],
    ]);
    expect(valueOf(b, 'default', 'a')).toEqual(['d', 'default']);
  });

  it('an overrides file of exactly 10 MB is read', () => {
    const dir = writeRepo({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\n', '.databricks/bundle/default/variable-overrides.json': '{"a": "file"}' });
    const file = path.join(dir, '.databricks/bundle/default/variable-overrides.json');
    fs.writeFileSync(file, '{"a": "file"}' + ' '.repeat(10 * 1024 * 1024 - 13));
    expect(fs.statSync(file).size).toBe(10 * 1024 * 1024);
    expect(valueOf(loadDir(dir), 'default', 'a')).toEqual(['file', 'overrides-file']);
  });

  it('a folder in place of the overrides file, or a link to a file outside the bundle, is not read', () => {
    const outside = writeRepo({ 'variable-overrides.json': '{"a": "outside"}' });
    const dir = writeRepo({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\ntargets:\n  folder: {}\n  linked: {}\n' });
    fs.mkdirSync(path.join(dir, '.databricks/bundle/folder/variable-overrides.json'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.databricks/bundle/linked'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'variable-overrides.json'), path.join(dir, '.databricks/bundle/linked/variable-overrides.json'));
    const b = loadDir(dir);
    expect(valueOf(b, 'folder', 'a')).toEqual(['d', 'default']);
    expect(valueOf(b, 'linked', 'a')).toEqual(['d', 'default']);
    expect(b.notices).toEqual([]);
  });

  it('a link to a file inside the bundle is read', () => {
    const dir = writeRepo({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\n', 'values.json': '{"a": "linked"}' });
    fs.mkdirSync(path.join(dir, '.databricks/bundle/default'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'values.json'), path.join(dir, '.databricks/bundle/default/variable-overrides.json'));
    expect(valueOf(loadDir(dir), 'default', 'a')).toEqual(['linked', 'overrides-file']);
  });

  it('a target name with a slash never leads the overrides file path elsewhere', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\ntargets:\n  a/b: {}\n',
      '.databricks/bundle/a/b/variable-overrides.json': '{"a": "nested"}',
    });
    expect(valueOf(b, 'a/b', 'a')).toEqual(['d', 'default']);
  });
});

describe('variables: what a target sets', () => {
  it('`targets.<t>.variables` that is a reference, not a mapping, is config-invalid at its line for that target; an empty one is nothing', () => {
    const b = load({ 'databricks.yml': 'bundle: {name: x}\nvariables:\n  a: {default: d}\ntargets:\n  dev:\n    variables: ${var.a}\n  prod:\n    variables:\n' });
    expect(shown(b.notices)).toEqual([['config-invalid', ['dev'], 'databricks.yml', 6, 'targets.dev.variables must be a mapping']]);
    expect(valueOf(b, 'dev', 'a')).toEqual(['d', 'default']);
    expect(valueOf(b, 'prod', 'a')).toEqual(['d', 'default']);
  });

  it('an empty value keeps the default; `{default: ...}` sets it; a list is the value of a plain variable', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  a: {default: d}
  b: {default: d}
  c: {default: d}
targets:
  dev:
    variables:
      a:
      b:
        default: from-form
      c: [1, 2]
`,
    });
    expect(valueOf(b, 'dev', 'a')).toEqual(['d', 'default']);
    expect(valueOf(b, 'dev', 'b')).toEqual(['from-form', 'target']);
    expect(valueOf(b, 'dev', 'c')).toEqual([[1, 2], 'target']);
  });

  it('a map with neither default nor lookup sets nothing for a plain variable; an empty default in the form sets nothing', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  a: {default: d}
  b: {default: d}
targets:
  dev:
    variables:
      a:
        description: only
      b:
        default:
`,
    });
    expect(valueOf(b, 'dev', 'a')).toEqual(['d', 'default']);
    expect(valueOf(b, 'dev', 'b')).toEqual(['d', 'default']);
  });

  it('a complex variable: the `{default: ...}` form sets the default; any other map is the value itself', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  c: {type: complex, default: {k: 0}}
  d: {type: complex, default: {k: 0}}
  e: {type: complex, default: {k: 0}}
targets:
  dev:
    variables:
      c:
        default: {k: 1}
      d:
        default: {k: 2}
        extra: 3
      e:
        k: 4
`,
    });
    expect(valueOf(b, 'dev', 'c')).toEqual([{ k: 1 }, 'target']);
    expect(valueOf(b, 'dev', 'd')).toEqual([{ default: { k: 2 }, extra: 3 }, 'target']);
    expect(valueOf(b, 'dev', 'e')).toEqual([{ k: 4 }, 'target']);
  });

  it('a lookup set by a target makes the value unknown; a default set by the target wins over the definition\'s lookup', () => {
    const b = load({
      'databricks.yml': `bundle: {name: x}
variables:
  a: {default: d}
  b: {lookup: {cluster: c}}
targets:
  dev:
    variables:
      a:
        lookup:
          cluster: big
        description: from the target
      b:
        default: fixed
`,
    });
    expect(valueOf(b, 'dev', 'a')).toEqual([undefined, 'lookup']);
    expect(valueOf(b, 'dev', 'b')).toEqual(['fixed', 'target']);
    expect(b.notices).toEqual([]);
  });
});
