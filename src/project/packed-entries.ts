// A parsed mapping's entries behind the Map<string, Node> API: one packed array [key, value, key,
// value, ...] instead of a Map and its hash table (a bundle has tens of thousands of small mappings,
// most of four keys or fewer). Lookups scan up to SCAN_LIMIT keys and use an index built on first use
// above that (a resource mapping may hold thousands). A deletion or `clear` turns it into a plain Map,
// so every caller sees a Map's behaviour: insertion order, a re-set key keeping its place, live iteration.
import type { Node } from '../model.js';

/** Above this many keys, lookups go through an index built on first use. */
const SCAN_LIMIT = 12;

export class PackedEntries implements Map<string, Node> {
  private packed: (string | Node)[] = [];
  private index: Map<string, number> | undefined;
  private map: Map<string, Node> | undefined;

  get size(): number {
    return this.map ? this.map.size : this.packed.length >> 1;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  private find(key: string): number {
    const packed = this.packed;
    if (packed.length <= SCAN_LIMIT * 2) {
      for (let i = 0; i < packed.length; i += 2) if (packed[i] === key) return i;
      return -1;
    }
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < packed.length; i += 2) this.index.set(packed[i] as string, i);
    }
    return this.index.get(key) ?? -1;
  }

  get(key: string): Node | undefined {
    if (this.map) return this.map.get(key);
    const i = this.find(key);
    return i < 0 ? undefined : (this.packed[i + 1] as Node);
  }

  has(key: string): boolean {
    return this.map ? this.map.has(key) : this.find(key) >= 0;
  }

  set(key: string, value: Node): this {
    if (this.map) {
      this.map.set(key, value);
      return this;
    }
    const i = this.find(key);
    if (i >= 0) {
      this.packed[i + 1] = value;
      return this;
    }
    this.index?.set(key, this.packed.length);
    this.packed.push(key, value);
    return this;
  }

  /** Done adding: the packed array drops its spare capacity (an array grown by push keeps room for 16 more). */
  trim(): void {
    if (!this.map) this.packed = this.packed.slice();
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
    return this.map ? this.map.entries() : new PackedIterator(this.packed, ENTRIES);
  }

  keys(): MapIterator<string> {
    return this.map ? this.map.keys() : new PackedIterator(this.packed, KEYS);
  }

  values(): MapIterator<Node> {
    return this.map ? this.map.values() : new PackedIterator(this.packed, VALUES);
  }

  [Symbol.iterator](): MapIterator<[string, Node]> {
    return this.entries();
  }

  private asMap(): Map<string, Node> {
    if (!this.map) {
      this.map = new Map(this.entries());
      this.packed = [];
      this.index = undefined;
    }
    return this.map;
  }
}

const ENTRIES = 0;
const KEYS = 1;
const VALUES = 2;

/** An iterator over the packed array, live like a Map's (it sees keys added while it runs); a class, not a generator: cheaper to resume. */
class PackedIterator<T> implements MapIterator<T> {
  private i = 0;

  constructor(
    private readonly packed: (string | Node)[],
    private readonly kind: typeof ENTRIES | typeof KEYS | typeof VALUES,
  ) {}

  next(): IteratorResult<T, undefined> {
    const packed = this.packed;
    const i = this.i;
    if (i >= packed.length) return { done: true, value: undefined };
    this.i = i + 2;
    const value = this.kind === ENTRIES ? [packed[i], packed[i + 1]] : this.kind === KEYS ? packed[i] : packed[i + 1];
    return { done: false, value: value as T };
  }

  [Symbol.iterator](): MapIterator<T> {
    return this;
  }
}
