import { parseDocument } from 'yaml';
import type { ConfigFile } from '../../model.js';
import { anchorOnlyTopLevelKeysOf, recordedAnchorOnlyKeys } from '../../project/yaml.js';

const cache = new WeakMap<ConfigFile, Set<string>>();

/**
 * Top-level keys whose value only holds YAML anchors: an anchored value, or a map/sequence whose
 * every element is one (recursively). The CLI raises no unknown-field warning for them.
 */
export function anchorOnlyTopLevelKeys(file: ConfigFile): Set<string> {
  const recorded = recordedAnchorOnlyKeys(file);
  if (recorded) return recorded;
  const cached = cache.get(file);
  if (cached) return cached;
  let out = new Set<string>();
  try {
    out = anchorOnlyTopLevelKeysOf(parseDocument(file.text, { merge: false, uniqueKeys: false }).contents);
  } catch {
    // unparseable: the loader already reported it
  }
  cache.set(file, out);
  return out;
}
