// Facts read from notebooks and sources by line patterns: pip installs, imports, sys.path edits,
// widgets, FAISS / Vector Search use, DLT, model registration, top-level functions. Pure and fast:
// one pass over the lines, a cheap keyword pre-filter before any detailed pattern.

import type { SourceFacts } from '../model.js';

export interface PipInstallFact {
  line: number;
  text: string;
  packages: string[];
  /** Files named with `-r` / `--requirement`. */
  requirements: string[];
}

export interface ModelRegistrationFact {
  line: number;
  name?: string;
  text: string;
  call: 'register_model' | 'log_model' | 'create_registered_model' | 'set_registry_uri';
}

/** SourceFacts with a few more details (assignable to SourceFacts). */
export interface ScannedSourceFacts extends SourceFacts {
  pipInstalls: PipInstallFact[];
  registersModels: ModelRegistrationFact[];
  /** `%run ./other` notebook includes, with the path as written. */
  runs: { line: number; path: string }[];
}

/** The lines to scan, as parallel arrays (no object per line: scanning must be fast). */
interface Lines {
  text: string[];
  /** 1 for a `# MAGIC` line (text without the prefix) or a line of a non-Python Jupyter cell. */
  magic: Uint8Array;
  /** 1-based line in the file; `index + 1` when absent. */
  lineNo?: number[];
}

const lineAt = (lines: Lines, i: number): number => (lines.lineNo ? lines.lineNo[i] : i + 1);

const LANGUAGES: Record<string, SourceFacts['language']> = { '.py': 'python', '.sql': 'sql', '.scala': 'scala', '.r': 'r' };
const MAGIC = /^(?:#|--|\/\/) MAGIC ?(.*)$/;
const PREFILTER = /import|sys\.path|dbutils|getArgument|faiss|VectorSearchClient|create_endpoint|model|registry|def/;
const MAX_CALL_LINES = 60;

function emptyFacts(file: string, kind: 'notebook' | 'file', language?: SourceFacts['language']): ScannedSourceFacts {
  return {
    file,
    kind,
    language,
    pipInstalls: [],
    imports: [],
    sysPathAppends: [],
    widgetsGet: [],
    widgetDefaults: [],
    faiss: [],
    vectorSearchClient: [],
    createEndpoints: [],
    dlt: [],
    registersModels: [],
    functions: [],
    runs: [],
  };
}

function extname(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function scanSource(file: string, text: string, kind: 'notebook' | 'file'): ScannedSourceFacts {
  const ext = extname(file);
  if (ext === '.ipynb') {
    const nb = jupyterLines(text);
    const facts = emptyFacts(file, kind, nb?.language ?? 'python');
    if (nb) scanLines(nb.lines, facts, facts.language === 'python');
    return withSharedEmptyLists(facts);
  }
  const language = LANGUAGES[ext] ?? 'python';
  const facts = emptyFacts(file, kind, language);
  const raw = text.split('\n');
  const magic = new Uint8Array(raw.length);
  const crlf = text.includes('\r');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i];
    if (crlf && t.endsWith('\r')) raw[i] = t = t.slice(0, -1);
    if (t.includes(' MAGIC')) {
      const m = MAGIC.exec(t);
      if (m) {
        raw[i] = m[1];
        magic[i] = 1;
      }
    }
  }
  scanLines({ text: raw, magic }, facts, language === 'python');
  return withSharedEmptyLists(facts);
}

/** One frozen empty list for every kind of fact a file does not have: most files have few (a repository's facts are kept to the end). */
const NO_FACTS: never[] = Object.freeze([]) as unknown as never[];

function withSharedEmptyLists(facts: ScannedSourceFacts): ScannedSourceFacts {
  const lists = facts as unknown as Record<string, unknown>;
  for (const key in lists) {
    const value = lists[key];
    if (Array.isArray(value) && value.length === 0) lists[key] = NO_FACTS;
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Jupyter: code cells, each source line mapped to the line of the .ipynb file that holds it.

function jupyterLines(text: string): { lines: Lines; language?: SourceFacts['language'] } | undefined {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof nb !== 'object' || nb === null || !Array.isArray((nb as { cells?: unknown }).cells)) return undefined;
  const { cells, metadata } = nb as { cells: unknown[]; metadata?: Record<string, unknown> };
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const texts: string[] = [];
  const magics: number[] = [];
  const lineNo: number[] = [];
  let offset = 0;
  for (const cell of cells) {
    if (typeof cell !== 'object' || cell === null) continue;
    const c = cell as { cell_type?: unknown; source?: unknown };
    const sourceKey = text.indexOf('"source"', offset);
    if (sourceKey >= 0) offset = sourceKey;
    const baseLine = lineAt(offset);
    const items = Array.isArray(c.source) ? c.source : typeof c.source === 'string' ? [c.source] : [];
    const cellLines: { line: number; text: string }[] = [];
    items.forEach((item, k) => {
      if (typeof item !== 'string') return;
      const encoded = JSON.stringify(item);
      const found = text.indexOf(encoded, offset);
      let line = baseLine + k + (Array.isArray(c.source) ? 1 : 0);
      if (found >= 0) {
        line = lineAt(found);
        offset = found + encoded.length;
      }
      const parts = item.split('\n');
      if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      for (const part of parts) cellLines.push({ line, text: part.replace(/\r$/, '') });
    });
    if (c.cell_type !== 'code') continue;
    const first = cellLines.find((l) => l.text.trim() !== '')?.text.trim() ?? '';
    const foreign = /^%(?:sql|md|md-sandbox|scala|r|sh|fs|python\s+--)\b/.test(first);
    for (const l of cellLines) {
      texts.push(l.text);
      magics.push(foreign ? 1 : 0);
      lineNo.push(l.line);
    }
  }
  return { lines: { text: texts, magic: Uint8Array.from(magics), lineNo }, language: jupyterLanguage(metadata) };
}

function jupyterLanguage(metadata: Record<string, unknown> | undefined): SourceFacts['language'] {
  const get = (o: unknown, k: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined);
  const candidates = [
    get(get(metadata, 'application/vnd.databricks.v1+notebook'), 'language'),
    get(get(metadata, 'kernelspec'), 'language'),
    get(get(metadata, 'language_info'), 'name'),
  ];
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const l = c.toLowerCase();
    if (l === 'python' || l === 'sql' || l === 'scala' || l === 'r') return l;
  }
  return 'python';
}

// ---------------------------------------------------------------------------------------------
// The scan

const IMPORT = /^\s*import\s+(.+)$/;
const FROM_IMPORT = /^\s*from\s+(\.*[\w.]*)\s+import\b/;
const DEF = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;
const SYS_PATH = /\bsys\.path\.(append|insert|extend)\s*\(/;
const WIDGET_GET = /\bdbutils\.widgets\.get\s*\(|\bgetArgument\s*\(/;
const WIDGET_DEF = /\bdbutils\.widgets\.(?:text|dropdown|combobox|multiselect)\s*\(/;
const FAISS = /^\s*import\s+faiss\b|^\s*from\s+faiss\b|\bfaiss\.\w+/;
const VS_CLIENT = /\bVectorSearchClient\b/;
const CREATE_ENDPOINT = /\bcreate_endpoint(?:_and_wait)?\s*\(/;
const DLT =
  /^\s*import\s+dlt\b|^\s*from\s+dlt\s+import\b|^\s*from\s+pyspark\s+import\s+(?:.*\b)?pipelines\b|^\s*import\s+pyspark\.pipelines\b|^\s*from\s+pyspark\.pipelines\s+import\b/;
const REGISTER_MODEL = /\bregister_model\s*\(/;
const LOG_MODEL = /\blog_model\s*\(/;
const CREATE_REGISTERED = /\bcreate_registered_model\s*\(/;
const SET_REGISTRY = /\bmlflow\.set_registry_uri\s*\(/;
const PIP = /^\s*(?:%pip|!\s*pip3?|%sh\s+pip3?|!\s*python3?\s+-m\s+pip|%sh\s+python3?\s+-m\s+pip)\s+install\b(.*)$/;

function scanLines(lines: Lines, facts: ScannedSourceFacts, python: boolean): void {
  let triple: string | undefined; // the open triple-quote delimiter, when inside one
  const n = lines.text.length;
  for (let i = 0; i < n; i++) {
    let code = lines.text[i];
    if (lines.magic[i] === 1 || !python) {
      if (lines.magic[i] === 1 || firstChar(code) === '%') scanMagic(lines, i, facts);
      continue;
    }
    if (triple !== undefined) {
      const end = code.indexOf(triple);
      if (end < 0) continue;
      code = ' '.repeat(end + 3) + code.slice(end + 3);
      triple = undefined;
    }
    if (code.includes('"""') || code.includes("'''")) {
      const cut = cutTripleStrings(code);
      code = cut.code;
      triple = cut.open;
    }
    const first = firstChar(code);
    if (first === '' || first === '#') continue;
    if (first === '%' || first === '!') {
      scanMagic(lines, i, facts);
      continue;
    }
    if (!PREFILTER.test(code)) continue;
    code = stripComment(code);
    scanPythonLine(lines, i, code, facts);
  }
}

function firstChar(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return s[i];
  }
  return '';
}

/** Blanks out triple-quoted strings; reports a delimiter left open at the end of the line. */
function cutTripleStrings(code: string): { code: string; open?: string } {
  if (!code.includes('"""') && !code.includes("'''")) return { code };
  let out = code;
  let from = 0;
  for (;;) {
    const d = out.indexOf('"""', from);
    const s = out.indexOf("'''", from);
    const start = d < 0 ? s : s < 0 ? d : Math.min(d, s);
    if (start < 0) return { code: out };
    const delim = out.slice(start, start + 3);
    const end = out.indexOf(delim, start + 3);
    if (end < 0) return { code: out.slice(0, start), open: delim };
    out = out.slice(0, start) + '""' + ' '.repeat(end + 1 - start) + out.slice(end + 3);
    from = end + 3;
  }
}

function stripComment(code: string): string {
  if (!code.includes('#')) return code;
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return code.slice(0, i);
  }
  return code;
}

function scanPythonLine(lines: Lines, i: number, code: string, facts: ScannedSourceFacts): void {
  const line = lineAt(lines, i);
  const text = code.trim();
  const open = (m: RegExpExecArray) => m.index + m[0].length - 1;
  let m: RegExpExecArray | null;

  if ((code.startsWith('def') || code.startsWith('async')) && (m = DEF.exec(code))) {
    const params = callArguments(lines, i, code, open(m));
    facts.functions.push({ name: m[1], line, requiredPositional: countRequiredPositional(params) });
  }

  if (code.includes('import')) {
    const imp = IMPORT.exec(code);
    if (imp) {
      for (const part of imp[1].split(/[,;]/)) {
        const module = part.trim().split(/\s+as\s+/)[0].trim().replace(/[()\\]/g, '');
        if (/^[A-Za-z_][\w.]*$/.test(module)) facts.imports.push({ line, module });
      }
    } else {
      const from = FROM_IMPORT.exec(code);
      if (from && from[1]) facts.imports.push({ line, module: from[1] });
    }
    if (DLT.test(code)) facts.dlt.push({ line, text });
  }

  if (code.includes('sys.path') && (m = SYS_PATH.exec(code))) {
    const args = splitTopLevel(callArguments(lines, i, code, open(m)));
    const expr = (m[1] === 'insert' ? args[1] : args[0])?.trim();
    if (expr) facts.sysPathAppends.push({ line, expr });
  }

  if (code.includes('dbutils.widgets') || code.includes('getArgument')) {
    if ((m = WIDGET_GET.exec(code))) {
      const name = argument(callArguments(lines, i, code, open(m)), 0, 'name');
      if (name !== undefined) facts.widgetsGet.push({ line, name });
    }
    if ((m = WIDGET_DEF.exec(code))) {
      const args = callArguments(lines, i, code, open(m));
      const name = argument(args, 0, 'name');
      if (name !== undefined) facts.widgetDefaults.push({ line, name, default: argument(args, 1, 'defaultValue') });
    }
  }

  if (code.includes('faiss') && FAISS.test(code)) facts.faiss.push({ line, text });
  if (code.includes('VectorSearchClient') && VS_CLIENT.test(code)) facts.vectorSearchClient.push({ line, text });

  if (code.includes('create_endpoint') && (m = CREATE_ENDPOINT.exec(code))) {
    const name = argument(callArguments(lines, i, code, open(m)), 0, 'name');
    facts.createEndpoints.push({ line, name, text });
  }

  if (code.includes('model') || code.includes('registry')) {
    if ((m = REGISTER_MODEL.exec(code))) {
      const args = callArguments(lines, i, code, open(m));
      facts.registersModels.push({ line, name: argument(args, 1, 'name'), text, call: 'register_model' });
    } else if ((m = CREATE_REGISTERED.exec(code))) {
      const args = callArguments(lines, i, code, open(m));
      facts.registersModels.push({ line, name: argument(args, 0, 'name'), text, call: 'create_registered_model' });
    } else if ((m = LOG_MODEL.exec(code))) {
      const kw = keywordArgument(callArguments(lines, i, code, open(m)), 'registered_model_name');
      if (kw !== undefined) facts.registersModels.push({ line, name: stringLiteral(kw), text, call: 'log_model' });
    } else if (SET_REGISTRY.test(code)) {
      facts.registersModels.push({ line, text, call: 'set_registry_uri' });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// pip

const PIP_FLAGS_WITH_VALUE = new Set([
  '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target',
  '--trusted-host', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi',
  '--progress-bar', '--src', '--upgrade-strategy', '--cache-dir', '--log', '--proxy', '--retries', '--timeout',
  '--only-binary', '--no-binary', '--global-option', '--config-settings', '-C',
]);

const RUN = /^\s*%run\s+(?:"([^"]+)"|'([^']+)'|(\S+))/;

function scanMagic(lines: Lines, i: number, facts: ScannedSourceFacts): void {
  const text = lines.text[i];
  const run = text.includes('%run') ? RUN.exec(text) : null;
  if (run) facts.runs.push({ line: lineAt(lines, i), path: run[1] ?? run[2] ?? run[3] });
  else scanPip(lines, i, facts);
}

function scanPip(lines: Lines, i: number, facts: ScannedSourceFacts): void {
  const first = lines.text[i];
  if (!first.includes('pip')) return;
  let joined = first;
  let j = i;
  while (joined.trimEnd().endsWith('\\') && j + 1 < lines.text.length && j - i < MAX_CALL_LINES) {
    j++;
    joined = joined.trimEnd().slice(0, -1) + ' ' + lines.text[j];
  }
  const m = PIP.exec(joined);
  if (!m) return;
  const packages: string[] = [];
  const requirements: string[] = [];
  const tokens = tokenizeShell(m[1]);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === '-r' || t === '--requirement') {
      if (tokens[k + 1] !== undefined) requirements.push(tokens[++k]);
    } else if (t.startsWith('--requirement=')) requirements.push(t.slice('--requirement='.length));
    else if (t.startsWith('-r') && t.length > 2 && !t.startsWith('--')) requirements.push(t.slice(2));
    else if (t === '-e' || t === '--editable') {
      if (tokens[k + 1] !== undefined) packages.push(tokens[++k]);
    } else if (PIP_FLAGS_WITH_VALUE.has(t)) k++;
    else if (t.startsWith('-')) continue;
    else packages.push(t);
  }
  facts.pipInstalls.push({ line: lineAt(lines, i), text: joined.trim(), packages, requirements });
}

/** Splits a command line into words: quotes removed, stops at a comment or a command separator. */
function tokenizeShell(s: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) tokens.push(cur);
      cur = '';
      has = false;
    } else if ((ch === '#' || ch === '>') && !has) break;
    else if (ch === ';' || ch === '|' || (ch === '&' && s[i + 1] === '&')) break;
    else {
      cur += ch;
      has = true;
    }
  }
  if (has) tokens.push(cur);
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Calls and arguments

/** The text between the `(` at `open` in `code` and its matching `)`, following onto later lines. */
function callArguments(lines: Lines, i: number, code: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  let out = '';
  let text = code;
  let pos = open;
  for (let j = i; j < lines.text.length && j - i < MAX_CALL_LINES; j++) {
    if (j > i) {
      text = stripComment(lines.text[j]);
      pos = 0;
      out += '\n';
    }
    for (; pos < text.length; pos++) {
      const ch = text[pos];
      if (quote) {
        if (ch === '\\') {
          out += ch + (text[pos + 1] ?? '');
          pos++;
          continue;
        }
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(' || ch === '[' || ch === '{') {
        depth++;
        if (depth === 1) continue;
      } else if (ch === ')' || ch === ']' || ch === '}') {
        depth--;
        if (depth === 0) return out;
      }
      out += ch;
    }
    quote = undefined;
  }
  return out;
}

/** Splits at top-level commas (outside brackets and strings). */
export function splitTopLevel(s: string, sep = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  const last = s.slice(start);
  if (last.trim() !== '' || parts.length > 0) parts.push(last);
  return parts;
}

const KEYWORD = /^\s*([A-Za-z_]\w*)\s*=(?!=)/;

function keywordArgument(args: string, keyword: string): string | undefined {
  for (const part of splitTopLevel(args)) {
    const m = KEYWORD.exec(part);
    if (m && m[1] === keyword) return part.slice(m[0].length).trim();
  }
  return undefined;
}

/** A string literal argument, by keyword or else by position; undefined when not a plain literal. */
function argument(args: string, position: number, keyword: string): string | undefined {
  const kw = keywordArgument(args, keyword);
  if (kw !== undefined) return stringLiteral(kw);
  const positional = splitTopLevel(args).filter((p) => !KEYWORD.test(p));
  const p = positional[position];
  return p === undefined ? undefined : stringLiteral(p);
}

/** The value of a plain (non-f) Python string literal, or of implicitly concatenated ones. */
export function stringLiteral(expr: string): string | undefined {
  const s = expr.trim();
  const re = /\s*([rRuUbB]{0,2})("|')((?:\\.|(?!\2).)*)\2/gy;
  let value = '';
  let pos = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(s)) !== null) {
    count++;
    value += /r/i.test(m[1]) ? m[3] : unescape(m[3]);
    pos = re.lastIndex;
  }
  return count > 0 && s.slice(pos).trim() === '' ? value : undefined;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c as 'n'] ?? c);
}

/** Required positional parameters of a `def` parameter list (annotations and defaults allowed). */
export function countRequiredPositional(params: string): number {
  let count = 0;
  for (const raw of splitTopLevel(params)) {
    const p = raw.trim();
    if (p === '' || p === '/') continue;
    if (p.startsWith('*')) break;
    if (splitTopLevel(p, '=').length > 1) continue; // has a default
    count++;
  }
  return count;
}
