import type { Bundle, Node } from '../../model.js';

/**
 * Results per node and key (its config path or resource address). A node nearly always meets one
 * key, so the first is kept inline and only further keys get a Map: a repository of 74,000 jobs
 * makes one small record per job and check, not a Map each. Any object shared by targets (a list
 * of their paths, say) can stand for the node.
 */
export class NodeKeyCache<T, N extends object = Node> {
  private readonly byNode = new WeakMap<N, { key: string; value: T; more?: Map<string, T> }>();

  get(node: N, key: string, compute: () => T): T {
    const slot = this.byNode.get(node);
    if (!slot) {
      const value = compute();
      this.byNode.set(node, { key, value });
      return value;
    }
    if (slot.key === key) return slot.value;
    slot.more ??= new Map();
    let value = slot.more.get(key);
    if (value === undefined) slot.more.set(key, (value = compute()));
    return value;
  }
}

/** The result lists a walk found nothing in share one empty list. */
export const NOTHING: readonly never[] = Object.freeze([]);

/**
 * A cache for results that depend only on a node and a key (its config path or resource address):
 * targets share the nodes they do not change, so each is computed once per bundle.
 */
export function nodeMemo<T>(): (node: Node, key: string, compute: () => T) => T {
  const cache = new NodeKeyCache<T>();
  return (node, key, compute) => cache.get(node, key, compute);
}

/**
 * A result computed once per bundle and shared object (a list of task entries, a code walk): targets
 * that share the object share the result.
 */
export function oncePerShared<K extends object, T>(compute: (bundle: Bundle, shared: K) => T): (bundle: Bundle, shared: K) => T {
  const cache = new WeakMap<K, { bundle: Bundle; value: T }>();
  return (bundle, shared) => {
    const known = cache.get(shared);
    if (known && known.bundle === bundle) return known.value;
    const value = compute(bundle, shared);
    cache.set(shared, { bundle, value });
    return value;
  };
}
