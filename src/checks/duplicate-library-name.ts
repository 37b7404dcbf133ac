import path from 'node:path';
import type { Bundle, Check, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { collectPaths, type PathRef } from './lib/localPaths.js';

export const duplicateLibraryName: Check = {
  id: 'duplicate-library-name',
  category: 'Python Package Build',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Local libraries have distinct file names',
  successMessage: 'No two local libraries from different directories share a file name.',
  docs: `Local wheels and jars are uploaded to one directory (\`\${workspace.artifact_path}/.internal/\`), so two
libraries with the same file name from different places would overwrite each other. Since CLI v0.243.0
deploy fails with \`Duplicate local library names: <name>.whl\`. It happens when two artifacts build the
same distribution (same name and version), or two directories hold a wheel of the same name.
Fix: give the distributions different names (or versions), or reference one of them only.
Reference: https://docs.databricks.com/dev-tools/bundles/library-dependencies ; https://github.com/databricks/cli/blob/main/bundle/libraries/same_name_libraries.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const groups = new Map<string, { ref: PathRef; dir: string; why: string }[]>();
    for (const ref of collectPaths(bundle, target)) {
      if (ref.expect !== 'library' || ref.resolved === undefined) continue;
      const named = libraryName(bundle, target, ref.resolved);
      if (!named) continue;
      const list = groups.get(named.name) ?? [];
      list.push({ ref, dir: named.dir, why: named.why });
      groups.set(named.name, list);
    }
    const findings: RawFinding[] = [];
    for (const [name, refs] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const dirs = [...new Set(refs.map((r) => r.dir))].sort();
      if (dirs.length < 2) continue;
      const first = refs[0].ref;
      const others = refs.filter((r) => r.dir !== refs[0].dir).map((r) => `${r.ref.node.loc.file}:${r.ref.node.loc.line}`);
      findings.push({
        check: 'duplicate-library-name',
        message: `Duplicate local library names: ${name} is built or found in ${dirs.join(' and ')} (${refs[0].why}); also referenced at ${others.join(', ')}`,
        loc: first.node.loc,
        resources: [...new Set(refs.map((r) => r.ref.resource).filter((r): r is string => !!r))].sort(),
        evidence: evidenceAt(bundle, first.node.loc, 0, 0),
        impact: '`bundle deploy` fails before uploading the libraries.',
        fix: { text: `Give the distributions in ${dirs.join(' and ')} different names, or reference only one of them.` },
      });
    }
    return findings;
  },
};

/**
 * The file name a local library reference uploads: the basename of a literal path; for a wheel
 * glob under `<dir>/dist/`, the distribution built in `<dir>` (from its metadata, else its only
 * top-level package).
 */
function libraryName(bundle: Bundle, target: TargetView, resolved: string): { name: string; dir: string; why: string } | undefined {
  if (!/[*?[]/.test(resolved)) return { name: path.posix.basename(resolved), dir: path.posix.dirname(resolved), why: 'same file name' };
  const distDir = path.posix.dirname(resolved);
  if (path.posix.basename(distDir) !== 'dist') return undefined;
  const projectDir = path.posix.dirname(distDir);
  const built = target.artifacts.some((a) => path.posix.normalize(a.path) === projectDir);
  if (!built) return undefined;
  const project = bundle.python.find((p) => path.posix.normalize(p.dir) === projectDir);
  if (project?.normalizedName) return { name: `${project.normalizedName} wheel`, dir: projectDir, why: 'same distribution name' };
  const pkgs = topLevelPackages(bundle, projectDir);
  if (pkgs.length === 1) return { name: `${pkgs[0]} wheel`, dir: projectDir, why: 'same package, distribution metadata not found' };
  return undefined;
}

function topLevelPackages(bundle: Bundle, dir: string): string[] {
  const out = new Set<string>();
  for (const file of bundle.fileIndex.list(dir)) {
    const rel = path.posix.relative(dir, file).split('/');
    const parts = rel[0] === 'src' ? rel.slice(1) : rel;
    if (parts.length === 2 && parts[1] === '__init__.py') out.add(parts[0].toLowerCase().replace(/[-_.]+/g, '_'));
  }
  return [...out].sort();
}
