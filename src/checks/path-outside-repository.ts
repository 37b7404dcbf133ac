import path from 'node:path';
import type { Bundle, Check, Loc, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { collectPaths } from './lib/localPaths.js';

export const pathOutsideRepository: Check = {
  id: 'path-outside-repository',
  category: 'File Sync Configuration',
  severity: 'high',
  effortHours: 0.5,
  title: 'Sync paths and library paths stay inside the repository',
  successMessage: 'Every sync path, sync pattern, library and artifact path points inside the repository.',
  docs: `A \`sync.paths\`, \`sync.include\` or \`sync.exclude\` entry, a whl/jar library path or an artifact
path that leads out of the repository (\`../../shared\` from a bundle near the repository root) names
files a CI checkout does not have: the deploy from CI uploads or builds something else than the one on
the author's machine, or fails with "file doesn't exist"; a sync path outside the git repository makes
\`bundle validate\` fail (\`path "<sync root>" is not within repository root "<repo>"\`, CLI acceptance case
syncroot/dotdot-git), so in a git checkout that one is critical. dab-ready decides this from the path alone and
never lists or reads a folder outside the repository, so what lies there is not analysed.
Fix: move what the bundle needs into the repository (a monorepo folder next to the bundle, reached with
../ while staying inside), or build it from an artifact inside the repository.`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const sync = target.sync;
    const entries: [string, string[], Loc[] | undefined][] = [
      ['sync.paths', sync.paths, sync.pathLocs],
      ['sync.include', sync.include, sync.includeLocs],
      ['sync.exclude', sync.exclude, sync.excludeLocs],
    ];
    for (const [field, values, locs] of entries) {
      values.forEach((value, i) => {
        const loc = locs?.[i];
        if (!loc || !leavesRepository(bundle, value.replace(/^!/, ''))) return;
        const shown = path.posix.dirname(loc.file) === '.' ? `\`${value}\`` : `\`${value}\` (relative to the bundle root)`;
        if (field !== 'sync.paths') {
          findings.push(finding(bundle, `${field} entry ${shown} points outside the repository: not read`, loc));
          return;
        }
        // The sync root widens to include it, and the CLI refuses a sync root outside the git repository.
        if (!inGitCheckout(bundle)) {
          findings.push(finding(bundle, `${field} entry ${shown} points outside the repository: not read`, loc));
          return;
        }
        findings.push({
          ...finding(bundle, `${field} entry ${shown} points outside the git repository: not read; \`databricks bundle validate\` fails with "path ... is not within repository root ..."`, loc),
          severity: 'critical',
        });
      });
    }
    for (const ref of collectPaths(bundle, target)) {
      if (ref.remote || ref.resolved === undefined) continue;
      if (ref.expect !== 'library' && !ref.field.startsWith('artifacts.')) continue;
      if (!leavesRepository(bundle, ref.resolved)) continue;
      findings.push({
        ...finding(bundle, `${ref.field} \`${ref.value ?? ref.raw}\` points outside the repository: not read`, ref.node.loc),
        ...(ref.resource ? { resources: [ref.resource] } : {}),
      });
    }
    return findings;
  },
};

/** Whether the repository boundary is a git work tree (a `.git` folder or file at its root). */
function inGitCheckout(bundle: Bundle): boolean {
  if (!bundle.repoRoot) return false;
  const dotGit = path.relative(bundle.root, path.join(bundle.repoRoot, '.git')).split(path.sep).join('/');
  return bundle.fileIndex.kind(dotGit) !== 'missing';
}

/** Whether a path relative to the bundle root leaves the repository (decided lexically: nothing is listed). */
function leavesRepository(bundle: Bundle, rel: string): boolean {
  if (!bundle.repoRoot || path.posix.isAbsolute(rel)) return false;
  const fromRepo = path.relative(bundle.repoRoot, path.resolve(bundle.root, rel)).split(path.sep).join('/');
  return fromRepo === '..' || fromRepo.startsWith('../');
}

function finding(bundle: Bundle, message: string, loc: Loc): RawFinding {
  return {
    check: 'path-outside-repository',
    message,
    loc,
    evidence: evidenceAt(bundle, loc, 0, 0),
    impact: 'A CI checkout has no such files: what deploy uploads or builds there differs from the author’s machine, or fails.',
    fix: { text: 'Keep the files inside the repository and point at them with a path that stays inside it.' },
  };
}
