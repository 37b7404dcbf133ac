// The local paths the CLI translates (reference §5), with where each was written and what kind of
// file it must be. Shared by path-not-found, path-kind-mismatch and path-outside-sync-root.
import path from 'node:path';
import type { Bundle, Job, MapNode, Node, ScalarNode, TargetView } from '../../model.js';
import { asMap, asScalar, asSeq, asString, get, getMap } from './nodes.js';
import { hasGlob, isRemotePath, resolveRelative } from './paths.js';
import { oncePerTarget } from './per-target.js';

export type Expect = 'notebook' | 'file' | 'dir' | 'exists' | 'library';

export interface PathRef {
  expect: Expect;
  /** Config path of the field, e.g. `resources.jobs.x.tasks[0].notebook_task.notebook_path`. */
  field: string;
  node: ScalarNode;
  raw: string;
  /** After interpolation (undefined when a reference could not be resolved statically). */
  value?: string;
  /** Relative to the bundle root, POSIX (undefined for remote or unresolvable values). */
  resolved?: string;
  remote: boolean;
  glob: boolean;
  globAllowed: boolean;
  resource?: string;
  /** File that defines the resource (for the pre-0.216 "defined relative to" hint). */
  resourceFile?: string;
}

const NOTEBOOK_EXTS = ['.py', '.r', '.scala', '.sql', '.ipynb'];

export function hasNotebookExtension(p: string): boolean {
  return NOTEBOOK_EXTS.includes(path.posix.extname(p).toLowerCase());
}

export function notebookCandidates(resolved: string): string[] {
  return NOTEBOOK_EXTS.map((ext) => resolved + ext);
}

/** True for values that start from the deployed bundle's files (`${workspace.file_path}/...`). */
export function isSyncedRemote(raw: string): boolean {
  return /^\$\{workspace\.(file_path|root_path)\}/.test(raw) || raw.startsWith('/Workspace/');
}

class Collector {
  readonly refs: PathRef[] = [];
  constructor(
    private readonly target: TargetView,
    private readonly resource?: string,
    private readonly resourceFile?: string,
  ) {}

  /** `field` is built only for a value that is there (`() => string` keeps absent fields free). */
  add(node: Node | undefined, fieldOf: string | (() => string), expect: Expect, globAllowed = false): void {
    const scalar = asScalar(node);
    const raw = asString(scalar);
    if (!scalar || raw === undefined || raw.trim() === '') return;
    const field = typeof fieldOf === 'string' ? fieldOf : fieldOf();
    const interp = this.target.interpolate(raw, scalar.loc);
    const remote = isRemotePath(raw) || (interp.resolved && isRemotePath(interp.value));
    const ref: PathRef = {
      expect,
      field,
      node: scalar,
      raw,
      remote,
      glob: false,
      globAllowed,
      resource: this.resource,
      resourceFile: this.resourceFile,
    };
    if (interp.resolved) {
      ref.value = interp.value;
      ref.glob = hasGlob(interp.value);
      if (!remote) ref.resolved = resolveRelative(scalar.loc, interp.value);
    }
    this.refs.push(ref);
  }
}

const FILE_BACKED: [type: string, field: string, expect: Expect][] = [
  ['dashboards', 'file_path', 'file'],
  ['genie_spaces', 'file_path', 'file'],
  ['alerts', 'file_path', 'file'],
  ['apps', 'source_code_path', 'dir'],
];

const pathsOf = oncePerTarget(collectTargetPaths);

/** Every translated local path of the target's jobs, pipelines, dashboards, Genie spaces, alerts, apps and artifacts (once per target; shared, frozen). */
export function collectPaths(_bundle: Bundle, target: TargetView): readonly PathRef[] {
  return pathsOf(target);
}

function collectTargetPaths(target: TargetView): PathRef[] {
  const out: PathRef[] = [];
  for (const job of target.jobs) {
    if (job.gitSource) continue;
    for (const ref of jobPaths(target, job)) out.push(ref);
  }
  for (const pipeline of target.pipelines) {
    const c = new Collector(target, pipeline.address, pipeline.file);
    const base = `resources.${pipeline.address}`;
    (asSeq(get(pipeline.node, 'libraries'))?.items ?? []).forEach((lib, i) => {
      c.add(get(lib, 'notebook', 'path'), `${base}.libraries[${i}].notebook.path`, 'notebook', true);
      c.add(get(lib, 'file', 'path'), `${base}.libraries[${i}].file.path`, 'file', true);
      c.add(get(lib, 'whl'), `${base}.libraries[${i}].whl`, 'library');
      c.add(get(lib, 'jar'), `${base}.libraries[${i}].jar`, 'library');
    });
    c.add(get(pipeline.node, 'root_path'), `${base}.root_path`, 'dir');
    (asSeq(get(pipeline.node, 'environment', 'dependencies'))?.items ?? []).forEach((dep, i) =>
      collectDependency(c, dep, `${base}.environment.dependencies[${i}]`),
    );
    out.push(...c.refs);
  }
  // Files whose contents the CLI loads (dashboards, Genie spaces, alerts) and app source folders
  // (cli bundle/config/mutator/translate_paths_dashboards.go, _genie_spaces.go, _apps.go).
  for (const [type, field, expect] of FILE_BACKED) {
    for (const res of target.resources.get(type)?.values() ?? []) {
      const c = new Collector(target, res.address, res.file);
      c.add(get(res.node, field), `resources.${res.address}.${field}`, expect);
      out.push(...c.refs);
    }
  }
  for (const artifact of target.artifacts) {
    if (artifact.implicit) continue;
    const c = new Collector(target, `artifacts.${artifact.name}`);
    c.add(get(artifact.node, 'path'), `artifacts.${artifact.name}.path`, 'dir');
    // Without a build command the files must already exist (validate expands them: `<p>: no matching files`).
    if (asString(get(artifact.node, 'build')) === undefined) {
      (asSeq(get(artifact.node, 'files'))?.items ?? []).forEach((f, i) =>
        c.add(get(f, 'source'), `artifacts.${artifact.name}.files[${i}].source`, 'exists', true),
      );
    }
    out.push(...c.refs);
  }
  return out;
}

const pathsByJobNode = new WeakMap<MapNode, Map<string, readonly PathRef[]>>();

/** A job's paths. Without `${...}` they are the same for every target, which share unchanged jobs: kept per node. */
function jobPaths(target: TargetView, job: Job): readonly PathRef[] {
  const key = `${job.address}\0${job.file}`;
  const known = pathsByJobNode.get(job.node)?.get(key);
  if (known) return known;
  const c = new Collector(target, job.address, job.file);
  const tasks = asSeq(get(job.node, 'tasks'))?.items ?? [];
  tasks.forEach((task, i) => {
    const map = asMap(task);
    if (map) collectTask(c, map, `resources.${job.address}.tasks[${i}]`);
  });
  collectEnvironments(c, job.node, `resources.${job.address}`);
  if (c.refs.every((ref) => !ref.raw.includes('${'))) {
    let byKey = pathsByJobNode.get(job.node);
    if (!byKey) pathsByJobNode.set(job.node, (byKey = new Map()));
    byKey.set(key, c.refs);
  }
  return c.refs;
}

function collectTask(c: Collector, task: MapNode | undefined, base: string): void {
  if (!task) return;
  const notebook = getMap(task, 'notebook_task');
  if (notebook && asString(get(notebook, 'source'))?.toUpperCase() !== 'GIT') {
    c.add(get(notebook, 'notebook_path'), () => `${base}.notebook_task.notebook_path`, 'notebook');
  }
  const python = getMap(task, 'spark_python_task');
  if (python && asString(get(python, 'source'))?.toUpperCase() !== 'GIT') {
    c.add(get(python, 'python_file'), () => `${base}.spark_python_task.python_file`, 'file');
  }
  c.add(get(task, 'dbt_task', 'project_directory'), () => `${base}.dbt_task.project_directory`, 'dir');
  c.add(get(task, 'sql_task', 'file', 'path'), () => `${base}.sql_task.file.path`, 'file');
  (asSeq(get(task, 'libraries'))?.items ?? []).forEach((lib, i) => {
    c.add(get(lib, 'requirements'), () => `${base}.libraries[${i}].requirements`, 'file');
    c.add(get(lib, 'whl'), () => `${base}.libraries[${i}].whl`, 'library');
    c.add(get(lib, 'jar'), () => `${base}.libraries[${i}].jar`, 'library');
  });
  const nested = getMap(task, 'for_each_task', 'task');
  if (nested) collectTask(c, nested, `${base}.for_each_task.task`);
}

function collectEnvironments(c: Collector, job: MapNode, base: string): void {
  (asSeq(get(job, 'environments'))?.items ?? []).forEach((env, i) => {
    (asSeq(get(env, 'spec', 'dependencies'))?.items ?? []).forEach((dep, j) =>
      collectDependency(c, dep, `${base}.environments[${i}].spec.dependencies[${j}]`),
    );
  });
}

/**
 * A pip requirement line: `-r file` / `-e path` name local paths (checked); a local wheel path is a
 * library; anything else (package specs, index options, URLs) is not a path.
 */
function collectDependency(c: Collector, dep: Node, field: string): void {
  const scalar = asScalar(dep);
  const text = asString(scalar)?.trim();
  if (!scalar || !text) return;
  const flag = /^(-r|--requirement|-e|--editable)(?:=|\s+)(.+)$/.exec(text);
  if (flag) {
    const value = flag[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    c.add({ ...scalar, value }, field, flag[1].includes('r') && !flag[1].includes('edit') ? 'file' : 'exists');
    return;
  }
  if (text.startsWith('-')) return;
  if (/\.(whl|jar)(\[[^\]]*\])?$/i.test(text) && (text.startsWith('.') || text.includes('/'))) {
    c.add({ ...scalar, value: text.replace(/\[[^\]]*\]$/, '') }, field, 'library');
  }
}

/** Common ancestor of the bundle root and every sync path (POSIX, relative to the bundle root). */
export function syncRoot(target: TargetView): string {
  let root = '.';
  for (const p of target.sync.paths) {
    if (path.posix.isAbsolute(p)) continue;
    const segments = path.posix.normalize(p).split('/');
    const firstGlob = segments.findIndex((s) => hasGlob(s));
    const dir = firstGlob < 0 ? segments.join('/') : segments.slice(0, firstGlob).join('/') || '.';
    for (let guard = 0; guard < 64 && !isInside(root, dir); guard++) {
      root = path.posix.normalize(path.posix.join(root, '..'));
    }
  }
  return root;
}

export function isInside(root: string, rel: string): boolean {
  // Common case without resolving against the working directory: a normalised relative path below '.'.
  if (root === '.' && rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') && path.posix.normalize(rel) === rel) return true;
  const r = path.posix.relative(root, rel);
  return r === '' || (!r.startsWith('../') && r !== '..');
}

/**
 * Where the pre-0.216 CLI resolved a path: relative to the file that defines the resource. Returned
 * only when the path fails where it is written (outside the sync root `root`, or missing) but
 * exists there: the CLI then fails with `path <p> is defined relative to the <dir> directory`.
 */
export function fallbackResolution(bundle: Bundle, ref: PathRef, root: string): string | undefined {
  if (!ref.resourceFile || !ref.value || ref.resolved === undefined || ref.glob) return undefined;
  if (path.posix.dirname(ref.resourceFile) === path.posix.dirname(ref.node.loc.file)) return undefined;
  const fails = !isInside(root, ref.resolved) || (withinAnalysedTree(bundle, ref.resolved) && bundle.fileIndex.kind(ref.resolved) === 'missing');
  if (!fails) return undefined;
  const old = resolveRelative({ file: ref.resourceFile, line: 1, column: 1 }, ref.value);
  return bundle.fileIndex.kind(old) === 'missing' ? undefined : old;
}

/**
 * Whether a path (relative to the bundle root) goes through a symbolic link that leads out of the
 * repository. The file index reads it as missing and leaves a notice at the link, which
 * symlink-outside-repo reports: the path exists, so a "not found" for it would be a second, wrong
 * finding for the same problem. Call after `fileIndex.kind(rel)` (the notice is made on lookup).
 */
export function leadsOutOfRepository(bundle: Bundle, rel: string): boolean {
  const p = path.posix.normalize(rel);
  return bundle.fileIndex.notices.some((n) => {
    if (n.check !== 'symlink-outside-repo' || !n.loc) return false;
    const link = path.posix.normalize(n.loc.file);
    return p === link || p.startsWith(`${link}/`);
  });
}

/**
 * Whether a path (relative to the bundle root) lies inside the analysed tree. Files above it were
 * not read, so their existence is unknown and must not be reported as missing.
 */
export function withinAnalysedTree(bundle: Bundle, rel: string): boolean {
  const fromAnalysed = path.posix.normalize(path.posix.join(bundle.relRoot, rel));
  return fromAnalysed !== '..' && !fromAnalysed.startsWith('../');
}
