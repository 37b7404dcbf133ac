// Go's path/filepath Match and Glob (POSIX separator), ported line by line. The CLI expands
// `include:` entries and wheel library paths with filepath.Glob: `*` matches a run of non-`/`
// characters, `?` one non-`/` character, `[...]` a class (`^` negates, `a-z` ranges, `\` escapes),
// `\x` a literal x; `**` is just `*`, so it never crosses `/`. A malformed pattern is ErrBadPattern.
import fs from 'node:fs';
import path from 'node:path';

export class BadPatternError extends Error {
  constructor(pattern: string) {
    super(`syntax error in pattern: ${pattern}`);
  }
}

const SEP = '/';

export function hasGlobMeta(pattern: string): boolean {
  return /[*?[\\]/.test(pattern);
}

/** filepath.Match. Throws BadPatternError for a malformed pattern. */
export function goMatch(pattern: string, name: string): boolean {
  let pat = Array.from(pattern);
  let str = Array.from(name);
  outer: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) return !str.includes(SEP);
    const first = matchChunk(chunk, str);
    if (first.ok && (first.rest.length === 0 || pat.length > 0)) {
      str = first.rest;
      continue;
    }
    if (star) {
      for (let i = 0; i < str.length && str[i] !== SEP; i++) {
        const next = matchChunk(chunk, str.slice(i + 1));
        if (next.ok) {
          if (pat.length === 0 && next.rest.length > 0) continue;
          str = next.rest;
          continue outer;
        }
      }
    }
    while (pat.length > 0) {
      const scanned = scanChunk(pat);
      pat = scanned.rest;
      matchChunk(scanned.chunk, []);
    }
    return false;
  }
  return str.length === 0;

  function scanChunk(p: string[]): { star: boolean; chunk: string[]; rest: string[] } {
    let star = false;
    let start = 0;
    while (start < p.length && p[start] === '*') {
      start++;
      star = true;
    }
    let inRange = false;
    let i = start;
    for (; i < p.length; i++) {
      const c = p[i];
      if (c === '\\') {
        if (i + 1 < p.length) i++;
      } else if (c === '[') inRange = true;
      else if (c === ']') inRange = false;
      else if (c === '*' && !inRange) break;
    }
    return { star, chunk: p.slice(start, i), rest: p.slice(i) };
  }

  function matchChunk(chunkIn: string[], sIn: string[]): { rest: string[]; ok: boolean } {
    let chunk = chunkIn;
    let s = sIn;
    let failed = false;
    while (chunk.length > 0) {
      if (!failed && s.length === 0) failed = true;
      const c = chunk[0];
      if (c === '[') {
        let r = '';
        if (!failed) {
          r = s[0];
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
        let negated = false;
        if (chunk.length > 0 && chunk[0] === '^') {
          negated = true;
          chunk = chunk.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
            chunk = chunk.slice(1);
            break;
          }
          const lo = getEsc(chunk);
          chunk = lo.rest;
          let hi = lo.r;
          if (chunk[0] === '-') {
            const h = getEsc(chunk.slice(1));
            chunk = h.rest;
            hi = h.r;
          }
          if (!failed && cmp(lo.r, r) <= 0 && cmp(r, hi) <= 0) match = true;
          nrange++;
        }
        if (match === negated) failed = true;
      } else if (c === '?') {
        if (!failed) {
          if (s[0] === SEP) failed = true;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
      } else {
        let literal = chunk;
        if (c === '\\') {
          literal = chunk.slice(1);
          if (literal.length === 0) throw new BadPatternError(pattern);
        }
        if (!failed) {
          if (literal[0] !== s[0]) failed = true;
          s = s.slice(1);
        }
        chunk = literal.slice(1);
      }
    }
    return failed ? { rest: [], ok: false } : { rest: s, ok: true };
  }

  function getEsc(chunkIn: string[]): { r: string; rest: string[] } {
    let chunk = chunkIn;
    if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPatternError(pattern);
    if (chunk[0] === '\\') {
      chunk = chunk.slice(1);
      if (chunk.length === 0) throw new BadPatternError(pattern);
    }
    const r = chunk[0];
    const rest = chunk.slice(1);
    if (rest.length === 0) throw new BadPatternError(pattern);
    return { r, rest };
  }
}

/** A matcher for `pattern` (checked once), undefined when the pattern is malformed. */
export function goMatcher(pattern: string): ((name: string) => boolean) | undefined {
  try {
    goMatch(pattern, '');
  } catch (err) {
    if (err instanceof BadPatternError) return undefined;
    throw err;
  }
  return (name) => goMatch(pattern, name);
}

function cmp(a: string, b: string): number {
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}

/** filepath.Glob over an absolute, cleaned pattern. Throws BadPatternError. `canList` may refuse a
 *  directory before it is listed (its matches are then not looked for). */
export function goGlob(pattern: string, canList: (dir: string) => boolean = () => true): string[] {
  return globWithLimit(pattern, 0, canList);
}

function globWithLimit(pattern: string, depth: number, canList: (dir: string) => boolean): string[] {
  if (depth > 10_000) throw new BadPatternError(pattern);
  goMatch(pattern, '');
  if (!hasGlobMeta(pattern)) {
    try {
      fs.lstatSync(pattern);
      return [pattern];
    } catch {
      return [];
    }
  }
  let dir = path.posix.dirname(pattern);
  const file = path.posix.basename(pattern);
  if (pattern.endsWith('/')) return [];
  dir = dir === '' ? '.' : dir;
  if (!hasGlobMeta(dir)) return globDir(dir, file, [], canList);
  if (dir === pattern) throw new BadPatternError(pattern);
  let matches: string[] = [];
  for (const d of globWithLimit(dir, depth + 1, canList)) matches = globDir(d, file, matches, canList);
  return matches;
}

function globDir(dir: string, pattern: string, matches: string[], canList: (dir: string) => boolean): string[] {
  try {
    if (!fs.statSync(dir).isDirectory()) return matches;
  } catch {
    return matches;
  }
  if (!canList(dir)) return matches;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return matches;
  }
  names.sort(byteOrder);
  for (const name of names) {
    if (goMatch(pattern, name)) matches.push(path.posix.join(dir, name));
  }
  return matches;
}

export type ContainedGlob =
  /** Absolute matches; none found by listing a folder that (through a symbolic link) lies outside
   *  `boundary`: such folders are in `refused`, named as reached from inside. */
  | { kind: 'matches'; files: string[]; refused: string[] }
  /** The pattern itself points outside `boundary`: nothing was listed. */
  | { kind: 'outside' }
  | { kind: 'bad-pattern' };

/**
 * filepath.Glob of `pattern` relative to `base` (POSIX-joined and cleaned as Go's filepath.Join does),
 * kept inside `boundary`: a pattern whose cleaned form leaves it is refused before anything is listed,
 * and a folder reached through a symbolic link that leaves it is not listed.
 */
export function containedGlob(base: string, pattern: string, boundary: string): ContainedGlob {
  const posix = (p: string) => p.split(path.sep).join('/');
  const joined = path.posix.isAbsolute(pattern) ? path.posix.normalize(pattern) : path.posix.join(posix(base), pattern);
  const root = posix(path.resolve(boundary));
  if (!posixInside(root, joined)) return { kind: 'outside' };
  let realRoot = root;
  try {
    realRoot = posix(fs.realpathSync(boundary));
  } catch {
    // an unreadable boundary: nothing inside it can be listed either
  }
  const refused: string[] = [];
  const canList = (dir: string) => {
    let inside = false;
    try {
      inside = posixInside(realRoot, posix(fs.realpathSync(dir)));
    } catch {
      // vanished meanwhile: nothing to list
    }
    if (!inside) refused.push(dir);
    return inside;
  };
  try {
    return { kind: 'matches', files: goGlob(joined, canList), refused };
  } catch (err) {
    if (err instanceof BadPatternError) return { kind: 'bad-pattern' };
    throw err;
  }
}

function posixInside(root: string, p: string): boolean {
  const rel = path.posix.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('../') && !path.posix.isAbsolute(rel));
}

/** Go's string order (bytes), which for UTF-8 equals code point order. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
