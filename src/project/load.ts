// loadProject: every bundle root below a path, each read into a fully populated Bundle with one
// TargetView per target. Never throws on bad input: problems are findings at their file:line.
import fs from 'node:fs';
import path from 'node:path';
import type { Bundle, ConfigFile, FileIndex, Job, Loc, MapNode, Node, Pipeline, Project, PythonProject, RawFinding, Resource, SyncVerdict, TargetView } from '../model.js';
import { discoverBundleRoots, type BundleRootDir } from './discover.js';
import { createFileIndex } from './files.js';
import { isInside, realpathOrSelf, resolveIncludes } from './include.js';
import { Interpolator } from './interpolate.js';
import { MergeSession, asMap, asString, isNull } from './merge.js';
import { readPythonProjects } from './python.js';
import { implicitPythonArtifact, isLocalLibrary, readArtifacts, readJob, readPipeline, readResources, readSync, relativeToRoot } from './resources.js';
import { normalizeConfigFile, schemaReporter } from './schema-notices.js';
import { substituteComplexVariables } from './substitute.js';
import { createSyncMatcher } from './sync.js';
import { mergeElementsAfterSubstitution, mergeTarget, readTargets } from './targets.js';
import { readVariableDefs, resolveTargetVariables } from './variables.js';
import { configInvalid, emptyMap, readConfigFile } from './yaml.js';

export interface LoadOptions {
  vars?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  target?: string;
  /** The repository boundary for includes, symlinks and file reads (default: the enclosing git work tree, else the path). */
  repoRoot?: string;
}

const GLOB_CHARS = /[*?[\]^]/;

export function loadProject(projectPath: string, options: LoadOptions = {}): Project {
  const abs = path.resolve(projectPath);
  const discovery = discoverBundleRoots(abs);
  const analysedDir = isDirectory(abs) ? abs : path.dirname(abs);
  const repoRoot = repositoryRoot(analysedDir, options.repoRoot);
  const notices: RawFinding[] = [...discovery.notices];
  const bundles: Bundle[] = [];
  for (const root of discovery.roots) {
    try {
      bundles.push(loadBundle(root, repoRoot, options, analysedDir));
    } catch (err) {
      const rel = toPosix(path.relative(analysedDir, root.dir)) || '.';
      notices.push({
        check: 'internal-error',
        severity: 'info',
        message: `${rel}: the bundle could not be loaded (${(err as Error).message}); not analysed`,
        loc: { file: `${rel === '.' ? '' : `${rel}/`}${root.rootFiles[0]}`, line: 1, column: 1 },
      });
    }
  }
  return { path: abs, bundles, notices };
}

/**
 * The repository a bundle lives in: `override` when it holds the analysed folder, else the first
 * folder upwards with a `.git` entry (directory, or file for worktrees and submodules), else the folder.
 */
export function repositoryRoot(analysedDir: string, override?: string): string {
  if (override) {
    const given = path.resolve(override);
    if (isInside(given, analysedDir)) return given;
    // The same folder reached through a symlink (GITHUB_WORKSPACE vs a realpath): keep the analysed spelling.
    const up = path.relative(realpathOrSelf(analysedDir), realpathOrSelf(given));
    if (up === '' || up.split(path.sep).every((part) => part === '..')) return path.resolve(analysedDir, up);
  }
  for (let dir = analysedDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return analysedDir;
  }
}

/**
 * The glob character in a bundle root path, and where it is said without an absolute path: the
 * bundle folder relative to the repository, or the folder above the repository that holds it.
 */
export function rootPathGlobChars(dir: string, repoRoot: string | undefined): { char: string; where: string } | undefined {
  const bad = GLOB_CHARS.exec(dir);
  if (!bad) return undefined;
  const inRepo = repoRoot ? toPosix(path.relative(repoRoot, dir)) : '';
  if (repoRoot && !inRepo.startsWith('..') && GLOB_CHARS.test(inRepo)) {
    return { char: GLOB_CHARS.exec(inRepo)![0], where: `the bundle folder ${inRepo} (relative to the repository)` };
  }
  const folder = dir.split(path.sep).find((part) => GLOB_CHARS.test(part)) ?? path.basename(dir);
  return { char: bad[0], where: `the folder ${folder} that the repository is checked out in` };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function loadBundle(root: BundleRootDir, repoRoot: string, options: LoadOptions = {}, analysedDir = repoRoot): Bundle {
  const dir = root.dir;
  const notices: RawFinding[] = [];
  const relRoot = toPosix(path.relative(analysedDir, dir)) || '.';
  const rootFile = root.rootFiles[0];
  const rootLoc: Loc = { file: rootFile, line: 1, column: 1 };
  if (root.rootFiles.length > 1) {
    notices.push(configInvalid(`multiple bundle root configuration files found in ${relRoot}: ${root.rootFiles.join(', ')}`, { ...rootLoc, file: root.rootFiles[1] }));
  }

  const globChars = rootPathGlobChars(dir, repoRoot);
  if (globChars) notices.push(configInvalid(`Bundle root path contains glob pattern characters: ${globChars.where} (character "${globChars.char}")`, rootLoc));

  const files = new Map<string, ConfigFile>();
  const rootAbs = path.join(dir, rootFile);
  const rootIsDirectory = isDirectory(rootAbs);
  const rootInsideRepo = isInside(realpathOrSelf(repoRoot), realpathOrSelf(rootAbs));
  const parsedRoot = rootIsDirectory
    ? {
        file: { path: rootFile, text: '', lines: [] },
        notices: [configInvalid(`${rootFile} is a directory, not a file: the Databricks CLI cannot read the bundle configuration`, rootLoc)],
      }
    : rootInsideRepo
      ? readConfigFile(rootAbs, rootFile)
      : {
          file: { path: rootFile, text: '', lines: [] },
          notices: [
            {
              check: 'include-outside-repository',
              message: `${rootFile} is a symlink out of the analysed repository; not read`,
              loc: rootLoc,
            },
          ],
        };
  files.set(rootFile, parsedRoot.file);
  notices.push(...parsedRoot.notices);
  const rootMap = normalizeConfigFile(parsedRoot.file, parsedRoot.file.root ?? emptyMap(rootLoc), notices);

  const included = resolveIncludes(rootMap, dir, repoRoot);
  notices.push(...included.notices);
  const session = new MergeSession();
  let base: MapNode = session.own(rootMap);
  const resourceKeys = new Map<string, Loc>();
  recordResourceKeys(rootMap, resourceKeys, notices);
  for (const inc of included.files) {
    const parsed = readConfigFile(inc.abs, inc.rel);
    files.set(inc.rel, parsed.file);
    notices.push(...parsed.notices);
    if (!parsed.file.root) continue;
    let map = normalizeConfigFile(parsed.file, parsed.file.root, notices);
    const nestedInclude = map.entries.get('include');
    if (nestedInclude && !isNull(nestedInclude) && !(nestedInclude.kind === 'seq' && nestedInclude.items.length === 0)) {
      // Same text as the include-outside-root check, so the engine merges the two; its severity applies.
      notices.push({
        check: 'include-outside-root',
        message: `Include section is defined outside root file: ${inc.rel}. Only includes defined in ${rootFile} are applied.`,
        loc: nestedInclude.loc,
      });
      map = new MergeSession().own(map);
      map.entries.delete('include');
      map.keyLocs.delete('include');
    }
    recordResourceKeys(map, resourceKeys, notices);
    base = session.mergeMaps(base, map);
  }

  const nameNode = asMap(base.entries.get('bundle'))?.entries.get('name');
  const name = asString(nameNode) ?? path.basename(dir);
  const pythonResources = pythonResourcesLoc(base);
  const pythonConflict = pythonSectionsConflict(base);
  if (pythonConflict) notices.push(pythonConflict);

  const selection = readTargets(base);
  notices.push(...selection.notices);
  const fileIndex = createFileIndex(dir, repoRoot);
  const defs = readVariableDefs(base.entries.get('variables'), notices);
  const vars = options.vars ?? {};
  for (const varName of Object.keys(vars)) {
    if (!defs.has(varName)) notices.push(configInvalid(`variable ${varName} has not been defined (set with --var)`));
  }
  const inputs = { vars, env: options.env ?? process.env };

  const wanted = options.target && selection.targets.some((t) => t.name === options.target) ? options.target : undefined;
  const targets = new Map<string, TargetView>();
  const syncMatchers: SyncMatchers = new Map();
  for (const decl of selection.targets) {
    if (wanted && decl.name !== wanted) continue;
    const { config, mode, notices: mergeNotices } = mergeTarget(base, decl);
    notices.push(...mergeNotices);
    const resolved = resolveTargetVariables(defs, decl.name, decl.node?.entries.get('variables'), dir, inputs);
    for (const n of resolved.notices) notices.push({ ...n, targets: [decl.name] });
    const withValues = substituteComplexVariables(config, resolved.values, schemaReporter(notices, [decl.name]));
    const substituted = withValues === config ? config : mergeElementsAfterSubstitution(withValues);
    targets.set(decl.name, buildTargetView(decl.name, decl.loc, decl.name === selection.defaultTarget, mode, substituted, resolved.values, name, fileIndex, syncMatchers, repoRoot));
  }
  // Only a root file that was read can be said to lack a name.
  if (!rootIsDirectory && rootInsideRepo && parsedRoot.file.root !== undefined) {
    const unnamed = [...targets.values()].filter((t) => !asString(asMap(t.config.entries.get('bundle'))?.entries.get('name'))?.trim()).map((t) => t.name);
    if (unnamed.length > 0) {
      const missing = configInvalid(
        'bundle.name is required: the bundle has no name, so the Databricks CLI cannot compute its default workspace root_path (~/.bundle/${bundle.name}/${bundle.target})',
        parsedRoot.file.root?.keyLocs.get('bundle') ?? rootLoc,
      );
      notices.push(unnamed.length < targets.size ? { ...missing, targets: unnamed } : missing);
    }
  }

  return {
    root: dir,
    relRoot,
    repoRoot,
    rootFile,
    name,
    ...(nameNode ? { nameLoc: nameNode.loc } : {}),
    files,
    base,
    targets,
    defaultTarget: selection.defaultTarget,
    python: readPython(fileIndex, [...targets.values()], notices),
    fileIndex,
    notices,
    ...(pythonResources ? { pythonResources } : {}),
    ...(inputs.env.DATABRICKS_BUNDLE_ENGINE ? { engineFromEnv: inputs.env.DATABRICKS_BUNDLE_ENGINE } : {}),
  };
}

/**
 * `read` once per resource node: targets that leave a job or pipeline as written share its node, and
 * so the Job/Pipeline read from it (read-only, like the nodes).
 */
function readOncePerNode<T extends Resource>(read: (resource: Resource) => T): (resource: Resource) => T {
  const memo = new WeakMap<MapNode, T>();
  return (resource) => {
    const known = memo.get(resource.node);
    if (known && sameResource(known, resource)) return known;
    const value = read(resource);
    memo.set(resource.node, value);
    return value;
  };
}

function sameResource(a: Resource, b: Resource): boolean {
  return a.type === b.type && a.key === b.key && a.address === b.address && a.file === b.file && a.loc.file === b.loc.file && a.loc.line === b.loc.line && a.loc.column === b.loc.column;
}

const readJobOnce = readOncePerNode(readJob);
const readPipelineOnce = readOncePerNode(readPipeline);

function buildTargetView(
  name: string,
  loc: Loc | undefined,
  isDefault: boolean,
  mode: string | undefined,
  config: MapNode,
  variables: TargetView['variables'],
  bundleName: string,
  fileIndex: FileIndex,
  syncMatchers: SyncMatchers = new Map(),
  repoRoot?: string,
): TargetView {
  const interpolator = new Interpolator({ bundleName, target: name, config, variables });
  const resources = readResources(config);
  const jobs: Job[] = [...(resources.get('jobs')?.values() ?? [])].map(readJobOnce);
  const pipelines: Pipeline[] = [...(resources.get('pipelines')?.values() ?? [])].map(readPipelineOnce);
  const artifacts = readArtifacts(config);
  const implicit = implicitPythonArtifact(config, jobs, fileIndex);
  if (implicit) artifacts.push(implicit);
  const sync = readSync(config);
  let matcher: ((file: string) => SyncVerdict) | undefined;
  const matcherFor = (): ((file: string) => SyncVerdict) => {
    // Targets with the same sync settings share one matcher and its verdicts.
    const key = JSON.stringify(sync);
    let shared = syncMatchers.get(key);
    if (!shared) {
      shared = memoisedMatcher(createSyncMatcher(fileIndex, sync, { repoRoot }));
      syncMatchers.set(key, shared);
    }
    return shared;
  };
  return {
    name,
    ...(loc ? { loc } : {}),
    isDefault,
    ...(mode !== undefined ? { mode } : {}),
    config,
    variables,
    resources,
    jobs,
    pipelines,
    artifacts,
    sync,
    interpolate: (text, at) => interpolator.interpolate(text, at),
    syncVerdict: (file) => {
      matcher ??= matcherFor();
      return matcher(file);
    },
  };
}

type SyncMatchers = Map<string, (file: string) => SyncVerdict>;

function memoisedMatcher(matcher: (file: string) => SyncVerdict): (file: string) => SyncVerdict {
  const verdicts = new Map<string, SyncVerdict>();
  return (file) => {
    let verdict = verdicts.get(file);
    if (!verdict) {
      verdict = matcher(file);
      verdicts.set(file, verdict);
    }
    return verdict;
  };
}

/** The CLI's unique_resource_keys: a resource key may be defined once across files and types. */
function recordResourceKeys(file: MapNode, seen: Map<string, Loc>, notices: RawFinding[]): void {
  const sections: [string, MapNode | undefined][] = [];
  for (const [type, byKey] of asMap(file.entries.get('resources'))?.entries ?? []) sections.push([type, asMap(byKey)]);
  sections.push(['scripts', asMap(file.entries.get('scripts'))]);
  for (const [, keys] of sections) {
    for (const [key, value] of keys?.entries ?? []) {
      const loc = keys!.keyLocs.get(key) ?? value.loc;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, loc);
        continue;
      }
      notices.push(
        configInvalid(`multiple resources or scripts have been defined with the same key: ${key} (${first.file}:${first.line}, ${loc.file}:${loc.line})`, loc),
      );
    }
  }
}

function pythonResourcesLoc(base: MapNode): Loc | undefined {
  for (const section of [asMap(base.entries.get('python')), asMap(asMap(base.entries.get('experimental'))?.entries.get('python'))]) {
    const resources = section?.entries.get('resources');
    if (resources && !isNull(resources) && !(resources.kind === 'seq' && resources.items.length === 0)) {
      return section!.keyLocs.get('resources') ?? resources.loc;
    }
  }
  return undefined;
}

/** `python` and `experimental.python` together must say the same (cli python mutator). */
function pythonSectionsConflict(base: MapNode): RawFinding | undefined {
  const python = base.entries.get('python');
  const experimental = asMap(base.entries.get('experimental'))?.entries.get('python');
  if (isNull(python) || isNull(experimental) || JSON.stringify(plainValue(python!)) === JSON.stringify(plainValue(experimental!))) return undefined;
  return configInvalid(
    "failed to apply python mutator: 'experimental/python' and 'python' configuration properties are mutually exclusive, use only 'python'",
    base.keyLocs.get('python') ?? python!.loc,
  );
}

function plainValue(node: Node): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainValue);
  return Object.fromEntries([...node.entries].map(([k, v]) => [k, plainValue(v)]));
}

/** Where Python projects may sit: the root, artifact paths, and the project dirs of local wheels. */
export function pythonHintDirs(targets: TargetView[]): string[] {
  const dirs = new Set<string>(['.']);
  const seen = new Set<string>();
  for (const target of targets) {
    for (const artifact of target.artifacts) dirs.add(artifact.path);
    for (const job of target.jobs) {
      for (const task of job.tasks) {
        for (const lib of [...task.libraries, ...task.environmentDependencies]) {
          if (lib.kind !== 'whl' && lib.kind !== 'dependency') continue;
          const seenKey = `${lib.node.loc.file}\0${lib.value}`;
          if (seen.has(seenKey)) continue;
          seen.add(seenKey);
          const value = lib.value.replace(/\[[^\]]*\]$/, '');
          if (!value.endsWith('.whl') || !isLocalLibrary(value)) continue;
          const rel = relativeToRoot(lib.node.loc.file, value);
          dirs.add(path.posix.dirname(path.posix.dirname(rel)));
        }
      }
    }
  }
  return [...dirs].filter((d) => !d.includes('${')).sort();
}

function readPython(fileIndex: FileIndex, targets: TargetView[], notices: RawFinding[]): PythonProject[] {
  try {
    return readPythonProjects(fileIndex, pythonHintDirs(targets));
  } catch (err) {
    notices.push({ check: 'internal-error', severity: 'info', message: `Python projects could not be read: ${(err as Error).message}` });
    return [];
  }
}

