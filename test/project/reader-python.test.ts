import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PythonProject } from '../../src/model.js';
import { createFileIndex } from '../../src/project/files.js';
import { findModuleFile, isPackaged, normalizeName, readPythonProjects } from '../../src/project/python.js';
import { run } from '../../src/verify/runner.js';
import { makeTree, removeTree } from './reader-tmp.js';
import { BUILD_PYTHON } from '../support/python.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures', 'readers', 'python');
const PYTHON = BUILD_PYTHON;

const roots: string[] = [];
afterEach(() => {
  while (roots.length) removeTree(roots.pop()!);
});
function tree(files: Record<string, string>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}
function readFixture(name: string): PythonProject {
  const root = path.join(fixtures, name);
  const projects = readPythonProjects(createFileIndex(root, root), []);
  expect(projects).toHaveLength(1);
  return projects[0];
}

/** What the real setuptools puts into the wheel (built from a copy of the fixture). */
interface WheelTruth {
  ok: boolean;
  log: string;
  top?: string[];
  files?: string[];
  entry_points?: Record<string, Record<string, string>>;
  name?: string;
}
async function wheelTruth(name: string): Promise<WheelTruth> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-wheel-'));
  roots.push(tmp);
  fs.cpSync(path.join(fixtures, name), path.join(tmp, name), { recursive: true });
  const script = path.join(here, '..', 'fixtures', 'readers', 'scripts', 'wheel_truth.py');
  const result = await run([PYTHON, script, path.join(tmp, name)], { timeoutMs: 120_000 });
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as WheelTruth;
}
function staticEntryPoints(p: PythonProject): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const ep of p.entryPoints) (out[ep.group] ??= {})[ep.name] = ep.value;
  return out;
}
const stripExtras = (eps: Record<string, Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(eps).map(([g, m]) => [g, Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.replace(/\s*\[.*\]$/, '')]))]),
  );

describe('readPythonProjects agrees with the real setuptools build', () => {
  for (const name of ['setup-src', 'pyproject-with-setup', 'setup-cfg', 'flat-auto', 'setup-explicit']) {
    it(`${name}: name, top-level packages, entry points, which modules are packaged`, async () => {
      const project = readFixture(name);
      const truth = await wheelTruth(name);
      expect(truth.ok, truth.log).toBe(true);
      expect(project.packages.map((p) => p.name).sort()).toEqual(truth.top);
      expect(staticEntryPoints(project)).toEqual(stripExtras(truth.entry_points ?? {}));
      expect(project.normalizedName).toBe(normalizeName(truth.name!));
      const moduleOf = (file: string) => file.replace(/(\/__init__)?\.py$/, '').replace(/\//g, '.');
      for (const file of truth.files!.filter((f) => f.endsWith('.py'))) {
        expect([file, isPackaged(project, moduleOf(file))]).toEqual([file, true]);
      }
      const inWheel = new Set(truth.files!.filter((f) => f.endsWith('.py')).map(moduleOf));
      const index = createFileIndex(path.join(fixtures, name), path.join(fixtures, name));
      for (const ep of project.entryPoints) {
        const module = ep.value.split(':')[0];
        if (!findModuleFile(index, project, module)) continue; // no source: nothing to package
        expect([ep.value, isPackaged(project, ep.value)]).toEqual([ep.value, inWheel.has(module)]);
      }
    });
  }

  it('flat-multi: setuptools refuses several top-level packages in a flat layout, and so do we', async () => {
    const project = readFixture('flat-multi');
    const truth = await wheelTruth('flat-multi');
    expect(truth.ok).toBe(false);
    expect(truth.log).toContain('Multiple top-level packages discovered in a flat-layout');
    const note = project.notes.find((n) => n.check === 'package-discovery-failed');
    expect(note?.message).toContain('flat_pkg, resources');
  });
});

describe('readPythonProjects: locations and details', () => {
  it('setup.py: name, entry points through a variable, locations, src layout', () => {
    const p = readFixture('setup-src');
    const lines = fs.readFileSync(path.join(fixtures, 'setup-src', 'setup.py'), 'utf8').split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(p).toMatchObject({
      dir: '.',
      name: 'entity-matching',
      normalizedName: 'entity-matching',
      nameLoc: { file: 'setup.py', line: lineOf('name ='), column: lines[lineOf('name =') - 1].indexOf('"entity-') + 1 },
      metadataFiles: ['setup.py'],
      hasSetupPy: true,
      buildBackend: undefined,
      packages: [{ name: 'entity_matching', dir: 'src' }],
      notes: [],
    });
    const train = p.entryPoints.find((e) => e.name === 'train_ditto')!;
    expect(train).toEqual({
      group: 'console_scripts',
      name: 'train_ditto',
      value: 'src.models.ditto_matcher:train_cli',
      loc: { file: 'setup.py', line: lineOf("'train_ditto"), column: lines[lineOf("'train_ditto") - 1].indexOf("'") + 1 },
    });
    expect(isPackaged(p, 'src.models.ditto_matcher')).toBe(false);
    expect(isPackaged(p, 'entity_matching.score')).toBe(true);
    expect(isPackaged(p, 'entity_matching.score:main')).toBe(true);
    const index = createFileIndex(path.join(fixtures, 'setup-src'), path.join(fixtures, 'setup-src'));
    expect(findModuleFile(index, p, 'entity_matching.score')).toBe('src/entity_matching/score.py');
    expect(findModuleFile(index, p, 'entity_matching')).toBe('src/entity_matching/__init__.py');
    expect(findModuleFile(index, p, 'src.models.ditto_matcher')).toBe('src/models/ditto_matcher.py');
    expect(findModuleFile(index, p, 'models.ditto_matcher')).toBe('src/models/ditto_matcher.py');
    expect(findModuleFile(index, p, 'entity_matching.nope')).toBeUndefined();
  });

  it('pyproject [project] with a setup.py passing metadata: what the wheel does not get, at its lines; TOML locations', () => {
    const p = readFixture('pyproject-with-setup');
    const toml = fs.readFileSync(path.join(fixtures, 'pyproject-with-setup', 'pyproject.toml'), 'utf8').split('\n');
    const lineOf = (needle: string) => toml.findIndex((l) => l.includes(needle)) + 1;
    expect(p.name).toBe('EM.Core_lib');
    expect(p.normalizedName).toBe('em-core-lib');
    expect(p.nameLoc).toEqual({ file: 'pyproject.toml', line: lineOf('name = "EM'), column: 1 });
    expect(p.buildBackend).toBe('setuptools.build_meta');
    expect(p.metadataFiles).toEqual(['pyproject.toml', 'setup.py']);
    expect(p.entryPoints.map((e) => [e.group, e.name, e.value, e.loc.line, e.loc.column])).toEqual([
      ['console_scripts', 'em', 'em_core.cli:main', lineOf('em = '), 1],
      ['console_scripts', 'em-train', 'em_core.train:main', lineOf('"em-train"'), 1],
      ['databricks.jobs', 'nightly', 'em_core.jobs:nightly', lineOf('nightly ='), 1],
    ]);
    // One record of everything setup.py passes that the wheel does not get (the check turns it into one finding).
    expect(p.notes).toEqual([]);
    expect(p.setupPy).toMatchObject({ file: 'setup.py', call: { file: 'setup.py', line: 3 }, backend: 'setuptools.build_meta', runs: true });
    expect(p.setupPy!.fields.map((f) => [f.keyword, f.outcome, f.loc.line, f.detail])).toEqual([
      ['entry_points', 'lost', 4, 'entry_points console_scripts train=em_core.train:main'],
      ['install_requires', 'lost', 5, 'install_requires numpy'],
    ]);
    expect(p.setupPy!.lostEntryPoints.map((e) => e.name)).toEqual(['train']);
  });

  it('setup.cfg: name, package_dir, entry points at their lines', () => {
    const p = readFixture('setup-cfg');
    expect(p.name).toBe('cfg-pkg');
    expect(p.nameLoc).toEqual({ file: 'setup.cfg', line: 2, column: 8 });
    expect(p.packages).toEqual([{ name: 'cfg_pkg', dir: 'src' }]);
    expect(p.entryPoints.map((e) => [e.group, e.name, e.loc.line, e.loc.column])).toEqual([
      ['console_scripts', 'cfg-main', 15, 5],
      ['my.group', 'x', 17, 5],
    ]);
  });

  it('setup.py entry points are ignored when [project] exists without dynamic, and the record says so', () => {
    const root = tree({
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\n',
      'setup.py': 'from setuptools import setup\nsetup(\n    name="p",\n    entry_points={"console_scripts": ["run=p.main:main"]},\n)\n',
      'p/__init__.py': '',
    });
    const [p] = readPythonProjects(createFileIndex(root, root), []);
    expect(p.entryPoints).toEqual([]);
    expect(p.notes).toEqual([]);
    // name agrees with pyproject.toml: not listed
    expect(p.setupPy!.fields.map((f) => [f.keyword, f.outcome, f.loc.line])).toEqual([['entry_points', 'lost', 4]]);
  });

  it('setup.py next to a non-setuptools backend: only what pyproject.toml lacks is recorded', () => {
    const root = tree({
      'pyproject.toml': '[build-system]\nbuild-backend = "hatchling.build"\n[project]\nname = "h"\ndependencies = ["pandas"]\n',
      'setup.py': 'from setuptools import setup\nsetup(name="other", install_requires=["numpy"], entry_points={"console_scripts": ["run=h.main:main"]})\n',
      'src/h/__init__.py': '',
    });
    const [p] = readPythonProjects(createFileIndex(root, root), []);
    expect(p.entryPoints).toEqual([]);
    expect(p.packages).toEqual([{ name: 'h', dir: 'src' }]);
    expect(p.notes).toEqual([]);
    // name and dependencies: pyproject.toml has its own (hatchling never reads setup.py's); entry points it lacks
    expect(p.setupPy).toMatchObject({ runs: false, backend: 'hatchling.build', call: { line: 2, column: 1 } });
    expect(p.setupPy!.fields.map((f) => [f.keyword, f.outcome])).toEqual([['entry_points', 'lost']]);
  });

  it('setup.py entry points count when [project] lists them as dynamic', () => {
    const root = tree({
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndynamic = ["scripts", "entry-points"]\n',
      'setup.py': 'from setuptools import setup\nsetup(entry_points={"console_scripts": ["run=p.main:main"]})\n',
      'p/__init__.py': '',
    });
    const [p] = readPythonProjects(createFileIndex(root, root), []);
    expect(p.entryPoints.map((e) => e.name)).toEqual(['run']);
    expect(p.notes).toEqual([]);
    expect(p.setupPy).toBeUndefined();
  });

  it('invalid TOML: a config-invalid note at the line the parser reports; the rest still read', () => {
    const root = tree({
      'pyproject.toml': '[project]\nname = "x"\n\n[tool.setuptools]\npackages = [\n  "a",\n  = \n]\n',
      'setup.py': 'from setuptools import setup\nsetup(name="from-setup", packages=["a"])\n',
    });
    const [p] = readPythonProjects(createFileIndex(root, root), []);
    const note = p.notes.find((n) => n.check === 'config-invalid')!;
    expect(note.loc).toEqual({ file: 'pyproject.toml', line: 7, column: 3 });
    expect(note.message).toMatch(/^pyproject\.toml: invalid TOML: /);
    expect(p.name).toBe('from-setup');
    expect(p.packages).toEqual([{ name: 'a', dir: '.' }]);
  });

  it('PEP 735 [dependency-groups] with mixed arrays parses', () => {
    const p = readFixture('pyproject-with-setup');
    expect(p.notes.filter((n) => n.check === 'config-invalid')).toEqual([]);
  });

  it('setup.py with odd formatting: backslashes, parenthesised strings, ** unpacking, calls, no setup call', () => {
    const root = tree({
      'a/setup.py': [
        'import setuptools',
        'kw = dict(zip_safe=False)',
        'setuptools.setup(name=(',
        '    "odd-"',
        "    'name'),  packages = ['odd', 'odd.sub'], \\",
        '    entry_points = dict(console_scripts=["x = odd.cli:main"]),',
        '    **kw)',
      ].join('\n'),
      'a/odd/__init__.py': '',
      'b/setup.py': 'print("no setup here"\n',
      'c/setup.py': 'from setuptools import setup\nsetup(name=NAME, packages=PKGS + ["x"], entry_points={"console_scripts": [f"{N}=x:y"]})\n',
    });
    const projects = readPythonProjects(createFileIndex(root, root), []);
    expect(projects.map((p) => p.dir)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = projects;
    expect(a.name).toBe('odd-name');
    expect(a.packages).toEqual([{ name: 'odd', dir: 'a' }]);
    expect(a.entryPoints.map((e) => [e.group, e.name, e.value, e.loc.line])).toEqual([['console_scripts', 'x', 'odd.cli:main', 6]]);
    expect(b.name).toBeUndefined();
    expect(b).toMatchObject({ entryPoints: [], hasSetupPy: true, packages: [] });
    expect(c.name).toBeUndefined();
    expect(c.packages).toEqual([]);
    expect(c.entryPoints).toEqual([]);
  });

  it('poetry, hatch, flit, uv: names, scripts and package layout', () => {
    const root = tree({
      'poetry/pyproject.toml':
        '[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n\n[tool.poetry]\nname = "my-poetry"\npackages = [{ include = "mp", from = "src" }]\n\n[tool.poetry.scripts]\nrun = "mp.main:main"\nother = { callable = "mp.o:f" }\n',
      'poetry/src/mp/__init__.py': '',
      'hatch/pyproject.toml':
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n[project]\nname = "hatch-demo"\n[project.scripts]\nhd = "hatch_demo.cli:main"\n',
      'hatch/src/hatch_demo/__init__.py': '',
      'hatch2/pyproject.toml':
        '[build-system]\nbuild-backend = "hatchling.build"\n[project]\nname = "h2"\n[tool.hatch.build.targets.wheel]\npackages = ["lib/h2pkg"]\n',
      'hatch2/lib/h2pkg/__init__.py': '',
      'flit/pyproject.toml': '[build-system]\nbuild-backend = "flit_core.buildapi"\n[project]\nname = "flit-mod"\n',
      'flit/flit_mod.py': '',
      'uv/pyproject.toml': '[build-system]\nbuild-backend = "uv_build"\n[project]\nname = "Uv-Demo"\n',
      'uv/src/uv_demo/__init__.py': '',
    });
    const projects = readPythonProjects(createFileIndex(root, root), []);
    const byDir = Object.fromEntries(projects.map((p) => [p.dir, p]));
    expect(byDir.poetry.name).toBe('my-poetry');
    expect(byDir.poetry.nameLoc).toEqual({ file: 'poetry/pyproject.toml', line: 6, column: 1 });
    expect(byDir.poetry.packages).toEqual([{ name: 'mp', dir: 'poetry/src' }]);
    expect(byDir.poetry.entryPoints.map((e) => [e.name, e.value, e.loc.line])).toEqual([
      ['run', 'mp.main:main', 10],
      ['other', 'mp.o:f', 11],
    ]);
    expect(byDir.hatch.packages).toEqual([{ name: 'hatch_demo', dir: 'hatch/src' }]);
    expect(byDir.hatch.entryPoints[0].loc).toEqual({ file: 'hatch/pyproject.toml', line: 7, column: 1 });
    expect(byDir.hatch2.packages).toEqual([{ name: 'h2pkg', dir: 'hatch2/lib' }]);
    expect(byDir.flit.packages).toEqual([{ name: 'flit_mod', dir: 'flit' }]);
    expect(byDir.uv.packages).toEqual([{ name: 'uv_demo', dir: 'uv/src' }]);
    expect(byDir.uv.normalizedName).toBe('uv-demo');
  });

  it('finds projects in hint dirs outside the bundle root, skips venvs and deep folders', () => {
    const repo = tree({
      'lib/pyproject.toml': '[project]\nname = "shared-lib"\n',
      'lib/shared_lib/__init__.py': '',
      'bundle/databricks.yml': '',
      'bundle/.venv/lib/site/setup.py': 'setup(name="no")',
      'bundle/a/b/c/d/e/setup.py': 'setup(name="too-deep")',
      'bundle/a/b/c/d/setup.py': 'setup(name="deep-enough")',
    });
    const index = createFileIndex(path.join(repo, 'bundle'), repo);
    const projects = readPythonProjects(index, ['../lib', '../nothing-here', '.']);
    expect(projects.map((p) => [p.dir, p.name])).toEqual([
      ['../lib', 'shared-lib'],
      ['a/b/c/d', 'deep-enough'],
    ]);
    expect(projects[0].packages).toEqual([{ name: 'shared_lib', dir: '../lib' }]);
    expect(projects[0].nameLoc?.file).toBe('../lib/pyproject.toml');
  });

  it('no project files: no projects', () => {
    const root = tree({ 'databricks.yml': '' });
    expect(readPythonProjects(createFileIndex(root, root), ['.'])).toEqual([]);
  });
});

describe('normalizeName (PEP 503)', () => {
  it('collapses runs of -, _ and . into - and lower-cases', () => {
    expect(normalizeName('Entity_Matching')).toBe('entity-matching');
    expect(normalizeName('a.-_b')).toBe('a-b');
    expect(normalizeName('friendly-bard')).toBe('friendly-bard');
    expect(normalizeName('FRIENDLY__BARD')).toBe('friendly-bard');
  });
});
