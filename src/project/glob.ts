// Go `path.Match` / `filepath.Glob` semantics (non-Windows): `*` any run of non-`/` characters,
// `?` one non-`/` character, `[...]` a class (`^` negates, `a-z` ranges, `\` escapes), `\x` a
// literal x. `**` is simply two stars: it never crosses `/`. A malformed pattern matches nothing.

const META = /[*?[\\]/;

export function hasGlobMeta(pattern: string): boolean {
  return META.test(pattern);
}

const compiled = new Map<string, RegExp | null>();

/** The pattern as an anchored RegExp for one path segment (or whole path), null when malformed. */
export function goPatternRegExp(pattern: string): RegExp | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const source = translate(pattern);
  const re = source === null ? null : new RegExp(`^${source}$`, 's');
  compiled.set(pattern, re);
  return re;
}

/** Go `path.Match(pattern, name)`; false for a malformed pattern. */
export function goMatch(pattern: string, name: string): boolean {
  const re = goPatternRegExp(pattern);
  return re !== null && re.test(name);
}

export function isValidGoPattern(pattern: string): boolean {
  return goPatternRegExp(pattern) !== null;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function translate(pattern: string): string | null {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '*') {
      out += '[^/]*';
      i++;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '\\') {
      if (i + 1 >= pattern.length) return null;
      out += escapeRegExp(pattern[i + 1]);
      i += 2;
    } else if (ch === '[') {
      const cls = translateClass(pattern, i + 1);
      if (cls === null) return null;
      out += cls.source;
      i = cls.end;
    } else {
      out += escapeRegExp(ch);
      i++;
    }
  }
  return out;
}

/** Parses a class starting after `[`; returns the RegExp source and the index after `]`. */
function translateClass(pattern: string, start: number): { source: string; end: number } | null {
  let i = start;
  let negated = false;
  if (pattern[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: string[] = [];
  for (;;) {
    if (i >= pattern.length) return null;
    if (pattern[i] === ']' && ranges.length > 0) {
      i++;
      break;
    }
    const lo = classChar(pattern, i);
    if (lo === null) return null;
    i = lo.next;
    let hi = lo;
    if (pattern[i] === '-') {
      const h = classChar(pattern, i + 1);
      if (h === null) return null;
      hi = h;
      i = h.next;
      if (hi.ch < lo.ch) return null;
    }
    ranges.push(lo.ch === hi.ch ? escapeRegExp(lo.ch) : `${escapeRegExp(lo.ch)}-${escapeRegExp(hi.ch)}`);
  }
  // Go never lets a class match '/'.
  return { source: negated ? `[^/${ranges.join('')}]` : `(?!/)[${ranges.join('')}]`, end: i };
}

function classChar(pattern: string, i: number): { ch: string; next: number } | null {
  const ch = pattern[i];
  if (ch === undefined || ch === '-' || ch === ']') return null;
  if (ch === '\\') {
    if (i + 1 >= pattern.length) return null;
    return { ch: pattern[i + 1], next: i + 2 };
  }
  return { ch, next: i + 1 };
}
