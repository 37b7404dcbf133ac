import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ConfigFile } from '../../model.js';

const cache = new WeakMap<ConfigFile, Set<string>>();

/**
 * Top-level keys whose value only holds YAML anchors: an anchored value, or a map/sequence whose
 * every element is one (recursively). The CLI raises no unknown-field warning for them.
 */
export function anchorOnlyTopLevelKeys(file: ConfigFile): Set<string> {
  const cached = cache.get(file);
  if (cached) return cached;
  const out = new Set<string>();
  try {
    const doc = parseDocument(file.text, { merge: false, uniqueKeys: false });
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && anchorContainer(pair.value as YamlNode | null)) out.add(key);
      }
    }
  } catch {
    // unparseable: the loader already reported it
  }
  cache.set(file, out);
  return out;
}

function anchorContainer(node: YamlNode | null, depth = 0): boolean {
  if (!node || depth > 32) return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node)) return node.items.length > 0 && node.items.every((p) => anchorContainer(p.value as YamlNode | null, depth + 1));
  if (isSeq(node)) return node.items.length > 0 && node.items.every((i) => anchorContainer(i as YamlNode | null, depth + 1));
  return false;
}
