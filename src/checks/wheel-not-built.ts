import path from 'node:path';
import type { Bundle, Check, Loc, MapNode, Node, PythonProject, RawFinding, TargetView } from '../model.js';
import { runsDockerImage } from './lib/compute.js';
import { evidenceAt } from './lib/evidence.js';
import type { PathRef } from './lib/localPaths.js';
import { asString, get, keyLoc } from './lib/nodes.js';
import {
  artifactOutputs,
  attachedWheels,
  distributionNamed,
  installsByName,
  librariesFromVariable,
  relativeFrom,
  unbuiltLocalLibraries,
  wheelTasks,
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
\`whl\` or \`jar\` library of ANY task or job environment (a notebook or spark_python_task too) whose
glob no artifact produces and no file matches makes deploy fail with \`no files match pattern: <p>\`
(a prebuilt wheel that must be downloaded by hand, e.g. into a git-ignored dist/, fails in a clean
checkout). A missing non-glob path in a bundle without artifacts is path-not-found's (\`file doesn't
exist <p>\`). A python_wheel_task that attaches no wheel at all deploys but fails at run time (the
package is not installed). Remote wheels (dbfs:, /Volumes, /Workspace) count as attached. On a cluster
with a custom \`docker_image\` the image may contain the package: that task is info ("cannot verify").
Fix: declare the build and attach its output (paths relative to the YAML file that writes them):
  artifacts:
    entity_matching_wheel:
      type: whl
      build: python3 -m build --wheel
      path: .
and in the task: \`libraries: [{whl: ../dist/*.whl}]\` (from resources/).
Reference: https://docs.databricks.com/dev-tools/bundles/settings#artifacts ; https://docs.databricks.com/dev-tools/bundles/library-dependencies ; https://github.com/databricks/cli/issues/1269`,
  breaksDeploy: true,
  run(bundle, target) {
    const produced = target.artifacts.flatMap((a) => artifactOutputs(a));
    const tasks = wheelTasks(target);
    // Without artifacts, tasks that get no wheel of one package share the root cause (nothing builds
    // it): one finding, in the place of the first of them.
    type Unbuilt = { tasks: WheelTask[]; project?: PythonProject };
    const findings: (RawFinding | Unbuilt)[] = [];
    const unbuilt = new Map<string, Unbuilt>();
    for (const wt of tasks) {
      if (librariesFromVariable(wt.job, wt.task)) continue; // installed from a (complex) variable: not readable
      if (attachedWheels(target, wt.task).length > 0) continue; // local ones are judged below, with every task's libraries
      if (wt.packageName && installsByName(wt.task, wt.packageName)) continue;
      const project = distributionNamed(bundle, wt.packageName);
      if (!project && asString(get(wt.task.node, 'existing_cluster_id'))) continue; // installed on the cluster, presumably
      if (runsDockerImage(target, wt.job, wt.task)) {
        findings.push(imageMayProvide(bundle, wt));
        continue;
      }
      const key = target.artifacts.length > 0 ? `task:${wt.resource}:${wt.task.key}` : `package:${wt.packageName ?? ''}`;
      const group = unbuilt.get(key);
      if (group) group.tasks.push(wt);
      else {
        const fresh = { tasks: [wt], project };
        unbuilt.set(key, fresh);
        findings.push(fresh);
      }
    }
    for (const ref of unbuiltLocalLibraries(bundle, target)) findings.push(noBuild(bundle, target, ref, tasks, produced));
    return findings.map((f) => ('tasks' in f ? noWheel(bundle, target, f.tasks, f.project, produced[0]) : f));
  },
};

function noWheel(bundle: Bundle, target: TargetView, tasks: WheelTask[], project: PythonProject | undefined, builtGlob: string | undefined): RawFinding {
  const wt = tasks[0];
  const loc = keyLoc(wt.task.node, 'python_wheel_task') ?? wt.node.loc;
  const taskList = tasks.length === 1 ? `task ${wt.task.key}` : `tasks ${tasks.map((t) => `${t.task.key} of ${t.resource}`).join(', ')}`;
  const pkg = wt.packageName ?? 'the package';
  const distGlob = builtGlob ?? path.posix.normalize(path.posix.join(project?.dir ?? '.', 'dist/*.whl'));
  const library = `libraries:\n  - whl: ${relativeFrom(loc.file, distGlob)}`;
  const built = target.artifacts.length > 0;
  const message = built
    ? `task ${wt.task.key} attaches no wheel: artifacts are built, but deploy uploads only wheels a task references, so ${pkg} is never installed`
    : `no wheel of ${pkg} is built or attached for ${taskList}: no artifacts, no whl library${project ? '' : ' and no distribution of that name in the repository'}`;
  return {
    check: wheelNotBuilt.id,
    message,
    loc,
    resources: [...new Set(tasks.map((t) => t.resource))].sort(),
    breaksDeploy: false,
    evidence: evidenceAt(bundle, loc, 0, 2),
    impact: `Deploy succeeds but ${tasks.length === 1 ? `task ${wt.task.key} of ${wt.resource} fails` : 'these tasks fail'} at run time: package ${pkg} is not installed on their compute.`,
    fix: {
      text: built
        ? `Attach the artifact's wheel to the task (paths are relative to ${loc.file}).`
        : `Declare an artifact that builds the wheel${project ? ` from ${project.dir === '.' ? 'the bundle root' : project.dir}` : ''} and attach its output to ${tasks.length === 1 ? 'the task' : 'each task'} (paths are relative to the file that writes them).`,
      patch: built ? library : `# ${bundle.rootFile}\n${artifactBlock(bundle, project, pkg)}\n\n# ${loc.file}, task ${wt.task.key}\n${library}`,
    },
  };
}

/** A task on a cluster with a custom Docker image: the image may well contain the package. */
function imageMayProvide(bundle: Bundle, wt: WheelTask): RawFinding {
  const loc = keyLoc(wt.task.node, 'python_wheel_task') ?? wt.node.loc;
  const pkg = wt.packageName ?? 'the package';
  return {
    check: wheelNotBuilt.id,
    severity: 'info',
    message: `task ${wt.task.key} of ${wt.resource} attaches no wheel of ${pkg}; cannot verify: the cluster image (docker_image) may provide it`,
    loc,
    resources: [wt.resource],
    breaksDeploy: false,
    evidence: evidenceAt(bundle, loc, 0, 2),
    impact: `If the image does not contain ${pkg}, task ${wt.task.key} of ${wt.resource} fails at run time.`,
    fix: { text: `Make sure the image installs ${pkg} (at the version this repository builds), or attach the wheel to the task.` },
  };
}

function noBuild(bundle: Bundle, target: TargetView, ref: PathRef, tasks: WheelTask[], produced: string[]): RawFinding {
  const loc = ref.node.loc;
  const p = ref.resolved!;
  const kind = /\.jar$/i.test(ref.field) || /\.jar$/i.test(p) ? 'jar' : 'whl';
  const wt = tasks.find((t) => attachedWheels(target, t.task).some((w) => sameLoc(w.loc, loc)));
  const owner = ownerOf(target, ref);
  const error = ref.glob ? `no files match pattern: ${p}` : `file doesn't exist ${p}`;
  const outputs = produced.filter((o) => kind === 'whl' && o.endsWith('.whl'));
  const message =
    outputs.length === 0
      ? `${kind} ${ref.value ?? ref.raw} of ${owner} names ${p}, but no artifact builds it and no file ${ref.glob ? 'matches it' : 'is there'}: deploy fails with "${error}"`
      : `${kind} ${ref.value ?? ref.raw} of ${owner} names ${p}, which none of the artifacts produce (${outputs.join(', ')}) and no file matches: deploy fails with "${error}"`;
  const project = distributionNamed(bundle, wt?.packageName ?? wheelDistribution(p));
  return {
    check: wheelNotBuilt.id,
    message,
    loc,
    resources: ref.resource ? [ref.resource] : [],
    breaksDeploy: true,
    evidence: evidenceAt(bundle, loc, 1, 1),
    impact: `\`databricks bundle deploy\` fails: the library path of ${ref.resource ?? owner} matches no file after the build.`,
    fix: buildFix(bundle, ref, kind, outputs, wt || project ? artifactBlock(bundle, project, wt?.packageName ?? project?.name ?? 'the package') : undefined),
  };
}

function buildFix(bundle: Bundle, ref: PathRef, kind: string, outputs: string[], artifact: string | undefined): RawFinding['fix'] {
  const file = ref.node.loc.file;
  const dir = path.posix.dirname(ref.resolved!);
  if (outputs.length > 0) return { text: `Point the library at the artifact's output (relative to ${file}).`, patch: `- whl: ${relativeFrom(file, outputs[0])}` };
  if (artifact) {
    return {
      text: `Declare an artifact that builds the wheel (a pyproject-only project is never built implicitly), or place the prebuilt wheel in ${dir} before every deploy.`,
      patch: `# ${bundle.rootFile}\n${artifact}`,
    };
  }
  return {
    text:
      kind === 'jar'
        ? `Declare an artifact (type: jar) that builds ${ref.resolved}, or commit the jar, or fetch it into ${dir} in a step that runs before every deploy (CI included).`
        : `Declare an artifact that builds the wheel, or fetch the prebuilt wheel into ${dir} in a step that runs before every deploy, CI included (e.g. \`pip download --no-deps -d ${dir} <package>==<version>\`), or commit it.`,
  };
}

/** `task <key> of jobs.x` or `environment <key> of jobs.x`, from the config path of the reference. */
function ownerOf(target: TargetView, ref: PathRef): string {
  const job = target.jobs.find((j) => j.address === ref.resource);
  const rest = job ? ref.field.slice(`resources.${job.address}.`.length) : '';
  const task = /^tasks\[(\d+)\]/.exec(rest);
  const env = /^environments\[(\d+)\]/.exec(rest);
  const item = (list: string, i: string, key: string) => asString(get(asSeqItem(job?.node, list, Number(i)), key));
  if (task) return `task ${item('tasks', task[1], 'task_key') ?? `#${Number(task[1]) + 1}`} of ${ref.resource}`;
  if (env) return `environment ${item('environments', env[1], 'environment_key') ?? `#${Number(env[1]) + 1}`} of ${ref.resource}`;
  return ref.resource ?? ref.field;
}

function asSeqItem(node: MapNode | undefined, key: string, index: number): Node | undefined {
  const seq = get(node, key);
  return seq?.kind === 'seq' ? seq.items[index] : undefined;
}

/** The distribution a wheel file name starts with (`cowsay-6.1-*.whl` -> `cowsay`). */
function wheelDistribution(p: string): string | undefined {
  return /^([A-Za-z0-9][A-Za-z0-9_.]*?)-/.exec(path.posix.basename(p))?.[1];
}

function sameLoc(a: Loc, b: Loc): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

function artifactBlock(bundle: Bundle, project: PythonProject | undefined, pkg: string): string {
  const name = `${(project?.normalizedName ?? pkg).replace(/[^A-Za-z0-9]+/g, '_')}_wheel`;
  const dir = project ? path.posix.relative(path.posix.dirname(bundle.rootFile), project.dir) || '.' : '.';
  return `artifacts:\n  ${name}:\n    type: whl\n    build: python3 -m build --wheel\n    path: ${dir}`;
}
