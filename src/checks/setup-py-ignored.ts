import type { Bundle, Check, PythonProject, RawFinding, SetupPyField, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { distributionNamed, wheelTasks } from './lib/wheel-tasks.js';

/** Whether the wheel loses or changes what tasks rely on: its name, entry points, packages, or all its requirements. */
const shapesTheWheel = (f: SetupPyField): boolean =>
  ['name', 'entry_points', 'packages'].includes(f.keyword) || (f.keyword === 'install_requires' && f.outcome === 'lost');

export const setupPyIgnored: Check = {
  id: 'setup-py-ignored',
  category: 'Python Package Build',
  severity: 'high',
  effortHours: 0.5,
  title: 'Packaging metadata is declared in one place',
  successMessage: 'setup.py and pyproject.toml do not contradict each other.',
  docs: `When pyproject.toml has a [project] table, setuptools takes the metadata from it: a value
setup.py passes for a field [project] also sets is overridden, and one for a field [project] neither
sets nor lists in \`dynamic\` is ignored (recent setuptools; older releases warn that it would be).
Other build backends (hatchling, poetry-core, flit, uv) never run setup.py at all.
One finding per setup.py lists every argument concerned. High when the wheel deploy builds loses or
changes what tasks rely on: the distribution name, entry points, packages or install_requires. Low
when the other values are only declared twice and differ, or are lost (description, author, ...).
No finding when both files agree, nor, for a backend that never runs setup.py, when pyproject.toml
declares everything setup.py does. An entry point a python_wheel_task names is
entry-point-missing's, at the task.
Fix: declare the metadata once, in pyproject.toml ([project.scripts] for entry points), and reduce
setup.py to setup() or remove it.`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const project of bundle.python) {
      const finding = ignoredArguments(bundle, target, project);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function ignoredArguments(bundle: Bundle, target: TargetView, project: PythonProject): RawFinding | undefined {
  const facts = project.setupPy;
  if (!facts) return undefined;
  const namedByTasks = entryPointsTasksName(bundle, target, project);
  const fields = facts.fields.filter((f) => f.keyword !== 'entry_points' || facts.lostEntryPoints.some((ep) => !namedByTasks.has(ep.name)) || facts.lostEntryPoints.length === 0);
  if (fields.length === 0) return undefined;
  const high = fields.some(shapesTheWheel);
  const pyproject = project.metadataFiles.find((f) => f.endsWith('pyproject.toml')) ?? 'pyproject.toml';
  const why = facts.runs
    ? `${pyproject} has a [project] table, so setuptools takes the metadata from it`
    : `${pyproject} builds with ${facts.backend}, which never runs setup.py`;
  const listed = fields.map((f) => describe(f, project, namedByTasks)).join('; ');
  return {
    check: setupPyIgnored.id,
    severity: high ? 'high' : 'low',
    message: `${facts.file} passes ${fields.map((f) => f.keyword).join(', ')} that the wheel does not get as written (${why}): ${listed}`,
    loc: facts.call,
    resources: [],
    evidence: evidenceAt(bundle, facts.call, 0, 2),
    impact: high
      ? 'The wheel deploy builds differs from what setup.py shows: its name, entry points, packages or requirements are not the ones a reader expects.'
      : 'Metadata is declared twice with different values (or only where it is ignored): readers and tools see one value, the wheel another.',
    fix: {
      text: facts.runs
        ? `Keep one declaration: move what setup.py passes into ${pyproject} ([project] fields, [project.scripts] for console scripts) and reduce setup.py to setup(), or list the fields in [project] dynamic.`
        : `Move what setup.py passes into ${pyproject} (the place ${facts.backend} reads), then delete setup.py.`,
    },
  };
}

/** `install_requires x>=2 vs dependencies x>=1 (dependencies in pyproject.toml wins)`; entry points a task names are left out. */
function describe(field: SetupPyField, project: PythonProject, namedByTasks: Set<string>): string {
  const lost = project.setupPy?.lostEntryPoints ?? [];
  if (field.keyword !== 'entry_points' || lost.length === 0) {
    return `${field.detail ?? field.keyword} (${field.outcome === 'lost' ? 'ignored' : `${field.field} in pyproject.toml wins`})`;
  }
  let replaced = false;
  const shown = lost
    .filter((ep) => !namedByTasks.has(ep.name))
    .map((ep) => {
      const wheel = project.entryPoints.find((w) => w.group === ep.group && w.name === ep.name);
      replaced ||= wheel !== undefined;
      return `${ep.group} ${ep.name}=${ep.value}${wheel ? ` vs ${wheel.value} in ${wheel.loc.file}` : ''}`;
    });
  return `entry_points ${shown.join(', ')} (${replaced ? 'pyproject.toml wins' : 'ignored'})`;
}

/** Entry point names this distribution's python_wheel_tasks run. */
function entryPointsTasksName(bundle: Bundle, target: TargetView, project: PythonProject): Set<string> {
  const names = new Set<string>();
  for (const wt of wheelTasks(target)) {
    if (wt.entryPoint && distributionNamed(bundle, wt.packageName) === project) names.add(wt.entryPoint);
  }
  return names;
}
