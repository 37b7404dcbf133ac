// Where keys are written in TOML and INI (setup.cfg) files: the parsers give values, these give
// the line and column of each key, so that names and entry points keep their place.

export interface KeyLoc {
  line: number; // 1-based
  column: number; // 1-based
}

const BARE_KEY = /^[A-Za-z0-9_-]+/;

/** Reads one (possibly dotted, possibly quoted) TOML key at `s[i]`; returns parts and end index. */
function readKey(s: string, i: number): { parts: string[]; columns: number[]; end: number } | undefined {
  const parts: string[] = [];
  const columns: number[] = [];
  for (;;) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    const col = i;
    if (s[i] === '"' || s[i] === "'") {
      const q = s[i];
      let j = i + 1;
      let v = '';
      while (j < s.length && s[j] !== q) {
        if (q === '"' && s[j] === '\\') {
          v += s[j + 1] ?? '';
          j += 2;
          continue;
        }
        v += s[j++];
      }
      if (j >= s.length) return undefined;
      parts.push(v);
      i = j + 1;
    } else {
      const m = BARE_KEY.exec(s.slice(i));
      if (!m) return undefined;
      parts.push(m[0]);
      i += m[0].length;
    }
    columns.push(col);
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] !== '.') return { parts, columns, end: i };
    i++;
  }
}

export const keyPath = (parts: string[]): string => parts.join('\u0000');

/**
 * The location of every key of a TOML document, by its full path (`keyPath(['project','name'])`).
 * Inline tables on one line are followed; multi-line strings and arrays are skipped over.
 */
export function tomlKeyLocations(text: string): Map<string, KeyLoc> {
  const locs = new Map<string, KeyLoc>();
  const lines = text.split(/\r?\n/);
  let table: string[] = [];
  let depth = 0; // open brackets of a multi-line value
  let multiline: string | undefined; // open """ or '''
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (multiline) {
      if (line.includes(multiline)) multiline = undefined;
      continue;
    }
    if (depth > 0) {
      depth = Math.max(0, depth + bracketDelta(line));
      continue;
    }
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed.startsWith('[')) {
      const double = trimmed.startsWith('[[');
      const key = readKey(line, indent + (double ? 2 : 1));
      if (key) {
        table = key.parts;
        if (!locs.has(keyPath(table))) locs.set(keyPath(table), { line: n + 1, column: indent + 1 });
      }
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const key = readKey(line, indent);
    if (!key || line[key.end] !== '=') continue;
    const full = [...table, ...key.parts];
    locs.set(keyPath(full), { line: n + 1, column: key.columns[0] + 1 });
    const value = line.slice(key.end + 1);
    const v = value.trimStart();
    if (v.startsWith('"""') || v.startsWith("'''")) {
      const delim = v.slice(0, 3);
      if (!v.slice(3).includes(delim)) multiline = delim;
      continue;
    }
    if (v.startsWith('{')) inlineTableKeys(line, key.end + 1 + (value.length - v.length), full, n + 1, locs);
    depth = Math.max(0, bracketDelta(value));
  }
  return locs;
}

function inlineTableKeys(line: string, open: number, prefix: string[], lineNo: number, locs: Map<string, KeyLoc>): void {
  let i = open + 1;
  let expectKey = true;
  let depth = 1;
  const stack: string[][] = [prefix];
  while (i < line.length && depth > 0) {
    const ch = line[i];
    if (expectKey && ch !== ' ' && ch !== '\t' && ch !== '}') {
      const key = readKey(line, i);
      if (!key || line[key.end] !== '=') return;
      const full = [...stack[stack.length - 1], ...key.parts];
      locs.set(keyPath(full), { line: lineNo, column: key.columns[0] + 1 });
      i = key.end + 1;
      expectKey = false;
      while (line[i] === ' ') i++;
      if (line[i] === '{') {
        stack.push(full);
        depth++;
        expectKey = true;
        i++;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      const q = ch;
      i++;
      while (i < line.length && line[i] !== q) i += line[i] === '\\' && q === '"' ? 2 : 1;
    } else if (ch === '[') {
      let d = 1;
      i++;
      while (i < line.length && d > 0) {
        if (line[i] === '[') d++;
        if (line[i] === ']') d--;
        i++;
      }
      continue;
    } else if (ch === ',') expectKey = true;
    else if (ch === '}') {
      depth--;
      stack.pop();
    }
    i++;
  }
}

/** Net open brackets of a value (strings and comments ignored). */
function bracketDelta(s: string): number {
  let d = 0;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') break;
    else if (ch === '[' || ch === '{') d++;
    else if (ch === ']' || ch === '}') d--;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// INI (setup.cfg, read as Python's configparser does: `key = value` or `key: value`, indented
// continuation lines, `#`/`;` full-line comments, keys lower-cased).

export interface IniValue {
  value: string; // the first line's text and the continuation lines, joined by '\n'
  loc: KeyLoc; // the key
  lines: { text: string; line: number; column: number }[]; // non-empty value lines
}

export type IniSections = Map<string, Map<string, IniValue>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, IniValue> | undefined;
  let last: IniValue | undefined;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed === '') continue;
    const indented = /^\s/.test(line);
    if (indented && last) {
      last.value += '\n' + trimmed;
      last.lines.push({ text: trimmed, line: n + 1, column: line.indexOf(trimmed) + 1 });
      continue;
    }
    const section = /^\[([^\]]+)\]/.exec(trimmed);
    if (section) {
      const name = section[1].trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      last = undefined;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!kv || !current) {
      last = undefined;
      continue;
    }
    const keyCol = line.length - line.trimStart().length + 1; // an indented key opening an entry
    const value = kv[2].trimEnd();
    const valueCol = line.length - kv[2].length + 1;
    last = {
      value,
      loc: { line: n + 1, column: keyCol },
      lines: value ? [{ text: value, line: n + 1, column: valueCol }] : [],
    };
    current.set(kv[1].trim().toLowerCase(), last);
  }
  return sections;
}
