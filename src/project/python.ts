// Python projects of a bundle, read statically (setup.py is parsed, never executed): the
// distribution name, entry points and the top-level packages the wheel would contain.

import * as TOML from '@iarna/toml';
import * as path from 'node:path';
import type { EntryPoint, FileIndex, Loc, PythonProject } from '../model.js';
import { keyPath, parseIni, tomlKeyLocations, type IniSections, type KeyLoc } from './config-locations.js';
import { normalizeRel } from './files.js';
import { readSetupPy, resolveName, type PyValue, type PythonModuleLiterals } from './python-literal.js';
import { setupPyFacts } from './setup-py.js';

export const METADATA_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py'] as const;
const MAX_DEPTH = 4;
const SKIPPED_DIRS = new Set([
  '.git', '.databricks', 'node_modules', '.venv', 'venv', 'env', '.env', 'dist', 'build', '.tox', '.nox',
  '__pycache__', 'site-packages', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs',
]);

/** PEP 503: `re.sub(r"[-_.]+", "-", name).lower()`. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const join = (dir: string, name: string): string => normalizeRel(dir === '.' ? name : `${dir}/${name}`);
const isIdentifier = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

export function readPythonProjects(fileIndex: FileIndex, hintDirs: string[]): PythonProject[] {
  const dirs = new Set<string>();
  for (const file of fileIndex.list('.')) {
    const base = path.posix.basename(file);
    if (!(METADATA_FILES as readonly string[]).includes(base)) continue;
    const dir = path.posix.dirname(file);
    const parts = dir === '.' ? [] : dir.split('/');
    if (parts.length > MAX_DEPTH || parts.some((p) => SKIPPED_DIRS.has(p))) continue;
    dirs.add(dir);
  }
  for (const hint of hintDirs) {
    const dir = normalizeRel(hint);
    if (METADATA_FILES.some((f) => isRegular(fileIndex, join(dir, f)))) dirs.add(dir);
  }
  const ordered = [...dirs].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const projects: PythonProject[] = [];
  for (const dir of ordered) {
    try {
      projects.push(readProject(fileIndex, dir));
    } catch (err) {
      projects.push({
        dir,
        metadataFiles: [],
        entryPoints: [],
        packages: [],
        hasSetupPy: false,
        notes: [{ check: 'config-invalid', message: `${dir}: the Python project could not be read: ${(err as Error).message}` }],
      });
    }
  }
  return projects;
}

function isRegular(fileIndex: FileIndex, rel: string): boolean {
  const k = fileIndex.kind(rel);
  return k === 'file' || k === 'notebook';
}

// ---------------------------------------------------------------------------------------------

/** A PythonProject as read here: setuptools projects whose packages are listed (explicitly or by
 *  find) also keep the full dotted list, because setuptools ships only the listed subpackages. */
export interface ReadPythonProject extends PythonProject {
  listedPackages?: string[];
  listedModules?: string[];
}

type Table = Record<string, unknown>;
const asTable = (v: unknown): Table | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? (v as Table) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined;

interface PackageConfig {
  explicit?: string[]; // dotted package names as listed
  find?: { where: string[]; include: string[]; exclude: string[]; namespace: boolean };
  packageDir: Record<string, string>;
  pyModules?: string[];
  /** `packages=` is something that cannot be read statically. */
  unknown?: boolean;
}

interface Reading {
  fileIndex: FileIndex;
  dir: string;
  project: PythonProject;
}

function readProject(fileIndex: FileIndex, dir: string): PythonProject {
  const project: PythonProject = { dir, metadataFiles: [], entryPoints: [], packages: [], hasSetupPy: false, notes: [] };
  const r: Reading = { fileIndex, dir, project };
  const pyprojectFile = join(dir, 'pyproject.toml');
  const setupCfgFile = join(dir, 'setup.cfg');
  const setupPyFile = join(dir, 'setup.py');

  let pyproject: Table | undefined;
  let tomlLocs = new Map<string, KeyLoc>();
  const pyprojectText = isRegular(fileIndex, pyprojectFile) ? fileIndex.read(pyprojectFile) : undefined;
  if (isRegular(fileIndex, pyprojectFile)) project.metadataFiles.push(pyprojectFile);
  if (pyprojectText !== undefined) {
    try {
      pyproject = TOML.parse(pyprojectText) as Table;
      tomlLocs = tomlKeyLocations(pyprojectText);
    } catch (err) {
      const e = err as { line?: number; col?: number; message?: string };
      const first = (e.message ?? String(err)).split('\n')[0].replace(/ at row \d+, col \d+, pos \d+:?$/, '');
      project.notes.push({
        check: 'config-invalid',
        message: `${pyprojectFile}: invalid TOML: ${first}`,
        loc: { file: pyprojectFile, line: (e.line ?? 0) + 1, column: (e.col ?? 0) + 1 },
      });
    }
  }
  let setupCfg: IniSections | undefined;
  if (isRegular(fileIndex, setupCfgFile)) {
    project.metadataFiles.push(setupCfgFile);
    const text = fileIndex.read(setupCfgFile);
    if (text !== undefined) setupCfg = parseIni(text);
  }
  let setupPy: PythonModuleLiterals | undefined;
  if (isRegular(fileIndex, setupPyFile)) {
    project.metadataFiles.push(setupPyFile);
    project.hasSetupPy = true;
    const text = fileIndex.read(setupPyFile);
    if (text !== undefined) setupPy = readSetupPy(text);
  }

  const tomlLoc = (...parts: string[]): Loc => {
    const l = tomlLocs.get(keyPath(parts));
    return { file: pyprojectFile, line: l?.line ?? 1, column: l?.column ?? 1 };
  };

  const buildSystem = asTable(pyproject?.['build-system']);
  project.buildBackend = asString(buildSystem?.['build-backend']);
  const backend = project.buildBackend ?? (pyproject || setupPy || setupCfg ? 'setuptools.build_meta:__legacy__' : undefined);
  const isSetuptools = !backend || backend.startsWith('setuptools');
  const isPoetry = !!backend?.startsWith('poetry');
  const pep621 = asTable(pyproject?.project);
  const tool = asTable(pyproject?.tool);
  const poetry = asTable(tool?.poetry);

  // --- name and entry points
  const entryPoints: EntryPoint[] = [];
  const addEntryPoints = (group: string, table: Table | undefined, locOf: (name: string) => Loc) => {
    for (const [name, v] of Object.entries(table ?? {})) {
      const value = asString(v) ?? asString(asTable(v)?.reference) ?? asString(asTable(v)?.callable);
      if (value !== undefined) entryPoints.push({ group, name, value: cleanEntryPointValue(value), loc: locOf(name) });
    }
  };

  if (pep621) {
    const name = asString(pep621.name);
    if (name !== undefined) {
      project.name = name;
      project.nameLoc = tomlLoc('project', 'name');
    }
    addEntryPoints('console_scripts', asTable(pep621.scripts), (n) => tomlLoc('project', 'scripts', n));
    addEntryPoints('gui_scripts', asTable(pep621['gui-scripts']), (n) => tomlLoc('project', 'gui-scripts', n));
    for (const [group, table] of Object.entries(asTable(pep621['entry-points']) ?? {})) {
      addEntryPoints(group, asTable(table), (n) => tomlLoc('project', 'entry-points', group, n));
    }
  }
  if (isPoetry && poetry) {
    const name = asString(poetry.name);
    if (project.name === undefined && name !== undefined) {
      project.name = name;
      project.nameLoc = tomlLoc('tool', 'poetry', 'name');
    }
    const known = new Set(entryPoints.map((e) => `${e.group}\u0000${e.name}`));
    const before = entryPoints.length;
    addEntryPoints('console_scripts', asTable(poetry.scripts), (n) => tomlLoc('tool', 'poetry', 'scripts', n));
    for (const [group, table] of Object.entries(asTable(poetry.plugins) ?? {})) {
      addEntryPoints(group, asTable(table), (n) => tomlLoc('tool', 'poetry', 'plugins', group, n));
    }
    const added = entryPoints.splice(before).filter((e) => !known.has(`${e.group}\u0000${e.name}`));
    entryPoints.push(...added);
  }

  let setupEntryPoints: EntryPoint[] = [];
  if (isSetuptools) {
    const legacy = readLegacyMetadata(r, setupCfg, setupCfgFile, setupPy, setupPyFile);
    if (setupPy?.setup?.kwargs.has('entry_points')) setupEntryPoints = legacy.entryPoints;
    if (pep621) {
      const dynamic = new Set(asStrings(pep621.dynamic) ?? []);
      for (const ep of legacy.entryPoints) {
        const field = ep.group === 'console_scripts' ? 'scripts' : ep.group === 'gui_scripts' ? 'gui-scripts' : 'entry-points';
        if (dynamic.has(field) && !entryPoints.some((e) => e.group === ep.group && e.name === ep.name)) entryPoints.push(ep);
      }
    } else {
      if (project.name === undefined && legacy.name) {
        project.name = legacy.name.value;
        project.nameLoc = legacy.name.loc;
      }
      // setup.py names the distribution, but not with a literal (`setup(**kwargs)`, a computed name).
      if (project.name === undefined && setupPy && (!setupPy.setup || setupPy.setup.hasUnpacking || setupPy.setup.kwargs.has('name'))) project.nameUnknown = true;
      entryPoints.push(...legacy.entryPoints);
    }
  } else if (setupPy?.setup) {
    setupEntryPoints = readLegacyMetadata(r, undefined, setupCfgFile, setupPy, setupPyFile).entryPoints;
  }
  project.entryPoints = entryPoints;
  if (project.name !== undefined) project.normalizedName = normalizeName(project.name);

  // --- packages
  project.packages = discoverPackages(r, backend, pyproject, setupCfg, setupPy, pyprojectFile);

  // --- what setup.py declares that the wheel does not get
  if (setupPy && backend && (pep621 || !isSetuptools)) {
    const facts = setupPyFacts({
      setupPy,
      setupPyFile,
      backend,
      runs: isSetuptools,
      pep621,
      poetry: isPoetry ? poetry : undefined,
      wheelEntryPoints: entryPoints,
      setupEntryPoints,
      packages: project.packages,
    });
    if (facts) project.setupPy = facts;
  }
  return project;
}

function cleanEntryPointValue(value: string): string {
  return value.replace(/\[.*\]\s*$/, '').replace(/\s+/g, '');
}

/** `name = module:attr [extra]` → group entry. */
function parseEntryPointLine(text: string): { name: string; value: string } | undefined {
  const m = /^\s*([^=\s][^=]*?)\s*=\s*(.+?)\s*$/.exec(text);
  if (!m) return undefined;
  return { name: m[1], value: cleanEntryPointValue(m[2]) };
}

// ---------------------------------------------------------------------------------------------
// setup.cfg + setup.py (setup.py arguments win: setuptools fills from setup.cfg only what is unset)

interface LegacyMetadata {
  name?: { value: string; loc: Loc };
  entryPoints: EntryPoint[];
}

function readLegacyMetadata(
  r: Reading,
  setupCfg: IniSections | undefined,
  setupCfgFile: string,
  setupPy: PythonModuleLiterals | undefined,
  setupPyFile: string,
): LegacyMetadata {
  const result: LegacyMetadata = { entryPoints: [] };
  const kwargs = setupPy?.setup?.kwargs;
  const env = setupPy?.assignments ?? new Map<string, PyValue>();
  const pyLoc = (pos: { line: number; column: number }): Loc => ({ file: setupPyFile, line: pos.line, column: pos.column });

  const nameValue = resolveName(kwargs?.get('name'), env);
  if (nameValue?.kind === 'str') result.name = { value: nameValue.value, loc: pyLoc(nameValue.pos) };
  else {
    const cfgName = setupCfg?.get('metadata')?.get('name');
    if (cfgName && cfgName.value && kwargs?.get('name') === undefined) {
      result.name = { value: cfgName.value, loc: { file: setupCfgFile, line: cfgName.lines[0]?.line ?? cfgName.loc.line, column: cfgName.lines[0]?.column ?? cfgName.loc.column } };
    }
  }

  const epValue = resolveName(kwargs?.get('entry_points'), env);
  if (kwargs?.has('entry_points')) {
    const entries = dictEntries(epValue);
    if (entries) {
      for (const [k, v] of entries) {
        const key = resolveName(k, env);
        const list = resolveName(v, env);
        if (key?.kind !== 'str') continue;
        const items = list?.kind === 'list' ? list.items : list?.kind === 'str' ? [list] : [];
        for (const item of items) {
          const it = resolveName(item, env);
          if (it?.kind !== 'str') continue;
          for (const lineText of it.value.split('\n')) {
            const ep = parseEntryPointLine(lineText);
            if (ep) result.entryPoints.push({ group: key.value, ...ep, loc: pyLoc(it.pos) });
          }
        }
      }
    }
  } else {
    const section = setupCfg?.get('options.entry_points');
    for (const [group, value] of section ?? []) {
      for (const l of value.lines) {
        const ep = parseEntryPointLine(l.text);
        if (ep) result.entryPoints.push({ group, ...ep, loc: { file: setupCfgFile, line: l.line, column: l.column } });
      }
    }
  }
  void r;
  return result;
}

/** The entries of a dict literal or of a `dict(key=value)` call. */
function dictEntries(value: PyValue | undefined): [PyValue, PyValue][] | undefined {
  if (value?.kind === 'dict') return value.entries;
  if (value?.kind === 'call' && value.name === 'dict' && value.args.length === 0) {
    return [...value.kwargs].map(([k, v]) => [{ kind: 'str', value: k, pos: v.pos }, v]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Packages

function discoverPackages(
  r: Reading,
  backend: string | undefined,
  pyproject: Table | undefined,
  setupCfg: IniSections | undefined,
  setupPy: PythonModuleLiterals | undefined,
  pyprojectFile: string,
): { name: string; dir: string }[] {
  const tool = asTable(pyproject?.tool);
  const pep621 = asTable(pyproject?.project);
  const projectName = r.project.name;
  if (!backend || backend.startsWith('setuptools')) return setuptoolsPackages(r, setuptoolsConfig(tool, setupCfg, setupPy), pyprojectFile);
  if (backend.startsWith('hatchling')) {
    const wheel = asTable(asTable(asTable(asTable(tool?.hatch)?.build)?.targets)?.wheel);
    const listed = asStrings(wheel?.packages);
    if (listed && listed.length > 0) {
      return dedupe(listed.map((p) => {
        const rel = normalizeRel(p);
        return { name: path.posix.basename(rel), dir: join(r.dir, path.posix.dirname(rel)) };
      }));
    }
    return namedModule(r, projectName, ['.', 'src'], (n) => n.replace(/[^\w.]+/g, '_'));
  }
  if (backend.startsWith('poetry')) {
    const poetry = asTable(tool?.poetry);
    const listed = Array.isArray(poetry?.packages) ? poetry!.packages : undefined;
    if (listed && listed.length > 0) {
      const out: { name: string; dir: string }[] = [];
      for (const p of listed) {
        const t = asTable(p);
        const include = asString(t?.include);
        if (!include) continue;
        const from = asString(t?.from) ?? '.';
        const first = normalizeRel(include).split('/')[0].replace(/\.py$/, '');
        out.push({ name: first, dir: join(r.dir, from) });
      }
      return dedupe(out);
    }
    return namedModule(r, projectName, ['.', 'src'], (n) => n.replace(/[-.]+/g, '_').toLowerCase());
  }
  if (backend.startsWith('flit')) {
    const module = asString(asTable(asTable(tool?.flit)?.module)?.name);
    return namedModule(r, module ?? projectName, ['.', 'src'], (n) => n.replace(/[-.]+/g, '_'));
  }
  if (backend.startsWith('uv_build')) {
    const uv = asTable(asTable(tool?.uv)?.['build-backend']);
    const moduleName = asStrings(uv?.['module-name']);
    const root = asString(uv?.['module-root']) ?? 'src';
    if (moduleName && moduleName.length > 0) {
      return dedupe(moduleName.map((m) => ({ name: m.split('.')[0], dir: join(r.dir, root) })));
    }
    return namedModule(r, projectName, [root], (n) => n.replace(/[-.]+/g, '_').toLowerCase());
  }
  void pep621;
  // Unknown backends (pdm-backend, maturin, ...): setuptools-like auto-discovery is the best guess.
  return setuptoolsPackages(r, { packageDir: {} }, pyprojectFile);
}

/** A package or module named after the project in one of `roots` (hatch, poetry, flit, uv). */
function namedModule(r: Reading, name: string | undefined, roots: string[], transform: (n: string) => string): { name: string; dir: string }[] {
  if (!name) return [];
  const module = transform(name);
  for (const root of roots) {
    const dir = join(r.dir, root);
    if (r.fileIndex.kind(join(dir, `${module}/__init__.py`)) !== 'missing') return [{ name: module, dir }];
    if (isRegular(r.fileIndex, join(dir, `${module}.py`))) return [{ name: module, dir }];
  }
  for (const root of roots) {
    const dir = join(r.dir, root);
    if (r.fileIndex.kind(join(dir, module)) === 'dir') return [{ name: module, dir }];
  }
  return [];
}

function dedupe(list: { name: string; dir: string }[]): { name: string; dir: string }[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.name}\u0000${p.dir}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function setuptoolsConfig(tool: Table | undefined, setupCfg: IniSections | undefined, setupPy: PythonModuleLiterals | undefined): PackageConfig {
  const config: PackageConfig = { packageDir: {} };
  // setup.cfg first; pyproject [tool.setuptools] and setup.py arguments override.
  const options = setupCfg?.get('options');
  if (options) {
    const pkgs = options.get('packages')?.value.trim();
    if (pkgs === 'find:' || pkgs === 'find_namespace:') {
      const find = setupCfg?.get('options.packages.find');
      config.find = {
        where: splitList(find?.get('where')?.value) ?? ['.'],
        include: splitList(find?.get('include')?.value) ?? [],
        exclude: splitList(find?.get('exclude')?.value) ?? [],
        namespace: pkgs === 'find_namespace:',
      };
    } else if (pkgs) config.explicit = splitList(pkgs);
    const pd = options.get('package_dir')?.value;
    if (pd !== undefined) config.packageDir = parsePackageDirCfg(pd);
    const mods = splitList(options.get('py_modules')?.value);
    if (mods) config.pyModules = mods;
  }
  const st = asTable(tool?.setuptools);
  if (st) {
    const pkgs = st.packages;
    const findTable = asTable(asTable(pkgs)?.find);
    if (Array.isArray(pkgs)) {
      config.explicit = asStrings(pkgs);
      config.find = undefined;
    } else if (findTable) {
      config.explicit = undefined;
      config.find = {
        where: asStrings(findTable.where) ?? ['.'],
        include: asStrings(findTable.include) ?? [],
        exclude: asStrings(findTable.exclude) ?? [],
        namespace: findTable.namespaces !== false,
      };
    }
    const pd = asTable(st['package-dir']);
    if (pd) config.packageDir = Object.fromEntries(Object.entries(pd).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const mods = asStrings(st['py-modules']);
    if (mods) config.pyModules = mods;
  }
  const kwargs = setupPy?.setup?.kwargs;
  if (kwargs && setupPy) {
    const env = setupPy.assignments;
    const pkgs = resolveName(kwargs.get('packages'), env);
    if (pkgs?.kind === 'list') {
      config.explicit = pkgs.items.map((i) => resolveName(i, env)).flatMap((i) => (i?.kind === 'str' ? [i.value] : []));
      config.find = undefined;
    } else if (pkgs?.kind === 'call' && /(^|\.)find_(namespace_)?packages$/.test(pkgs.name)) {
      const arg = (k: string, i: number) => resolveName(pkgs.kwargs.get(k) ?? pkgs.args[i], env);
      const strs = (v: PyValue | undefined) =>
        v?.kind === 'list' ? v.items.flatMap((i) => (i.kind === 'str' ? [i.value] : [])) : v?.kind === 'str' ? [v.value] : undefined;
      const where = arg('where', 0);
      config.explicit = undefined;
      config.find = {
        where: where?.kind === 'str' ? [where.value] : ['.'],
        exclude: strs(arg('exclude', 1)) ?? [],
        include: strs(arg('include', 2)) ?? [],
        namespace: pkgs.name.endsWith('find_namespace_packages'),
      };
    } else if (pkgs !== undefined) {
      config.explicit = undefined;
      config.find = undefined;
      config.unknown = true;
    }
    const pd = dictEntries(resolveName(kwargs.get('package_dir'), env));
    if (pd) {
      config.packageDir = {};
      for (const [k, v] of pd) {
        const key = resolveName(k, env);
        const val = resolveName(v, env);
        if (key?.kind === 'str' && val?.kind === 'str') config.packageDir[key.value] = val.value;
      }
    }
    const mods = resolveName(kwargs.get('py_modules'), env);
    if (mods?.kind === 'list') config.pyModules = mods.items.flatMap((i) => (i.kind === 'str' ? [i.value] : []));
  }
  return config;
}

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  return items;
}

/** `package_dir = \n  = src\n  pkg = lib/pkg` (or `package_dir = =src`). */
function parsePackageDirCfg(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of value.split(/[,\n]/)) {
    const t = item.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq < 0) continue;
    out[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
  }
  return out;
}

/** Directories setuptools' flat-layout discovery refuses as top-level packages. */
const FLAT_EXCLUDED_PACKAGES = new Set([
  'ci', 'bin', 'debian', 'doc', 'docs', 'documentation', 'manpages', 'news', 'newsfragments', 'changelog', 'test',
  'tests', 'unit_test', 'unit_tests', 'example', 'examples', 'scripts', 'tools', 'util', 'utils', 'python', 'build',
  'dist', 'venv', 'env', 'requirements', 'tasks', 'fabfile', 'site_scons', 'benchmark', 'benchmarks', 'exercise',
  'exercises', 'htmlcov',
]);
const FLAT_EXCLUDED_MODULES = new Set([
  'setup', 'conftest', 'test', 'tests', 'example', 'examples', 'build', 'toxfile', 'noxfile', 'pavement', 'dodo',
  'tasks', 'fabfile', 'sconstruct', 'conanfile', 'manage', 'benchmark', 'benchmarks', 'exercise', 'exercises',
]);

/** fnmatch as setuptools applies it to dotted package names. */
function fnmatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()[\]{}|]/g, '\\$&')))
        .join('') +
      '$',
  );
  return re.test(name);
}

/** Immediate children of a directory, from the file list: subdirectories and `.py` files. */
function children(r: Reading, dir: string): { dirs: string[]; modules: string[] } {
  const dirs = new Set<string>();
  const modules = new Set<string>();
  const prefix = dir === '.' ? '' : `${dir}/`;
  for (const file of r.fileIndex.list(dir)) {
    const rest = prefix === '' ? file : file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (rest === undefined) continue;
    const slash = rest.indexOf('/');
    if (slash >= 0) dirs.add(rest.slice(0, slash));
    else if (rest.endsWith('.py')) modules.add(rest.slice(0, -3));
  }
  return { dirs: [...dirs].sort(), modules: [...modules].sort() };
}

/** setuptools `find_packages` / `find_namespace_packages` (setuptools/discovery.py `_find_iter`):
 *  dotted names of the packages below `whereDir`; a directory that is not a package is not entered. */
function findPackages(r: Reading, whereDir: string, find: NonNullable<PackageConfig['find']>): string[] {
  const prefix = whereDir === '.' ? '' : `${whereDir}/`;
  const dirs = new Set<string>();
  for (const file of r.fileIndex.list(whereDir)) {
    const rest = prefix === '' ? file : file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (rest === undefined) continue;
    const parts = rest.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const include = find.include.length > 0 ? find.include : ['*'];
  const exclude = ['ez_setup', '*__pycache__', ...find.exclude];
  const found: string[] = [];
  const entered = new Set<string>(['']);
  for (const dir of [...dirs].sort()) {
    const slash = dir.lastIndexOf('/');
    const parent = slash < 0 ? '' : dir.slice(0, slash);
    const name = dir.slice(slash + 1);
    if (!entered.has(parent)) continue;
    if (name.includes('.')) continue;
    if (!find.namespace && !isRegular(r.fileIndex, join(whereDir, `${dir}/__init__.py`))) continue;
    const pkg = dir.replace(/\//g, '.');
    if (include.some((p) => fnmatch(p, pkg)) && !exclude.some((p) => fnmatch(p, pkg))) found.push(pkg);
    if (exclude.includes(`${pkg}*`) || exclude.includes(`${pkg}.*`)) continue;
    entered.add(dir);
  }
  return found;
}

function setuptoolsPackages(r: Reading, config: PackageConfig, pyprojectFile: string): { name: string; dir: string }[] {
  const out: { name: string; dir: string }[] = [];
  const rootDir = config.packageDir[''] !== undefined ? join(r.dir, config.packageDir['']) : r.dir;
  const packageRoot = (top: string): string => {
    const mapped = config.packageDir[top];
    return mapped !== undefined ? join(r.dir, path.posix.dirname(normalizeRel(mapped))) : rootDir;
  };
  if (config.unknown) return out;
  const listed: string[] = [];
  if (config.explicit) {
    for (const p of config.explicit) {
      const top = p.split('.')[0];
      out.push({ name: top, dir: packageRoot(top) });
      listed.push(p);
    }
  }
  if (config.find) {
    for (const w of config.find.where) {
      const whereDir = join(r.dir, w);
      for (const pkg of findPackages(r, whereDir, config.find)) {
        out.push({ name: pkg.split('.')[0], dir: whereDir });
        listed.push(pkg);
      }
    }
  }
  if (config.pyModules) {
    for (const m of config.pyModules) out.push({ name: m.split('.')[0], dir: rootDir });
  }
  if (config.explicit || config.find || config.pyModules) {
    (r.project as ReadPythonProject).listedPackages = [...new Set(listed)].sort();
    (r.project as ReadPythonProject).listedModules = [...(config.pyModules ?? [])];
    return dedupe(out);
  }

  // Automatic discovery (setuptools >= 61): src-layout, else flat-layout.
  const srcDir = config.packageDir[''] !== undefined ? rootDir : join(r.dir, 'src');
  if (r.fileIndex.kind(srcDir) === 'dir') {
    const { dirs, modules } = children(r, srcDir);
    for (const d of dirs) if (isIdentifier(d)) out.push({ name: d, dir: srcDir });
    for (const m of modules) if (isIdentifier(m)) out.push({ name: m, dir: srcDir });
    return dedupe(out);
  }
  const { dirs, modules } = children(r, r.dir);
  const packages = dirs.filter((d) => isIdentifier(d) && !d.startsWith('_') && !FLAT_EXCLUDED_PACKAGES.has(d));
  const mods = modules.filter((m) => isIdentifier(m) && !m.startsWith('_') && !FLAT_EXCLUDED_MODULES.has(m.toLowerCase()) && !m.endsWith('_test'));
  // setuptools `_analyse_flat_packages() or _analyse_flat_modules()`: top-level modules count only
  // when there is no package; each step refuses more than one of its kind.
  const kind = packages.length > 0 ? 'packages' : 'modules';
  const found = packages.length > 0 ? packages : mods;
  if (found.length > 1) {
    r.project.notes.push({
      check: 'package-discovery-failed',
      severity: 'high',
      message:
        `setuptools finds several top-level ${kind} in the flat layout of ${r.dir === '.' ? 'the bundle root' : r.dir} ` +
        `(${found.join(', ')}) and refuses to build ("Multiple top-level ${kind} discovered in a flat-layout")`,
      loc: { file: r.project.metadataFiles[0] ?? pyprojectFile, line: 1, column: 1 },
      fix: {
        text: `List the ${kind} explicitly ([tool.setuptools] ${kind === 'packages' ? 'packages = [...] or find with include' : 'py-modules = [...]'}) or move the code to a src/ layout.`,
      },
    });
  }
  for (const name of found) out.push({ name, dir: r.dir });
  return dedupe(out);
}

// ---------------------------------------------------------------------------------------------
// Modules

/** The file of a dotted module (`a.b` → `a/b.py` or `a/b/__init__.py`), relative to the bundle root.
 *  Looks in the roots of the project's packages, then its package root, `src/` and its folder. */
export function findModuleFile(fileIndex: FileIndex, project: PythonProject, module: string): string | undefined {
  const parts = module.split('.').filter(Boolean);
  if (parts.length === 0) return undefined;
  const roots: string[] = [];
  for (const p of project.packages) if (p.name === parts[0]) roots.push(p.dir);
  for (const p of project.packages) roots.push(p.dir);
  roots.push(join(project.dir, 'src'), project.dir);
  for (const root of [...new Set(roots)]) {
    const base = join(root, parts.join('/'));
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
      if (isRegular(fileIndex, candidate)) return candidate;
    }
  }
  return undefined;
}

/** Whether the wheel would contain `module` (`a.b.c`, or an entry point value `a.b:f`): its top-level
 *  package is packaged, and when the packages are listed (setuptools `packages=[...]` or find with
 *  include/exclude) the package that holds it is listed too (`a.b`, or `a.b.c` itself). */
export function isPackaged(project: PythonProject, module: string): boolean {
  const dotted = module.split(':')[0].trim();
  const parts = dotted.split('.');
  if (!project.packages.some((p) => p.name === parts[0])) return false;
  const { listedPackages, listedModules } = project as ReadPythonProject;
  if (!listedPackages) return true;
  if (parts.length === 1) return listedPackages.includes(dotted) || (listedModules ?? []).includes(dotted);
  return listedPackages.includes(dotted) || listedPackages.includes(parts.slice(0, -1).join('.'));
}
