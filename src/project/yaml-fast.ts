// The fast path of parseConfigText: build located Nodes straight from the `yaml` package's own
// lexer/CST (its Parser), skipping the composer's Document, YAMLMap, Pair and Scalar objects. It takes
// only plain, well-formed block YAML: one document whose value is a block mapping of block mappings,
// block sequences and scalars with plain keys. Anything else, and anything the composer would report
// as an error, returns undefined and the caller composes the file in full: the same tree and the same
// findings either way (test/project/yaml-fast.test.ts compares both over the corpus).
import { CST, LineCounter, Parser } from 'yaml';
import type { Loc, MapNode, Node, ScalarNode, SeqNode } from '../model.js';
import { PackedKeyLocs } from './key-locs.js';
import { ParsedMap, ParsedSeq } from './located-nodes.js';
import { PackedEntries } from './packed-entries.js';

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Thrown where the fast path stops; the caller falls back to the composer. */
class NotFast extends Error {}
const notFast = new NotFast();

/** Implicit keys longer than this may draw the composer's "at most 1024 chars" error: leave them to it. */
export const MAX_FAST_KEY_CHARS = 1000;

/** The file's mapping, or undefined when the file needs the full composer (or nests deeper than `maxNesting`). */
export function parseFast(text: string, path: string, maxNesting: number): MapNode | undefined {
  const lineCounter = new LineCounter();
  let document: CST.Document | undefined;
  try {
    for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
      switch (token.type) {
        case 'comment':
        case 'newline':
        case 'space':
          continue;
        case 'document':
          if (document) return undefined; // a second document: the composer says what to do
          document = token;
          continue;
        default:
          return undefined; // directives, doc-end markers, errors, byte-order marks
      }
    }
    if (!document || !document.value || document.value.type !== 'block-map') return undefined;
    props(document.start, true, undefined);
    for (const token of document.end ?? []) if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') return undefined;
    const at = (offset: number): Loc => {
      const pos = lineCounter.linePos(offset);
      return { file: path, line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
    };
    return new Builder(at, maxNesting).map(document.value, 1);
  } catch (err) {
    if (err instanceof NotFast || err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * Props the composer reads without a word: spaces without tabs, newlines, comments after white
 * space, and the one `indicator` when given (it must be there). Throws NotFast otherwise.
 */
function props(tokens: readonly SourceToken[], startOnNewline: boolean, indicator: SourceToken['type'] | undefined): void {
  let hasSpace = startOnNewline;
  let found = indicator === undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) throw notFast;
        hasSpace = true;
        break;
      case 'newline':
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) throw notFast;
        break;
      default:
        if (token.type !== indicator || found) throw notFast;
        found = true;
        hasSpace = false;
    }
  }
  if (!found) throw notFast;
}

/** The composer's place for an empty value: after its indicator and the spaces that follow it. */
function emptyScalarOffset(offset: number, before: readonly SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i];
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    for (let next = before[++i]; next?.type === 'space'; next = before[++i]) offset += next.source.length;
    break;
  }
  return offset;
}

function endOf(tokens: readonly SourceToken[], fallback: number): number {
  const last = tokens[tokens.length - 1];
  return last ? last.offset + last.source.length : fallback;
}

/** First characters of the plain scalars the core schema may resolve to something other than a string. */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of '~nNtTfF0123456789+-.') MAY_RESOLVE[c.charCodeAt(0)] = 1;

/** The core schema's plain-scalar resolution, as the `yaml` package's default schema does it. */
export function resolvePlain(source: string): ScalarNode['value'] {
  if (source.length > 0 && MAY_RESOLVE[source.charCodeAt(0)] !== 1) return source; // most values: no pattern can match
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

const failOnError = (): never => {
  throw notFast;
};

class Builder {
  constructor(
    private readonly at: (offset: number) => Loc,
    private readonly maxNesting: number,
  ) {}

  /** `depth`: how many collections deep `token` is, if it is one (the document's mapping is 1). */
  node(token: Token, depth: number): Node {
    switch (token.type) {
      case 'block-map':
        return this.map(token, depth);
      case 'block-seq':
        return this.seq(token, depth);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token);
      default:
        throw notFast; // flow collections, aliases, anchors and tags, errors
    }
  }

  scalar(token: CST.FlowScalar | CST.BlockScalar): ScalarNode {
    const { value } = CST.resolveAsScalar(token, true, failOnError);
    return { kind: 'scalar', loc: this.at(token.offset), value: token.type === 'scalar' ? resolvePlain(value) : value };
  }

  empty(offset: number): ScalarNode {
    return { kind: 'scalar', loc: this.at(offset), value: null };
  }

  map(token: CST.BlockMap, depth: number): MapNode {
    if (depth > this.maxNesting) throw notFast; // the composed path says how deep is too deep
    const loc = this.at(token.offset);
    const entries = new PackedEntries();
    const keyLocs = new PackedKeyLocs(entries, loc.file);
    const out = new ParsedMap(entries, keyLocs, loc.file, loc.line, loc.column);
    const items = token.items;
    for (let i = 0; i < items.length; i++) {
      const { start, key, sep, value } = items[i];
      props(start, true, undefined);
      if (!key && !sep && !value) {
        if (i !== items.length - 1) throw notFast; // a comment line inside a mapping: the composer may object
        continue;
      }
      if (!key || !sep || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) throw notFast;
      // Keys on one line, at the mapping's column, of a sane length (else the composer has a word to say).
      if (key.indent !== token.indent || key.source.includes('\n') || key.end?.some((t) => t.type === 'newline')) throw notFast;
      props(sep, false, 'map-value-ind');
      if (sep.find((t) => t.type === 'map-value-ind')!.offset - key.offset > MAX_FAST_KEY_CHARS) throw notFast;
      const keyNode = this.scalar(key);
      if (key.type === 'scalar' && keyNode.value === '<<') throw notFast; // merge keys
      let valueNode: Node;
      if (value) {
        if (value.type === 'block-map' && !sep.some((t) => t.type === 'newline')) throw notFast; // a compact mapping
        valueNode = this.node(value, depth + 1);
      } else {
        valueNode = this.empty(emptyScalarOffset(endOf(sep, key.offset), sep));
      }
      (items as unknown[])[i] = undefined; // converted: its CST can go before the rest is read (a fallback parses again)
      const name = String(keyNode.value ?? '');
      if (entries.has(name)) entries.delete(name); // a repeated key: the last one wins, in its place
      entries.set(name, valueNode);
      keyLocs.setAt(name, keyNode.loc.line, keyNode.loc.column);
    }
    entries.trim();
    return out;
  }

  seq(token: CST.BlockSequence, depth: number): SeqNode {
    if (depth > this.maxNesting) throw notFast;
    const items: Node[] = [];
    for (let i = 0; i < token.items.length; i++) {
      const { start, value } = token.items[i];
      if (!value && !start.some((t) => t.type === 'seq-item-ind')) {
        props(start, true, undefined);
        continue; // a comment line
      }
      props(start, true, 'seq-item-ind');
      items.push(value ? this.node(value, depth + 1) : this.empty(emptyScalarOffset(endOf(start, token.offset), start)));
      (token.items as unknown[])[i] = undefined;
    }
    const loc = this.at(token.offset);
    return new ParsedSeq(items, loc.file, loc.line, loc.column);
  }
}
