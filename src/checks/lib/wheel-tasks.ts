// The python_wheel_task tasks of a target, with the values the wheel checks compare: the package
// name and entry point as written (and interpolated), the wheels attached to the task, and the
// repository's distribution of that name (PEP 503).
import path from 'node:path';
import type { Artifact, Bundle, EntryPoint, Job, Library, Loc, MapNode, PythonProject, ScalarNode, Task, TargetView } from '../../model.js';
import { goMatcher } from '../../project/goglob.js';
import { normalizeName } from '../../project/python.js';
import { runsDockerImage } from './compute.js';
import { collectPaths, leadsOutOfRepository, type PathRef } from './localPaths.js';
import { asScalar, asSeq, asString, get } from './nodes.js';
import { hasGlob, isLocalLibraryPath, resolveRelative } from './paths.js';
import { editDistance } from './suggest.js';

export interface WheelTask {
  job: Job;
  task: Task;
  /** The python_wheel_task mapping. */
  node: MapNode;
  /** `jobs.<key>` */
  resource: string;
  packageName?: string;
  packageNode?: ScalarNode;
  entryPoint?: string;
  entryPointNode?: ScalarNode;
}

export function wheelTasks(target: TargetView): WheelTask[] {
  const out: WheelTask[] = [];
  for (const job of target.jobs) {
    for (const task of job.tasks) {
      const node = task.type === 'python_wheel_task' ? task.typeNode : undefined;
      if (!node) continue;
      const packageNode = asScalar(get(node, 'package_name'));
      const entryPointNode = asScalar(get(node, 'entry_point'));
      out.push({
        job,
        task,
        node,
        resource: job.address,
        packageNode,
        packageName: interpolated(target, packageNode),
        entryPointNode,
        entryPoint: interpolated(target, entryPointNode),
      });
    }
  }
  return out;
}

/** A scalar's string after `${...}` interpolation (the raw text when a reference stays unresolved). */
export function interpolated(target: TargetView, node: ScalarNode | undefined): string | undefined {
  const raw = asString(node)?.trim();
  if (!node || !raw) return undefined;
  return target.interpolate(raw, node.loc).value.trim() || undefined;
}

/** The repository's distribution whose name equals `name` after PEP 503 normalisation. */
export function distributionNamed(bundle: Bundle, name: string | undefined): PythonProject | undefined {
  if (!name) return undefined;
  const wanted = normalizeName(name);
  return bundle.python.find((p) => p.name !== undefined && (p.normalizedName ?? normalizeName(p.name)) === wanted);
}

export interface LikelyDistribution {
  project: PythonProject;
  /** Why this one: the repository's only distribution, the one that ships an import package of that name, or the closest name. */
  why: 'only' | 'import-package' | 'closest';
}

/** Why a likely distribution was chosen, as a reader is told. */
export const LIKELY_REASON: Record<LikelyDistribution['why'], string> = {
  only: "the repository's only distribution",
  'import-package': 'it ships the import package of that name',
  closest: 'the closest name',
};

/**
 * The distribution a `package_name` that names none most likely means: the repository's only one,
 * else the one whose import package is `package_name`, else the one with the closest name (unique,
 * and close enough to be a misspelling). Undefined when a project's name cannot be read statically.
 */
export function likelyDistribution(bundle: Bundle, packageName: string | undefined): LikelyDistribution | undefined {
  if (!packageName || bundle.python.some((p) => p.nameUnknown)) return undefined;
  const named = bundle.python.filter((p) => p.name !== undefined);
  if (named.length === 0) return undefined;
  if (named.length === 1) return { project: named[0], why: 'only' };
  const wanted = normalizeName(packageName);
  const importing = named.filter((p) => p.packages.some((pkg) => normalizeName(pkg.name) === wanted));
  if (importing.length === 1) return { project: importing[0], why: 'import-package' };
  const scored = named
    .map((p) => ({ p, d: editDistance(wanted, p.normalizedName ?? normalizeName(p.name!)) }))
    .sort((a, b) => a.d - b.d);
  const best = scored[0];
  const close = best.d <= Math.max(2, Math.floor(wanted.length / 3));
  if (close && (scored.length === 1 || scored[1].d > best.d)) return { project: best.p, why: 'closest' };
  return undefined;
}

/** Entry points of any group named exactly `name` (the runtime compares `ep.name == entry_point`). */
export function entryPointsNamed(project: PythonProject, name: string): EntryPoint[] {
  return project.entryPoints.filter((ep) => ep.name === name);
}

/** `pkg.mod:func.attr [extra]` -> module `pkg.mod`, attribute path `func.attr`. */
export function parseEntryPointValue(value: string): { module: string; attr?: string } | undefined {
  const text = value.replace(/\[[^\]]*\]\s*$/, '').trim();
  const [module, attr] = text.split(':').map((s) => s.trim());
  if (!module || !/^[A-Za-z_][\w.]*$/.test(module)) return undefined;
  return { module, attr: attr || undefined };
}

export interface AttachedWheel {
  library: Library;
  value: string;
  loc: Loc;
  /** Relative to the bundle root (local wheels only). */
  resolved?: string;
  local: boolean;
  glob: boolean;
}

/** The `whl` libraries of a task, including wheel paths among its environment's dependencies. */
export function attachedWheels(target: TargetView, task: Task): AttachedWheel[] {
  const out: AttachedWheel[] = [];
  for (const library of [...task.libraries, ...task.environmentDependencies]) {
    const raw = library.value.trim();
    const loc = library.node.loc;
    // A dependency's file name may come from a variable (`/Volumes/.../${var.wheel_file}`): judged as interpolated.
    const interpolated = raw.includes('${') ? target.interpolate(raw, loc).value : raw;
    const isWheel = library.kind === 'whl' || (library.kind === 'dependency' && /\.whl(\[[^\]]*\])?$/i.test(interpolated) && !raw.startsWith('-'));
    if (!isWheel) continue;
    const value = interpolated.replace(/\[[^\]]*\]$/, '');
    const local = isLocalLibraryPath(value);
    out.push({ library, value, loc, local, glob: hasGlob(value), resolved: local ? resolveRelative(loc, value) : undefined });
  }
  return out;
}

/** True when the task's libraries or its environment's dependencies come from a variable (a complex
 *  `${var.x}`): what they install cannot be read statically. */
export function librariesFromVariable(job: Job, task: Task): boolean {
  if (get(task.node, 'libraries')?.kind === 'scalar') return true;
  const key = asString(get(task.node, 'environment_key'));
  if (key === undefined) return false;
  for (const env of asSeq(get(job.node, 'environments'))?.items ?? []) {
    if (asString(get(env, 'environment_key')) !== key) continue;
    const deps = get(env, 'spec', 'dependencies');
    if (deps?.kind === 'scalar') return true;
  }
  return false;
}

/**
 * Whether the task's package evidently comes from outside the repository: installed by name (PyPI),
 * from remote wheels only, from libraries a variable supplies, or - with no wheel attached at all -
 * from the existing cluster or the Docker image the task runs on. Its package_name is then not a
 * repository distribution misspelt.
 */
export function packageFromElsewhere(target: TargetView, wt: WheelTask): boolean {
  if (wt.packageName && installsByName(wt.task, wt.packageName)) return true;
  if (librariesFromVariable(wt.job, wt.task)) return true;
  const wheels = attachedWheels(target, wt.task);
  if (wheels.length > 0) return wheels.every((w) => !w.local);
  return asString(get(wt.task.node, 'existing_cluster_id')) !== undefined || runsDockerImage(target, wt.job, wt.task);
}

/** Non-wheel libraries (PyPI specs, requirement lines) that install `packageName` by name. */
export function installsByName(task: Task, packageName: string): Library | undefined {
  const wanted = normalizeName(packageName);
  return [...task.libraries, ...task.environmentDependencies].find((lib) => {
    if (lib.kind !== 'pypi' && lib.kind !== 'dependency') return false;
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(lib.value)?.[1];
    return name !== undefined && normalizeName(name) === wanted;
  });
}

/** The wheel paths (globs, relative to the bundle root) that an artifact's build leaves behind. */
export function artifactOutputs(artifact: Artifact): string[] {
  if (artifact.type !== undefined && artifact.type !== 'whl') return [];
  // The loader resolves `files[].source` relative to the bundle root already.
  if (artifact.files.length > 0) return artifact.files.map((f) => path.posix.normalize(f.source));
  const outDir = artifact.build ? buildOutputDir(artifact.build) : undefined;
  return [path.posix.normalize(path.posix.join(artifact.path || '.', outDir ?? 'dist', '*.whl'))];
}

/** The output folder a build command names (`uv build --out-dir .build`, `python -m build -o out`, `pip wheel -w w`). */
export function buildOutputDir(build: string): string | undefined {
  const m = /(?:^|\s)(?:--out-dir|--outdir|--dist-dir|--wheel-dir|-o|-d|-w)(?:=|\s+)(["']?)([^\s"'&|;]+)\1/.exec(build);
  return m ? m[2].replace(/\/+$/, '') : undefined;
}

/** Whether a (possibly globbed) wheel path and an artifact output pattern can name the same file. */
export function wheelPatternsOverlap(a: string, b: string): boolean {
  const na = path.posix.normalize(a);
  const nb = path.posix.normalize(b);
  if (na === nb) return true;
  if (path.posix.dirname(na) !== path.posix.dirname(nb)) return false;
  const ba = path.posix.basename(na);
  const bb = path.posix.basename(nb);
  const sample = (glob: string) => glob.replace(/\*/g, 'pkg-1.0.0-py3-none-any').replace(/\?/g, 'x');
  const matches = (glob: string, name: string) => goMatcher(glob)?.(name) ?? false;
  return matches(ba, sample(bb)) || matches(bb, sample(ba));
}

/** Whether an artifact's build may leave a file matching `pattern` (relative to the bundle root): one
 *  of its `files`, the wheels of a whl build, or anything at all for a build of another type (a jar
 *  build's output is not known statically). */
export function artifactMayProduce(artifact: Artifact, pattern: string): boolean {
  if (artifact.files.length > 0) return artifact.files.some((f) => wheelPatternsOverlap(pattern, path.posix.normalize(f.source)));
  if (artifact.type !== undefined && artifact.type !== 'whl') return true;
  return artifactOutputs(artifact).some((output) => wheelPatternsOverlap(pattern, output));
}

/**
 * The local whl/jar libraries of the target's jobs (task libraries, for_each tasks, environment
 * dependencies; cli bundle/libraries/expand_glob_references.go) that no artifact (explicit or the
 * implicit python_artifact) produces and no file provides: deploy fails on each of them. A missing
 * non-glob path in a bundle without artifacts is left to path-not-found (the CLI's `file doesn't
 * exist <p>`), and a path above the bundle root may come from another checkout: not judged.
 */
export function unbuiltLocalLibraries(bundle: Bundle, target: TargetView): PathRef[] {
  const out: PathRef[] = [];
  const seen = new Set<string>();
  for (const ref of collectPaths(bundle, target)) {
    if (ref.expect !== 'library' || ref.remote || ref.resolved === undefined || !ref.field.startsWith('resources.jobs.')) continue;
    const { file, line, column } = ref.node.loc;
    const key = `${file}:${line}:${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const p = ref.resolved;
    if (p === '..' || p.startsWith('../')) continue;
    if (target.artifacts.some((a) => artifactMayProduce(a, p))) continue;
    if (ref.glob ? bundle.fileIndex.glob(p).length > 0 : bundle.fileIndex.kind(p) !== 'missing') continue;
    if (!ref.glob && leadsOutOfRepository(bundle, p)) continue; // symlink-outside-repo reports the link
    if (!ref.glob && target.artifacts.length === 0) continue;
    out.push(ref);
  }
  return out;
}

/** A path from a resource file's directory to a bundle-relative path, POSIX, starting with `./` or `../`. */
export function relativeFrom(fromFile: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), to) || '.';
  return rel.startsWith('.') ? rel : `./${rel}`;
}
