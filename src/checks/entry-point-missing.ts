import path from 'node:path';
import type { Bundle, Check, PythonProject, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { entryModuleFile } from './lib/task-code.js';
import {
  distributionNamed,
  entryPointsNamed,
  LIKELY_REASON,
  likelyDistribution,
  packageFromElsewhere,
  wheelTasks,
  type LikelyDistribution,
  type WheelTask,
} from './lib/wheel-tasks.js';

export const entryPointMissing: Check = {
  id: 'entry-point-missing',
  category: 'Entry Points',
  severity: 'critical',
  effortHours: 2,
  title: 'Wheel task entry points are declared',
  successMessage: 'Every python_wheel_task entry point is declared',
  docs: `A python_wheel_task runs \`entry_point\` of the distribution \`package_name\`. The runtime looks
the name up in the wheel's entry points (any group, e.g. [project.scripts] = console_scripts) and,
when no entry point has that name, calls \`$packageName.$entryPoint()\` directly. When neither exists
the run fails ("entry point not found" / ImportError); \`databricks bundle validate\` and \`deploy\`
do not notice, because they never read the wheel's metadata. A task without \`entry_point\` only gets
the warning \`required field "entry_point" is not set\`.
A package_name that names no distribution of the repository (package-name-mismatch) is checked
against the distribution it most likely means - the only one, the one that ships an import package of
that name, or the closest name - so a missing entry point is reported too: fixing the name alone would
not make the run work. Tasks that run the same undeclared entry point share one finding; an entry
point only setup.py declares, which setuptools ignores next to a pyproject [project] table, is named
as such.
Fix: declare the entry point in the distribution's metadata, pointing at a function that takes no
required arguments (parameters arrive in sys.argv):
  [project.scripts]
  train_ditto = "entity_matching.cli:train_cli"
or in setup.py: entry_points={"console_scripts": ["train_ditto=entity_matching.cli:train_cli"]}.
Reference: https://docs.databricks.com/jobs/python-wheel.html ; https://docs.databricks.com/dev-tools/bundles/resources#jobs`,
  breaksDeploy: false,
  run(bundle, target) {
    // Tasks that run one undeclared entry point of one distribution share a root cause: one finding,
    // in the place of the first of them.
    type Group = { tasks: WheelTask[]; project: PythonProject; likely?: LikelyDistribution };
    const findings: (RawFinding | Group)[] = [];
    const groups = new Map<string, Group>();
    for (const wt of wheelTasks(target)) {
      if (!wt.entryPoint) {
        findings.push(noEntryPoint(bundle, wt));
        continue;
      }
      // A package_name that names no distribution (package-name-mismatch) still gets its entry point
      // checked against the distribution it most likely means: fixing the name alone may not be enough.
      const named = distributionNamed(bundle, wt.packageName);
      const likely = named || packageFromElsewhere(target, wt) ? undefined : likelyDistribution(bundle, wt.packageName);
      const project = named ?? likely?.project;
      if (!project) continue; // not in the repository (PyPI): nothing to compare with
      if (entryPointsNamed(project, wt.entryPoint).length > 0) continue;
      if (fallbackFunction(bundle, project, wt.packageName!, wt.entryPoint)) continue;
      const key = `${project.dir}\u0000${wt.packageName}\u0000${wt.entryPoint}`;
      let group = groups.get(key);
      if (!group) {
        group = { tasks: [], project, likely };
        groups.set(key, group);
        findings.push(group);
      }
      group.tasks.push(wt);
    }
    return findings.map((f) => ('tasks' in f ? undeclared(bundle, f.tasks, f.project, f.likely) : f));
  },
};

function noEntryPoint(bundle: Bundle, wt: WheelTask): RawFinding {
  const loc = wt.node.loc;
  return {
    check: entryPointMissing.id,
    message: `task ${wt.task.key} of ${wt.resource} is a python_wheel_task without entry_point: the run has nothing to call`,
    loc,
    resources: [wt.resource],
    evidence: evidenceAt(bundle, loc, 1, 2),
    impact: `\`bundle validate\` warns \`required field "entry_point" is not set\`; the job run of ${wt.job.key} fails.`,
    fix: {
      text: `Add \`entry_point: <name>\` to the python_wheel_task and declare <name> in the distribution's entry points.`,
      patch: `python_wheel_task:\n  package_name: ${wt.packageName ?? '<package>'}\n  entry_point: main`,
    },
  };
}

function undeclared(bundle: Bundle, tasks: WheelTask[], project: PythonProject, likely: LikelyDistribution | undefined): RawFinding {
  const wt = tasks[0];
  const loc = wt.entryPointNode?.loc ?? wt.node.loc;
  const name = wt.entryPoint!;
  const declared = project.entryPoints.map((ep) => `${ep.name} (${ep.group})`);
  const metadata = project.metadataFiles.join(', ');
  const ignored = project.setupPy?.lostEntryPoints.find((ep) => ep.name === name);
  const suggestion = suggestedTarget(bundle, project, name);
  const target = suggestion.value;
  const pyproject = project.metadataFiles.find((f) => path.posix.basename(f) === 'pyproject.toml');
  const declaration = pyproject || !project.hasSetupPy
    ? `# ${pyproject ?? path.posix.join(project.dir, 'pyproject.toml')}\n[project.scripts]\n${name} = "${target}"`
    : `# ${path.posix.join(project.dir, 'setup.py')}\nentry_points={\n    "console_scripts": [\n        "${name}=${target}",\n    ],\n},`;
  const patch = suggestion.newFile
    ? `${declaration}\n\n# ${suggestion.newFile} (new)\nimport argparse\nimport sys\n\n\ndef main(argv=None):\n    parser = argparse.ArgumentParser(prog="${name}")\n    args = parser.parse_args(sys.argv[1:] if argv is None else argv)\n    ...`
    : declaration;
  const distribution = project.name ?? project.dir;
  const declaredText = declared.length > 0 ? `declared: ${declared.join(', ')}` : `${metadata} declare${project.metadataFiles.length === 1 ? 's' : ''} no entry points`;
  const where = ignored
    ? `${ignored.loc.file}:${ignored.loc.line} declares it, but ${project.setupPy!.runs ? 'setuptools takes the entry points from the [project] table of pyproject.toml' : `${project.setupPy!.backend} never runs setup.py`}`
    : declaredText;
  const subject = likely
    ? `entry point ${name} is not declared by ${distribution} either, the distribution package_name ${wt.packageName} most likely means (${LIKELY_REASON[likely.why]}; ${where})`
    : `entry point ${name} of package ${wt.packageName} is ${ignored ? 'not in the wheel' : 'declared nowhere'} (${where})`;
  return {
    check: entryPointMissing.id,
    message: subject + (likely ? ': fixing package_name alone will not make the run work' : ` and ${wt.packageName}.${name}() does not exist`),
    loc,
    resources: [...new Set(tasks.map((t) => t.resource))].sort(),
    evidence: evidenceAt(bundle, wt.node.loc, 1, 2),
    impact:
      `${tasks.length === 1 ? 'Task' : 'Tasks'} ${tasks.map((t) => `${t.task.key} of ${t.resource}`).join(', ')} fail${tasks.length === 1 ? 's' : ''} at run time: ` +
      `the runtime finds no entry point ${name} in the wheel${likely ? ` of ${distribution}` : ''} and no function ${wt.packageName}.${name}.`,
    fix: {
      text:
        (likely
          ? `Besides setting package_name to ${distribution}, declare the entry point in`
          : ignored
            ? `Move the entry point from ${ignored.loc.file} into`
            : 'Declare the entry point in') +
        ` ${pyproject ?? metadata}, pointing at a function that the wheel contains and that takes no required arguments` +
        ` (task parameters arrive in sys.argv). Keep the function inside a packaged module (${project.packages.map((p) => p.name).join(', ') || 'a package of the wheel'}).`,
      patch,
    },
  };
}

/** The runtime's fallback `$packageName.$entryPoint()`: a top-level function of the package itself. */
function fallbackFunction(bundle: Bundle, project: PythonProject, packageName: string, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(packageName)) return false;
  const file = entryModuleFile(bundle, project, packageName);
  if (!file) return false;
  if (bundle.fileIndex.facts(file)?.functions.some((f) => f.name === name)) return true;
  // `from .cli import main` / `main = ...` at the top level binds the name too.
  const binds = new RegExp(`^(?:from\\s+\\S+\\s+import\\s+.*\\b${name}\\b|${name}\\s*=)`);
  return (bundle.fileIndex.lines(file) ?? []).some((line) => binds.test(line));
}

/** A function in the package with the entry point's name (or a *_cli / main), else a new `cli` module. */
function suggestedTarget(bundle: Bundle, project: PythonProject, name: string): { value: string; newFile?: string } {
  const top = project.packages[0]?.name ?? project.normalizedName?.replace(/-/g, '_') ?? 'package';
  for (const pkg of project.packages) {
    const prefix = path.posix.join(pkg.dir, pkg.name);
    const files = bundle.fileIndex.list(prefix).filter((f) => f.endsWith('.py'));
    for (const wanted of [name, `${name}_cli`, 'main']) {
      for (const file of files) {
        // A `main` elsewhere is another program's: only in the module named like the entry point, main, cli or __main__.
        if (wanted === 'main' && ![name, 'main', 'cli', '__main__'].includes(path.posix.basename(file, '.py'))) continue;
        const fn = bundle.fileIndex.facts(file)?.functions.find((f) => f.name === wanted && f.requiredPositional === 0);
        if (fn) return { value: `${moduleOf(pkg.dir, file)}:${fn.name}` };
      }
    }
  }
  const dir = project.packages[0] ? path.posix.join(project.packages[0].dir, top) : top;
  return { value: `${top}.cli:main`, newFile: path.posix.join(dir, 'cli.py') };
}

function moduleOf(base: string, file: string): string {
  const rel = path.posix.relative(base, file).replace(/\.py$/, '').replace(/\/__init__$/, '');
  return rel.split('/').join('.');
}
