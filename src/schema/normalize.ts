// Normalise a configuration value against a SchemaType the way the Databricks CLI's loader does
// (libs/dyn/convert/normalize.go): unknown fields and values of the wrong type are warnings and are
// left out, strings that spell a bool or an int become one, a pure `${...}` reference is accepted
// in place of any value. Linear in the size of the value; nodes are copied only where they change.
import type { Loc, MapNode, Node, ScalarNode, SeqNode } from '../model.js';
import { isPureReference } from '../project/reference.js';
import { isAnchored } from '../project/yaml.js';
import type { SchemaType, StructType } from './types.js';

export type SchemaIssueCheck = 'unknown-field' | 'value-type-invalid' | 'null-value' | 'deprecated-field' | 'read-only-field';

export interface SchemaIssue {
  check: SchemaIssueCheck;
  /** The CLI's summary (`unknown field: x`, `expected map, found string`, ...). */
  summary: string;
  loc: Loc;
  /** Config path the CLI prints under `at` (the parent for unknown fields). */
  path: string;
  /** For unknown and deprecated fields: the key and the fields known where it is written. */
  key?: string;
  struct?: StructType;
  /** For deprecated fields: the schema's deprecation message. */
  deprecation?: string;
}

export type Segment = string | number;

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}


/** Kind names as the CLI prints them (libs/dyn/kind.go). */
export function kindName(node: Node): string {
  if (node.kind === 'map') return 'map';
  if (node.kind === 'seq') return 'sequence';
  const v = node.value;
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'string';
}

const TRUE_WORDS = new Set(['true', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['false', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|Inf|INF|infinity|Infinity)$|^(nan|NaN|NAN)$/;

export interface NormalizeOptions {
  report(issue: SchemaIssue): void;
  /** Top-level keys that only hold YAML anchors: no unknown-field warning (the CLI's anchor rule). */
  anchorOnlyKeys?: ReadonlySet<string>;
  /** Where the value sits (segments of its config path). */
  at?: readonly Segment[];
}

const MAX_DEPTH = 512;
const UNCHANGED = Symbol('unchanged');

/** `node` normalised to `type`, or undefined when the CLI drops it. */
export function normalize(node: Node, type: SchemaType, options: NormalizeOptions): Node | undefined {
  return new Normalizer(options).value(node, type, [...(options.at ?? [])], 0);
}

class Normalizer {
  /** Containers shared through YAML aliases are normalised once per type. */
  private readonly done = new WeakMap<object, Map<SchemaType, Node | undefined | typeof UNCHANGED>>();

  constructor(private readonly options: NormalizeOptions) {}

  value(node: Node, type: SchemaType, path: Segment[], depth: number): Node | undefined {
    if (depth > MAX_DEPTH) return node;
    switch (type.kind) {
      case 'any':
        return node;
      case 'struct':
      case 'map':
      case 'seq':
        return this.container(node, type, path, depth);
      case 'string':
        if (node.kind === 'scalar') return node.value === null ? this.nullValue(node, 'string', path) : node;
        return this.mismatch('string', node, path);
      case 'bool':
        return this.bool(node, path);
      case 'int':
        return this.number(node, 'int', path);
      case 'float':
        return this.number(node, 'float', path);
    }
  }

  private container(node: Node, type: Exclude<SchemaType, { kind: 'any' | 'string' | 'bool' | 'int' | 'float' }>, path: Segment[], depth: number): Node | undefined {
    if (node.kind === 'scalar') {
      if (node.value === null || isPureReference(node.value)) return node;
      return this.mismatch(type.kind === 'seq' ? 'sequence' : 'map', node, path);
    }
    const expected = type.kind === 'seq' ? 'seq' : 'map';
    if (node.kind !== expected) return this.mismatch(type.kind === 'seq' ? 'sequence' : 'map', node, path);
    // Only YAML aliases share containers (an anchor and its uses share entries): only those are remembered.
    const shared = isAnchored(node) ? (node.kind === 'map' ? node.entries : node.items) : undefined;
    let byType = shared && this.done.get(shared);
    if (byType?.has(type)) {
      const known = byType.get(type);
      return known === UNCHANGED ? node : known === undefined ? undefined : { ...known, loc: node.loc };
    }
    let out: Node | undefined;
    if (type.kind === 'seq') out = this.seq(node as SeqNode, type.item, path, depth);
    else if (type.kind === 'map') out = this.map(node as MapNode, type, path, depth);
    else out = this.struct(node as MapNode, type, path, depth);
    if (shared) {
      if (!byType) this.done.set(shared, (byType = new Map()));
      byType.set(type, out === node ? UNCHANGED : out);
    }
    return out;
  }

  private seq(node: SeqNode, item: SchemaType, path: Segment[], depth: number): Node {
    let items: Node[] | undefined;
    node.items.forEach((child, i) => {
      path.push(i);
      const out = this.value(child, item, path, depth + 1);
      path.pop();
      if (out !== child && !items) items = node.items.slice(0, i);
      if (items && out !== undefined) items.push(out);
    });
    return items ? { kind: 'seq', loc: node.loc, items } : node;
  }

  private map(node: MapNode, type: Extract<SchemaType, { kind: 'map' }>, path: Segment[], depth: number): Node {
    let out: MapNode | undefined;
    for (const [key, child] of node.entries) {
      // `variables: {name: value}` is the shorthand for `{default: value}`.
      if (type.shorthand === 'variable' && child.kind !== 'map') continue;
      out = this.entry(node, out, key, child, type.value, path, depth);
    }
    return out ?? node;
  }

  /** One entry of `node` normalised; returns the copy being built (made at the first change). */
  private entry(node: MapNode, out: MapNode | undefined, key: string, child: Node, type: SchemaType, path: Segment[], depth: number): MapNode | undefined {
    path.push(key);
    const normalized = this.value(child, type, path, depth + 1);
    path.pop();
    if (normalized === child) return out;
    const copy = out ?? copyMap(node);
    if (normalized === undefined) dropKey(copy, key);
    else copy.entries.set(key, normalized);
    return copy;
  }

  private struct(node: MapNode, type: StructType, path: Segment[], depth: number): Node {
    let out: MapNode | undefined;
    const topLevel = path.length === 0;
    for (const [key, child] of node.entries) {
      const field = type.fields.get(key);
      const keyLoc = node.keyLocs.get(key) ?? child.loc;
      if (!field) {
        const anchorHolder = isAnchored(child) || (topLevel && this.options.anchorOnlyKeys?.has(key));
        if (!anchorHolder) this.options.report({ check: 'unknown-field', summary: `unknown field: ${key}`, loc: keyLoc, path: formatPath(path), key, struct: type });
        out ??= copyMap(node);
        dropKey(out, key);
        continue;
      }
      if (field.readOnly && !isEmpty(child)) {
        path.push(key);
        this.options.report({ check: 'read-only-field', summary: `${formatPath(path)} is ${field.readOnly}; remove it from the configuration`, loc: keyLoc, path: formatPath(path), key });
        path.pop();
      } else if (field.deprecated && !(child.kind === 'scalar' && child.value === null)) {
        this.options.report({ check: 'deprecated-field', summary: `deprecated field: ${key}`, loc: keyLoc, path: formatPath(path), key, struct: type, deprecation: field.deprecated });
      }
      out = this.entry(node, out, key, child, field.type, path, depth);
    }
    return out ?? node;
  }

  private bool(node: Node, path: Segment[]): Node | undefined {
    if (node.kind !== 'scalar') return this.mismatch('bool', node, path);
    const v = node.value;
    if (typeof v === 'boolean') return node;
    if (v === null) return this.nullValue(node, 'bool', path);
    if (typeof v === 'string') {
      if (TRUE_WORDS.has(v)) return { ...node, value: true };
      if (FALSE_WORDS.has(v)) return { ...node, value: false };
      if (isPureReference(v)) return node;
    }
    return this.mismatch('bool', node, path);
  }

  private number(node: Node, kind: 'int' | 'float', path: Segment[]): Node | undefined {
    if (node.kind !== 'scalar') return this.mismatch(kind, node, path);
    const v = node.value;
    if (v === null) return this.nullValue(node, kind, path);
    if (typeof v === 'number') {
      if (kind === 'int' && !Number.isInteger(v)) {
        return this.issue('value-type-invalid', `cannot accurately represent "${v}" as integer due to precision loss`, node, path);
      }
      return node;
    }
    if (typeof v === 'string') {
      if (kind === 'int' && INT_TEXT.test(v)) return { ...node, value: Number(v) };
      if (kind === 'float' && FLOAT_TEXT.test(v)) return { ...node, value: Number(v) };
      if (isPureReference(v)) return node;
      return this.issue('value-type-invalid', `cannot parse "${v}" as ${kind === 'int' ? 'an integer' : 'a floating point number'}`, node, path);
    }
    return this.mismatch(kind, node, path);
  }

  private mismatch(expected: string, node: Node, path: Segment[]): undefined {
    return this.issue('value-type-invalid', `expected ${expected}, found ${kindName(node)}`, node, path);
  }

  private nullValue(node: ScalarNode, expected: string, path: Segment[]): undefined {
    return this.issue('null-value', `expected a ${expected} value, found null`, node, path);
  }

  private issue(check: SchemaIssueCheck, summary: string, node: Node, path: Segment[]): undefined {
    this.options.report({ check, summary, loc: node.loc, path: formatPath(path) });
    return undefined;
  }
}

/** Null, '' or an empty container: what the CLI's zero-value checks treat as not set. */
function isEmpty(node: Node): boolean {
  if (node.kind === 'scalar') return node.value === null || node.value === '';
  return node.kind === 'map' ? node.entries.size === 0 : node.items.length === 0;
}

function copyMap(map: MapNode): MapNode {
  return { kind: 'map', loc: map.loc, entries: new Map(map.entries), keyLocs: new Map(map.keyLocs) };
}

function dropKey(map: MapNode, key: string): void {
  map.entries.delete(key);
  map.keyLocs.delete(key);
}
