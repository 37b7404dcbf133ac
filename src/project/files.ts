// The lazy, cached view of the files of one bundle. Paths are POSIX and relative to the bundle root;
// they may leave it (`../lib/x.py`) but never the repository: a path or a symlink that resolves
// outside the repository is 'missing' (a symlink also leaves a notice). Nothing here throws.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileIndex, FileKind, RawFinding, SourceFacts } from '../model.js';
import { goMatcher, hasGlobMeta } from './goglob.js';
import { scanSource } from './sources.js';

export const MAX_READ_BYTES = 10 * 1024 * 1024;
/** Directories `list()` never enters. */
export const LIST_SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', '.databricks', 'node_modules']);

const NOTEBOOK_HEADER_BYTES = 32;
const NOTEBOOK_HEADERS: Record<string, string> = {
  '.py': '# Databricks notebook source',
  '.r': '# Databricks notebook source',
  '.scala': '// Databricks notebook source',
  '.sql': '-- Databricks notebook source',
};
const SOURCE_EXTENSIONS = new Set(['.py', '.r', '.scala', '.sql', '.ipynb']);

/** What an entry keeps of its stat: its type and size, not the Stats object (four Dates and a dozen numbers per file). */
const enum Type {
  File = 1,
  Dir = 2,
  Other = 3,
}

function typeOf(st: fs.Stats): Type {
  return st.isFile() ? Type.File : st.isDirectory() ? Type.Dir : Type.Other;
}

interface Entry {
  abs?: string; // undefined when the path is outside the repository
  type?: Type; // undefined when missing
  size?: number; // bytes, for a file
  kind?: FileKind;
  text?: string | null; // null: looked at, not readable as text
  lines?: string[];
  facts?: SourceFacts | null;
}

/** Normalises a path given relative to the bundle root to POSIX form ('.' for the root itself). */
export function normalizeRel(rel: string): string {
  const p = path.posix.normalize(rel);
  return p === '' ? '.' : p.replace(/\/+$/, '') || '.';
}

/** Both paths absolute and normalised: a prefix test; path.relative only where that says no (Windows' case). */
function isWithin(parent: string, child: string): boolean {
  if (child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep)) return true;
  const r = path.relative(parent, child);
  return r === '' || (r !== '..' && !r.startsWith(`..${path.sep}`) && !path.isAbsolute(r));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Databricks' own test (cli libs/notebook/detect.go): the first line of the first 32 bytes, as
 *  bufio.ScanLines reads it (a trailing `\r` is dropped), equals the header exactly. */
export function hasNotebookHeader(ext: string, head: Buffer): boolean {
  const header = NOTEBOOK_HEADERS[ext];
  if (!header) return false;
  const buf = head.subarray(0, NOTEBOOK_HEADER_BYTES);
  const nl = buf.indexOf(0x0a);
  let first = nl === -1 ? buf : buf.subarray(0, nl);
  if (first.length > 0 && first[first.length - 1] === 0x0d) first = first.subarray(0, first.length - 1);
  return first.toString('latin1') === header;
}

/** hasNotebookHeader on the file's text (decoded whole): the headers are ASCII, so their bytes are their characters. */
export function hasNotebookHeaderText(ext: string, text: string): boolean {
  const header = NOTEBOOK_HEADERS[ext];
  if (!header || !text.startsWith(header)) return false;
  const n = header.length; // under NOTEBOOK_HEADER_BYTES - 1: the first line ends within the bytes read
  const next = text.charCodeAt(n);
  return Number.isNaN(next) || next === 0x0a || (next === 0x0d && (n + 1 === text.length || text.charCodeAt(n + 1) === 0x0a));
}

/** Whether parsed JSON has what the CLI requires of a Jupyter notebook (cells and metadata). */
export function isJupyterShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const nb = value as Record<string, unknown>;
  return nb.cells != null && nb.metadata != null;
}

export function createFileIndex(root: string, repoRoot: string): FileIndex {
  const rootAbs = path.resolve(root);
  const repoAbs = path.resolve(repoRoot);
  let repoReal = repoAbs;
  try {
    repoReal = fs.realpathSync(repoAbs);
  } catch {
    // an unreadable repository root: every path reads as missing below
  }
  const entries = new Map<string, Entry>();
  const listings = new Map<string, string[]>();
  const globs = new Map<string, string[]>();
  const notices: RawFinding[] = [];
  const noticeKeys = new Set<string>();

  const relOf = (abs: string): string => toPosix(path.relative(rootAbs, abs)) || '.';

  function notice(key: string, finding: RawFinding): void {
    if (noticeKeys.has(key)) return;
    noticeKeys.add(key);
    notices.push(finding);
  }

  /** The first path component (from the repository root down) that is a symlink leaving it. */
  function reportEscape(abs: string, real: string): void {
    const parts = path.relative(repoAbs, abs).split(path.sep);
    let cur = repoAbs;
    for (const part of parts) {
      cur = path.join(cur, part);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(cur);
      } catch {
        return;
      }
      if (!st.isSymbolicLink()) continue;
      let target = real;
      let linkText = '';
      try {
        target = fs.realpathSync(cur);
        linkText = fs.readlinkSync(cur);
      } catch {
        // dangling link: name what it says
      }
      if (isWithin(repoReal, target)) continue;
      const rel = relOf(cur);
      notice(`symlink:${rel}`, {
        check: 'symlink-outside-repo',
        severity: 'high',
        message: `${rel} is a symbolic link to ${linkText && !path.isAbsolute(linkText) ? linkText : `an absolute path (.../${path.basename(linkText || target)})`} outside the repository: it is treated as missing`,
        loc: { file: rel, line: 1, column: 1 },
      });
      return;
    }
  }

  function entry(relIn: string): Entry {
    // Keys are normalised paths, so a hit on the path as given is the entry of its normal form.
    let e = entries.get(relIn);
    if (e) return e;
    const rel = normalizeRel(relIn);
    e = entries.get(rel);
    if (e) return e;
    e = {};
    entries.set(rel, e);
    const abs = path.resolve(rootAbs, rel);
    if (!isWithin(repoAbs, abs)) return e;
    const found = resolveReal(abs);
    if (!found) return e; // missing (or a dangling link)
    const real = found.real;
    if (!isWithin(repoReal, real)) {
      reportEscape(abs, real);
      return e;
    }
    e.abs = abs;
    let st = found.stat;
    if (!st) {
      try {
        st = fs.statSync(real);
      } catch {
        return e;
      }
    }
    e.type = typeOf(st);
    if (e.type === Type.File) e.size = st.size;
    return e;
  }

  const realDirs = new Map<string, string | null>();

  /**
   * realpath(abs), with the stat when it comes for free: a path that is not itself a symlink is its
   * folder's real path plus its name (one lstat instead of a realpath and a stat per file).
   */
  function resolveReal(abs: string): { real: string; stat?: fs.Stats } | undefined {
    const dir = path.dirname(abs);
    if (dir !== abs) {
      let realDir = realDirs.get(dir);
      if (realDir === undefined) {
        try {
          realDir = fs.realpathSync.native(dir);
        } catch {
          realDir = null;
        }
        realDirs.set(dir, realDir);
      }
      if (realDir === null) return undefined;
      let st: fs.Stats;
      try {
        st = fs.lstatSync(abs);
      } catch {
        return undefined;
      }
      if (!st.isSymbolicLink()) return { real: path.join(realDir, path.basename(abs)), stat: st };
    }
    try {
      return { real: fs.realpathSync.native(abs) };
    } catch {
      return undefined;
    }
  }

  function readHead(abs: string, bytes: number): Buffer | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(abs, 'r');
      const buf = Buffer.alloc(bytes);
      const n = fs.readSync(fd, buf, 0, bytes, 0);
      return buf.subarray(0, n);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  function text(rel: string): string | undefined {
    const e = entry(rel);
    if (e.text !== undefined) return e.text ?? undefined;
    e.text = null;
    if (!e.abs || e.type !== Type.File) return undefined;
    const relN = normalizeRel(rel);
    if (e.size! > MAX_READ_BYTES) {
      notice(`large:${relN}`, {
        check: 'config-invalid',
        severity: 'info',
        message: `${relN} is ${(e.size! / 1024 / 1024).toFixed(1)} MB, over the ${MAX_READ_BYTES / 1024 / 1024} MB read limit: it is not read`,
        loc: { file: relN, line: 1, column: 1 },
      });
      return undefined;
    }
    let whole: string;
    try {
      whole = fs.readFileSync(e.abs, 'utf8');
    } catch (err) {
      notice(`unreadable:${relN}`, {
        check: 'config-invalid',
        message: `${relN} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        loc: { file: relN, line: 1, column: 1 },
      });
      return undefined;
    }
    if (whole.includes('\0')) return undefined; // binary
    e.text = whole;
    return e.text;
  }

  function kind(rel: string): FileKind {
    const e = entry(rel);
    if (e.kind) return e.kind;
    e.kind = detectKind(rel, e);
    return e.kind;
  }

  function detectKind(rel: string, e: Entry): FileKind {
    if (!e.abs || e.type === undefined) return 'missing';
    if (e.type === Type.Dir) return 'dir';
    if (e.type !== Type.File) return 'missing';
    const ext = path.posix.extname(rel).toLowerCase();
    if (ext === '.ipynb') return detectJupyter(rel, e);
    if (!NOTEBOOK_HEADERS[ext]) return 'file';
    // Source files are read for their facts right after: read the whole (small) file once.
    const whole = e.size! <= MAX_READ_BYTES && e.text === undefined ? readWhole(e) : undefined;
    if (whole !== undefined) return hasNotebookHeaderText(ext, whole) ? 'notebook' : 'file';
    const head = readHead(e.abs, NOTEBOOK_HEADER_BYTES);
    return head && hasNotebookHeader(ext, head) ? 'notebook' : 'file';
  }

  /** The file's text, kept as text() would keep it (null when binary); undefined (text left unread) when it cannot be read. */
  function readWhole(e: Entry): string | undefined {
    let whole: string;
    try {
      whole = fs.readFileSync(e.abs!, 'utf8'); // one native call, unlike reading a Buffer and decoding it
    } catch {
      return undefined; // text() reads again and reports it
    }
    e.text = whole.includes('\0') ? null : whole; // a NUL character is a NUL byte: binary
    return whole;
  }

  function detectJupyter(rel: string, e: Entry): FileKind {
    const relN = normalizeRel(rel);
    const name = relN;
    if (e.size! > MAX_READ_BYTES) {
      text(rel); // leaves the too-large notice
      return 'notebook'; // cannot look inside; assume what the extension says
    }
    const content = text(rel);
    let message: string | undefined;
    if (content === undefined) {
      message = `${name}: invalid Jupyter notebook file`;
    } else {
      try {
        if (!isJupyterShape(JSON.parse(content))) message = `${name}: invalid Jupyter notebook file`;
      } catch (err) {
        message = `${name}: error loading Jupyter notebook file: ${(err as Error).message}`;
      }
    }
    if (message === undefined) return 'notebook';
    notice(`ipynb:${relN}`, { check: 'config-invalid', message, loc: { file: relN, line: 1, column: 1 } });
    return 'file';
  }

  function lines(rel: string): string[] | undefined {
    const e = entry(rel);
    if (e.lines) return e.lines;
    const t = text(rel);
    if (t === undefined) return undefined;
    e.lines = t.split(/\r?\n/);
    return e.lines;
  }

  function facts(rel: string): SourceFacts | undefined {
    const e = entry(rel);
    if (e.facts !== undefined) return e.facts ?? undefined;
    e.facts = null;
    const relN = normalizeRel(rel);
    if (!SOURCE_EXTENSIONS.has(path.posix.extname(relN).toLowerCase())) return undefined;
    const k = kind(rel);
    if (k !== 'notebook' && k !== 'file') return undefined;
    const t = text(rel);
    if (t === undefined) return undefined;
    e.facts = scanSource(relN, t, k);
    return e.facts;
  }

  function walk(absDir: string, out: string[], seen: Set<string>): void {
    let real: string;
    try {
      real = fs.realpathSync.native(absDir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      const rel = relOf(absDir);
      notice(`unreadable:${rel}`, {
        check: 'config-invalid',
        message: `${rel} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        loc: { file: rel, line: 1, column: 1 },
      });
      return;
    }
    for (const d of dirents) {
      const abs = path.join(absDir, d.name);
      if (d.isDirectory()) {
        if (!LIST_SKIPPED_DIRS.has(d.name)) walk(abs, out, seen);
      } else if (d.isFile()) {
        out.push(relOf(abs));
      } else if (d.isSymbolicLink()) {
        // Links to files inside the repository count; links to directories are not followed.
        const rel = relOf(abs);
        const e = entry(rel);
        if (e.type === Type.File) out.push(rel);
      }
    }
  }

  function list(dir = '.'): string[] {
    const relDir = normalizeRel(dir);
    const cached = listings.get(relDir);
    if (cached) return cached;
    const out: string[] = [];
    if (kind(relDir) === 'dir') walk(entry(relDir).abs!, out, new Set());
    out.sort();
    listings.set(relDir, out);
    return out;
  }

  function readdirNames(relDir: string): string[] {
    const e = entry(relDir);
    if (!e.abs || e.type !== Type.Dir) return [];
    try {
      return fs.readdirSync(e.abs).sort();
    } catch {
      return [];
    }
  }

  const joinRel = (dir: string, name: string): string => (dir === '.' ? name : `${dir}/${name}`);

  function glob(pattern: string): string[] {
    const cached = globs.get(pattern);
    if (cached) return cached;
    const result = globUncached(pattern);
    globs.set(pattern, result);
    return result;
  }

  function globUncached(patternIn: string): string[] {
    const pattern = patternIn;
    if (pattern === '') return [];
    if (!hasGlobMeta(pattern)) return kind(pattern) === 'missing' ? [] : [normalizeRel(pattern)];
    const segments = normalizeRel(pattern).split('/');
    let current = ['.'];
    for (const seg of segments) {
      const next: string[] = [];
      if (!hasGlobMeta(seg)) {
        for (const dir of current) {
          const p = seg === '..' ? normalizeRel(`${dir}/..`) : joinRel(dir, seg);
          next.push(p);
        }
      } else {
        const matches = goMatcher(seg);
        if (!matches) return []; // malformed pattern (Go: ErrBadPattern)
        for (const dir of current) {
          if (kind(dir) !== 'dir') continue;
          for (const name of readdirNames(dir)) if (matches(name)) next.push(joinRel(dir, name));
        }
      }
      current = next;
    }
    return [...new Set(current.filter((p) => kind(p) !== 'missing'))].sort();
  }

  return {
    root: rootAbs,
    kind,
    exists: (rel) => kind(rel) !== 'missing',
    read: text,
    lines,
    facts,
    list,
    glob,
    notices,
  };
}
