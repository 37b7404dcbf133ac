// Every `${...}` reference written in a target's configuration, with the loader's verdict.
import type { Node, Reference, ScalarNode, TargetView } from '../../model.js';
import { asMap, walkScalars } from './nodes.js';
import { ROOT_SCHEMA } from './schema.js';

export interface RefUse {
  ref: Reference;
  node: ScalarNode;
  /** Config path of the scalar that holds the reference. */
  field: string;
  undefinedRef: boolean;
}

/** Resource address (`jobs.x`) a config path belongs to, if any. */
export function resourceOf(field: string): string | undefined {
  const m = /^resources\.([^.[\]]+)\.([^.[\]]+)/.exec(field);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

const KNOWN_SECTIONS = new Set(ROOT_SCHEMA.kind === 'object' ? Object.keys(ROOT_SCHEMA.fields) : []);

/**
 * The top-level sections of a target's merged config that the CLI reads: known keys except
 * `targets`/`environments` (already merged). Unknown keys (anchor holders) are dropped by the CLI.
 */
export function configSections(target: TargetView): [string, Node][] {
  const root = asMap(target.config);
  if (!root) return [];
  return [...root.entries].filter(([key]) => KNOWN_SECTIONS.has(key) && key !== 'targets' && key !== 'environments');
}

/** Scalars of the target's merged config that contain `${`, with their interpolation. */
export function collectReferences(target: TargetView): RefUse[] {
  const out: RefUse[] = [];
  for (const [key, value] of configSections(target)) {
    walkScalars(value, key, ({ node, path }) => {
      if (typeof node.value !== 'string' || !node.value.includes('${')) return;
      const interp = target.interpolate(node.value, node.loc);
      const undef = new Set(interp.undefinedRefs.map((r) => r.text));
      const seen = new Set<string>();
      for (const ref of [...interp.undefinedRefs, ...interp.unresolved]) {
        if (seen.has(ref.text)) continue;
        seen.add(ref.text);
        out.push({ ref, node, field: path, undefinedRef: undef.has(ref.text) });
      }
    });
  }
  return out;
}
