// A tolerant reader of the literal parts of a Python file (setup.py): tokens, module-level
// `NAME = <literal>` assignments and the keyword arguments of the `setup(...)` call. Nothing is
// executed; what is not a literal is `unknown`. Never throws on odd input.

export interface Pos {
  line: number; // 1-based
  column: number; // 1-based
}

export type PyValue =
  | { kind: 'str'; value: string; pos: Pos }
  | { kind: 'num'; value: string; pos: Pos }
  | { kind: 'const'; value: 'True' | 'False' | 'None'; pos: Pos }
  | { kind: 'list'; items: PyValue[]; pos: Pos }
  | { kind: 'dict'; entries: [PyValue, PyValue][]; pos: Pos }
  | { kind: 'call'; name: string; args: PyValue[]; kwargs: Map<string, PyValue>; pos: Pos }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'unknown'; pos: Pos };

interface Token {
  type: 'name' | 'string' | 'number' | 'op' | 'newline';
  value: string; // for strings: the decoded value
  pos: Pos;
  lineStart: boolean; // first token on its physical line
  fstring?: boolean;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineOffset = 0;
  let lastLine = 0;
  let depth = 0;
  const n = text.length;
  let i = 0;
  const push = (type: Token['type'], value: string, start: number, startLine: number, startLineOffset: number, fstring?: boolean) => {
    tokens.push({
      type,
      value,
      pos: { line: startLine, column: start - startLineOffset + 1 },
      lineStart: startLine !== lastLine,
      fstring,
    });
    lastLine = startLine;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '\n') {
      if (depth === 0) push('newline', '\n', i, line, lineOffset);
      line++;
      lineOffset = i + 1;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    const startLine = line;
    const startLineOffset = lineOffset;
    const prefix = /^[rRbBuUfF]{0,2}(?=['"])/.exec(text.slice(i, i + 3));
    if (prefix) {
      const pre = prefix[0].toLowerCase();
      i += prefix[0].length;
      const q = text[i];
      const triple = text.startsWith(q.repeat(3), i);
      const delim = triple ? q.repeat(3) : q;
      i += delim.length;
      let value = '';
      while (i < n && !text.startsWith(delim, i)) {
        const c = text[i];
        if (c === '\n') {
          if (!triple) break; // unterminated single-quoted string
          line++;
          lineOffset = i + 1;
        }
        if (c === '\\' && i + 1 < n) {
          const next = text[i + 1];
          if (next === '\n') {
            line++;
            lineOffset = i + 2;
          }
          value += pre.includes('r') ? c + next : unescape(next);
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      if (text.startsWith(delim, i)) i += delim.length;
      push('string', value, start, startLine, startLineOffset, pre.includes('f'));
      continue;
    }
    if (/[A-Za-z_]/.test(ch) || ch.charCodeAt(0) > 127) {
      while (i < n && (/\w/.test(text[i]) || text.charCodeAt(i) > 127)) i++;
      push('name', text.slice(start, i), start, startLine, startLineOffset);
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      while (i < n && /[\w.]/.test(text[i])) i++;
      push('number', text.slice(start, i), start, startLine, startLineOffset);
      continue;
    }
    const op3 = text.slice(i, i + 3);
    const op2 = text.slice(i, i + 2);
    let op = ch;
    if (['**=', '//=', '>>=', '<<=', '...'].includes(op3)) op = op3;
    else if (['**', '//', '==', '!=', '<=', '>=', '->', '+=', '-=', '*=', '/=', ':=', '%=', '|=', '&='].includes(op2)) op = op2;
    if (op === '(' || op === '[' || op === '{') depth++;
    if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
    i += op.length;
    push('op', op, start, startLine, startLineOffset);
  }
  return tokens;
}

function unescape(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case '\n':
      return '';
    default:
      return c;
  }
}

const CLOSERS = new Set([')', ']', '}', ',', ':']);

/** Recursive-descent reader of literal expressions over a token array. */
class Reader {
  i = 0;
  constructor(readonly tokens: Token[]) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  isOp(value: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.type === 'op' && t.value === value;
  }

  /** Skips a balanced expression up to a top-level `,`/closer (or the end of the statement). */
  skipExpression(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (t.type === 'newline' && depth === 0) return;
      if (t.type === 'op') {
        if (depth === 0 && CLOSERS.has(t.value)) return;
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        if (t.value === ')' || t.value === ']' || t.value === '}') depth--;
      }
      this.i++;
    }
  }

  expression(): PyValue {
    const start = this.peek();
    const pos = start?.pos ?? { line: 1, column: 1 };
    const value = this.primary();
    const next = this.peek();
    if (next && !(next.type === 'op' && CLOSERS.has(next.value)) && next.type !== 'newline') {
      this.skipExpression();
      return { kind: 'unknown', pos };
    }
    return value;
  }

  primary(): PyValue {
    const t = this.peek();
    if (!t) return { kind: 'unknown', pos: { line: 1, column: 1 } };
    const pos = t.pos;
    if (t.type === 'string') {
      let value = '';
      let fstring = false;
      while (this.peek()?.type === 'string') {
        const s = this.tokens[this.i++];
        value += s.value;
        fstring ||= !!s.fstring;
      }
      return fstring ? { kind: 'unknown', pos } : { kind: 'str', value, pos };
    }
    if (t.type === 'number') {
      this.i++;
      return { kind: 'num', value: t.value, pos };
    }
    if (t.type === 'name') {
      if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
        this.i++;
        return { kind: 'const', value: t.value, pos };
      }
      let name = t.value;
      this.i++;
      while (this.isOp('.') && this.peek(1)?.type === 'name') {
        name += '.' + this.peek(1)!.value;
        this.i += 2;
      }
      if (this.isOp('(')) return this.call(name, pos);
      return { kind: 'name', name, pos };
    }
    if (t.type === 'op') {
      if (t.value === '[') return this.sequence(']', pos);
      if (t.value === '(') return this.sequence(')', pos);
      if (t.value === '{') return this.braces(pos);
    }
    this.skipExpression();
    return { kind: 'unknown', pos };
  }

  /** `[a, b]` or `(a, b)`; a comprehension is unknown. */
  sequence(close: string, pos: Pos): PyValue {
    this.i++;
    const items: PyValue[] = [];
    let comprehension = false;
    let comma = false;
    while (this.i < this.tokens.length && !this.isOp(close)) {
      if (this.peek()?.type === 'newline') {
        this.i++;
        continue;
      }
      if (this.peek()?.type === 'name' && this.peek()!.value === 'for') comprehension = true;
      if (this.isOp('*')) {
        this.i++;
        comprehension = true;
      }
      const before = this.i;
      items.push(this.expression());
      if (this.isOp(',')) {
        this.i++;
        comma = true;
      } else if (!this.isOp(close)) {
        if (this.i === before) this.i++;
        comprehension = true;
      }
    }
    this.i++;
    if (comprehension) return { kind: 'unknown', pos };
    if (close === ')' && items.length === 1 && !comma) return items[0]; // (expr) is not a tuple
    return { kind: 'list', items, pos };
  }

  braces(pos: Pos): PyValue {
    this.i++;
    const entries: [PyValue, PyValue][] = [];
    const items: PyValue[] = [];
    let odd = false;
    while (this.i < this.tokens.length && !this.isOp('}')) {
      if (this.peek()?.type === 'newline') {
        this.i++;
        continue;
      }
      if (this.isOp('**')) {
        this.i++;
        this.expression();
        odd = true;
      } else {
        const before = this.i;
        const key = this.expression();
        if (this.isOp(':')) {
          this.i++;
          entries.push([key, this.expression()]);
        } else items.push(key);
        if (this.i === before) {
          this.i++;
          odd = true;
        }
      }
      if (this.isOp(',')) this.i++;
      else if (!this.isOp('}')) {
        this.skipExpression();
        if (!this.isOp(',') && !this.isOp('}')) this.i++;
        odd = true;
      }
    }
    this.i++;
    if (odd) return { kind: 'unknown', pos };
    if (items.length > 0 && entries.length === 0) return { kind: 'list', items, pos }; // a set
    return { kind: 'dict', entries, pos };
  }

  call(name: string, pos: Pos): PyValue {
    this.i++; // (
    const args: PyValue[] = [];
    const kwargs = new Map<string, PyValue>();
    while (this.i < this.tokens.length && !this.isOp(')')) {
      if (this.peek()?.type === 'newline') {
        this.i++;
        continue;
      }
      const before = this.i;
      if (this.isOp('*') || this.isOp('**')) {
        this.i++;
        this.expression();
      } else if (this.peek()?.type === 'name' && this.isOp('=', 1)) {
        const key = this.peek()!.value;
        this.i += 2;
        kwargs.set(key, this.expression());
      } else args.push(this.expression());
      if (this.isOp(',')) this.i++;
      else if (!this.isOp(')') && this.i === before) this.i++;
    }
    this.i++;
    return { kind: 'call', name, args, kwargs, pos };
  }
}

export interface SetupPyCall {
  kwargs: Map<string, PyValue>;
  pos: Pos;
  /** `**something` was passed: some arguments cannot be known. */
  hasUnpacking: boolean;
}

export interface PythonModuleLiterals {
  /** Module-level `NAME = value` (the last one before the setup call wins). */
  assignments: Map<string, PyValue>;
  setup?: SetupPyCall;
}

/** Reads the module-level literal assignments and the `setup(...)` call of a setup.py. */
export function readSetupPy(text: string): PythonModuleLiterals {
  const result: PythonModuleLiterals = { assignments: new Map() };
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return result;
  }
  const reader = new Reader(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    try {
      if (t.type === 'name' && t.lineStart && t.pos.column === 1 && tokens[i + 1]?.type === 'op' && tokens[i + 1].value === '=') {
        reader.i = i + 2;
        result.assignments.set(t.value, reader.expression());
        i = Math.max(i, reader.i - 1);
        continue;
      }
      const isSetupName = t.type === 'name' && (t.value === 'setup' || t.value === 'setuptools.setup');
      const prev = tokens[i - 1];
      const isDef = prev?.type === 'name' && (prev.value === 'def' || prev.value === 'import');
      if (isSetupName && !isDef && tokens[i + 1]?.type === 'op' && tokens[i + 1].value === '(') {
        reader.i = i;
        const v = reader.primary();
        if (v.kind === 'call') {
          const hasUnpacking = tokenRangeHasUnpacking(tokens, i + 1, reader.i);
          result.setup = { kwargs: v.kwargs, pos: t.pos, hasUnpacking };
        }
        i = Math.max(i, reader.i - 1);
      }
    } catch {
      // odd input: keep what was read so far
    }
  }
  return result;
}

function tokenRangeHasUnpacking(tokens: Token[], from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type !== 'op') continue;
    if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
    else if (t.value === ')' || t.value === ']' || t.value === '}') depth--;
    else if (t.value === '**' && depth === 1) {
      const prev = tokens[i - 1];
      if (prev?.type === 'op' && (prev.value === '(' || prev.value === ',')) return true;
    }
  }
  return false;
}

/** Follows a name to its module-level literal (one level deep is enough for setup.py). */
export function resolveName(value: PyValue | undefined, assignments: Map<string, PyValue>, depth = 0): PyValue | undefined {
  if (value?.kind === 'name' && depth < 5) {
    const target = assignments.get(value.name);
    return target ? resolveName(target, assignments, depth + 1) : value;
  }
  return value;
}
