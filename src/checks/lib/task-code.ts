// The code a job's tasks run: the task's notebook / python file / wheel entry module, and the local
// modules those import (followed into the repository sources a few levels deep).
import path from 'node:path';
import type { Bundle, Job, Loc, PythonProject, ScalarNode, Task, TargetView } from '../../model.js';
import { findModuleFile } from '../../project/python.js';
import { asScalar, get } from './nodes.js';
import { isRemotePath, resolveRelative } from './paths.js';
import { distributionNamed, interpolated, parseEntryPointValue } from './wheel-tasks.js';

const NOTEBOOK_EXTS = ['.py', '.ipynb', '.sql', '.scala', '.r'];

export interface TaskEntry {
  job: Job;
  task: Task;
  /** Relative to the bundle root. */
  file: string;
  /** Where the task names it (the notebook_path / python_file value), when written in the config. */
  loc?: Loc;
  field: 'notebook_path' | 'python_file' | 'entry_point';
}

/** A file some task runs or imports, and how it is reached. */
export interface ReachedFile {
  file: string;
  depth: number; // 0 = the task's own file
  /** The import that reached it (file and line in the importing file). */
  via?: { file: string; line: number; module: string };
  entries: TaskEntry[];
}

/** A ReachedFile of the memoised walk (shared by every caller and target with the same entries): read it, never change it. */
export type SharedReachedFile = Readonly<Omit<ReachedFile, 'entries'>> & { readonly entries: readonly TaskEntry[] };

/** The file a task runs directly, when it is in the repository. */
export function taskEntry(bundle: Bundle, target: TargetView, job: Job, task: Task): TaskEntry | undefined {
  if (job.gitSource) return undefined;
  const notebook = asScalar(get(task.node, 'notebook_task', 'notebook_path'));
  if (notebook) {
    const file = localFile(bundle, target, notebook, true);
    return file ? { job, task, file, loc: notebook.loc, field: 'notebook_path' } : undefined;
  }
  const python = asScalar(get(task.node, 'spark_python_task', 'python_file'));
  if (python) {
    const file = localFile(bundle, target, python, false);
    return file ? { job, task, file, loc: python.loc, field: 'python_file' } : undefined;
  }
  if (task.type === 'python_wheel_task' && task.typeNode) {
    const pkg = interpolated(target, asScalar(get(task.typeNode, 'package_name')));
    const entryNode = asScalar(get(task.typeNode, 'entry_point'));
    const name = interpolated(target, entryNode);
    const project = distributionNamed(bundle, pkg);
    const ep = project && name ? project.entryPoints.find((e) => e.name === name) : undefined;
    const parsed = ep ? parseEntryPointValue(ep.value) : undefined;
    if (project && parsed) {
      const file = entryModuleFile(bundle, project, parsed.module);
      if (file) return { job, task, file, loc: entryNode?.loc, field: 'entry_point' };
    }
  }
  return undefined;
}

/** A task path as a bundle-relative file (notebooks may omit the extension); undefined when remote or missing. */
export function localFile(bundle: Bundle, target: TargetView, node: ScalarNode, notebook: boolean): string | undefined {
  const raw = String(node.value ?? '').trim();
  if (!raw) return undefined;
  if (raw.includes('${')) return resolveLocalFile(bundle, target, node, raw, notebook);
  // Without references the answer is the same for every target (targets share unchanged nodes).
  let memo = localFiles.get(bundle);
  if (!memo) {
    memo = { notebook: new WeakMap(), file: new WeakMap() };
    localFiles.set(bundle, memo);
  }
  const byNode = notebook ? memo.notebook : memo.file;
  const known = byNode.get(node);
  if (known && known.raw === raw) return known.file;
  const file = resolveLocalFile(bundle, target, node, raw, notebook);
  byNode.set(node, { raw, file });
  return file;
}

const localFiles = new WeakMap<Bundle, { notebook: WeakMap<ScalarNode, { raw: string; file?: string }>; file: WeakMap<ScalarNode, { raw: string; file?: string }> }>();

function resolveLocalFile(bundle: Bundle, target: TargetView, node: ScalarNode, raw: string, notebook: boolean): string | undefined {
  let rel: string | undefined;
  const synced = /^\$\{workspace\.(?:file_path|root_path\}\/files)\}?\/(.+)$/.exec(raw);
  if (synced) rel = path.posix.normalize(synced[1]);
  else {
    const interp = target.interpolate(raw, node.loc);
    if (!interp.resolved || isRemotePath(raw) || isRemotePath(interp.value)) return undefined;
    rel = resolveRelative(node.loc, interp.value);
  }
  const candidates = notebook && !NOTEBOOK_EXTS.includes(path.posix.extname(rel).toLowerCase()) ? [rel, ...NOTEBOOK_EXTS.map((e) => rel + e)] : [rel];
  if (notebook && synced) candidates.push(...NOTEBOOK_EXTS.map((e) => rel + e));
  return candidates.find((c) => isRegularFile(bundle, c));
}

/** The source file of a module inside a distribution (where its packages live, then src/ and the project folder). */
export function entryModuleFile(bundle: Bundle, project: PythonProject, module: string): string | undefined {
  return findModuleFile(bundle.fileIndex, project, module);
}

function isRegularFile(bundle: Bundle, rel: string): boolean {
  const kind = bundle.fileIndex.kind(rel);
  return kind === 'file' || kind === 'notebook';
}

const entriesByTarget = new WeakMap<TargetView, { bundle: Bundle; entries: readonly TaskEntry[] }>();

/**
 * Every task entry of the target's jobs (computed once per target; the array is shared and frozen).
 * Targets share the jobs they leave as written, and a job whose task paths hold no `${...}` has the
 * same entries in every target: those are made once per job, and a target whose entries are all the
 * same objects as another's gets that target's array (so what is memoised on it is shared too).
 */
export function taskEntries(bundle: Bundle, target: TargetView): readonly TaskEntry[] {
  const cached = entriesByTarget.get(target);
  if (cached && cached.bundle === bundle) return cached.entries;
  const entries = sharedEntryList(bundle, collectTaskEntries(bundle, target));
  entriesByTarget.set(target, { bundle, entries });
  return entries;
}

function collectTaskEntries(bundle: Bundle, target: TargetView): TaskEntry[] {
  const out: TaskEntry[] = [];
  for (const job of target.jobs) {
    for (const entry of jobTaskEntries(bundle, target, job)) out.push(entry);
  }
  return out;
}

const entriesByJob = new WeakMap<Job, { bundle: Bundle; entries: readonly TaskEntry[] }>();

/** A job's task entries: once per job when no task path the entries read holds a `${...}`. */
function jobTaskEntries(bundle: Bundle, target: TargetView, job: Job): readonly TaskEntry[] {
  const known = entriesByJob.get(job);
  if (known && known.bundle === bundle) return known.entries;
  const entries: TaskEntry[] = [];
  for (const task of job.tasks) {
    const entry = taskEntry(bundle, target, job, task);
    if (entry) entries.push(entry);
  }
  if (job.gitSource || job.tasks.every((task) => !readsReference(task))) entriesByJob.set(job, { bundle, entries });
  return entries;
}

/** Whether the value taskEntry resolves for the task holds a `${...}` (and so may differ per target). */
function readsReference(task: Task): boolean {
  const written = (node: ScalarNode | undefined) => String(node?.value ?? '').includes('${');
  const notebook = asScalar(get(task.node, 'notebook_task', 'notebook_path'));
  if (notebook) return written(notebook);
  const python = asScalar(get(task.node, 'spark_python_task', 'python_file'));
  if (python) return written(python);
  if (task.type === 'python_wheel_task' && task.typeNode) {
    return written(asScalar(get(task.typeNode, 'package_name'))) || written(asScalar(get(task.typeNode, 'entry_point')));
  }
  return false;
}

const entryLists = new WeakMap<Bundle, (readonly TaskEntry[])[]>();

/** `entries` frozen, or an equal list (the same entries in the same order) another target already has. */
function sharedEntryList(bundle: Bundle, entries: TaskEntry[]): readonly TaskEntry[] {
  let lists = entryLists.get(bundle);
  if (!lists) entryLists.set(bundle, (lists = []));
  const same = lists.find((list) => list.length === entries.length && list.every((entry, i) => entry === entries[i]));
  if (same) return same;
  const frozen = Object.freeze(entries);
  lists.push(frozen);
  return frozen;
}

/**
 * The task files and the repository modules they import, `maxDepth` imports deep. Importing
 * `a.b.c` also runs `a/__init__.py` and `a/b/__init__.py`, so those are reached too. Walked once
 * per list of entries (targets with the same entries share one list) and shared: callers only read it.
 */
export function reachableCode(bundle: Bundle, entries: readonly TaskEntry[], maxDepth = 2): readonly SharedReachedFile[] {
  let byDepth = reachableByEntries.get(entries);
  if (!byDepth) {
    byDepth = new Map();
    reachableByEntries.set(entries, byDepth);
  }
  const cached = byDepth.get(maxDepth);
  if (cached && cached.bundle === bundle) return cached.reached;
  const reached = walkReachableCode(bundle, entries, maxDepth);
  byDepth.set(maxDepth, { bundle, reached });
  return reached;
}

const reachableByEntries = new WeakMap<readonly TaskEntry[], Map<number, { bundle: Bundle; reached: ReachedFile[] }>>();

function walkReachableCode(bundle: Bundle, entries: readonly TaskEntry[], maxDepth: number): ReachedFile[] {
  const reached = new Map<string, ReachedFile>();
  const entrySets = new Map<ReachedFile, Set<TaskEntry>>();
  const queue: ReachedFile[] = [];
  const visit = (file: string, depth: number, entry: TaskEntry, via?: ReachedFile['via']) => {
    const known = reached.get(file);
    if (known) {
      const set = entrySets.get(known)!;
      if (!set.has(entry)) {
        set.add(entry);
        known.entries.push(entry);
        queue.push(known); // spread the new entry to what it imports
      }
      return;
    }
    const r: ReachedFile = { file, depth, via, entries: [entry] };
    reached.set(file, r);
    entrySets.set(r, new Set([entry]));
    queue.push(r);
  };
  for (const entry of entries) visit(entry.file, 0, entry);
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current.depth >= maxDepth) continue;
    const facts = bundle.fileIndex.facts(current.file);
    if (!facts) continue;
    for (const imp of facts.imports) {
      for (const file of importedFiles(bundle, current.file, imp.module)) {
        if (file === current.file) continue;
        for (const entry of current.entries) visit(file, current.depth + 1, entry, { file: current.file, line: imp.line, module: imp.module });
      }
    }
  }
  return [...reached.values()];
}

const importsByBundle = new WeakMap<Bundle, Map<string, readonly string[]>>();

/** Repository files that `import <module>` in `fromFile` would execute (the module and its parent packages). */
export function importedFiles(bundle: Bundle, fromFile: string, module: string): string[] {
  let byImport = importsByBundle.get(bundle);
  if (!byImport) {
    byImport = new Map();
    importsByBundle.set(bundle, byImport);
  }
  // Relative imports depend on the folder only; absolute ones on every parent folder too: key on the folder.
  const key = `${path.posix.dirname(fromFile)}\0${module}`;
  let files = byImport.get(key);
  if (!files) {
    files = lookupImportedFiles(bundle, fromFile, module);
    byImport.set(key, files);
  }
  return [...files];
}

function lookupImportedFiles(bundle: Bundle, fromFile: string, module: string): string[] {
  const dir = path.posix.dirname(fromFile);
  if (module.startsWith('.')) {
    const dots = /^\.+/.exec(module)![0].length;
    let base = dir;
    for (let i = 1; i < dots; i++) base = path.posix.dirname(base);
    const rest = module.slice(dots);
    if (!rest) return existing(bundle, [path.posix.join(base, '__init__.py')]);
    const file = moduleFile(bundle, base, rest);
    return file ? withParents(bundle, base, rest, file) : [];
  }
  const bases = searchBases(bundle, fromFile);
  for (const base of bases) {
    const file = moduleFile(bundle, base, module);
    if (file) return withParents(bundle, base, module, file);
  }
  return [];
}

/** Where imports are looked up: the bundle root (the synced files), the file's folder and its parents, package roots. */
function searchBases(bundle: Bundle, fromFile: string): string[] {
  const bases: string[] = ['.'];
  let dir = path.posix.dirname(fromFile);
  while (dir !== '.' && dir !== '' && !dir.startsWith('..')) {
    bases.push(dir);
    dir = path.posix.dirname(dir);
  }
  for (const project of bundle.python) for (const p of project.packages) bases.push(p.dir);
  return [...new Set(bases.map((b) => path.posix.normalize(b)))];
}

/** The file of module `a.b.c` below `base`: `a/b/c.py` or `a/b/c/__init__.py`. */
export function moduleFile(bundle: Bundle, base: string, module: string): string | undefined {
  const parts = module.split('.').filter(Boolean);
  if (parts.length === 0) return undefined;
  const stem = path.posix.join(base, ...parts);
  return [`${stem}.py`, `${stem}/__init__.py`].find((candidate) => isRegularFile(bundle, candidate));
}

function withParents(bundle: Bundle, base: string, module: string, file: string): string[] {
  const parts = module.split('.').filter(Boolean);
  const parents: string[] = [];
  for (let n = 1; n < parts.length; n++) parents.push(path.posix.join(base, ...parts.slice(0, n), '__init__.py'));
  return [...existing(bundle, parents).filter((p) => p !== file), file];
}

function existing(bundle: Bundle, files: string[]): string[] {
  return files.filter((f) => isRegularFile(bundle, f));
}
