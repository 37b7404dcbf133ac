import path from 'node:path';
import type { Bundle, Check, PythonProject, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { collectPaths } from './lib/localPaths.js';

export const packageDiscoveryFailed: Check = {
  id: 'package-discovery-failed',
  category: 'Python Package Build',
  severity: 'high',
  effortHours: 0.5,
  title: 'setuptools can tell which packages to ship',
  successMessage: 'Every Python project that deploy builds names or lays out its packages so setuptools can find them.',
  docs: `setuptools' automatic discovery refuses a flat layout with several top-level packages
("Multiple top-level packages discovered in a flat-layout"), or, when there is no package at all,
several top-level modules ("Multiple top-level modules ..."): python -m build, and so the wheel build
of \`databricks bundle deploy\`, fails. One package beside top-level modules (a notebook.py next to
my_pkg/) is fine: setuptools then ships the package and ignores the modules. Reported only for a
project something builds: an artifact whose path is the project's folder, the implicit
python_artifact (setup.py at the bundle root), or a local wheel library under the project's folder.
A project nothing builds is not a deploy problem.
Fix: list the packages ([tool.setuptools] packages = [...] or packages.find include), or move the code
into a src/ layout.`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const project of bundle.python) {
      if (!builtByDeploy(bundle, target, project)) continue;
      for (const note of project.notes) {
        if (note.check !== packageDiscoveryFailed.id) continue;
        findings.push(note.evidence || !note.loc ? note : { ...note, evidence: evidenceAt(bundle, note.loc, 0, 2) });
      }
    }
    return findings;
  },
};

/** Whether deploy (or a wheel a task references) builds this project for the target. */
function builtByDeploy(bundle: Bundle, target: TargetView, project: PythonProject): boolean {
  const dir = path.posix.normalize(project.dir);
  if (target.artifacts.some((a) => (a.type === undefined || a.type === 'whl') && path.posix.normalize(a.path || '.') === dir)) return true;
  const prefix = dir === '.' ? '' : `${dir}/`;
  for (const ref of collectPaths(bundle, target)) {
    if (ref.expect !== 'library' || ref.remote || ref.resolved === undefined || !/\.whl$/i.test(ref.resolved)) continue;
    if (ref.resolved.startsWith(`${prefix}dist/`) || (prefix !== '' && ref.resolved.startsWith(prefix))) return true;
  }
  return false;
}
