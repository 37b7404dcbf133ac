import type { Loc, MapNode, Node, ScalarNode, SeqNode } from '../../model.js';

export function asMap(node: Node | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: Node | undefined): SeqNode | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asScalar(node: Node | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The string value of a scalar node (numbers and booleans as written), undefined for null/containers. */
export function asString(node: Node | undefined): string | undefined {
  const s = asScalar(node);
  if (!s || s.value === null) return undefined;
  return String(s.value);
}

export function get(node: Node | undefined, ...keys: string[]): Node | undefined {
  let cur = node;
  for (const key of keys) {
    const map = asMap(cur);
    if (!map) return undefined;
    cur = map.entries.get(key);
  }
  return cur;
}

export function getMap(node: Node | undefined, ...keys: string[]): MapNode | undefined {
  return asMap(get(node, ...keys));
}

/** Where a map's key is written (falls back to the value's location). */
export function keyLoc(map: MapNode, key: string): Loc | undefined {
  return map.keyLocs.get(key) ?? map.entries.get(key)?.loc;
}

export function isNull(node: Node | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

export interface ScalarVisit {
  node: ScalarNode;
  /** Config path such as `resources.jobs.x.tasks[0].notebook_task.notebook_path`. */
  path: string;
}

/** Every scalar below `node`, depth first, in document order. */
export function walkScalars(node: Node | undefined, path: string, visit: (v: ScalarVisit) => void): void {
  if (!node) return;
  if (node.kind === 'scalar') {
    visit({ node, path });
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => walkScalars(item, `${path}[${i}]`, visit));
  } else {
    for (const [key, value] of node.entries) walkScalars(value, path ? `${path}.${key}` : key, visit);
  }
}

/**
 * walkScalars restricted to string scalars whose text contains `needle`: the config path (the same
 * string walkScalars gives) is built only for those.
 */
export function walkStringScalarsContaining(
  node: Node | undefined,
  path: string,
  needle: string,
  visit: (node: ScalarNode, text: string, path: string) => void,
): void {
  const parts: string[] = [path];
  const walk = (n: Node | undefined, empty: boolean): void => {
    if (!n) return;
    if (n.kind === 'scalar') {
      if (typeof n.value === 'string' && n.value.includes(needle)) visit(n, n.value, parts.join(''));
    } else if (n.kind === 'seq') {
      n.items.forEach((item, i) => {
        if (item && item.kind === 'scalar' && !(typeof item.value === 'string' && item.value.includes(needle))) return;
        parts.push(`[${i}]`);
        walk(item, false);
        parts.pop();
      });
    } else {
      n.entries.forEach((value, key) => {
        if (value && value.kind === 'scalar' && !(typeof value.value === 'string' && value.value.includes(needle))) return;
        parts.push(empty ? key : `.${key}`);
        walk(value, empty && key === '');
        parts.pop();
      });
    }
  };
  walk(node, path === '');
}

/** Every mapping below `node` (including `node`), in document order, for visitors that need no path. */
export function walkMapNodes(node: Node | undefined, visit: (map: MapNode) => void): void {
  if (!node) return;
  if (node.kind === 'map') {
    visit(node);
    for (const value of node.entries.values()) walkMapNodes(value, visit);
  } else if (node.kind === 'seq') {
    for (const item of node.items) walkMapNodes(item, visit);
  }
}
