// Where each key of a parsed mapping is written, behind the Map<string, Loc> API: read from the
// mapping's PackedEntries table ([key, value, line, column, ...], all in the mapping's file) instead
// of a Map and a Loc object per key. A Loc is made when one is asked for. Anything the table cannot
// hold (a key written in another file, a key the entries do not have, a deletion) turns it into a
// plain Map, so every caller sees a Map's behaviour.
import type { KeyLocs, Loc } from '../model.js';
import { type PackedEntries, ROW } from './packed-entries.js';

export class PackedKeyLocs implements KeyLocs {
  private map: Map<string, Loc> | undefined;

  constructor(
    private readonly source: PackedEntries,
    private readonly file: string,
  ) {}

  get size(): number {
    return this.map ? this.map.size : this.source.table.length / ROW;
  }

  private locAt(i: number): Loc {
    const table = this.source.table;
    return { file: this.file, line: table[i + 2] as number, column: table[i + 3] as number };
  }

  get(key: string): Loc | undefined {
    if (this.map) return this.map.get(key);
    const i = this.source.row(key);
    return i < 0 ? undefined : this.locAt(i);
  }

  has(key: string): boolean {
    return this.map ? this.map.has(key) : this.source.row(key) >= 0;
  }

  /** Where `key` is written, by line and column in this mapping's file (the parsers' call, after entries.set: no Loc object). */
  setAt(key: string, line: number, column: number): void {
    const i = this.map ? -1 : this.source.row(key);
    if (i < 0) {
      this.asMap().set(key, { file: this.file, line, column });
      return;
    }
    this.source.table[i + 2] = line;
    this.source.table[i + 3] = column;
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
    const table = this.source.table;
    for (let i = 0; i < table.length; i += ROW) yield [table[i] as string, this.locAt(i)];
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
    if (!this.map) this.map = new Map(this.entries());
    return this.map;
  }
}
