// Typed views over a target's merged configuration: resources, jobs with their tasks and
// libraries, pipelines, artifacts (including the CLI's implicit `python_artifact`) and sync.
import path from 'node:path';
import type { Artifact, FileIndex, Job, Library, Loc, MapNode, Node, Pipeline, Resource, ScalarNode, SyncConfig, Task } from '../model.js';
import { asMap, asSeq, asString, isNull } from './merge.js';
import { emptyMap } from './yaml.js';

export function readResources(config: MapNode): Map<string, Map<string, Resource>> {
  const out = new Map<string, Map<string, Resource>>();
  const resources = asMap(config.entries.get('resources'));
  if (!resources) return out;
  for (const [type, byKey] of resources.entries) {
    const keys = asMap(byKey);
    if (!keys) continue;
    const typed = new Map<string, Resource>();
    for (const [key, node] of keys.entries) {
      const loc = keys.keyLocs.get(key) ?? node.loc;
      typed.set(key, { type, key, address: `${type}.${key}`, node: asMap(node) ?? emptyMap(node.loc), loc, file: loc.file });
    }
    out.set(type, typed);
  }
  return out;
}

const LIBRARY_KINDS = ['whl', 'jar', 'egg', 'requirements'] as const;

/** The libraries of a task that has none: one frozen list for all (most tasks have none, and every task is kept to the end). */
const NO_LIBRARIES: Library[] = Object.freeze([]) as unknown as Library[];

export function readLibraries(node: Node | undefined): Library[] {
  const out: Library[] = [];
  for (const item of asSeq(node)?.items ?? []) {
    const lib = asMap(item);
    if (!lib) {
      const value = asString(item);
      if (value !== undefined) out.push({ kind: 'dependency', value, node: item });
      continue;
    }
    for (const kind of LIBRARY_KINDS) {
      const value = lib.entries.get(kind);
      const text = asString(value);
      if (value && text !== undefined) out.push({ kind, value: text, node: value });
    }
    const pypi = asMap(lib.entries.get('pypi'));
    const pkg = pypi?.entries.get('package');
    if (pkg && asString(pkg) !== undefined) out.push({ kind: 'pypi', value: asString(pkg)!, node: pkg });
    const maven = asMap(lib.entries.get('maven'));
    const coordinates = maven?.entries.get('coordinates');
    if (coordinates && asString(coordinates) !== undefined) out.push({ kind: 'maven', value: asString(coordinates)!, node: coordinates });
    const cran = asMap(lib.entries.get('cran'));
    const cranPkg = cran?.entries.get('package');
    if (cranPkg && asString(cranPkg) !== undefined) out.push({ kind: 'cran', value: asString(cranPkg)!, node: cranPkg });
  }
  return out;
}

function readDependencies(node: Node | undefined): Library[] {
  const out: Library[] = [];
  for (const item of asSeq(node)?.items ?? []) {
    const value = asString(item);
    if (value !== undefined) out.push({ kind: 'dependency', value, node: item });
  }
  return out;
}

function taskType(task: MapNode): { type?: string; typeNode?: MapNode } {
  for (const [key, value] of task.entries) {
    if (key.endsWith('_task')) {
      const typeNode = asMap(value);
      return typeNode ? { type: key, typeNode } : { type: key };
    }
  }
  return {};
}

export function readJob(resource: Resource): Job {
  const job = resource.node;
  const environments = new Map<string, Library[]>();
  for (const env of asSeq(job.entries.get('environments'))?.items ?? []) {
    const map = asMap(env);
    const key = asString(map?.entries.get('environment_key'));
    if (!map || key === undefined) continue;
    const deps = readDependencies(asMap(map.entries.get('spec'))?.entries.get('dependencies'));
    environments.set(key, [...(environments.get(key) ?? []), ...deps]);
  }
  const clusterLibraries = new Map<string, Library[]>();
  for (const cluster of asSeq(job.entries.get('job_clusters'))?.items ?? []) {
    const map = asMap(cluster);
    const key = asString(map?.entries.get('job_cluster_key'));
    if (!map || key === undefined) continue;
    const libs = readLibraries(asMap(map.entries.get('new_cluster'))?.entries.get('libraries'));
    if (libs.length > 0) clusterLibraries.set(key, libs);
  }

  const tasks: Task[] = [];
  for (const item of asSeq(job.entries.get('tasks'))?.items ?? []) {
    const node = asMap(item);
    if (!node) continue;
    const { type, typeNode } = taskType(node);
    const libraries = readLibraries(node.entries.get('libraries'));
    const environmentDependencies: Library[] = [];
    const addReach = (task: MapNode) => {
      const envKey = asString(task.entries.get('environment_key'));
      if (envKey !== undefined) environmentDependencies.push(...(environments.get(envKey) ?? []));
      const clusterKey = asString(task.entries.get('job_cluster_key'));
      if (clusterKey !== undefined) environmentDependencies.push(...(clusterLibraries.get(clusterKey) ?? []));
    };
    addReach(node);
    // A for_each_task runs an inner task: its libraries and environment reach the same code.
    const inner = type === 'for_each_task' ? asMap(typeNode?.entries.get('task')) : undefined;
    if (inner) {
      libraries.push(...readLibraries(inner.entries.get('libraries')));
      addReach(inner);
    }
    const key = asString(node.entries.get('task_key')) ?? '';
    const task: Task = {
      key,
      node,
      loc: node.entries.get('task_key')?.loc ?? node.loc,
      libraries: libraries.length > 0 ? libraries : NO_LIBRARIES,
      environmentDependencies: environmentDependencies.length > 0 ? environmentDependencies : NO_LIBRARIES,
    };
    if (type !== undefined) task.type = type;
    if (typeNode) task.typeNode = typeNode;
    tasks.push(task);
  }
  return { ...resource, tasks, gitSource: job.entries.has('git_source') && !isNull(job.entries.get('git_source')) };
}

export function readPipeline(resource: Resource): Pipeline {
  const libraries: Pipeline['libraries'] = [];
  for (const item of asSeq(resource.node.entries.get('libraries'))?.items ?? []) {
    const lib = asMap(item);
    if (!lib) continue;
    for (const [kind, field] of [
      ['notebook', 'path'],
      ['file', 'path'],
      ['glob', 'include'],
    ] as const) {
      const value = asMap(lib.entries.get(kind))?.entries.get(field);
      if (value && value.kind === 'scalar' && value.value !== null) libraries.push({ kind, path: String(value.value), node: value });
    }
  }
  return { ...resource, libraries };
}

/** Rewrite a path written in `fromFile` (relative to the bundle root) to be relative to the bundle root. */
export function relativeToRoot(fromFile: string, written: string): string {
  if (written.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(written) || written.includes('${')) return written;
  const dir = path.posix.dirname(fromFile);
  const joined = path.posix.normalize(path.posix.join(dir, written));
  return joined === '' ? '.' : joined.replace(/\/$/, '') || '.';
}

export function readArtifacts(config: MapNode): Artifact[] {
  const out: Artifact[] = [];
  const artifacts = asMap(config.entries.get('artifacts'));
  if (!artifacts) return out;
  for (const [name, raw] of artifacts.entries) {
    const loc = artifacts.keyLocs.get(name) ?? raw.loc;
    const node = asMap(raw) ?? emptyMap(raw.loc);
    const pathNode = node.entries.get('path');
    const written = asString(pathNode);
    const artifact: Artifact = {
      name,
      node,
      loc,
      path: written !== undefined && pathNode ? relativeToRoot(pathNode.loc.file, written) : '.',
      files: [],
      implicit: false,
    };
    const type = asString(node.entries.get('type'));
    if (type !== undefined) artifact.type = type;
    const build = asString(node.entries.get('build'));
    if (build !== undefined) artifact.build = build;
    for (const file of asSeq(node.entries.get('files'))?.items ?? []) {
      const source = asMap(file)?.entries.get('source');
      const text = asString(source);
      if (source && text !== undefined) artifact.files.push({ source: relativeToRoot(source.loc.file, text), loc: source.loc });
    }
    out.push(artifact);
  }
  return out;
}

/** cli bundle/libraries/local_path.go: `./x.whl`, `dist/x.whl` are local; PyPI specs, absolute paths and URLs are not. */
export function isLocalLibrary(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.includes('${workspace.')) return false;
  if (v.startsWith('.')) return true;
  if (v.startsWith('file://')) return true;
  if (v.startsWith('-')) return false;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v)) return false;
  if (v.startsWith('/') || v.startsWith('~')) return false;
  if (/\.txt$/i.test(v)) return false;
  if (/\s|==|>=|<=|~=|!=|[<>]/.test(v)) return false;
  const base = path.posix.basename(v.replace(/\[[^\]]*\]$/, ''));
  return /\.(whl|jar|egg|zip|tar\.gz)$/i.test(base) || (v.includes('/') && path.posix.extname(base) !== '');
}

/** The CLI's InsertPythonArtifact: no `artifacts`, a local library somewhere, and a root setup.py. */
export function implicitPythonArtifact(config: MapNode, jobs: Job[], fileIndex: FileIndex | undefined): Artifact | undefined {
  if (config.entries.has('artifacts')) return undefined;
  // cli libraries.FindTasksWithLocalLibraries: task libraries, and any environment of the job.
  const isLocal = (lib: Library) => (lib.kind === 'whl' || lib.kind === 'jar' || lib.kind === 'dependency') && isLocalLibrary(lib.value);
  const local = jobs.some(
    (job) =>
      job.tasks.some((task) => [...task.libraries, ...task.environmentDependencies].some(isLocal)) ||
      (asSeq(job.node.entries.get('environments'))?.items ?? []).some((env) =>
        readDependencies(asMap(asMap(env)?.entries.get('spec'))?.entries.get('dependencies')).some(isLocal),
      ),
  );
  if (!local) return undefined;
  if (!fileIndex || fileIndex.kind('setup.py') === 'missing' || fileIndex.kind('setup.py') === 'dir') return undefined;
  const loc: Loc = { file: 'setup.py', line: 1, column: 1 };
  return {
    name: 'python_artifact',
    node: emptyMap(loc),
    loc,
    type: 'whl',
    build: 'python3 setup.py bdist_wheel',
    path: '.',
    files: [],
    implicit: true,
  };
}

export function readSync(config: MapNode): SyncConfig {
  const sync = asMap(config.entries.get('sync'));
  const list = (key: string): { values: string[]; locs: Loc[]; present: boolean } => {
    const node = sync?.entries.get(key);
    const values: string[] = [];
    const locs: Loc[] = [];
    for (const item of asSeq(node)?.items ?? []) {
      const text = asString(item);
      if (text === undefined) continue;
      values.push(relativeToRoot(item.loc.file, text));
      locs.push(item.loc);
    }
    return { values, locs, present: node !== undefined && !isNull(node) };
  };
  const paths = list('paths');
  const include = list('include');
  const exclude = list('exclude');
  return {
    paths: paths.present ? paths.values : ['.'],
    include: include.values,
    exclude: exclude.values,
    includeLocs: include.locs,
    excludeLocs: exclude.locs,
    ...(paths.present ? { pathLocs: paths.locs } : {}),
  };
}

export function scalarAt(node: Node | undefined): ScalarNode | undefined {
  return node && node.kind === 'scalar' ? node : undefined;
}
