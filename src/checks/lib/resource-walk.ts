import type { Bundle, Node } from '../../model.js';
import { NOTHING, NodeKeyCache } from './node-memo.js';
import { walkMaps, type MapVisit } from './nodes.js';

type Memo<T> = WeakMap<Bundle, NodeKeyCache<readonly T[]>>;

/** A memo for collectOverMaps (one per check). */
export function mapsMemo<T>(): Memo<T> {
  return new WeakMap();
}

/**
 * What `onMap` gives for every mapping below `node` (walkMaps order), for visitors that do not
 * depend on the target. Targets share the nodes they do not change, so each resource
 * (`resources.<type>.<key>`) and each other top-level section is visited once per bundle.
 * The results are appended to `out`, which is returned.
 */
export function collectOverMaps<T>(memo: Memo<T>, bundle: Bundle, node: Node | undefined, path: string, onMap: (v: MapVisit) => T[], out: T[] = []): T[] {
  let byNode = memo.get(bundle);
  if (!byNode) memo.set(bundle, (byNode = new NodeKeyCache()));
  const cache = byNode;
  const subtree = (n: Node, p: string): readonly T[] =>
    cache.get(n, p, () => {
      const list: T[] = [];
      walkMaps(n, p, (v) => {
        for (const item of onMap(v)) list.push(item);
      });
      return list.length > 0 ? list : NOTHING;
    });
  const add = (items: readonly T[]) => {
    for (const item of items) out.push(item);
  };
  // Depth 0 = `resources`, 1 = a resource type, 2 = one resource.
  const level = (n: Node, p: string, depth: number): void => {
    if (depth === 2 || n.kind !== 'map') {
      add(subtree(n, p));
      return;
    }
    add(onMap({ map: n, path: p }));
    n.entries.forEach((value, key) => {
      if (value && value.kind !== 'scalar') level(value, p ? `${p}.${key}` : key, depth + 1);
    });
  };
  if (!node) return out;
  if (path === 'resources') level(node, path, 0);
  else add(subtree(node, path));
  return out;
}
