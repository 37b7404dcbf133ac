// Merging located nodes the way the CLI's libs/dyn/merge does it: maps merge recursively, scalars
// are replaced, sequences are concatenated. Nodes parsed from files are never mutated: a merge
// session copies a node the first time it writes into it (so n merges cost O(total size)).
import type { Loc, MapNode, Node, SeqNode } from '../model.js';

export class MergeSession {
  private readonly owned = new WeakSet<Node>();

  /**
   * `onConflict` hears of a mapping or list merged with a value of another kind (the CLI's
   * `cannot merge string with sequence`); `b` then replaces `a`, so loading goes on.
   */
  constructor(private readonly onConflict?: (a: Node, b: Node) => void) {}

  /** Merge `b` over `a`; returns the merged node (may be `a` itself when `a` is owned). */
  merge(a: Node | undefined, b: Node): Node {
    if (!a || (a.kind === 'scalar' && a.value === null)) return b;
    if (b.kind === 'scalar' && b.value === null) return a;
    if (a.kind === 'map' && b.kind === 'map') return this.mergeMaps(a, b);
    if (a.kind === 'seq' && b.kind === 'seq') return this.concat(a, b);
    if (a.kind !== b.kind) this.onConflict?.(a, b);
    return b;
  }

  mergeMaps(a: MapNode, b: MapNode): MapNode {
    const out = this.own(a);
    for (const [key, value] of b.entries) {
      const existing = out.entries.get(key);
      if (existing === undefined) {
        out.entries.set(key, value);
        out.keyLocs.set(key, b.keyLocs.get(key) ?? value.loc);
      } else {
        out.entries.set(key, this.merge(existing, value));
      }
    }
    return out;
  }

  concat(a: SeqNode, b: SeqNode): SeqNode {
    if (this.owned.has(a)) {
      a.items.push(...b.items);
      return a;
    }
    const out: SeqNode = { kind: 'seq', loc: a.loc, items: [...a.items, ...b.items] };
    this.owned.add(out);
    return out;
  }

  /** A writable copy of `map` (the map itself when this session created it). */
  own(map: MapNode): MapNode {
    if (this.owned.has(map)) return map;
    const out: MapNode = { kind: 'map', loc: map.loc, entries: new Map(map.entries), keyLocs: new Map(map.keyLocs) };
    this.owned.add(out);
    return out;
  }

  newMap(loc: Loc): MapNode {
    const out: MapNode = { kind: 'map', loc, entries: new Map(), keyLocs: new Map() };
    this.owned.add(out);
    return out;
  }
}

export function asMap(node: Node | undefined): MapNode | undefined {
  return node && node.kind === 'map' ? node : undefined;
}

export function asSeq(node: Node | undefined): SeqNode | undefined {
  return node && node.kind === 'seq' ? node : undefined;
}

export function asString(node: Node | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function isNull(node: Node | undefined): boolean {
  return !node || (node.kind === 'scalar' && node.value === null);
}

/**
 * The CLI's ElementsByKey: sequence items with the same key are merged in order (the first
 * occurrence keeps its place); `keyOf` maps an item to its key.
 */
export function mergeElementsByKey(session: MergeSession, seq: SeqNode, keyOf: (item: Node) => string, keyField?: string): SeqNode {
  const seen = new Map<string, Node>();
  const order: string[] = [];
  let changed = false;
  for (const item of seq.items) {
    const key = keyOf(item);
    const ref = seen.get(key);
    if (ref === undefined) {
      seen.set(key, item);
      order.push(key);
      continue;
    }
    changed = true;
    const merged = session.merge(ref, item);
    // Like the CLI, the merged element carries the (normalised) key it was merged by.
    if (keyField && merged.kind === 'map') {
      const written = merged.entries.get(keyField);
      if (written?.kind === 'scalar' && written.value !== key) merged.entries.set(keyField, { ...written, value: key });
    }
    seen.set(key, merged);
  }
  if (!changed) return seq;
  return { kind: 'seq', loc: seq.loc, items: order.map((k) => seen.get(k)!) };
}
