// Variable definitions and their values per target (reference §3): --var > BUNDLE_VAR_<name> >
// .databricks/bundle/<target>/variable-overrides.json > targets.<t>.variables > default; a lookup
// resolves to an unknown value; a required variable without a value is a finding for that target.
import fs from 'node:fs';
import path from 'node:path';
import type { Loc, MapNode, Node, RawFinding, VariableDef, VariableValue } from '../model.js';
import { asMap, asString, isNull } from './merge.js';
import { configInvalid, parseConfigText } from './yaml.js';

export interface VariableInputs {
  vars: Record<string, string>;
  env: NodeJS.ProcessEnv;
}

/** Read `variables:` of the merged root configuration. */
export function readVariableDefs(variables: Node | undefined, notices: RawFinding[]): Map<string, VariableDef> {
  const defs = new Map<string, VariableDef>();
  const map = asMap(variables);
  if (!map) {
    if (variables && !isNull(variables)) notices.push(configInvalid(`variables must be a mapping`, variables.loc));
    return defs;
  }
  for (const [name, node] of map.entries) {
    const loc = map.keyLocs.get(name) ?? node.loc;
    const body = asMap(node);
    if (!body) {
      // A bare value is read as the default, like a target's shorthand.
      defs.set(name, { name, loc, node, ...(isNull(node) ? {} : { default: node }) });
      continue;
    }
    const def: VariableDef = { name, loc, node };
    const type = asString(body.entries.get('type'));
    if (type !== undefined) def.type = type;
    const dflt = body.entries.get('default');
    if (dflt !== undefined && !isNull(dflt)) def.default = dflt;
    const lookup = body.entries.get('lookup');
    if (lookup !== undefined && !isNull(lookup)) def.lookup = lookup;
    const written = body.entries.get('value');
    if (written !== undefined && !isNull(written)) def.value = written;
    const description = asString(body.entries.get('description'));
    if (description !== undefined) def.description = description;
    defs.set(name, def);
  }
  return defs;
}

const OVERRIDE_FORM_KEYS = new Set(['default', 'lookup', 'description', 'type']);

/** `targets.<t>.variables.<x>`: a shorthand value, or a `{default|lookup}` map. */
function targetOverride(def: VariableDef, node: Node): { default?: Node; lookup?: Node } | undefined {
  if (isNull(node)) return undefined;
  const map = asMap(node);
  const isForm =
    map !== undefined &&
    (map.entries.has('default') || map.entries.has('lookup')) &&
    [...map.entries.keys()].every((k) => OVERRIDE_FORM_KEYS.has(k));
  if (!map || (def.type === 'complex' && !isForm)) return { default: node };
  const out: { default?: Node; lookup?: Node } = {};
  const dflt = map.entries.get('default');
  const lookup = map.entries.get('lookup');
  if (dflt !== undefined && !isNull(dflt)) out.default = dflt;
  if (lookup !== undefined && !isNull(lookup)) out.lookup = lookup;
  return out.default || out.lookup ? out : undefined;
}

/** Compute every declared variable's value for one target, plus the target's findings. */
export function resolveTargetVariables(
  defs: Map<string, VariableDef>,
  target: string,
  targetVariables: Node | undefined,
  bundleRoot: string,
  inputs: VariableInputs,
): { values: Map<string, VariableValue>; notices: RawFinding[] } {
  const notices: RawFinding[] = [];
  const effective = new Map<string, { def: VariableDef; default?: Node; lookup?: Node; targetSet: boolean }>();
  for (const def of defs.values()) {
    effective.set(def.name, { def, default: def.default, lookup: def.lookup, targetSet: false });
  }

  const overrides = asMap(targetVariables);
  if (overrides) {
    for (const [name, node] of overrides.entries) {
      const loc = overrides.keyLocs.get(name) ?? node.loc;
      const current = effective.get(name);
      if (!current) {
        notices.push({
          check: 'undefined-variable',
          message: `failed to perform target override for target=${target}: variable ${name} is not defined but is assigned a value`,
          loc,
        });
        continue;
      }
      const override = targetOverride(current.def, node);
      if (!override) continue;
      current.default = override.default;
      current.lookup = override.lookup;
      current.targetSet = true;
    }
  } else if (targetVariables && !isNull(targetVariables)) {
    notices.push(configInvalid(`targets.${target}.variables must be a mapping`, targetVariables.loc));
  }

  const fileValues = readOverridesFile(bundleRoot, target, defs, notices);
  const values = new Map<string, VariableValue>();
  for (const [name, e] of effective) {
    const value: VariableValue = { name, def: e.def };
    const complex = e.def.type === 'complex';
    const cli = inputs.vars[name];
    const env = inputs.env[`BUNDLE_VAR_${name}`];
    const fromFile = fileValues.get(name);
    if (cli !== undefined && complex) {
      notices.push(configInvalid(`setting variables of complex type via --var flag is not supported: ${name}`, e.def.loc));
    }
    if (e.def.value) {
      if (cli !== undefined && !complex) {
        const written = e.def.value.kind === 'scalar' ? String(e.def.value.value) : 'a complex value';
        notices.push(configInvalid(`failed to assign ${cli} to ${name}: variable has already been assigned value: ${written}`, e.def.value.loc));
      }
      value.value = e.def.value;
      value.source = 'value';
    } else if (cli !== undefined && !complex) {
      value.value = syntheticScalar(cli, { file: '<--var>', line: 1, column: 1 });
      value.source = 'cli';
    } else if (env !== undefined && !complex) {
      value.value = syntheticScalar(env, { file: `<env BUNDLE_VAR_${name}>`, line: 1, column: 1 });
      value.source = 'env';
    } else if (fromFile !== undefined) {
      value.value = fromFile;
      value.source = 'overrides-file';
    } else if (e.lookup) {
      value.source = 'lookup';
    } else if (e.default) {
      value.value = e.default;
      value.source = e.targetSet ? 'target' : 'default';
    } else {
      notices.push({
        check: 'variable-required-unset',
        severity: 'critical',
        message:
          `no value assigned to required variable ${name}. Variables are usually assigned in databricks.yml, and they can be ` +
          `overridden using "--var", the BUNDLE_VAR_${name} environment variable, or .databricks/bundle/${target}/variable-overrides.json`,
        // A written but empty `default:` is where the CLI points.
        loc: asMap(e.def.node)?.entries.get('default')?.loc ?? e.def.loc,
      });
    }
    values.set(name, value);
  }
  return { values, notices };
}

function syntheticScalar(value: string, loc: Loc): Node {
  return { kind: 'scalar', loc, value };
}

/** `.databricks/bundle/<target>/variable-overrides.json`: a JSON object of values. */
function readOverridesFile(
  bundleRoot: string,
  target: string,
  defs: Map<string, VariableDef>,
  notices: RawFinding[],
): Map<string, Node> {
  // A target name is a path segment here: never let it lead elsewhere.
  if (target === '.' || target === '..' || /[\\/\0]/.test(target)) return new Map();
  const rel = `.databricks/bundle/${target}/variable-overrides.json`;
  const abs = path.join(bundleRoot, rel);
  const out = new Map<string, Node>();
  let text: string;
  try {
    if (!isInsideReal(bundleRoot, abs)) return out;
    const stat = fs.statSync(abs);
    if (!stat.isFile()) return out;
    if (stat.size > 10 * 1024 * 1024) {
      notices.push(configInvalid(`${rel}: file too large; not read`, { file: rel, line: 1, column: 1 }));
      return out;
    }
    text = fs.readFileSync(abs, 'utf8');
  } catch {
    return out;
  }
  const fileLoc: Loc = { file: rel, line: 1, column: 1 };
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    notices.push(configInvalid(`failed to parse variables file ${rel}: ${(err as Error).message}`, fileLoc));
    return out;
  }
  const parsed = parseConfigText(rel, text);
  const root: MapNode | undefined = parsed.file.root;
  if (!root || parsed.notices.length > 0) {
    notices.push(configInvalid(`failed to parse variables file ${rel}: invalid format, expected a JSON object`, fileLoc));
    return out;
  }
  for (const [name, node] of root.entries) {
    const def = defs.get(name);
    const loc = root.keyLocs.get(name) ?? fileLoc;
    if (!def) continue;
    const isComplexValue = node.kind !== 'scalar';
    if (def.type === 'complex' && !isComplexValue) {
      notices.push(configInvalid(`variable ${name} is of type complex, but the value in the variable file is not a complex type`, loc));
      continue;
    }
    if (def.type !== 'complex' && isComplexValue) {
      notices.push(configInvalid(`variable ${name} is not of type complex, but the value in the variable file is a complex type`, loc));
      continue;
    }
    out.set(name, node);
  }
  return out;
}

function isInsideReal(parent: string, child: string): boolean {
  try {
    const rel = path.relative(fs.realpathSync(parent), fs.realpathSync(child));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  } catch {
    return false;
  }
}
