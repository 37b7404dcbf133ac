import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions, newestWheelPerPackage, normalizeName, parseWheelFileName } from '../../src/verify/wheel-names.js';
import { parseEntryPoints, readWheel, readWheelMember, topLevelNames, wheelHasModule } from '../../src/verify/wheel-read.js';
import { BUILD_PYTHON } from '../support/python.js';

let dir: string;
let wheel: string;

// A wheel written by Python's own zipfile module (deflated members, a directory entry, an extension module).
const MAKE_WHEEL = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("my_pkg/", "")
    z.writestr("my_pkg/__init__.py", "def main():\\n    pass\\n")
    z.writestr("my_pkg/cli.py", "def run(): pass\\n")
    z.writestr("my_pkg/_speedups.cpython-311-x86_64-linux-gnu.so", b"\\x7fELF")
    z.writestr("single.py", "x = 1\\n")
    z.writestr("nspkg/inner/mod.py", "")
    z.writestr("my_pkg-1.2.0.data/scripts/tool", "#!python\\n")
    z.writestr("my_pkg-1.2.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: My.Pkg\\nVersion: 1.2.0\\nRequires-Dist: pandas>=2\\nRequires-Dist: rich ; extra == 'cli'\\nSummary: a\\n  continued line\\n\\nName: not-a-header (body)\\n")
    z.writestr("my_pkg-1.2.0.dist-info/entry_points.txt", "# comment\\n[console_scripts]\\nmy-tool = my_pkg.cli:run\\n\\n[databricks]\\nrun = my_pkg.cli:run [extra1]\\n")
    z.writestr("my_pkg-1.2.0.dist-info/RECORD", "")
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-wheelread-'));
  wheel = path.join(dir, 'my_pkg-1.2.0-py3-none-any.whl');
  execFileSync(BUILD_PYTHON, ['-c', MAKE_WHEEL, wheel]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a wheel with yauzl', () => {
  it('reads METADATA, every entry point group and the file list', async () => {
    const contents = await readWheel(wheel);
    expect(contents.name).toBe('My.Pkg');
    expect(contents.version).toBe('1.2.0');
    expect(contents.requires).toEqual(['pandas>=2', "rich ; extra == 'cli'"]);
    expect(contents.distInfo).toBe('my_pkg-1.2.0.dist-info');
    expect(contents.entryPoints).toEqual([
      { group: 'console_scripts', name: 'my-tool', value: 'my_pkg.cli:run' },
      { group: 'databricks', name: 'run', value: 'my_pkg.cli:run' },
    ]);
    expect(contents.files).not.toContain('my_pkg/');
    expect(contents.files).toContain('my_pkg/cli.py');
    expect(topLevelNames(contents.files)).toEqual(['my_pkg', 'nspkg', 'single']);
  });

  it('reads one member', async () => {
    expect(await readWheelMember(wheel, 'my_pkg/__init__.py')).toBe('def main():\n    pass\n');
    expect(await readWheelMember(wheel, 'absent.py')).toBeUndefined();
  });

  it('rejects a file that is not a zip', async () => {
    const bad = path.join(dir, 'bad-1.0-py3-none-any.whl');
    writeFileSync(bad, 'not a zip at all');
    await expect(readWheel(bad)).rejects.toThrow();
  });

  it('knows which modules the wheel provides', async () => {
    const { files } = await readWheel(wheel);
    expect(wheelHasModule(files, 'my_pkg')).toBe(true);
    expect(wheelHasModule(files, 'my_pkg.cli')).toBe(true);
    expect(wheelHasModule(files, 'my_pkg._speedups')).toBe(true);
    expect(wheelHasModule(files, 'single')).toBe(true);
    expect(wheelHasModule(files, 'nspkg.inner')).toBe(true); // a namespace package (PEP 420)
    expect(wheelHasModule(files, 'src.my_pkg.cli')).toBe(false);
    expect(wheelHasModule(files, 'my_pkg.missing')).toBe(false);
    expect(wheelHasModule(files, 'my')).toBe(false);
  });
});

describe('entry_points.txt', () => {
  it('parses groups, skips comments and strips extras', () => {
    expect(parseEntryPoints('; c\n[packages]\nmain = pkg.main:main\n  spaced  =  a.b : c \nnot an entry\n[console_scripts]\nx=y:z [a,b]\n')).toEqual([
      { group: 'packages', name: 'main', value: 'pkg.main:main' },
      { group: 'packages', name: 'spaced', value: 'a.b : c' },
      { group: 'console_scripts', name: 'x', value: 'y:z' },
    ]);
  });
});

describe('wheel names and versions', () => {
  it('normalises names as PEP 503 does', () => {
    expect(normalizeName('Entity_Matching')).toBe('entity-matching');
    expect(normalizeName('a.-_b')).toBe('a-b');
    expect(normalizeName('databricks-labs-dqx-task-runner')).toBe(normalizeName('databricks_labs_dqx_task_runner'));
  });

  it('parses wheel file names', () => {
    expect(parseWheelFileName('dist/my_pkg-1.2.0-py3-none-any.whl')).toEqual({ distribution: 'my_pkg', version: '1.2.0' });
    expect(parseWheelFileName('x-1.0-1build-cp311-cp311-linux_x86_64.whl')).toEqual({ distribution: 'x', version: '1.0' });
    expect(parseWheelFileName('x-1.0.tar.gz')).toBeUndefined();
    expect(parseWheelFileName('x-1.0.whl')).toBeUndefined();
  });

  it('orders versions as PEP 440 does', () => {
    const versions = ['1.0.post1', '1.0', '1.0rc1', '1.0a1', '0.9', '1.0.dev3', '1.0b2', '1.10', '1.2', '1!0.1', '1.0a1.dev1'];
    expect([...versions].sort(compareVersions)).toEqual(['0.9', '1.0.dev3', '1.0a1.dev1', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0.post1', '1.2', '1.10', '1!0.1']);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });

  it('picks the newest wheel per package: highest version, then the latest written', () => {
    const touch = (name: string, mtime: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, '');
      utimesSync(file, mtime, mtime);
      return file;
    };
    const files = [
      touch('a_pkg-0.10.0-py3-none-any.whl', 1000),
      touch('a_pkg-0.9.0-py3-none-any.whl', 3000),
      touch('b.pkg-1.0-py3-none-any.whl', 1000),
      touch('b_pkg-1.0-py2.py3-none-any.whl', 2000),
      path.join(dir, 'gone-1.0-py3-none-any.whl'),
    ];
    expect(newestWheelPerPackage(files).map((f) => path.basename(f))).toEqual(['a_pkg-0.10.0-py3-none-any.whl', 'b_pkg-1.0-py2.py3-none-any.whl']);
  });
});

describe('an artifact build line on an offline runner', () => {
  it('gets --no-isolation after every python -m build, once', async () => {
    const { withoutIsolation } = await import('../../src/verify/wheel-build.js');
    expect(withoutIsolation('python3 -m build --wheel')).toBe('python3 -m build --no-isolation --wheel');
    expect(withoutIsolation('rm -rf dist && python -m build --wheel --outdir dist')).toBe('rm -rf dist && python -m build --no-isolation --wheel --outdir dist');
    expect(withoutIsolation('/usr/bin/python3.11 -m build')).toBe('/usr/bin/python3.11 -m build --no-isolation');
    expect(withoutIsolation('python3 -m build -n --wheel')).toBe('python3 -m build -n --wheel');
    expect(withoutIsolation('python -m build --wheel --no-isolation')).toBe('python -m build --wheel --no-isolation');
    expect(withoutIsolation('python3 setup.py bdist_wheel')).toBe('python3 setup.py bdist_wheel');
    expect(withoutIsolation('uv build --wheel')).toBe('uv build --wheel');
    expect(withoutIsolation('python -m buildtools')).toBe('python -m buildtools');
  });
});
