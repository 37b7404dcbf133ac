import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIni, tomlKeyLocations } from '../../src/project/config-locations.js';
import { createFileIndex } from '../../src/project/files.js';
import { readPythonProjects } from '../../src/project/python.js';
import { readSetupPy } from '../../src/project/python-literal.js';
import { scanSource } from '../../src/project/sources.js';
import { createSyncMatcher } from '../../src/project/sync.js';
import { run } from '../../src/verify/runner.js';
import { makeTree, removeTree } from './reader-tmp.js';

const roots: string[] = [];
afterEach(() => {
  while (roots.length) removeTree(roots.pop()!);
});

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'setup', '(', ')', '[', ']', '{', '}', ',', ':', '=', '==', '**', '*', '"', "'", '"""', "'''", '\\', '\n', ' ', '\t',
  'name', 'entry_points', 'packages', 'find_packages', 'dict', 'def', 'import', 'from', 'for', 'x', '1', '#', '%pip',
  '# MAGIC ', 'install', 'sys.path.append', 'dbutils.widgets.get', '[project]', '[tool.poetry]', '"a.b:c"', 'f"', 'r"',
  '\r\n', '.', '-', 'async def', 'create_endpoint', 'register_model', 'log_model(', 'registered_model_name=',
];

function soup(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

describe('readers never throw and never hang on garbage', () => {
  it('setup.py literal reader, TOML locations, INI, source scanner: 400 random inputs each', () => {
    const rand = random(20261125);
    for (let i = 0; i < 400; i++) {
      const text = soup(rand, 5 + Math.floor(rand() * 200));
      expect(() => readSetupPy(text), text).not.toThrow();
      expect(() => tomlKeyLocations(text), text).not.toThrow();
      expect(() => parseIni(text), text).not.toThrow();
      expect(() => scanSource('x.py', text, 'notebook'), text).not.toThrow();
      expect(() => scanSource('x.ipynb', text, 'notebook'), text).not.toThrow();
    }
  });

  it('readPythonProjects on random metadata files gives projects, not exceptions', () => {
    const rand = random(7);
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) {
      files[`p${i}/pyproject.toml`] = soup(rand, 40);
      files[`p${i}/setup.py`] = soup(rand, 60);
      files[`p${i}/setup.cfg`] = soup(rand, 30);
    }
    const root = makeTree(files);
    roots.push(root);
    const projects = readPythonProjects(createFileIndex(root, root), []);
    expect(projects).toHaveLength(20);
  });

  it('a 5 MB single-line (minified) source is scanned quickly', () => {
    const line = 'x=1;'.repeat(1_250_000) + 'import faiss';
    const started = process.cpuUsage();
    const f = scanSource('min.py', `import os;${line}`, 'file');
    const used = process.cpuUsage(started);
    expect(f.imports.map((i) => i.module)).toEqual(['os']);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });

  it('a named pipe is neither read nor listed (no hang)', async () => {
    const root = makeTree({ 'a.py': 'x' });
    roots.push(root);
    const made = await run(['mkfifo', path.join(root, 'pipe.py')]);
    expect(made.exitCode, made.stderr).toBe(0);
    const idx = createFileIndex(root, root);
    expect(idx.kind('pipe.py')).toBe('missing');
    expect(idx.read('pipe.py')).toBeUndefined();
    expect(idx.facts('pipe.py')).toBeUndefined();
    expect(idx.list()).toEqual(['a.py']);
    expect(idx.glob('*.py')).toEqual(['a.py']);
  });

  it('odd paths: empty, absolute, dots, trailing slashes', () => {
    const root = makeTree({ 'd/a.py': 'x' });
    roots.push(root);
    const idx = createFileIndex(root, root);
    expect(idx.kind('')).toBe('dir');
    expect(idx.kind('.')).toBe('dir');
    expect(idx.kind('d/')).toBe('dir');
    expect(idx.kind('d//a.py')).toBe('file');
    expect(idx.kind(path.join(root, 'd/a.py'))).toBe('file'); // an absolute path inside the repository is fine
    expect(idx.kind('/etc/hostname')).toBe('missing'); // outside it is not
    expect(idx.glob('')).toEqual([]);
    expect(idx.list('../..')).toEqual([]);
  });

  it('sync patterns that are odd or malformed do not throw', () => {
    const root = makeTree({ '.gitignore': '[\n\\\n!\n**/\n\n#x\n  \n', 'a.py': '' });
    roots.push(root);
    const matcher = createSyncMatcher(createFileIndex(root, root), {
      paths: ['.'],
      include: ['[', '\\', '!', '**/', ''],
      exclude: ['[', '!', '', '/'],
      includeLocs: [],
      excludeLocs: [],
    });
    expect(() => matcher('a.py')).not.toThrow();
    expect(() => matcher('../x')).not.toThrow();
    expect(matcher('../x')).toEqual({ synced: false, reason: { kind: 'outside-sync-paths' } });
  });

  it('a .ipynb that is a huge JSON array or deeply nested does not break detection', () => {
    const root = makeTree({ 'deep.ipynb': '['.repeat(100_000), 'arr.ipynb': JSON.stringify(Array(1000).fill(1)) });
    roots.push(root);
    const idx = createFileIndex(root, root);
    expect(idx.kind('deep.ipynb')).toBe('file');
    expect(idx.kind('arr.ipynb')).toBe('file');
    expect(fs.existsSync(path.join(root, 'deep.ipynb'))).toBe(true);
    expect(idx.notices.map((n) => n.loc?.file).sort()).toEqual(['arr.ipynb', 'deep.ipynb']);
  });
});
