import path from 'node:path';
import type { Bundle, Check, PythonProject, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get, keyLoc } from './lib/nodes.js';
import {
  artifactOutputs,
  attachedWheels,
  distributionNamed,
  installsByName,
  librariesFromVariable,
  relativeFrom,
  wheelPatternsOverlap,
  wheelTasks,
  type AttachedWheel,
  type WheelTask,
} from './lib/wheel-tasks.js';

export const wheelNotBuilt: Check = {
  id: 'wheel-not-built',
  category: 'Python Package Build',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Wheel tasks get a wheel that deploy builds and attaches',
  successMessage: 'Every python_wheel_task gets a wheel that deploy builds and attaches',
  docs: `A python_wheel_task only runs when its wheel is installed on the task's compute: a \`whl\`
library (or a wheel among the environment's dependencies) that \`databricks bundle deploy\` builds
and uploads. Deploy builds only what \`artifacts\` declares (for \`type: whl\` without \`files\` it picks
\`<path>/dist/*.whl\`); without an \`artifacts\` key it builds only when setup.py is at the bundle root
and a task references a local library. A pyproject-only project is never built implicitly. A local
\`whl\` glob that no artifact produces and no file matches makes deploy fail with
\`no files match pattern: <p>\`; a task that attaches no wheel at all deploys but fails at run time
(the package is not installed). Remote wheels (dbfs:, /Volumes, /Workspace) count as attached.
Fix: declare the build and attach its output (paths relative to the YAML file that writes them):
  artifacts:
    entity_matching_wheel:
      type: whl
      build: python3 -m build --wheel
      path: .
and in the task: \`libraries: [{whl: ../dist/*.whl}]\` (from resources/).
Reference: databricks-bundles.md §6 "artifacts"; pitfall 2; issue #1269 (built but not uploaded).`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const produced = target.artifacts.flatMap((a) => artifactOutputs(a).map((glob) => ({ artifact: a, glob })));
    for (const wt of wheelTasks(target)) {
      if (librariesFromVariable(wt.job, wt.task)) continue; // installed from a (complex) variable: not readable
      const wheels = attachedWheels(target, wt.task);
      if (wheels.some((w) => !w.local)) continue;
      if (wt.packageName && installsByName(wt.task, wt.packageName)) continue;
      const project = distributionNamed(bundle, wt.packageName);
      const local = wheels.filter((w) => w.local);
      if (local.length === 0) {
        if (!project && asString(get(wt.task.node, 'existing_cluster_id'))) continue; // installed on the cluster, presumably
        findings.push(noWheel(bundle, target, wt, project, produced.length > 0 ? produced[0].glob : undefined));
        continue;
      }
      const unmatched = local.filter(
        (w) => !produced.some((p) => wheelPatternsOverlap(w.resolved!, p.glob)) && !existsNow(bundle, w) && !outsideBundle(w),
      );
      if (unmatched.length === local.length) {
        for (const w of unmatched) findings.push(noBuild(bundle, wt, w, project, produced.map((p) => p.glob)));
      }
    }
    return findings;
  },
};

/** A wheel above the bundle root may come from another bundle or checkout that is not analysed. */
function outsideBundle(w: AttachedWheel): boolean {
  return w.resolved!.startsWith('../');
}

function existsNow(bundle: Bundle, w: AttachedWheel): boolean {
  return w.glob ? bundle.fileIndex.glob(w.resolved!).length > 0 : bundle.fileIndex.exists(w.resolved!);
}

function noWheel(bundle: Bundle, target: TargetView, wt: WheelTask, project: PythonProject | undefined, builtGlob: string | undefined): RawFinding {
  const loc = keyLoc(wt.task.node, 'python_wheel_task') ?? wt.node.loc;
  const pkg = wt.packageName ?? 'the package';
  const distGlob = builtGlob ?? path.posix.normalize(path.posix.join(project?.dir ?? '.', 'dist/*.whl'));
  const library = `libraries:\n  - whl: ${relativeFrom(loc.file, distGlob)}`;
  const built = target.artifacts.length > 0;
  const message = built
    ? `task ${wt.task.key} attaches no wheel: artifacts are built, but deploy uploads only wheels a task references, so ${pkg} is never installed`
    : `no wheel of ${pkg} is built or attached for task ${wt.task.key}: no artifacts, no whl library${project ? '' : ' and no distribution of that name in the repository'}`;
  return {
    check: wheelNotBuilt.id,
    message,
    loc,
    resources: [wt.resource],
    breaksDeploy: false,
    evidence: evidenceAt(bundle, loc, 0, 2),
    impact: `Deploy succeeds but task ${wt.task.key} of ${wt.resource} fails at run time: package ${pkg} is not installed on its compute.`,
    fix: {
      text: built
        ? `Attach the artifact's wheel to the task (paths are relative to ${loc.file}).`
        : `Declare an artifact that builds the wheel${project ? ` from ${project.dir === '.' ? 'the bundle root' : project.dir}` : ''} and attach its output to the task (paths are relative to the file that writes them).`,
      patch: built ? library : `# ${bundle.rootFile}\n${artifactBlock(bundle, project, pkg)}\n\n# ${loc.file}, task ${wt.task.key}\n${library}`,
    },
  };
}

function noBuild(bundle: Bundle, wt: WheelTask, w: AttachedWheel, project: PythonProject | undefined, produced: string[]): RawFinding {
  const pkg = wt.packageName ?? 'the package';
  const message =
    produced.length === 0
      ? `whl ${w.value} of task ${wt.task.key} names ${w.resolved}, but no artifact builds it and no such file exists: deploy fails with "no files match pattern"`
      : `whl ${w.value} of task ${wt.task.key} names ${w.resolved}, which none of the artifacts produce (${produced.join(', ')}) and no file matches: deploy fails with "no files match pattern"`;
  return {
    check: wheelNotBuilt.id,
    message,
    loc: w.loc,
    resources: [wt.resource],
    evidence: evidenceAt(bundle, w.loc, 1, 1),
    impact: `\`databricks bundle deploy\` fails: the library path of ${wt.resource} matches no file after the build.`,
    fix:
      produced.length > 0
        ? { text: `Point the library at the artifact's output (relative to ${w.loc.file}).`, patch: `- whl: ${relativeFrom(w.loc.file, produced[0])}` }
        : {
            text: `Declare an artifact that builds the wheel (a pyproject-only project is never built implicitly).`,
            patch: `# ${bundle.rootFile}\n${artifactBlock(bundle, project, pkg)}`,
          },
  };
}

function artifactBlock(bundle: Bundle, project: PythonProject | undefined, pkg: string): string {
  const name = `${(project?.normalizedName ?? pkg).replace(/[^A-Za-z0-9]+/g, '_')}_wheel`;
  const dir = project ? path.posix.relative(path.posix.dirname(bundle.rootFile), project.dir) || '.' : '.';
  return `artifacts:\n  ${name}:\n    type: whl\n    build: python3 -m build --wheel\n    path: ${dir}`;
}
