import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileIndex, hasNotebookHeader, hasNotebookHeaderText, MAX_READ_BYTES } from '../../src/project/files.js';
import { makeTree, removeTree } from './reader-tmp.js';

const roots: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  while (roots.length) removeTree(roots.pop()!);
});

describe('createFileIndex: notebook detection (cli libs/notebook/detect.go)', () => {
  it('tells notebooks from plain files by the exact first line, per extension', () => {
    const root = tree({
      'nb.py': '# Databricks notebook source\nprint(1)\n',
      'plain.py': 'print(1)\n',
      'nb.sql': '-- Databricks notebook source\nSELECT 1\n',
      'wrong.sql': '# Databricks notebook source\nSELECT 1\n',
      'nb.scala': '// Databricks notebook source\nval x = 1\n',
      'nb.r': '# Databricks notebook source\nx <- 1\n',
      'NB.PY': '# Databricks notebook source\n',
      'readme.md': '# Databricks notebook source\n',
      'header-only.py': '# Databricks notebook source',
      'longer.py': '# Databricks notebook source extra\n',
      'dir/x.txt': 'x',
    });
    const idx = createFileIndex(root, root);
    expect(idx.kind('nb.py')).toBe('notebook');
    expect(idx.kind('plain.py')).toBe('file');
    expect(idx.kind('nb.sql')).toBe('notebook');
    expect(idx.kind('wrong.sql')).toBe('file');
    expect(idx.kind('nb.scala')).toBe('notebook');
    expect(idx.kind('nb.r')).toBe('notebook');
    expect(idx.kind('NB.PY')).toBe('notebook'); // extension compared lower-cased
    expect(idx.kind('readme.md')).toBe('file');
    expect(idx.kind('header-only.py')).toBe('notebook');
    expect(idx.kind('longer.py')).toBe('file');
    expect(idx.kind('dir')).toBe('dir');
    expect(idx.kind('nope.py')).toBe('missing');
    expect(idx.exists('nope.py')).toBe(false);
    expect(idx.exists('./dir/../nb.py')).toBe(true);
  });

  it('a BOM or a leading blank line breaks the header, like the CLI', () => {
    const root = tree({
      'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Databricks notebook source\nx = 1\n')]),
      'blank.py': '\n# Databricks notebook source\nx = 1\n',
      'space.py': ' # Databricks notebook source\n',
    });
    const idx = createFileIndex(root, root);
    expect(idx.kind('bom.py')).toBe('file');
    expect(idx.kind('blank.py')).toBe('file');
    expect(idx.kind('space.py')).toBe('file');
  });

  it('a CRLF header is a notebook: bufio.ScanLines drops the \\r before comparing', () => {
    const root = tree({ 'crlf.py': '# Databricks notebook source\r\nx = 1\r\n' });
    expect(createFileIndex(root, root).kind('crlf.py')).toBe('notebook');
    expect(hasNotebookHeader('.py', Buffer.from('# Databricks notebook source\r'))).toBe(true);
    expect(hasNotebookHeader('.py', Buffer.from('# Databricks notebook source\r\r\n'))).toBe(false);
  });

  it('reads the header from the decoded text exactly as from the first bytes', () => {
    const headers = { '.py': '# Databricks notebook source', '.sql': '-- Databricks notebook source', '.scala': '// Databricks notebook source', '.r': '# Databricks notebook source' };
    const tails = ['', '\n', '\r', '\r\n', '\r\r\n', '\rx', ' ', 'x', '\nx = 1\n', '\u00e9\n', '\u{1F600}', '\u0000'];
    const samples: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from('')];
    for (const header of Object.values(headers)) {
      for (const tail of tails) samples.push(Buffer.from(header + tail), Buffer.from(' ' + header + tail), Buffer.from(header.slice(0, -1) + tail));
      samples.push(Buffer.concat([Buffer.from(header), Buffer.from([0xff, 0x0a])]), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header + '\n')]));
    }
    let notebooks = 0;
    for (const ext of ['.py', '.sql', '.scala', '.r', '.txt']) {
      for (const bytes of samples) {
        const expected = hasNotebookHeader(ext, bytes);
        notebooks += expected ? 1 : 0;
        expect(hasNotebookHeaderText(ext, bytes.toString('utf8')), `${ext} ${JSON.stringify(bytes.toString('latin1'))}`).toBe(expected);
      }
    }
    expect(notebooks).toBeGreaterThan(10);
  });

  it('.ipynb must be JSON with cells and metadata; otherwise a file plus a notice at file:1', () => {
    const root = tree({
      'good.ipynb': JSON.stringify({ cells: [], metadata: {}, nbformat: 4 }),
      'no-cells.ipynb': JSON.stringify({ metadata: {} }),
      'broken.ipynb': '{"cells": [',
      'nb/sub.ipynb': '{}',
    });
    const idx = createFileIndex(root, root);
    expect(idx.kind('good.ipynb')).toBe('notebook');
    expect(idx.kind('no-cells.ipynb')).toBe('file');
    expect(idx.kind('broken.ipynb')).toBe('file');
    expect(idx.kind('broken.ipynb')).toBe('file');
    const messages = idx.notices.map((n) => [n.check, n.message, n.loc?.file, n.loc?.line]);
    expect(messages).toContainEqual(['config-invalid', 'no-cells.ipynb: invalid Jupyter notebook file', 'no-cells.ipynb', 1]);
    const broken = idx.notices.find((n) => n.loc?.file === 'broken.ipynb');
    expect(broken?.message).toMatch(/^broken\.ipynb: error loading Jupyter notebook file: /);
    expect(idx.notices).toHaveLength(2); // asked twice, reported once
    expect(idx.kind('nb/sub.ipynb')).toBe('file');
    expect(idx.notices[2]).toMatchObject({ message: 'nb/sub.ipynb: invalid Jupyter notebook file', loc: { file: 'nb/sub.ipynb', line: 1, column: 1 } });
  });
});

describe('createFileIndex: reading', () => {
  it('reads text lazily and at most once, lines split on LF and CRLF', () => {
    const root = tree({ 'a.txt': 'one\r\ntwo\nthree', 'late.txt': 'late' });
    const idx = createFileIndex(root, root);
    fs.rmSync(path.join(root, 'late.txt')); // nothing was read when the index was made
    expect(idx.read('late.txt')).toBeUndefined();
    expect(idx.read('a.txt')).toBe('one\r\ntwo\nthree');
    fs.writeFileSync(path.join(root, 'a.txt'), 'changed'); // the first read is kept
    expect(idx.lines('a.txt')).toEqual(['one', 'two', 'three']);
    expect(idx.read('./a.txt')).toBe('one\r\ntwo\nthree');
  });

  it('a binary file (NUL byte) reads as undefined; a missing one too; a directory too', () => {
    const root = tree({ 'bin.dat': Buffer.from([0x50, 0x4b, 0x00, 0x01]), 'd/x': 'x' });
    const idx = createFileIndex(root, root);
    expect(idx.read('bin.dat')).toBeUndefined();
    expect(idx.lines('bin.dat')).toBeUndefined();
    expect(idx.kind('bin.dat')).toBe('file');
    expect(idx.read('missing.txt')).toBeUndefined();
    expect(idx.read('d')).toBeUndefined();
    expect(idx.notices).toEqual([]);
  });

  it('a 50 MB file is not read; a notice says so; notebook detection still works on its head', () => {
    const root = tree({});
    const big = path.join(root, 'big.py');
    fs.writeFileSync(big, '# Databricks notebook source\n');
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: fast to make
    const idx = createFileIndex(root, root);
    const started = Date.now();
    expect(idx.read('big.py')).toBeUndefined();
    expect(idx.kind('big.py')).toBe('notebook');
    expect(idx.facts('big.py')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(idx.notices).toHaveLength(1);
    expect(idx.notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'big.py', line: 1 } });
    expect(idx.notices[0].message).toContain(`${MAX_READ_BYTES / 1024 / 1024} MB`);
    expect(idx.notices[0].message).toContain('50.0 MB');
  });

  it('facts are scanSource results, cached, for sources only', () => {
    const root = tree({
      'nb.py': '# Databricks notebook source\nimport faiss\n',
      'conf.yml': 'import: x\n',
    });
    const idx = createFileIndex(root, root);
    const f = idx.facts('nb.py');
    expect(f?.kind).toBe('notebook');
    expect(f?.imports).toEqual([{ line: 2, module: 'faiss' }]);
    expect(idx.facts('nb.py')).toBe(f);
    expect(idx.facts('conf.yml')).toBeUndefined();
    expect(idx.facts('missing.py')).toBeUndefined();
  });
});

describe('createFileIndex: repository boundary', () => {
  it('paths outside the bundle root but inside the repository work; outside the repository are missing', () => {
    const repo = tree({ 'lib/x.py': 'x = 1\n', 'bundle/databricks.yml': 'bundle: {}\n' });
    const idx = createFileIndex(path.join(repo, 'bundle'), repo);
    expect(idx.kind('../lib/x.py')).toBe('file');
    expect(idx.read('../lib/x.py')).toBe('x = 1\n');
    expect(idx.list('../lib')).toEqual(['../lib/x.py']);
    expect(idx.kind('../../etc/passwd')).toBe('missing');
    expect(idx.kind('/etc/passwd')).toBe('missing');
  });

  it('a name that starts with two dots is inside; a sibling folder whose name extends the repository is outside', () => {
    const parent = tree({ 'repo/..hidden.py': 'x = 1\n', 'repo/..d/nb.py': 'y\n', 'repo-other/secret.py': 's\n' });
    const idx = createFileIndex(path.join(parent, 'repo'), path.join(parent, 'repo'));
    expect(idx.kind('..hidden.py')).toBe('file');
    expect(idx.read('..d/nb.py')).toBe('y\n');
    expect(idx.kind('../repo-other/secret.py')).toBe('missing');
    expect(idx.read('../repo-other/secret.py')).toBeUndefined();
  });

  it('a symlink whose real path leaves the repository is missing and leaves a high notice naming link and target (not its absolute path)', () => {
    const outside = tree({ 'secret.txt': 'token', 'dir/a.py': 'x' });
    const repo = tree({ 'in.txt': 'in', 'sub/keep.py': 'y' });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(repo, 'link.txt'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(repo, 'sub', 'linkdir'));
    fs.symlinkSync(path.join(repo, 'in.txt'), path.join(repo, 'inside-link.txt'));
    const idx = createFileIndex(repo, repo);
    expect(idx.kind('link.txt')).toBe('missing');
    expect(idx.read('link.txt')).toBeUndefined();
    expect(idx.kind('sub/linkdir/a.py')).toBe('missing');
    expect(idx.kind('inside-link.txt')).toBe('file');
    expect(idx.read('inside-link.txt')).toBe('in');
    const symlinkNotices = idx.notices.filter((n) => n.check === 'symlink-outside-repo');
    expect(symlinkNotices.map((n) => n.loc?.file).sort()).toEqual(['link.txt', 'sub/linkdir']);
    for (const n of symlinkNotices) expect(n.severity).toBe('high');
    const linkNotice = symlinkNotices.find((n) => n.loc?.file === 'link.txt')!;
    expect(linkNotice.message).toContain('link.txt');
    // Named without the machine's absolute path (reports are the same wherever the repository is checked out).
    expect(linkNotice.message).toBe('link.txt is a symbolic link to an absolute path (.../secret.txt) outside the repository: it is treated as missing');
    expect(linkNotice.message).not.toContain(outside);
    expect(idx.list()).toEqual(['in.txt', 'inside-link.txt', 'sub/keep.py']);
  });
});

describe('createFileIndex: list and glob', () => {
  const files = {
    'a.py': '',
    'b.txt': '',
    '.hidden.py': '',
    'src/x.py': '',
    'src/y.py': '',
    'src/deep/z.py': '',
    'src/deep/w.txt': '',
    '.git/config': '',
    '.databricks/state.json': '',
    'node_modules/p/index.js': '',
    'resources/a.yml': '',
    'resources/sub/b.yml': '',
    'q[1].py': '',
  };

  it('lists every regular file below a dir, skipping .git, .databricks and node_modules', () => {
    const root = tree(files);
    const idx = createFileIndex(root, root);
    expect(idx.list()).toEqual([
      '.hidden.py', 'a.py', 'b.txt', 'q[1].py', 'resources/a.yml', 'resources/sub/b.yml',
      'src/deep/w.txt', 'src/deep/z.py', 'src/x.py', 'src/y.py',
    ]);
    expect(idx.list('src/deep')).toEqual(['src/deep/w.txt', 'src/deep/z.py']);
    expect(idx.list('nope')).toEqual([]);
    expect(idx.list('a.py')).toEqual([]);
  });

  it('globs with Go filepath.Glob semantics: ** is *, never crosses /, classes, escapes, sorted', () => {
    const root = tree(files);
    const idx = createFileIndex(root, root);
    expect(idx.glob('*.py')).toEqual(['.hidden.py', 'a.py', 'q[1].py']);
    expect(idx.glob('src/*.py')).toEqual(['src/x.py', 'src/y.py']);
    expect(idx.glob('src/**/*.py')).toEqual(['src/deep/z.py']); // ** matches one level only
    expect(idx.glob('src/**.py')).toEqual(['src/x.py', 'src/y.py']);
    expect(idx.glob('resources/**/*.yml')).toEqual(['resources/sub/b.yml']);
    expect(idx.glob('resources/*.yml')).toEqual(['resources/a.yml']);
    expect(idx.glob('src/[xy].py')).toEqual(['src/x.py', 'src/y.py']);
    expect(idx.glob('src/[^x].py')).toEqual(['src/y.py']);
    expect(idx.glob('src/?.py')).toEqual(['src/x.py', 'src/y.py']);
    expect(idx.glob('q\\[1\\].py')).toEqual(['q[1].py']);
    expect(idx.glob('q[1].py')).toEqual([]);
    expect(idx.glob('src/[].py')).toEqual([]); // malformed: ErrBadPattern → nothing
    expect(idx.glob('b.txt')).toEqual(['b.txt']);
    expect(idx.glob('nope.txt')).toEqual([]);
    expect(idx.glob('*')).toContain('.git'); // Go's Glob has no hidden-file rule
    expect(idx.glob('s*/deep')).toEqual(['src/deep']);
  });

  it('globs outside the bundle root through ../', () => {
    const repo = tree({ 'lib/a.py': '', 'lib/b.py': '', 'bundle/databricks.yml': '' });
    const idx = createFileIndex(path.join(repo, 'bundle'), repo);
    expect(idx.glob('../lib/*.py')).toEqual(['../lib/a.py', '../lib/b.py']);
  });
});
