// A parsed mapping's entries behind the Map<string, Node> API, and where their keys are written:
// one packed table [key, value, line, column, ...] per mapping instead of a Map with its hash table
// and a second table of key positions (a bundle has tens of thousands of small mappings, most of
// four keys or fewer). The mapping's PackedKeyLocs (key-locs.ts) reads the positions from this table.
// Lookups scan up to SCAN_LIMIT keys and use an index built on first use above that (a resource
// mapping may hold thousands). Once the parser is done (`trim`), adding a key, a deletion or `clear`
// turns the entries into a plain Map (the table stays for the positions), so every caller sees a
// Map's behaviour: insertion order, a re-set key keeping its place, live iteration. One difference:
// an iteration begun while the mapping was packed goes on over the keys as they were if a deletion
// happens under it (a Map would skip the deleted key); nothing deletes from a mapping it iterates.
import type { Node } from '../model.js';

/** Above this many keys, lookups go through an index built on first use. */
const SCAN_LIMIT = 12;
/** Cells per key in the table: key, value, line, column. */
export const ROW = 4;

export class PackedEntries implements Map<string, Node> {
  /** [key, value, line, column, ...]; the values are stale once `map` is set, the positions are not. */
  table: (string | Node | number)[] = [];
  private index: Map<string, number> | undefined;
  private map: Map<string, Node> | undefined;
  private sealed = false;

  get size(): number {
    return this.map ? this.map.size : this.table.length / ROW;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  /** Where `key`'s row starts in the table, or -1. */
  row(key: string): number {
    const table = this.table;
    if (table.length <= SCAN_LIMIT * ROW) {
      for (let i = 0; i < table.length; i += ROW) if (table[i] === key) return i;
      return -1;
    }
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < table.length; i += ROW) this.index.set(table[i] as string, i);
    }
    return this.index.get(key) ?? -1;
  }

  get(key: string): Node | undefined {
    if (this.map) return this.map.get(key);
    const i = this.row(key);
    return i < 0 ? undefined : (this.table[i + 1] as Node);
  }

  has(key: string): boolean {
    return this.map ? this.map.has(key) : this.row(key) >= 0;
  }

  set(key: string, value: Node): this {
    if (this.map) {
      this.map.set(key, value);
      return this;
    }
    const i = this.row(key);
    if (i >= 0) {
      this.table[i + 1] = value;
    } else if (this.sealed) {
      this.asMap().set(key, value);
    } else {
      this.index?.set(key, this.table.length);
      this.table.push(key, value, 0, 0); // the parser gives the position next (keyLocs.setAt)
    }
    return this;
  }

  /** The parser is done with this mapping: the table drops its spare capacity (an array grown by push keeps room for 16 more). */
  trim(): void {
    this.table = this.table.slice();
    this.sealed = true;
  }

  delete(key: string): boolean {
    return this.asMap().delete(key);
  }

  clear(): void {
    this.asMap().clear();
  }

  forEach(callback: (value: Node, key: string, map: Map<string, Node>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, Node]> {
    return this.map ? this.map.entries() : new TableIterator(this.table, ENTRIES);
  }

  keys(): MapIterator<string> {
    return this.map ? this.map.keys() : new TableIterator(this.table, KEYS);
  }

  values(): MapIterator<Node> {
    return this.map ? this.map.values() : new TableIterator(this.table, VALUES);
  }

  [Symbol.iterator](): MapIterator<[string, Node]> {
    return this.entries();
  }

  private asMap(): Map<string, Node> {
    if (!this.map) {
      const map = new Map<string, Node>();
      for (let i = 0; i < this.table.length; i += ROW) map.set(this.table[i] as string, this.table[i + 1] as Node);
      this.map = map;
      this.sealed = true;
    }
    return this.map;
  }
}

const ENTRIES = 0;
const KEYS = 1;
const VALUES = 2;

/** An iterator over the table, live like a Map's (it sees keys added while it runs); a class, not a generator: cheaper to resume. */
class TableIterator<T> implements MapIterator<T> {
  private i = 0;

  constructor(
    private readonly table: (string | Node | number)[],
    private readonly kind: typeof ENTRIES | typeof KEYS | typeof VALUES,
  ) {}

  next(): IteratorResult<T, undefined> {
    const table = this.table;
    const i = this.i;
    if (i >= table.length) return { done: true, value: undefined };
    this.i = i + ROW;
    const value = this.kind === ENTRIES ? [table[i], table[i + 1]] : this.kind === KEYS ? table[i] : table[i + 1];
    return { done: false, value: value as T };
  }

  [Symbol.iterator](): MapIterator<T> {
    return this;
  }
}
