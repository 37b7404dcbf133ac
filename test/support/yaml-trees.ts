// Helpers for the tests that compare YAML parse paths with the full composer.
import fs from 'node:fs';
import path from 'node:path';
import type { Node } from '../../src/model.js';

/** The tree with its order and every location, as comparable plain data. */
export function treeShape(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return ['scalar', node.loc, Number.isNaN(node.value) ? 'NaN' : node.value];
  if (node.kind === 'seq') return ['seq', node.loc, node.items.map(treeShape)];
  return ['map', node.loc, [...node.entries].map(([k, v]) => [k, node.keyLocs.get(k), treeShape(v)])];
}

/** Every .yml/.yaml file below a folder. */
export function yamlFilesBelow(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFilesBelow(full, out);
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}
