import type { Bundle, ScalarNode } from '../../model.js';
import { asScalar, asSeq, get } from './nodes.js';

export interface IncludeEntry {
  pattern: string;
  node: ScalarNode;
}

/** The `include:` entries of the root file (only these are applied by the CLI). */
export function rootIncludes(bundle: Bundle): IncludeEntry[] {
  const root = bundle.files.get(bundle.rootFile)?.root;
  const out: IncludeEntry[] = [];
  for (const item of asSeq(get(root, 'include'))?.items ?? []) {
    const node = asScalar(item);
    if (node && typeof node.value === 'string' && node.value !== '') out.push({ pattern: node.value, node });
  }
  return out;
}

/** Files an `include:` entry matches (Go filepath.Glob; a literal entry matches itself when it exists). */
export function includeMatches(bundle: Bundle, pattern: string): string[] {
  try {
    return bundle.fileIndex.glob(pattern);
  } catch {
    return [];
  }
}
