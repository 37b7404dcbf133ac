import type { Bundle, Check, EntryPoint, PythonProject, RawFinding } from '../model.js';
import { isPackaged } from '../project/python.js';
import { evidenceAt } from './lib/evidence.js';
import { entryModuleFile } from './lib/task-code.js';
import { distributionNamed, entryPointsNamed, parseEntryPointValue, wheelTasks } from './lib/wheel-tasks.js';

export const entryPointUnresolvable: Check = {
  id: 'entry-point-unresolvable',
  category: 'Entry Points',
  severity: 'critical',
  effortHours: 2,
  title: 'Wheel task entry points resolve to a callable function',
  successMessage: 'Every declared wheel entry point resolves to a packaged function that takes no required arguments',
  docs: `An entry point \`name = "module:function"\` is loaded from the installed wheel and called with no
arguments (parameters arrive in sys.argv). It fails at run time when the module is not inside the wheel
(e.g. \`src.models.ditto_matcher:train_cli\` while the wheel packages only \`entity_matching\`:
ModuleNotFoundError: No module named 'src'), when the function does not exist (AttributeError), or when
it requires positional arguments (TypeError: missing 1 required positional argument). Deploy and
\`bundle validate\` never look inside the wheel, so only the job run shows it.
Fix: move the function into a packaged module and point the entry point at it, give every parameter a
default and parse sys.argv (argparse), e.g. \`train_ditto = "entity_matching.cli:train_cli"\` with
\`def train_cli(argv=None)\`.
Reference: https://docs.databricks.com/jobs/python-wheel.html ; https://github.com/databrickslabs/dlt-meta/issues/455`,
  breaksDeploy: false,
  run(bundle, target) {
    // One finding per entry point, listing every job whose wheel task calls it.
    const uses = new Map<EntryPoint, { project: PythonProject; resources: Set<string> }>();
    for (const wt of wheelTasks(target)) {
      const project = distributionNamed(bundle, wt.packageName);
      if (!project || !wt.entryPoint) continue;
      for (const ep of entryPointsNamed(project, wt.entryPoint)) {
        const use = uses.get(ep) ?? { project, resources: new Set<string>() };
        use.resources.add(wt.resource);
        uses.set(ep, use);
      }
    }
    const findings: RawFinding[] = [];
    for (const [ep, { project, resources }] of uses) {
      const problem = resolve(bundle, project, ep);
      if (problem) findings.push(finding(bundle, ep, [...resources].sort(), problem));
    }
    return findings;
  },
};

interface Problem {
  message: string;
  impact: string;
  fix: string;
  patch?: string;
}

function resolve(bundle: Bundle, project: PythonProject, ep: EntryPoint): Problem | undefined {
  const parsed = parseEntryPointValue(ep.value);
  const packaged = project.packages.map((p) => p.name).join(', ') || 'nothing';
  if (!parsed) {
    return {
      message: `entry point ${ep.name} = "${ep.value}" is not of the form module:function`,
      impact: 'The wheel cannot load it: the run fails before the code starts.',
      fix: `Write it as "package.module:function".`,
    };
  }
  const { module, attr } = parsed;
  if (!isPackaged(project, module)) {
    const top = module.split('.')[0];
    return {
      message: `entry point ${ep.name} = "${ep.value}" names module ${module}, which the wheel of ${project.name} does not contain (it packages ${packaged})`,
      impact: `The run fails with ModuleNotFoundError: No module named '${top}'.`,
      fix: `Move the function into a packaged module (${packaged}) and point the entry point at it, or add ${top} to the wheel's packages.`,
      patch: `[project.scripts]\n${ep.name} = "${project.packages[0]?.name ?? 'package'}.cli:${attr ?? 'main'}"`,
    };
  }
  const file = entryModuleFile(bundle, project, module);
  if (!file) {
    return {
      message: `entry point ${ep.name} = "${ep.value}" names module ${module}, which does not exist in the sources of ${project.name}`,
      impact: `The run fails with ModuleNotFoundError: No module named '${module}'.`,
      fix: `Create ${module.replace(/\./g, '/')}.py with the function, or correct the module path.`,
    };
  }
  if (!attr || !hasCode(bundle, file)) return undefined; // an empty module: nothing to judge statically
  const fnName = attr.split('.')[0];
  const fn = bundle.fileIndex.facts(file)?.functions.find((f) => f.name === fnName);
  if (!fn) {
    if (bindsName(bundle, file, fnName)) return undefined;
    return {
      message: `entry point ${ep.name} = "${ep.value}": ${file} defines no top-level ${fnName}`,
      impact: `The run fails with AttributeError: module '${module}' has no attribute '${fnName}'.`,
      fix: `Define \`def ${fnName}(argv=None)\` in ${file} (parse the task parameters from sys.argv), or point the entry point at an existing function.`,
      patch: cliSnippet(fnName),
    };
  }
  if (attr === fnName && fn.requiredPositional > 0) {
    return {
      message: `entry point ${ep.name} = "${ep.value}": ${fnName}() requires ${fn.requiredPositional} positional argument${fn.requiredPositional === 1 ? '' : 's'}, but the runtime calls it with none`,
      impact: `The run fails with TypeError: ${fnName}() missing ${fn.requiredPositional} required positional argument${fn.requiredPositional === 1 ? '' : 's'}.`,
      fix: `Give every parameter of ${fnName} a default and read the task parameters from sys.argv (argparse).`,
      patch: cliSnippet(fnName),
    };
  }
  return undefined;
}

function hasCode(bundle: Bundle, file: string): boolean {
  return (bundle.fileIndex.lines(file) ?? []).some((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** A class, an assignment or an import at the top level also makes the attribute exist. */
function bindsName(bundle: Bundle, file: string, name: string): boolean {
  const re = new RegExp(`^(?:class\\s+${name}\\b|${name}\\s*[:=]|from\\s+\\S+\\s+import\\s+.*\\b${name}\\b|import\\s+.*\\bas\\s+${name}\\b)`);
  return (bundle.fileIndex.lines(file) ?? []).some((line) => re.test(line));
}

function cliSnippet(name: string): string {
  return `def ${name}(argv=None):\n    parser = argparse.ArgumentParser(prog="${name}")\n    # parser.add_argument("--epochs", type=int, default=10)\n    args = parser.parse_args(sys.argv[1:] if argv is None else argv)\n    ...`;
}

function finding(bundle: Bundle, ep: EntryPoint, resources: string[], problem: Problem): RawFinding {
  return {
    check: entryPointUnresolvable.id,
    message: problem.message,
    loc: ep.loc,
    resources,
    evidence: evidenceAt(bundle, ep.loc, 1, 1),
    impact: `${problem.impact} (${resources.join(', ')})`,
    fix: problem.patch ? { text: problem.fix, patch: problem.patch } : { text: problem.fix },
  };
}
