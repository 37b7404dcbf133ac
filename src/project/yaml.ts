// Parse one YAML (or JSON) config file into located Nodes, the way the Databricks CLI's loader reads
// it: first document only, anchors/aliases/merge keys applied, custom tags rejected. Never throws:
// every problem becomes a `config-invalid` finding at its file:line and the rest is kept.
import fs from 'node:fs';
import {
  Alias,
  Composer,
  Document,
  LineCounter,
  Parser,
  type CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node as YamlNode,
} from 'yaml';
import type { ConfigFile, Loc, MapNode, Node, RawFinding, ScalarNode } from '../model.js';
import { PackedKeyLocs } from './key-locs.js';
import { ParsedMap, ParsedSeq } from './located-nodes.js';
import { PackedEntries } from './packed-entries.js';
import { parseFast } from './yaml-fast.js';
import { parseLines } from './yaml-lines.js';

/** Standard tags the CLI's loader accepts (go-yaml resolves `!!timestamp` to a string for us). */
const KNOWN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:timestamp',
  '!',
]);

/** Upper bound on the number of nodes a file may expand to through aliases ("billion laughs"). */
export const MAX_EXPANDED_NODES = 2_000_000;

/** Collections nested deeper than this (a bundle needs about 15) are refused before anything recursive
 *  sees them: the yaml package's composer, our converter and every walker over the nodes. */
export const MAX_NESTING = 128;

const MAX_ERRORS_PER_FILE = 20;
/** The yaml package runs out of memory on very deep flow nesting (`[[[[...`): refuse it first. */
const MAX_FLOW_DEPTH = 1000;

type CstToken = CST.Token;

/**
 * Offset of the first collection nested deeper than `limit` in the parsed CST, if any. An explicit
 * stack, not recursion: this runs before anything recursive is allowed near the document.
 */
function cstNestingBeyond(tokens: readonly CstToken[], limit: number): number | undefined {
  const stack: [CstToken | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) return token.offset;
        for (const item of token.items) {
          stack.push([(item as { key?: CstToken | null }).key ?? undefined, depth + 1]);
          stack.push([item.value ?? undefined, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** Offset where `[`/`{` nesting (outside quotes and comments) first exceeds `limit`, if it does. */
function flowNestingBeyond(text: string, limit: number): number | undefined {
  let openers = 0;
  for (let i = text.indexOf('['); i !== -1 && openers <= limit; i = text.indexOf('[', i + 1)) openers++;
  for (let i = text.indexOf('{'); i !== -1 && openers <= limit; i = text.indexOf('{', i + 1)) openers++;
  if (openers <= limit) return undefined;
  let depth = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

export interface ParsedFile {
  file: ConfigFile;
  notices: RawFinding[];
}

export function configInvalid(message: string, loc?: Loc): RawFinding {
  return { check: 'config-invalid', severity: 'high', message, ...(loc ? { loc } : {}) };
}

function nestedTooDeep(path: string, loc: Loc, limit = MAX_NESTING): RawFinding {
  return configInvalid(`${path}: the YAML is nested deeper than ${limit} levels; not read`, loc);
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n|\r/);
}

/** A parsed file; its lines are split when first read (most files are never cited by a finding). */
function configFile(path: string, text: string): ConfigFile {
  let lines: string[] | undefined;
  return {
    path,
    text,
    get lines() {
      return (lines ??= splitLines(text));
    },
  };
}

export function emptyMap(loc: Loc): MapNode {
  return { kind: 'map', loc, entries: new Map(), keyLocs: new Map() };
}

/**
 * Parse `text` (already decoded) of the file at `path` (relative to the bundle root, POSIX).
 * `fast: false` composes the file in full even where the fast path could take it (tests compare both).
 */
export function parseConfigText(path: string, rawText: string, { fast = true }: { fast?: boolean } = {}): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const file = configFile(path, text);
  const notices: RawFinding[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Loc => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file: path, line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
  };

  const tooDeep = flowNestingBeyond(text, MAX_FLOW_DEPTH);
  if (tooDeep !== undefined) {
    notices.push(nestedTooDeep(path, at(tooDeep), MAX_FLOW_DEPTH));
    return { file, notices };
  }

  const quick = fast ? (parseLines(text, path, MAX_NESTING) ?? parseFast(text, path, MAX_NESTING)) : undefined;
  if (quick) {
    anchorOnlyKeys.set(file, new Set());
    file.root = quick;
    return { file, notices };
  }
  return parseComposed(file, text, notices, lineCounter, at);
}

/** The full composer's way: every YAML feature, and the errors the fast path leaves to it. */
export function parseComposed(file: ConfigFile, text: string, notices: RawFinding[], lineCounter: LineCounter, at: (offset: number | undefined) => Loc): ParsedFile {
  const path = file.path;
  let doc: Document.Parsed | undefined;
  try {
    // parseAllDocuments, in its two stages, with the nesting checked in between.
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const deep = cstNestingBeyond(tokens, MAX_NESTING);
    if (deep !== undefined) {
      notices.push(nestedTooDeep(path, at(deep)));
      return { file, notices };
    }
    doc = Array.from(new Composer({ uniqueKeys: false, merge: false }).compose(tokens))[0];
  } catch (err) {
    notices.push(configInvalid(`${path}: cannot parse YAML: ${(err as Error).message}`, at(0)));
    return { file, notices };
  }
  if (!doc) {
    file.root = emptyMap({ file: path, line: 1, column: 1 });
    return { file, notices };
  }
  for (const error of doc.errors.slice(0, MAX_ERRORS_PER_FILE)) {
    notices.push(configInvalid(`${path}: ${firstLine(error.message)}`, at(error.pos[0])));
  }
  if (doc.errors.length > MAX_ERRORS_PER_FILE) {
    notices.push(configInvalid(`${path}: ${doc.errors.length - MAX_ERRORS_PER_FILE} more YAML errors not shown`, at(doc.errors[MAX_ERRORS_PER_FILE].pos[0])));
  }
  if (doc.errors.length > 0 && !doc.contents) return { file, notices };

  anchorOnlyKeys.set(file, anchorOnlyTopLevelKeysOf(doc.contents as YamlNode | null));
  const converter = new Converter(doc, path, at, notices);
  const contents = doc.contents as YamlNode | null;
  let root: Node | undefined;
  try {
    root = contents ? converter.convert(contents) : undefined;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    notices.push(nestedTooDeep(path, at(contents?.range?.[0])));
    return { file, notices };
  }
  if (!root || (root.kind === 'scalar' && root.value === null)) {
    file.root = emptyMap(root?.loc ?? { file: path, line: 1, column: 1 });
  } else if (root.kind !== 'map') {
    notices.push(configInvalid(`${path}: the configuration must be a mapping, found a ${describe(root)}`, root.loc));
  } else {
    file.root = root;
  }
  return { file, notices };
}

const anchorOnlyKeys = new WeakMap<ConfigFile, Set<string>>();

/** Values written with a YAML anchor (`&a`) or through an alias (`*a`): the CLI's `IsAnchor()`. */
const anchoredNodes = new WeakSet<Node>();

/** Whether `node` is an anchored value (its definition or an alias use): the CLI raises no unknown-field warning for it. */
export function isAnchored(node: Node): boolean {
  return anchoredNodes.has(node);
}

/**
 * Top-level keys whose value only holds YAML anchors: an anchored value, or a map/sequence whose
 * every element is one (recursively). Recorded while parsing; undefined for a file not parsed here.
 */
export function recordedAnchorOnlyKeys(file: ConfigFile): Set<string> | undefined {
  return anchorOnlyKeys.get(file);
}

export function anchorOnlyTopLevelKeysOf(contents: YamlNode | null | undefined): Set<string> {
  const out = new Set<string>();
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && anchorContainer(pair.value as YamlNode | null)) out.add(key);
    }
  }
  return out;
}

function anchorContainer(node: YamlNode | null, depth = 0): boolean {
  if (!node || depth > 32) return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node)) return node.items.length > 0 && node.items.every((p) => anchorContainer(p.value as YamlNode | null, depth + 1));
  if (isSeq(node)) return node.items.length > 0 && node.items.every((i) => anchorContainer(i as YamlNode | null, depth + 1));
  return false;
}

export function describe(node: Node): string {
  if (node.kind === 'map') return 'mapping';
  if (node.kind === 'seq') return 'sequence';
  return node.value === null ? 'null value' : `${typeof node.value} value`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

class Converter {
  /** Converted anchor targets, shared by every alias that points at them. */
  private readonly byAnchor = new Map<YamlNode, Node>();
  private readonly sizes = new WeakMap<Node, number>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly heights = new WeakMap<Node, number>();
  private expanded = 0;
  private exploded = false;
  private tooDeep = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly path: string,
    private readonly at: (offset: number | undefined) => Loc,
    private readonly notices: RawFinding[],
  ) {}

  /** `depth`: how many collections enclose the node where it is used. */
  convert(node: YamlNode | Alias | null | undefined, fallbackOffset?: number, depth = 0): Node {
    if (node === null || node === undefined) {
      return { kind: 'scalar', loc: this.at(fallbackOffset), value: null };
    }
    if (isAlias(node)) return this.convertAlias(node, depth);
    return this.convertNode(node, depth);
  }

  private convertAlias(alias: Alias, depth: number): Node {
    const loc = this.at(alias.range?.[0]);
    const target = alias.resolve(this.doc) as YamlNode | undefined;
    if (!target) {
      this.notices.push(configInvalid(`${this.path}: unknown anchor '${alias.source}' referenced`, loc));
      return { kind: 'scalar', loc, value: null };
    }
    if (this.inProgress.has(target)) {
      this.notices.push(configInvalid(`${this.path}: cyclic YAML alias '*${alias.source}'`, loc));
      return { kind: 'scalar', loc, value: null };
    }
    let converted = this.byAnchor.get(target);
    if (!converted) {
      converted = this.convertNode(target, 0);
      this.byAnchor.set(target, converted);
    }
    // The text is at most MAX_NESTING deep; an alias used deep inside can nest its anchor deeper still.
    if (depth + this.height(converted) > MAX_NESTING) {
      if (!this.tooDeep) {
        this.notices.push(configInvalid(`${this.path}: alias '*${alias.source}' nests the YAML deeper than ${MAX_NESTING} levels; alias ignored`, loc));
      }
      this.tooDeep = true;
      return { kind: 'scalar', loc, value: null };
    }
    const size = this.size(converted);
    this.expanded += size;
    if (this.expanded > MAX_EXPANDED_NODES) {
      if (!this.exploded) {
        this.notices.push(
          configInvalid(`${this.path}: YAML aliases expand to more than ${MAX_EXPANDED_NODES} values; alias '*${alias.source}' ignored`, loc),
        );
      }
      this.exploded = true;
      return { kind: 'scalar', loc, value: null };
    }
    // The alias node itself is located at its use site; what it contains keeps where it is written.
    const atUseSite: Node =
      converted.kind === 'map'
        ? { kind: 'map', loc, entries: converted.entries, keyLocs: converted.keyLocs }
        : converted.kind === 'seq'
          ? { kind: 'seq', loc, items: converted.items }
          : { ...converted, loc };
    this.sizes.set(atUseSite, size);
    anchoredNodes.add(atUseSite);
    return atUseSite;
  }

  private convertNode(node: YamlNode, depth: number): Node {
    const converted = this.convertUnanchored(node, depth);
    if ((node as { anchor?: string }).anchor) {
      anchoredNodes.add(converted);
      // Aliases of this anchor share what was converted here (one node, one finding per problem).
      if (!this.byAnchor.has(node)) this.byAnchor.set(node, converted);
    }
    return converted;
  }

  private convertUnanchored(node: YamlNode, depth: number): Node {
    const loc = this.at(node.range?.[0]);
    this.checkTag(node, loc);
    if (isScalar(node)) return { kind: 'scalar', loc, value: scalarValue(node.value) };
    this.inProgress.add(node);
    try {
      if (isSeq(node)) {
        const items = node.items.map((item) => this.convert(item as YamlNode | null, node.range?.[0], depth + 1));
        return new ParsedSeq(items, loc.file, loc.line, loc.column);
      }
      if (isMap(node)) return this.convertMap(node.items, loc, depth);
    } finally {
      this.inProgress.delete(node);
    }
    return { kind: 'scalar', loc, value: null };
  }

  private convertMap(pairs: unknown[], loc: Loc, depth: number): MapNode {
    const entries = new PackedEntries();
    const keyLocs = new PackedKeyLocs(entries, loc.file);
    const out = new ParsedMap(entries, keyLocs, loc.file, loc.line, loc.column);
    const merges: { node: Node; keyLoc: Loc }[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyLoc = this.at(keyNode?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0]);
      if (keyNode && !isScalar(keyNode) && !isAlias(keyNode)) {
        this.notices.push(configInvalid(`${this.path}: mapping keys must be scalars`, keyLoc));
        continue;
      }
      if (keyNode && !isAlias(keyNode)) this.checkTag(keyNode, keyLoc);
      const keyValue = isAlias(keyNode) ? (keyNode.resolve(this.doc) as YamlNode | undefined) : keyNode;
      const key = isScalar(keyValue) ? String(keyValue.value ?? '') : '';
      const isMergeKey = key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN';
      const value = this.convert(pair.value as YamlNode | null, keyNode?.range?.[2], depth + 1);
      if (isMergeKey) {
        if (merges.length > 0) {
          this.notices.push(
            configInvalid(
              `${this.path}: duplicate YAML merge key ('<<') is not allowed; to merge multiple maps, use a sequence: '<<: [*anchor1, *anchor2]'`,
              keyLoc,
            ),
          );
          continue;
        }
        merges.push({ node: value, keyLoc });
        continue;
      }
      if (entries.has(key)) entries.delete(key); // a repeated key: the last one wins, in its place
      entries.set(key, value);
      keyLocs.set(key, keyLoc);
    }
    entries.trim();
    if (merges.length > 0) this.applyMerge(out, merges[0].node, merges[0].keyLoc);
    return out;
  }

  /** `<<: *a` / `<<: [*a, *b]`: keys written in the mapping win, then earlier sources win. */
  private applyMerge(out: MapNode, source: Node, keyLoc: Loc): void {
    const sources = source.kind === 'seq' ? source.items : [source];
    const merged = new Map<string, Node>();
    const mergedLocs = new Map<string, Loc>();
    for (const item of sources) {
      if (item.kind !== 'map') {
        if (item.kind === 'scalar' && item.value === null) continue;
        this.notices.push(configInvalid(`${this.path}: map merge requires map or sequence of maps as the value`, item.loc));
        continue;
      }
      for (const [k, v] of item.entries) {
        if (merged.has(k)) continue;
        merged.set(k, v);
        mergedLocs.set(k, keyLoc);
      }
    }
    const own = [...out.entries];
    const ownLocs = new Map(out.keyLocs);
    out.entries.clear();
    out.keyLocs.clear();
    for (const [k, v] of merged) {
      if (ownLocs.has(k)) continue;
      out.entries.set(k, v);
      out.keyLocs.set(k, mergedLocs.get(k)!);
    }
    for (const [k, v] of own) {
      out.entries.set(k, v);
      out.keyLocs.set(k, ownLocs.get(k)!);
    }
  }

  private checkTag(node: YamlNode, loc: Loc): void {
    const tag = node.tag;
    if (!tag || KNOWN_TAGS.has(tag)) return;
    this.notices.push(configInvalid(`${this.path}: unknown tag: ${tag}`, loc));
  }

  /** How many collections deep `node` is once every alias in it is expanded (memoised; at most MAX_NESTING + 1). */
  private height(node: Node): number {
    if (node.kind === 'scalar') return 0;
    const known = this.heights.get(node);
    if (known !== undefined) return known;
    let max = 0;
    const children = node.kind === 'seq' ? node.items : node.entries.values();
    for (const child of children) max = Math.max(max, this.height(child));
    this.heights.set(node, max + 1);
    return max + 1;
  }

  /** How many values `node` stands for once every alias in it is expanded (memoised: shared subtrees). */
  private size(node: Node): number {
    if (node.kind === 'scalar') return 1;
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (node.kind === 'seq') for (const item of node.items) total += this.size(item);
    else for (const value of node.entries.values()) total += this.size(value);
    this.sizes.set(node, total);
    return total;
  }
}

export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/** Read and parse a config file from disk, refusing huge or binary files with a notice. */
export function readConfigFile(absPath: string, path: string, noticeLoc?: Loc): ParsedFile {
  const file: ConfigFile = { path, text: '', lines: [] };
  const loc = noticeLoc ?? { file: path, line: 1, column: 1 };
  let size: number;
  try {
    size = fs.statSync(absPath).size;
  } catch (err) {
    return { file, notices: [configInvalid(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, loc)] };
  }
  if (size > MAX_CONFIG_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return { file, notices: [configInvalid(`${path}: file is ${mb} MB, larger than the ${MAX_CONFIG_BYTES / 1024 / 1024} MB limit; not read`, loc)] };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (err) {
    return { file, notices: [configInvalid(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, loc)] };
  }
  if (looksBinary(bytes)) {
    return { file, notices: [configInvalid(`${path}: not a text file`, { file: path, line: 1, column: 1 })] };
  }
  return parseConfigText(path, bytes.toString('utf8'));
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  return head.includes(0);
}

function scalarValue(value: unknown): ScalarNode['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
