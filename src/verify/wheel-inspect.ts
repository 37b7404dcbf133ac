import path from 'node:path';
import { normalizeName } from './wheel-names.js';
import { moduleFile, readWheelMember, topLevelNames, wheelHasModule, type WheelContents, type WheelEntryPoint } from './wheel-read.js';
import type { SmokeCall } from './wheel-smoke.js';
import type { WheelTaskRef } from './wheel-tasks.js';

// Step 2: compare a built wheel with a wheel task: the distribution name, the entry point (any
// group, else `package_name.entry_point`), and whether the entry point's module is inside the wheel.

export type WheelCheck = 'package-name-mismatch' | 'entry-point-missing' | 'entry-point-unresolvable' | 'entry-point-smoke-failed' | 'wheel-build-failed';

export interface Problem {
  check: WheelCheck;
  message: string;
  evidence: string;
  fix: string;
}

export interface TaskInspection {
  /** Checks this inspection settled for the task (with a problem or without one). */
  answered: Set<WheelCheck>;
  problems: Problem[];
  /** How to smoke-test the entry point; undefined when there is nothing to run. */
  call?: SmokeCall;
}

export async function inspectTask(wheel: WheelContents, ref: WheelTaskRef, ignoredFields: Map<string, string>): Promise<TaskInspection> {
  const answered = new Set<WheelCheck>();
  const problems: Problem[] = [];
  const file = path.basename(wheel.file);
  const pkg = ref.packageName;

  if (pkg !== undefined && wheel.name !== undefined) {
    answered.add('package-name-mismatch');
    if (normalizeName(pkg) !== normalizeName(wheel.name)) {
      problems.push({
        check: 'package-name-mismatch',
        message: `package_name "${pkg}" of task ${ref.task.key} (${ref.address}) is not the name of the wheel it installs: ${file} is "${wheel.name}" (PEP 503: ${normalizeName(pkg)} vs ${normalizeName(wheel.name)}); the job will not find the package`,
        evidence: [`${wheel.distInfo ?? '*.dist-info'}/METADATA:`, `Name: ${wheel.name}`, ...(wheel.version ? [`Version: ${wheel.version}`] : [])].join('\n'),
        fix: `Set \`package_name: ${wheel.name.replace(/[-_.]+/g, '_')}\` in the task (or rename the project to "${pkg}").`,
      });
    }
  }

  const name = ref.entryPoint;
  if (name === undefined) return { answered, problems };
  const distribution = wheel.name ?? pkg ?? '';
  const matches = wheel.entryPoints.filter((ep) => ep.name === name);
  const chosen = matches.find((ep) => ep.group === 'console_scripts') ?? matches[0];

  if (chosen) {
    answered.add('entry-point-missing');
    answered.add('entry-point-unresolvable');
    const onlyFromIgnoredSetupPy = ignoredEntryPoint(ignoredFields, name);
    if (onlyFromIgnoredSetupPy) {
      problems.push({
        check: 'entry-point-missing',
        message: `entry point "${name}" of package ${distribution} comes only from setup.py, and setuptools ignores setup.py's ${onlyFromIgnoredSetupPy} because pyproject.toml has a [project] table: the setuptools here still honoured it but warned "would be ignored"; a current setuptools builds ${file} without it`,
        evidence: [`build output: \`${onlyFromIgnoredSetupPy}\` defined outside of \`pyproject.toml\` would be ignored`, `${onlyFromIgnoredSetupPy} = ${ignoredFields.get(onlyFromIgnoredSetupPy)}`].join('\n'),
        fix: `Declare it in pyproject.toml: \`[project.scripts]\` ${name} = "${chosen.value}" (or list "${onlyFromIgnoredSetupPy}" in [project] dynamic), then rebuild.`,
      });
    }
    const module = chosen.value.split(':')[0].trim();
    if (!wheelHasModule(wheel.files, module)) {
      const attr = chosen.value.split(':')[1]?.trim();
      const packaged = packagedCandidate(wheel.files, module);
      problems.push({
        check: 'entry-point-unresolvable',
        message: `entry point "${name} = ${chosen.value}" (group ${chosen.group}) points at module ${module}, which is not inside ${file}: the job fails with ModuleNotFoundError`,
        evidence: [
          `${wheel.distInfo ?? '*.dist-info'}/entry_points.txt:`,
          `[${chosen.group}]`,
          `${name} = ${chosen.value}`,
          `modules in the wheel: ${topLevelNames(wheel.files).join(', ') || '(none)'}`,
        ].join('\n'),
        fix: packaged
          ? `Point the entry point at the module as packaged: ${name} = "${packaged}${attr ? `:${attr}` : ''}".`
          : `Package the module ${module} (e.g. the packages/find settings of the build backend), or point the entry point at a module the wheel contains.`,
      });
    }
    return { answered, problems, call: callFor(chosen, distribution) };
  }

  // No entry point of that name: Databricks calls `package_name.entry_point()` instead.
  const module = (pkg ?? distribution).replace(/-/g, '_');
  const source = moduleFile(wheel.files, module);
  const hasModule = wheelHasModule(wheel.files, module);
  const text = source ? await readWheelMember(wheel.file, source).catch(() => undefined) : undefined;
  const mayDefine = text !== undefined ? definesName(text, name) : hasModule;
  if (mayDefine) return { answered, problems, call: { mode: 'attr', name, module } };
  answered.add('entry-point-missing');
  problems.push({
    check: 'entry-point-missing',
    message: `entry point "${name}" of task ${ref.task.key} is not in ${file}: no group of its entry_points.txt names it, and ${hasModule ? `module ${module} has no attribute ${name}` : `package ${module} is not a module in the wheel`}`,
    evidence: entryPointListing(wheel),
    fix: `Declare it in pyproject.toml: \`[project.scripts]\` ${name} = "<module>:<function>" (a function that takes no arguments and reads sys.argv), then rebuild.`,
  });
  return { answered, problems };
}

function callFor(ep: WheelEntryPoint, distribution: string): SmokeCall {
  if (ep.group === 'console_scripts' && /^[A-Za-z0-9][\w.-]*$/.test(ep.name)) return { mode: 'script', name: ep.name };
  return { mode: 'group', name: ep.name, group: ep.group, distribution };
}

function ignoredEntryPoint(fields: Map<string, string>, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const field of ['entry-points', 'scripts', 'gui-scripts']) {
    const value = fields.get(field);
    if (value !== undefined && new RegExp(`['"]\\s*${escaped}\\s*=`).test(value)) return field;
  }
  return undefined;
}

/** A module path inside the wheel that ends like `module` (`src.models.x` packaged as `models.x`). */
function packagedCandidate(files: readonly string[], module: string): string | undefined {
  const parts = module.split('.');
  for (let drop = 1; drop < parts.length; drop++) {
    const candidate = parts.slice(drop).join('.');
    if (wheelHasModule(files, candidate)) return candidate;
  }
  return undefined;
}

function definesName(source: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (
    new RegExp(`^\\s*(async\\s+)?def\\s+${n}\\s*\\(`, 'm').test(source) ||
    new RegExp(`^\\s*class\\s+${n}\\b`, 'm').test(source) ||
    new RegExp(`^${n}\\s*(:[^=]*)?=`, 'm').test(source) ||
    new RegExp(`^\\s*(from\\s+\\S+\\s+)?import\\s+[^#\\n]*\\b${n}\\b`, 'm').test(source) ||
    /^\s*from\s+\S+\s+import\s+\*/m.test(source) ||
    /^def __getattr__/m.test(source)
  );
}

function entryPointListing(wheel: WheelContents): string {
  if (wheel.entryPoints.length === 0) return `${path.basename(wheel.file)} has no entry_points.txt`;
  const lines = [`${wheel.distInfo ?? '*.dist-info'}/entry_points.txt:`];
  let group = '';
  for (const ep of wheel.entryPoints) {
    if (ep.group !== group) lines.push(`[${ep.group}]`);
    group = ep.group;
    lines.push(`${ep.name} = ${ep.value}`);
  }
  return lines.join('\n');
}
