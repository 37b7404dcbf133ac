// Walk a target's merged configuration along the CLI's compiled schema: every mapping with the struct
// it is, every string scalar with its string type. Targets share the nodes they do not change, so
// each resource (and each other top-level section) is walked once per bundle and check.
import type { Bundle, MapNode, Node, ScalarNode, TargetView } from '../../model.js';
import { bundleSchema } from '../../schema/compile.js';
import { formatPath, type Segment } from '../../schema/normalize.js';
import type { SchemaType, StructType } from '../../schema/types.js';
import { NOTHING, NodeKeyCache } from './node-memo.js';
import { configSections } from './references.js';

export interface TypedVisitor<T> {
  struct?(map: MapNode, type: StructType, path: () => string): T[];
  /** A string scalar where the schema expects one of a fixed set of values. */
  enum?(node: ScalarNode, values: readonly string[], path: () => string): T[];
}

type Memo<T> = WeakMap<Bundle, NodeKeyCache<readonly T[]>>;

export function typedMemo<T>(): Memo<T> {
  return new WeakMap();
}

const MAX_DEPTH = 512;

/** What `visitor` gives for every typed value of the target's configuration, in document order. */
export function collectTyped<T>(memo: Memo<T>, bundle: Bundle, target: TargetView, visitor: TypedVisitor<T>): T[] {
  let byNode = memo.get(bundle);
  if (!byNode) memo.set(bundle, (byNode = new NodeKeyCache()));
  const cache = byNode;
  const out: T[] = [];
  const subtree = (node: Node, type: SchemaType, segments: Segment[]) => {
    const found = cache.get(node, formatPath(segments), () => {
      const list: T[] = [];
      walkTyped(node, type, [...segments], visitor, list, 0);
      return list.length > 0 ? list : NOTHING;
    });
    for (const item of found) out.push(item);
  };
  const root = bundleSchema().root;
  for (const [section, node] of configSections(target)) {
    const type = root.fields.get(section)?.type;
    if (!type) continue;
    if (section !== 'resources' || node.kind !== 'map' || type.kind !== 'struct') {
      subtree(node, type, [section]);
      continue;
    }
    for (const [resourceType, byKey] of node.entries) {
      const mapType = type.fields.get(resourceType)?.type;
      if (!mapType || mapType.kind !== 'map' || byKey.kind !== 'map') continue;
      for (const [key, body] of byKey.entries) subtree(body, mapType.value, ['resources', resourceType, key]);
    }
  }
  return out;
}

export function walkTyped<T>(node: Node, type: SchemaType, path: Segment[], visitor: TypedVisitor<T>, out: T[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const at = () => formatPath(path);
  switch (type.kind) {
    case 'struct': {
      if (node.kind !== 'map') return;
      if (visitor.struct) for (const item of visitor.struct(node, type, at)) out.push(item);
      for (const [key, child] of node.entries) {
        const field = type.fields.get(key);
        if (!field || (child.kind === 'scalar' && !(visitor.enum && field.type.kind === 'string' && field.type.enum))) continue;
        path.push(key);
        walkTyped(child, field.type, path, visitor, out, depth + 1);
        path.pop();
      }
      return;
    }
    case 'map':
      if (node.kind !== 'map') return;
      for (const [key, child] of node.entries) {
        path.push(key);
        walkTyped(child, type.value, path, visitor, out, depth + 1);
        path.pop();
      }
      return;
    case 'seq':
      if (node.kind !== 'seq') return;
      node.items.forEach((child, i) => {
        path.push(i);
        walkTyped(child, type.item, path, visitor, out, depth + 1);
        path.pop();
      });
      return;
    case 'string':
      if (type.enum && node.kind === 'scalar' && node.value !== null && visitor.enum) for (const item of visitor.enum(node, type.enum, at)) out.push(item);
      return;
    default:
      return;
  }
}
