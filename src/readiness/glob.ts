// Globs over POSIX paths relative to the bundle root, for `.dab-ready.yml` phase `include` and
// `ignore.path`: `*` and `?` stay inside one path segment, `**` spans segments, `[...]` is a class.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = '';
  const p = normalizeGlobPath(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atSegmentStart = i === 0 || p[i - 1] === '/';
        i++;
        if (atSegmentStart && p[i + 1] === '/') {
          i++;
          source += '(?:[^/]*/)*'; // `**/` matches zero or more directories
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const first = p[i + 1] === '!' ? i + 2 : i + 1; // a ] here belongs to the class
      const end = p.indexOf(']', first + 1);
      if (end === -1) {
        source += '\\[';
      } else {
        let body = p.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        // escaped: JavaScript reads `[]` as an empty class; no backslash is left to escape
        // (normalizeGlobPath made them slashes)
        source += '[' + body.replace(']', '\\]') + ']';
        i = end;
      }
    } else {
      source += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  const re = new RegExp('^' + source + '$');
  cache.set(pattern, re);
  return re;
}

export function normalizeGlobPath(value: string): string {
  let v = value.replace(/\\/g, '/');
  while (v.startsWith('./')) v = v.slice(2);
  return v.replace(/\/+/g, '/');
}

export function hasGlobChars(value: string): boolean {
  return /[*?[]/.test(value);
}

/** Whether `file` (relative to the bundle root) matches `pattern`. A pattern without glob characters
 *  also matches everything below it when it names a directory (`resources/phase2`). */
export function matchesGlob(pattern: string, file: string): boolean {
  const f = normalizeGlobPath(file);
  const p = normalizeGlobPath(pattern).replace(/\/$/, '');
  if (globToRegExp(p).test(f)) return true;
  if (!hasGlobChars(p)) return f.startsWith(p + '/');
  return globToRegExp(p + '/**').test(f);
}
