import type { Loc, MapNode, Node } from '../../model.js';
import type { Schema } from './schema.js';

export interface SchemaVisit {
  problem: 'unknown' | 'null-string';
  key: string;
  /** Config path of the key, e.g. `resources.jobs.x.trigger.type`. */
  path: string;
  map: MapNode;
  loc: Loc;
}

/** Walk `node` along `schema`, reporting keys the schema does not know and string fields left null. */
export function walkSchema(node: Node | undefined, schema: Schema, path: string, visit: (v: SchemaVisit) => void, depth = 0): void {
  if (!node || depth > 64) return;
  switch (schema.kind) {
    case 'object': {
      if (node.kind !== 'map') return;
      for (const [key, value] of node.entries) {
        const child = schema.fields[key];
        if (!child) {
          if (key !== '<<') visit({ problem: 'unknown', key, path: path ? `${path}.${key}` : key, map: node, loc: node.keyLocs.get(key) ?? value.loc });
          continue;
        }
        if (child.kind === 'string' && value.kind === 'scalar' && value.value === null) {
          visit({ problem: 'null-string', key, path: path ? `${path}.${key}` : key, map: node, loc: node.keyLocs.get(key) ?? value.loc });
        }
        // Only mappings and sequences have anything below them to check.
        if (value.kind !== 'scalar') walkSchema(value, child, path ? `${path}.${key}` : key, visit, depth + 1);
      }
      return;
    }
    case 'mapOf':
      if (node.kind !== 'map') return;
      for (const [key, value] of node.entries) if (value && value.kind !== 'scalar') walkSchema(value, schema.value, path ? `${path}.${key}` : key, visit, depth + 1);
      return;
    case 'seqOf':
      if (node.kind !== 'seq') return;
      node.items.forEach((item, i) => {
        if (item && item.kind !== 'scalar') walkSchema(item, schema.item, `${path}[${i}]`, visit, depth + 1);
      });
      return;
    default:
      return;
  }
}
