import path from 'node:path';
import type { Artifact, Bundle, Library, Loc, Node, PythonProject, Task, TargetView } from '../model.js';
import { isLocalLibrary } from '../project/resources.js';
import { normalizeName } from './wheel-names.js';

// Which wheel tasks the analysed targets run, and which Python project (built how) each one needs.

export interface WheelTaskRef {
  target: string;
  jobKey: string;
  address: string; // `jobs.<key>`
  task: Task;
  /** The `python_wheel_task` key: where findings about this task go. */
  loc: Loc;
  /** The lines the task spans in its file: a static finding inside them concerns this task. */
  span: { file: string; from: number; to: number };
  packageName?: string;
  entryPoint?: string;
}

export interface BuildUnit {
  key: string;
  /** Project folder relative to the bundle root (POSIX). */
  dir: string;
  /** The artifact whose `build` command deploy runs (absent: `python -m build --wheel`). */
  artifact?: Artifact;
  project?: PythonProject;
  tasks: WheelTaskRef[];
  targets: string[];
}

export interface UnplacedTask {
  ref: WheelTaskRef;
  reason: string;
}

export interface WheelPlan {
  units: BuildUnit[];
  unplaced: UnplacedTask[];
}

export function planWheelBuilds(bundle: Bundle, targets: TargetView[]): WheelPlan {
  const units = new Map<string, BuildUnit>();
  const unplaced: UnplacedTask[] = [];
  for (const target of targets) {
    for (const job of target.jobs) {
      for (const task of job.tasks) {
        if (task.type !== 'python_wheel_task') continue;
        const ref = wheelTaskRef(target, job.key, task);
        const placed = placeTask(bundle, target, ref);
        if ('reason' in placed) {
          unplaced.push({ ref, reason: placed.reason });
          continue;
        }
        const key = placed.artifact?.build
          ? `artifact|${placed.dir}|${placed.artifact.build}|${placed.artifact.files.map((f) => f.source).join(',')}`
          : `python-build|${placed.dir}`;
        let unit = units.get(key);
        if (!unit) {
          unit = { key, dir: placed.dir, artifact: placed.artifact?.build ? placed.artifact : undefined, project: placed.project, tasks: [], targets: [] };
          units.set(key, unit);
        }
        unit.tasks.push(ref);
        if (!unit.targets.includes(target.name)) unit.targets.push(target.name);
      }
    }
  }
  return { units: [...units.values()], unplaced };
}

function wheelTaskRef(target: TargetView, jobKey: string, task: Task): WheelTaskRef {
  const typeNode = task.typeNode;
  const loc = task.node.keyLocs.get('python_wheel_task') ?? typeNode?.loc ?? task.loc;
  const lines = collectLines(task.node, task.loc.file);
  const text = (key: string): string | undefined => {
    const node = typeNode?.entries.get(key);
    if (node?.kind !== 'scalar' || node.value === null) return undefined;
    const interpolated = target.interpolate(String(node.value), node.loc);
    return interpolated.resolved ? interpolated.value : undefined;
  };
  return {
    target: target.name,
    jobKey,
    address: `jobs.${jobKey}`,
    task,
    loc,
    span: { file: task.loc.file, from: Math.min(task.loc.line, ...lines), to: Math.max(task.loc.line, ...lines) },
    packageName: text('package_name'),
    entryPoint: text('entry_point'),
  };
}

function collectLines(node: Node, file: string, out: number[] = []): number[] {
  if (node.loc.file === file) out.push(node.loc.line);
  if (node.kind === 'map') {
    for (const loc of node.keyLocs.values()) if (loc.file === file) out.push(loc.line);
    for (const child of node.entries.values()) collectLines(child, file, out);
  } else if (node.kind === 'seq') {
    for (const child of node.items) collectLines(child, file, out);
  }
  return out;
}

type Placement = { dir: string; artifact?: Artifact; project?: PythonProject } | { reason: string };

function placeTask(bundle: Bundle, target: TargetView, ref: WheelTaskRef): Placement {
  const wheelArtifacts = target.artifacts.filter((a) => a.type === undefined || a.type === 'whl');
  const projectAt = (dir: string) => bundle.python.find((p) => samePath(p.dir, dir));
  const artifactAt = (dir: string) => wheelArtifacts.find((a) => samePath(a.path, dir));

  // 1. A local wheel library: the artifact that writes it, or the project above its dist/ folder.
  const remote: string[] = [];
  for (const lib of wheelLibraries(ref.task)) {
    const written = target.interpolate(lib.value, lib.node.loc);
    const value = written.value.replace(/\[[^\]]*\]$/, '');
    if (!isLocalLibrary(value)) {
      remote.push(value);
      continue;
    }
    const wheelDir = path.posix.dirname(path.posix.normalize(path.posix.join(path.posix.dirname(lib.node.loc.file), value.replace(/^file:\/\//, ''))));
    const artifact = wheelArtifacts.find((a) => artifactWheelDirs(a).some((d) => samePath(d, wheelDir)));
    if (artifact) return { dir: clean(artifact.path), artifact, project: projectAt(artifact.path) };
    if (path.posix.basename(wheelDir) === 'dist') {
      const dir = path.posix.dirname(wheelDir);
      const project = projectAt(dir);
      if (project) return { dir: clean(dir), artifact: artifactAt(dir), project };
    }
  }

  // 2. The project whose distribution name is the task's package_name.
  if (ref.packageName) {
    const wanted = normalizeName(ref.packageName);
    const project = bundle.python.find((p) => p.name !== undefined && normalizeName(p.name) === wanted);
    if (project) return { dir: clean(project.dir), artifact: artifactAt(project.dir), project };
  }

  // 3. The only thing that could build it.
  if (wheelArtifacts.length === 1 && remote.length === 0) {
    const artifact = wheelArtifacts[0];
    return { dir: clean(artifact.path), artifact, project: projectAt(artifact.path) };
  }
  if (bundle.python.length === 1 && remote.length === 0) {
    const project = bundle.python[0];
    return { dir: clean(project.dir), artifact: artifactAt(project.dir), project };
  }
  if (remote.length > 0) return { reason: `the wheel comes from ${remote.join(', ')}, which is not built from this repository` };
  if (ref.packageName === undefined) return { reason: 'package_name is not set or cannot be resolved statically' };
  return { reason: `no Python project in the repository builds package ${ref.packageName}` };
}

function wheelLibraries(task: Task): Library[] {
  return [...task.libraries, ...task.environmentDependencies].filter(
    (l) => l.kind === 'whl' || (typeof l.value === 'string' && /\.whl(\[[^\]]*\])?$/i.test(l.value.trim())),
  );
}

/** Directories an artifact's wheels land in: its `files` globs, else `<path>/dist`. */
export function artifactWheelDirs(artifact: Artifact): string[] {
  if (artifact.files.length === 0) return [path.posix.join(artifact.path, 'dist')];
  return artifact.files.map((f) => path.posix.dirname(f.source));
}

function clean(dir: string): string {
  return path.posix.normalize(dir || '.').replace(/\/$/, '') || '.';
}

function samePath(a: string, b: string): boolean {
  return clean(a) === clean(b);
}
