// Where each key of a parsed mapping is written, behind the Map<string, Loc> API: one packed array
// per mapping ([key, line, column, key, line, column, ...], all in the mapping's file) instead of a
// Map and a Loc object per key. A Loc is made when one is asked for. Anything the packed form cannot
// hold (a key written in another file, a deletion) turns it into a plain Map, so every caller sees a Map's behaviour.
import type { KeyLocs, Loc } from '../model.js';

/** Above this many keys, lookups go through an index built on first use (a resource mapping may hold thousands). */
const SCAN_LIMIT = 12;

export class PackedKeyLocs implements KeyLocs {
  private packed: (string | number)[] = [];
  private index: Map<string, number> | undefined;
  private map: Map<string, Loc> | undefined;

  constructor(private readonly file: string) {}

  get size(): number {
    return this.map ? this.map.size : this.packed.length / 3;
  }

  private find(key: string): number {
    const packed = this.packed;
    if (packed.length <= SCAN_LIMIT * 3) {
      for (let i = 0; i < packed.length; i += 3) if (packed[i] === key) return i;
      return -1;
    }
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < packed.length; i += 3) this.index.set(packed[i] as string, i);
    }
    return this.index.get(key) ?? -1;
  }

  private locAt(i: number): Loc {
    return { file: this.file, line: this.packed[i + 1] as number, column: this.packed[i + 2] as number };
  }

  get(key: string): Loc | undefined {
    if (this.map) return this.map.get(key);
    const i = this.find(key);
    return i < 0 ? undefined : this.locAt(i);
  }

  has(key: string): boolean {
    return this.map ? this.map.has(key) : this.find(key) >= 0;
  }

  /** Where `key` is written, by line and column in this mapping's file (the parsers' call: no Loc object). */
  setAt(key: string, line: number, column: number): void {
    if (this.map) {
      this.map.set(key, { file: this.file, line, column });
      return;
    }
    const i = this.find(key);
    if (i >= 0) {
      this.packed[i + 1] = line;
      this.packed[i + 2] = column;
      return;
    }
    this.index?.set(key, this.packed.length);
    this.packed.push(key, line, column);
  }

  /** Done adding: the packed array drops its spare capacity (an array grown by push keeps room for 16 more). */
  trim(): void {
    if (!this.map) this.packed = this.packed.slice();
  }

  set(key: string, loc: Loc): this {
    if (!this.map && loc.file === this.file) this.setAt(key, loc.line, loc.column);
    else this.asMap().set(key, loc);
    return this;
  }

  delete(key: string): boolean {
    return this.asMap().delete(key);
  }

  clear(): void {
    this.asMap().clear();
  }

  *entries(): IterableIterator<[string, Loc]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    for (let i = 0; i < this.packed.length; i += 3) yield [this.packed[i] as string, this.locAt(i)];
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<Loc> {
    for (const [, loc] of this.entries()) yield loc;
  }

  [Symbol.iterator](): IterableIterator<[string, Loc]> {
    return this.entries();
  }

  private asMap(): Map<string, Loc> {
    if (!this.map) {
      this.map = new Map(this.entries());
      this.packed = [];
      this.index = undefined;
    }
    return this.map;
  }
}
