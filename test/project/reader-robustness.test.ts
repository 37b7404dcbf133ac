import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIni, tomlKeyLocations } from '../../src/project/config-locations.js';
import { createFileIndex } from '../../src/project/files.js';
import { readPythonProjects } from '../../src/project/python.js';
import { readSetupPy, type Pos, type PyValue } from '../../src/project/python-literal.js';
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

/** Every position inside a Python value, nested ones included. */
function positions(value: PyValue | undefined): Pos[] {
  if (!value) return [];
  const inner =
    value.kind === 'list' ? value.items : value.kind === 'dict' ? value.entries.flat() : value.kind === 'call' ? [...value.args, ...value.kwargs.values()] : [];
  return [value.pos, ...inner.flatMap(positions)];
}

/** What a reader gives back about `text` that does not hold, as messages (empty: it all holds). */
function misplaced(text: string): { wrong: string[]; seen: { assignments: number; tomlKeys: number; iniKeys: number } } {
  const wrong: string[] = [];
  const lines = text.split(/\r?\n/);
  const raw = text.split('\n'); // columns count a \r; the end of a line is one past its last character
  const within = (what: string, p: { line: number; column: number }) => {
    if (!(p.line >= 1 && p.line <= raw.length && p.column >= 1 && p.column <= raw[p.line - 1].length + 1)) wrong.push(`${what} at ${p.line}:${p.column}`);
  };
  const setupPy = readSetupPy(text);
  for (const [name, value] of setupPy.assignments) {
    if (!lines.some((l) => l.startsWith(name))) wrong.push(`setup.py: ${name} is assigned on no line`);
    positions(value).forEach((p) => within(`setup.py: a part of ${name}`, p));
  }
  if (setupPy.setup) {
    if (!lines[setupPy.setup.pos.line - 1]?.slice(setupPy.setup.pos.column - 1).startsWith('setup')) wrong.push('setup.py: setup( is not where it is said to be');
    [...setupPy.setup.kwargs.values()].flatMap(positions).forEach((p) => within('setup.py: a setup() argument', p));
  }
  const toml = tomlKeyLocations(text);
  for (const [key, loc] of toml) {
    within(`toml key ${JSON.stringify(key)}`, loc);
    if (/^\s?$/.test(lines[loc.line - 1]?.[loc.column - 1] ?? '')) wrong.push(`toml key ${JSON.stringify(key)} points at a blank`);
  }
  let iniKeys = 0;
  for (const [section, keys] of parseIni(text)) {
    for (const [key, value] of keys) {
      iniKeys++;
      if (!lines[value.loc.line - 1]?.slice(value.loc.column - 1).toLowerCase().startsWith(key)) wrong.push(`ini [${section}] ${key} is not at ${value.loc.line}:${value.loc.column}`);
      for (const l of value.lines) if (lines[l.line - 1]?.slice(l.column - 1).trimEnd() !== l.text) wrong.push(`ini [${section}] ${key}: "${l.text}" is not at ${l.line}:${l.column}`);
    }
  }
  const py = scanSource('x.py', text, 'notebook');
  for (const [fact, found] of Object.entries(py)) {
    if (Array.isArray(found)) for (const f of found as { line: number }[]) if (!(f.line >= 1 && f.line <= lines.length)) wrong.push(`source ${fact} at line ${f.line}`);
  }
  for (const i of py.imports) if (!lines[i.line - 1].includes(i.module)) wrong.push(`source: import ${i.module} is not on line ${i.line}`);
  for (const f of py.functions) if (!lines[f.line - 1].includes(f.name)) wrong.push(`source: def ${f.name} is not on line ${f.line}`);
  // garbage is not notebook JSON: a .ipynb of it has no facts
  const notebook = scanSource('x.ipynb', text, 'notebook');
  const notebookFacts = Object.values(notebook).filter(Array.isArray).flat();
  if (notebookFacts.length > 0) wrong.push(`ipynb: ${notebookFacts.length} facts from text that is not JSON`);
  return { wrong, seen: { assignments: setupPy.assignments.size, tomlKeys: toml.size, iniKeys } };
}

describe('readers never throw and never hang on garbage', () => {
  it('setup.py literal reader, TOML locations, INI, source scanner: 400 random inputs, every place they give is in the text', () => {
    const rand = random(20261125);
    const seen = { assignments: 0, tomlKeys: 0, iniKeys: 0 };
    for (let i = 0; i < 400; i++) {
      const text = soup(rand, 5 + Math.floor(rand() * 200));
      const result = misplaced(text);
      expect(result.wrong, JSON.stringify(text)).toEqual([]);
      for (const k of Object.keys(seen) as (keyof typeof seen)[]) seen[k] += result.seen[k];
    }
    // the garbage reaches what the properties speak of
    expect(seen.assignments).toBeGreaterThan(20);
    expect(seen.tomlKeys).toBeGreaterThan(100);
    expect(seen.iniKeys).toBeGreaterThan(50);
  });

  it('Python written well, in random order: each import, def, assignment and setup() is read at its line, as a .py and as a notebook cell', () => {
    const rand = random(31);
    const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
    const NAMES = ['alpha', 'beta', 'pkg.sub', 'my_mod', 'x1'];
    for (let n = 0; n < 100; n++) {
      const lines: string[] = [];
      const expected = { imports: [] as { line: number; module: string }[], functions: [] as { name: string; line: number; requiredPositional: number }[], assignments: new Map<string, string>() };
      for (let k = 0; k < 1 + Math.floor(rand() * 12); k++) {
        const line = lines.length + 1;
        const name = pick(NAMES);
        const kind = Math.floor(rand() * 5);
        if (kind === 0) {
          lines.push(`import ${name}`);
          expected.imports.push({ line, module: name });
        } else if (kind === 1) {
          lines.push(`from ${name} import thing`);
          expected.imports.push({ line, module: name });
        } else if (kind === 2) {
          const required = Math.floor(rand() * 3);
          const params = [...Array.from({ length: required }, (_, i) => `p${i}`), 'opt=1'];
          const fn = `f_${name.replace('.', '_')}`;
          lines.push(`def ${fn}(${params.join(', ')}):`, '    return 1');
          expected.functions.push({ name: fn, line, requiredPositional: required });
        } else if (kind === 3) {
          const variable = name.toUpperCase().replace('.', '_');
          lines.push(`${variable} = "${name}"`);
          expected.assignments.set(variable, name);
        } else {
          lines.push('# a comment with import and def in it', '');
        }
      }
      const text = lines.join('\n') + '\n';
      const py = scanSource('m.py', text, 'file');
      expect(py.imports, text).toEqual(expected.imports);
      expect(py.functions, text).toEqual(expected.functions);
      const literals = readSetupPy(text);
      expect(new Map([...literals.assignments].map(([k, v]) => [k, v.kind === 'str' ? v.value : v.kind])), text).toEqual(expected.assignments);
      // the same lines as a notebook cell, one source line per line of the .ipynb
      const ipynb = JSON.stringify({ cells: [{ cell_type: 'code', source: text.split(/(?<=\n)/) }] }, null, 1);
      const cell = scanSource('m.ipynb', ipynb, 'notebook');
      const ipynbLines = ipynb.split('\n');
      expect(cell.imports.map((i) => i.module), text).toEqual(expected.imports.map((i) => i.module));
      expect(cell.functions.map((f) => f.name), text).toEqual(expected.functions.map((f) => f.name));
      for (const i of cell.imports) expect(ipynbLines[i.line - 1], `import ${i.module}`).toContain(JSON.stringify(`${i.module}`).slice(1, -1));
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

  const minified = 'import os;' + 'x=1;'.repeat(1_250_000) + 'import faiss';

  it('a 5 MB single-line (minified) source: the import at its start is read', () => {
    expect(scanSource('min.py', minified, 'file').imports.map((i) => i.module)).toEqual(['os']);
  });

  it('INI: an indented key that opens an entry is located at the key, not at its indentation', () => {
    const ini = parseIni('[options.entry_points]\n    console_scripts =\n        run = pkg.cli:main\n');
    expect(ini.get('options.entry_points')?.get('console_scripts')).toEqual({
      value: '\nrun = pkg.cli:main',
      loc: { line: 2, column: 5 },
      lines: [{ text: 'run = pkg.cli:main', line: 3, column: 9 }],
    });
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
