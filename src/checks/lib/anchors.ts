import type { ConfigFile } from '../../model.js';
import { recordedAnchorOnlyKeys } from '../../project/yaml.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * Top-level keys whose value only holds YAML anchors: an anchored value, or a map/sequence whose
 * every element is one (recursively). The CLI raises no unknown-field warning for them. The loader
 * records them while it parses; a file it could not parse has none.
 */
export function anchorOnlyTopLevelKeys(file: ConfigFile): ReadonlySet<string> {
  return recordedAnchorOnlyKeys(file) ?? NONE;
}
