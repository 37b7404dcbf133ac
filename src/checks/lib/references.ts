// Every `${...}` reference written in a target's configuration, with the loader's verdict.
import type { Node, Reference, ScalarNode, TargetView } from '../../model.js';
import { NOTHING, NodeKeyCache } from './node-memo.js';
import { asMap, walkStringScalarsContaining } from './nodes.js';
import { oncePerTarget } from './per-target.js';
import { bundleSchema } from '../../schema/compile.js';

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

/**
 * The top-level sections of a target's merged config that the CLI reads: known keys except
 * `targets`/`environments` (already merged). Unknown keys (anchor holders) are dropped by the CLI.
 */
export function configSections(target: TargetView): [string, Node][] {
  const root = asMap(target.config);
  if (!root) return [];
  const known = bundleSchema().root.fields;
  return [...root.entries].filter(([key]) => known.has(key) && key !== 'targets' && key !== 'environments');
}

export interface StringScalar {
  node: ScalarNode;
  text: string;
  /** Config path of the scalar. */
  path: string;
}

const scalarsWithReferences = new NodeKeyCache<readonly StringScalar[]>();

/**
 * The string scalars below a config section (at config path `path`) that contain `${`, in document
 * order. Computed once per node: targets share the sections they do not change.
 */
export function referenceScalars(node: Node, path: string): readonly StringScalar[] {
  return scalarsWithReferences.get(node, path, () => {
    const found: StringScalar[] = [];
    walkStringScalarsContaining(node, path, '${', (scalar, text, at) => found.push({ node: scalar, text, path: at }));
    return found.length > 0 ? Object.freeze(found) : NOTHING;
  });
}

/** Scalars of the target's merged config that contain `${`, with their interpolation (once per target; shared, frozen). */
export const collectReferences = oncePerTarget(collectTargetReferences);

const firstOfTexts = new WeakMap<readonly StringScalar[], readonly StringScalar[]>();

/** The first scalar of each distinct text in a list (once per list: targets share the lists of nodes they leave as written). */
function firstOfEachText(scalars: readonly StringScalar[]): readonly StringScalar[] {
  let firsts = firstOfTexts.get(scalars);
  if (!firsts) {
    const byText = new Map<string, StringScalar>();
    for (const scalar of scalars) if (!byText.has(scalar.text)) byText.set(scalar.text, scalar);
    firstOfTexts.set(scalars, (firsts = [...byText.values()]));
  }
  return firsts;
}

function collectTargetReferences(target: TargetView): RefUse[] {
  const out: RefUse[] = [];
  // Texts whose every reference resolves give nothing: each is interpolated once per target, and a
  // section whose texts all resolve is not walked scalar by scalar.
  const resolving = new Set<string>();
  const resolves = ({ text, node }: StringScalar): boolean => {
    if (resolving.has(text)) return true;
    const interp = target.interpolate(text, node.loc);
    if (interp.undefinedRefs.length > 0 || interp.unresolved.length > 0) return false;
    resolving.add(text);
    return true;
  };
  for (const [key, value] of configSections(target)) {
    const scalars = referenceScalars(value, key);
    if (firstOfEachText(scalars).every(resolves)) continue;
    for (const { node, text, path } of scalars) {
      if (resolving.has(text)) continue;
      const interp = target.interpolate(text, node.loc);
      if (interp.undefinedRefs.length === 0 && interp.unresolved.length === 0) {
        resolving.add(text);
        continue;
      }
      const undef = new Set(interp.undefinedRefs.map((r) => r.text));
      const seen = new Set<string>();
      for (const ref of [...interp.undefinedRefs, ...interp.unresolved]) {
        if (seen.has(ref.text)) continue;
        seen.add(ref.text);
        out.push({ ref, node, field: path, undefinedRef: undef.has(ref.text) });
      }
    }
  }
  return out;
}
