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

export interface MapVisit {
  map: MapNode;
  path: string;
}

/** Every mapping below `node` (including `node`), in document order. */
export function walkMaps(node: Node | undefined, path: string, visit: (v: MapVisit) => void): void {
  if (!node) return;
  if (node.kind === 'map') {
    visit({ map: node, path });
    for (const [key, value] of node.entries) walkMaps(value, path ? `${path}.${key}` : key, visit);
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => walkMaps(item, `${path}[${i}]`, visit));
  }
}

export function locKey(loc: Loc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '';
}

export function compareLoc(a: Loc | undefined, b: Loc | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
