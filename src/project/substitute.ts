// A whole block written as one reference to a complex variable (`tasks: ${var.tasks}`,
// `my_cluster: ${var.cluster_config}`) is replaced by the variable's value, as the CLI's resolver
// does, so readers and checks see the tasks and clusters it stands for. The substituted value is
// normalised against the schema at its place (its unknown fields and wrong types are reported,
// at the lines where the variable's value is written). References inside it are substituted in
// turn, at most 11 levels deep like the CLI's rounds.
import type { MapNode, Node, VariableValue } from '../model.js';
import { bundleSchema } from '../schema/compile.js';
import { normalize, type SchemaIssue, type Segment } from '../schema/normalize.js';
import type { SchemaType } from '../schema/types.js';
import { parsePath } from './interpolate.js';
import { pureReferencePath } from './reference.js';

const MAX_ROUNDS = 11;
/** Sections the CLI resolves references in after the variables themselves. */
const SKIPPED = new Set(['variables', 'targets', 'environments']);

/** `config` with pure references to complex variables replaced (`config` itself when there are none). */
export function substituteComplexVariables(config: MapNode, variables: Map<string, VariableValue>, report: (issue: SchemaIssue) => void): MapNode {
  const complex = [...variables.values()].some((v) => v.value && v.value.kind !== 'scalar');
  if (!complex) return config;
  const root = bundleSchema().root;
  let out: MapNode | undefined;
  for (const [section, node] of config.entries) {
    const type = root.fields.get(section)?.type;
    if (!type || SKIPPED.has(section)) continue;
    const replaced = new Substitution(variables, report).walk(node, type, [section], 0);
    if (replaced === node) continue;
    out ??= { kind: 'map', loc: config.loc, entries: new Map(config.entries), keyLocs: config.keyLocs };
    out.entries.set(section, replaced);
  }
  return out ?? config;
}

class Substitution {
  constructor(
    private readonly variables: Map<string, VariableValue>,
    private readonly report: (issue: SchemaIssue) => void,
  ) {}

  walk(node: Node, type: SchemaType, path: Segment[], rounds: number): Node {
    if (node.kind === 'scalar') return this.substitute(node, type, path, rounds);
    if (type.kind === 'struct' || type.kind === 'map') {
      if (node.kind !== 'map') return node;
      let out: MapNode | undefined;
      for (const [key, child] of node.entries) {
        const childType = type.kind === 'map' ? type.value : type.fields.get(key)?.type;
        if (!childType || childType.kind === 'any' || (child.kind === 'scalar' && !isComplexReference(child.value))) continue;
        path.push(key);
        const replaced = this.walk(child, childType, path, rounds);
        path.pop();
        if (replaced === child) continue;
        out ??= { kind: 'map', loc: node.loc, entries: new Map(node.entries), keyLocs: node.keyLocs };
        out.entries.set(key, replaced);
      }
      return out ?? node;
    }
    if (type.kind === 'seq' && node.kind === 'seq') {
      let items: Node[] | undefined;
      node.items.forEach((child, i) => {
        if (child.kind === 'scalar' && !isComplexReference(child.value)) return;
        path.push(i);
        const replaced = this.walk(child, type.item, path, rounds);
        path.pop();
        if (replaced === child) return;
        items ??= [...node.items];
        items[i] = replaced;
      });
      return items ? { kind: 'seq', loc: node.loc, items } : node;
    }
    return node;
  }

  /** A pure `${var.x...}` that names a mapping or list becomes that value, normalised to `type`. */
  private substitute(node: Node & { kind: 'scalar' }, type: SchemaType, path: Segment[], rounds: number): Node {
    if (rounds >= MAX_ROUNDS || !isComplexReference(node.value) || (type.kind !== 'struct' && type.kind !== 'map' && type.kind !== 'seq')) return node;
    let value = this.lookup(String(node.value));
    // A variable whose value is itself a reference to a complex variable (`default: ${var.other}`).
    for (let hop = 0; hop < MAX_ROUNDS && value?.kind === 'scalar' && isComplexReference(value.value); hop++) value = this.lookup(String(value.value));
    if (!value || value.kind === 'scalar') return node;
    // The block sits where the reference is written; what is inside keeps where it is defined.
    const normalized = normalize({ ...value, loc: node.loc } as Node, type, { report: this.report, at: path });
    if (!normalized) return node;
    return this.walk(normalized, type, path, rounds + 1);
  }

  private lookup(text: string): Node | undefined {
    const tokens = parsePath(pureReferencePath(text) ?? '');
    const [head, name, ...rest] = tokens;
    if (typeof name !== 'string') return undefined;
    const fields = head === 'variables' ? (rest[0] === 'value' ? rest.slice(1) : undefined) : rest;
    if (!fields) return undefined;
    let node = this.variables.get(name)?.value;
    for (const token of fields) {
      if (!node) return undefined;
      node = typeof token === 'number' ? (node.kind === 'seq' ? node.items[token] : undefined) : node.kind === 'map' ? node.entries.get(token) : undefined;
    }
    return node;
  }
}

/** A pure `${var.x...}` / `${variables.x.value...}` reference: what may stand for a complex value. */
function isComplexReference(value: unknown): boolean {
  const path = pureReferencePath(value);
  return path !== undefined && (path.startsWith('var.') || path.startsWith('variables.'));
}
