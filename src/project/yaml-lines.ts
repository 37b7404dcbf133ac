// The quickest path of parseConfigText: located Nodes read line by line, without the `yaml`
// package's lexer and CST (its token objects and per-token work cost more than the tree itself).
// It takes only the plainest block YAML: block mappings with plain keys, block sequences, one-line
// plain and quoted scalars, comments and blank lines, spaces for indentation. Anything else (flow
// collections, block scalars, anchors, aliases, tags, multi-line scalars, escapes, tabs, CR, document
// markers, directives, odd indentation) returns undefined and the caller takes the CST fast path
// (yaml-fast.ts) or the full composer: the same tree either way (test/project/yaml-lines.test.ts
// compares the three over the corpus and over hand-made shapes).
import type { Loc, MapNode, Node, ScalarNode, SeqNode } from '../model.js';
import { PackedKeyLocs } from './key-locs.js';
import { ParsedMap, ParsedSeq } from './located-nodes.js';
import { PackedEntries } from './packed-entries.js';
import { MAX_FAST_KEY_CHARS, resolvePlain } from './yaml-fast.js';

/** Thrown where this path stops; the caller takes the next one. */
class NotPlain extends Error {}
const notPlain = new NotPlain();

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;

/** Characters this path does not read anywhere: tabs, CR, other controls, byte-order marks. */
const UNREAD_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
/** Keys this path reads: plain, starting with a letter, a digit or `_`, `$`, `.`, `/`, and nothing a YAML indicator could mean. */
const PLAIN_KEY = /^[A-Za-z0-9_$./][A-Za-z0-9_$./@~+=() -]*$/;
/** First characters of a value that make it something other than a plain scalar (or one this path leaves to the others). */
const INDICATOR_FIRST = new Set('[]{}&*!|>%@`,?:#-\'"'.split('').map((c) => c.charCodeAt(0)));

/** Distinct mapping keys met so far, kept as one internalized string each (bounded: key names repeat, resource names may not). */
const internedKeys = new Map<string, string>();
const MAX_INTERNED_KEYS = 20_000;
/** Key texts met so far that are plain keys naming themselves (most keys), by their text: one lookup for each next time. */
const selfNamedKeys = new Map<string, string>();

/**
 * One string per distinct key, and V8's internalized one: the checks' `entries.get('task_key')` then
 * compares pointers, and a thousand files' `task_key` are one string in memory instead of a thousand.
 */
function internKey(key: string): string {
  const known = internedKeys.get(key);
  if (known !== undefined) return known;
  if (internedKeys.size >= MAX_INTERNED_KEYS) return key;
  const holder: Record<string, true> = Object.create(null);
  holder[key] = true; // a property name is internalized
  const interned = Object.keys(holder)[0];
  if (interned !== key) return key;
  internedKeys.set(interned, interned);
  return interned;
}

/** The name a key's text gives (the same as the text, for most keys). Throws NotPlain for a key this path does not read. */
function keyName(keyText: string): string {
  const known = selfNamedKeys.get(keyText);
  if (known !== undefined) return known;
  if (!PLAIN_KEY.test(keyText) || keyText.endsWith(' ')) throw notPlain;
  const name = internKey(String(resolvePlain(keyText) ?? ''));
  if (name === keyText && selfNamedKeys.size < MAX_INTERNED_KEYS) selfNamedKeys.set(name, name);
  return name;
}

/** The file's mapping, or undefined when the file needs the CST fast path or the composer. */
export function parseLines(text: string, path: string, maxNesting: number): MapNode | undefined {
  if (UNREAD_CHARACTERS.test(text)) return undefined;
  const reader = new LineReader(text, path, maxNesting);
  try {
    return reader.document();
  } catch (err) {
    if (err instanceof NotPlain || err instanceof RangeError) return undefined;
    throw err;
  }
}

class LineReader {
  /** Start of the current line. */
  private lineStart = 0;
  /** 1-based number of the current line. */
  private lineNo = 1;
  /** Column (0-based) of the current content line's first character; -1 at the end of the text. */
  private indent = -1;
  /** Offset of the current content line's first character. */
  private contentStart = 0;
  /** The smallest indentation of the comment lines skipped to reach the current content line. */
  private commentIndent = Infinity;

  constructor(
    private readonly text: string,
    private readonly path: string,
    private readonly maxNesting: number,
  ) {}

  document(): MapNode {
    this.skipToContent();
    if (this.indent !== 0 || this.isSeqLine()) throw notPlain;
    const root = this.map(0, 1);
    if (!this.atEnd()) throw notPlain;
    return root;
  }

  private atEnd(): boolean {
    return this.indent === -1;
  }

  private loc(offset: number): Loc {
    return { file: this.path, line: this.lineNo, column: offset - this.lineStart + 1 };
  }

  private nextLine(from: number): void {
    const nl = this.text.indexOf('\n', from);
    if (nl === -1) {
      this.lineStart = this.text.length;
    } else {
      this.lineStart = nl + 1;
      this.lineNo++;
    }
  }

  /** Past blank and comment lines to the next content line (or the end: indent -1). */
  private skipToContent(): void {
    const text = this.text;
    this.commentIndent = Infinity;
    while (this.lineStart < text.length) {
      let i = this.lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= text.length) break;
      if (c === NEWLINE || c === HASH) {
        if (c === HASH) this.commentIndent = Math.min(this.commentIndent, i - this.lineStart);
        this.nextLine(i);
        continue;
      }
      this.indent = i - this.lineStart;
      this.contentStart = i;
      return;
    }
    this.indent = -1;
    this.contentStart = text.length;
  }

  /** After a value on the current line: nothing but spaces and a comment (after a space) to its end; then the next content line. */
  private endOfLine(from: number): void {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < text.length && text.charCodeAt(i) !== NEWLINE) {
      if (text.charCodeAt(i) !== HASH || text.charCodeAt(i - 1) !== SPACE) throw notPlain;
    }
    this.nextLine(i);
    this.skipToContent();
  }

  private isSeqLine(): boolean {
    return this.text.charCodeAt(this.contentStart) === DASH && this.isBreakOrSpace(this.contentStart + 1);
  }

  private isBreakOrSpace(offset: number): boolean {
    if (offset >= this.text.length) return true;
    const c = this.text.charCodeAt(offset);
    return c === SPACE || c === NEWLINE;
  }

  /** A line continuing the collection at `indent` after an entry: comments between must not be less indented (the CST reads those otherwise). */
  private continues(indent: number): boolean {
    if (this.indent > indent) throw notPlain;
    if (this.indent < indent) return false;
    if (this.commentIndent < indent) throw notPlain;
    return true;
  }

  /** The collection starting at the current content line, at column `indent`. */
  private block(indent: number, depth: number): Node {
    return this.isSeqLine() ? this.seq(indent, depth, false) : this.map(indent, depth);
  }

  /** A block mapping whose keys are at column `indent`, the first one at the current content line (or at contentStart of a `- ` line). */
  private map(indent: number, depth: number): MapNode {
    if (depth > this.maxNesting) throw notPlain;
    const text = this.text;
    const entries = new PackedEntries();
    const keyLocs = new PackedKeyLocs(entries, this.path);
    const out = new ParsedMap(entries, keyLocs, this.path, this.lineNo, this.contentStart - this.lineStart + 1);
    for (;;) {
      const start = this.contentStart;
      let colon = start;
      for (;;) {
        if (colon >= text.length) throw notPlain;
        const c = text.charCodeAt(colon);
        if (c === NEWLINE) throw notPlain;
        if (c === COLON && this.isBreakOrSpace(colon + 1)) break;
        colon++;
      }
      if (colon - start > MAX_FAST_KEY_CHARS) throw notPlain;
      const name = keyName(text.slice(start, colon));
      const keyLine = this.lineNo;
      const keyColumn = start - this.lineStart + 1;
      let valueStart = colon + 1;
      while (text.charCodeAt(valueStart) === SPACE) valueStart++;
      let value: Node;
      const c = text.charCodeAt(valueStart);
      if (valueStart >= text.length || c === NEWLINE || c === HASH) {
        const empty = this.loc(valueStart);
        this.endOfLine(valueStart);
        if (this.indent > indent) value = this.block(this.indent, depth + 1);
        else if (this.indent === indent && this.isSeqLine()) value = this.seq(indent, depth + 1, true);
        else value = { kind: 'scalar', loc: empty, value: null };
      } else {
        value = this.scalar(valueStart);
      }
      if (entries.has(name)) entries.delete(name); // a repeated key: the last one wins, in its place
      entries.set(name, value);
      keyLocs.setAt(name, keyLine, keyColumn);
      if (!this.continues(indent)) {
        entries.trim();
        return out;
      }
      if (this.isSeqLine()) throw notPlain;
    }
  }

  /** A block sequence whose `-` are at column `indent`; `underKey`: it is the value of a key at the same column. */
  private seq(indent: number, depth: number, underKey: boolean): SeqNode {
    if (depth > this.maxNesting) throw notPlain;
    const text = this.text;
    const out = new ParsedSeq([], this.path, this.lineNo, this.contentStart - this.lineStart + 1);
    for (;;) {
      let valueStart = this.contentStart + 1;
      while (text.charCodeAt(valueStart) === SPACE) valueStart++;
      const c = text.charCodeAt(valueStart);
      let item: Node;
      if (valueStart >= text.length || c === NEWLINE || c === HASH) {
        const empty = this.loc(valueStart);
        this.endOfLine(valueStart);
        item = this.indent > indent ? this.block(this.indent, depth + 1) : { kind: 'scalar', loc: empty, value: null };
      } else if (c !== SINGLE_QUOTE && c !== DOUBLE_QUOTE && this.hasKeyIndicator(valueStart)) {
        // `- key: value`: a mapping whose keys are at the column of the first.
        this.contentStart = valueStart;
        this.indent = valueStart - this.lineStart;
        item = this.map(this.indent, depth + 1);
      } else {
        item = this.scalar(valueStart);
      }
      out.items.push(item);
      if (!this.continues(indent)) return out;
      if (!this.isSeqLine()) {
        if (underKey) return out;
        throw notPlain;
      }
    }
  }

  /** Whether the rest of the line holds `: ` (or `:` at its end) before any comment. */
  private hasKeyIndicator(from: number): boolean {
    const text = this.text;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) return false;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return false;
      if (c === COLON && this.isBreakOrSpace(i + 1)) return true;
    }
    return false;
  }

  /** A one-line scalar starting at `start`; then the reader is at the next content line. */
  private scalar(start: number): ScalarNode {
    const text = this.text;
    const loc = this.loc(start);
    const first = text.charCodeAt(start);
    let value: ScalarNode['value'];
    let end: number;
    if (first === SINGLE_QUOTE) {
      let i = start + 1;
      for (;;) {
        const c = text.charCodeAt(i);
        if (i >= text.length || c === NEWLINE) throw notPlain;
        if (c === SINGLE_QUOTE) {
          if (text.charCodeAt(i + 1) !== SINGLE_QUOTE) break;
          i += 2;
          continue;
        }
        i++;
      }
      value = text.slice(start + 1, i).replaceAll("''", "'");
      end = i + 1;
    } else if (first === DOUBLE_QUOTE) {
      let i = start + 1;
      for (;;) {
        const c = text.charCodeAt(i);
        if (i >= text.length || c === NEWLINE || c === BACKSLASH) throw notPlain;
        if (c === DOUBLE_QUOTE) break;
        i++;
      }
      value = text.slice(start + 1, i);
      end = i + 1;
    } else {
      if (INDICATOR_FIRST.has(first)) throw notPlain;
      let i = start;
      let last = start; // one past the last non-space character
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === NEWLINE) break;
        if (c === SPACE) {
          if (text.charCodeAt(i + 1) === HASH) break;
          continue;
        }
        if (c === COLON && this.isBreakOrSpace(i + 1)) throw notPlain; // a mapping where a scalar was expected
        last = i + 1;
      }
      value = resolvePlain(text.slice(start, last));
      end = last;
    }
    // A more indented line next would continue the scalar over several lines: the caller's
    // continues() refuses it, and the other paths fold it.
    this.endOfLine(end);
    return { kind: 'scalar', loc, value };
  }
}
