import path from 'node:path';
import type { Bundle, Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { collectPaths, fallbackResolution, isInside, syncRoot, type PathRef } from './lib/localPaths.js';
import { NodeKeyCache } from './lib/node-memo.js';

export const pathOutsideSyncRoot: Check = {
  id: 'path-outside-sync-root',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Referenced paths lie inside the sync root',
  successMessage: 'Every notebook, file and directory the bundle references is uploaded with it.',
  docs: `The files a bundle uploads come from its sync root: the bundle root, widened to the common
ancestor of the root and every \`sync.paths\` entry. A notebook or file path that resolves outside it
cannot be translated to a workspace path: \`bundle validate\` fails with
\`path <abs> is not contained in sync root path\`. Libraries (whl/jar) outside the root are fine: they
are uploaded as artifacts.
Fix: add the directory to \`sync.paths\` (e.g. \`sync: {paths: [.., ../src]}\` keeps the root synced too),
or move the file under the bundle root.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#sync ; https://github.com/databricks/cli/issues/2649`,
  breaksDeploy: true,
  run(bundle, target) {
    const root = syncRoot(target);
    const refs = collectPaths(bundle, target);
    // Targets with the same paths (the same list) and the same sync root get the same findings.
    return [...byPaths.get(refs, root, () => outside(bundle, refs, root))];
  },
};

const byPaths = new NodeKeyCache<readonly RawFinding[], readonly PathRef[]>();

function outside(bundle: Bundle, refs: readonly PathRef[], root: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const ref of refs) {
    if (ref.remote || ref.resolved === undefined || ref.expect === 'library' || ref.field.startsWith('artifacts.')) continue;
    if (isInside(root, ref.resolved) || fallbackResolution(bundle, ref, root)) continue;
    const dir = path.posix.dirname(ref.resolved);
    // The CLI names both absolute; relative to the bundle root they read the same on every checkout.
    findings.push({
      check: 'path-outside-sync-root',
      message: `path ${ref.resolved} is not contained in sync root path ${root === '.' ? '. (the bundle root)' : root}`,
      loc: ref.node.loc,
      ...(ref.resource ? { resources: [ref.resource] } : {}),
      evidence: evidenceAt(bundle, ref.node.loc, 0, 0),
      impact: `\`bundle validate\` fails: ${ref.field} would not be uploaded.`,
      fix: {
        text: `Widen the sync root in ${bundle.rootFile}: \`sync: {paths: [".", "${dir}"]}\`, or move ${ref.resolved} under the bundle root.`,
      },
    });
  }
  return findings;
}
