import type { Node } from '../../model.js';

/**
 * A cache for results that depend only on a node and a key (its config path or resource address):
 * targets share the nodes they do not change, so each is computed once per bundle.
 */
export function nodeMemo<T>(): (node: Node, key: string, compute: () => T) => T {
  const cache = new WeakMap<Node, Map<string, T>>();
  return (node, key, compute) => {
    let byKey = cache.get(node);
    if (!byKey) cache.set(node, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = compute()));
    return value;
  };
}
