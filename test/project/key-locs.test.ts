import { describe, expect, it } from 'vitest';
import type { Loc, MapNode, Node } from '../../src/model.js';
import { PackedKeyLocs } from '../../src/project/key-locs.js';
import { PackedEntries } from '../../src/project/packed-entries.js';
import { parsedOn } from './loader-helpers.js';

/** A small deterministic generator: the same sequence of operations on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function snapshot(locs: { size: number; entries(): Iterable<[string, Loc]>; keys(): Iterable<string>; values(): Iterable<Loc> } & Iterable<[string, Loc]>) {
  return { size: locs.size, entries: [...locs.entries()], keys: [...locs.keys()], values: [...locs.values()], iterated: [...locs] };
}

const scalar = (value: number): Node => ({ kind: 'scalar', loc: { file: 'a.yml', line: value, column: 1 }, value });

/** A mapping's entries and key positions as the parsers make them: one table behind both. */
function packedMapping(file: string): { entries: PackedEntries; keyLocs: PackedKeyLocs } {
  const entries = new PackedEntries();
  return { entries, keyLocs: new PackedKeyLocs(entries, file) };
}

describe('PackedKeyLocs behaves as a Map<string, Loc>, beside its entries', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random operations (seed ${seed}): every answer of both is the Maps'`, () => {
      const next = random(seed);
      const { entries, keyLocs } = packedMapping('a.yml');
      const entryMap = new Map<string, Node>();
      const locMap = new Map<string, Loc>();
      const keyCount = seed <= 4 ? 6 : 40; // few keys (scanned) and many (indexed)
      const spills = seed % 2 === 0; // odd seeds: only what the table holds (no deletion, no other file)
      let parsing = true; // the parser's part: each key added to the entries, then its position
      for (let step = 0; step < 500; step++) {
        const key = `k${Math.floor(next() * keyCount)}`;
        const op = next();
        if (parsing && op < 0.5) {
          const value = scalar(step);
          const line = 1 + Math.floor(next() * 500);
          entries.set(key, value);
          keyLocs.setAt(key, line, 7);
          entryMap.set(key, value);
          locMap.set(key, { file: 'a.yml', line, column: 7 });
        } else if (parsing && op < 0.53) {
          entries.trim();
          parsing = false;
        } else if (!parsing && op < 0.3) {
          // keys of the mapping's own file, now and then one written in another file
          const loc = { file: spills && next() < 0.1 ? 'b.yml' : 'a.yml', line: 1 + Math.floor(next() * 500), column: 1 + Math.floor(next() * 40) };
          expect(keyLocs.set(key, loc)).toBe(keyLocs);
          locMap.set(key, loc);
        } else if (!parsing && op < 0.4) {
          const line = 1 + Math.floor(next() * 500);
          keyLocs.setAt(key, line, 3);
          locMap.set(key, { file: 'a.yml', line, column: 3 });
        } else if (!parsing && op < 0.5) {
          const value = scalar(1000 + step);
          expect(entries.set(key, value)).toBe(entries);
          entryMap.set(key, value);
        } else if (!parsing && spills && op < 0.53) {
          expect(keyLocs.delete(key)).toBe(locMap.delete(key));
        } else if (!parsing && spills && op < 0.56) {
          expect(entries.delete(key)).toBe(entryMap.delete(key));
        } else if (!parsing && spills && op < 0.565) {
          keyLocs.clear();
          locMap.clear();
        } else if (!parsing && spills && op < 0.57) {
          entries.clear();
          entryMap.clear();
        } else {
          expect(keyLocs.has(key), key).toBe(locMap.has(key));
          expect(keyLocs.get(key), key).toEqual(locMap.get(key));
          expect(entries.get(key), key).toBe(entryMap.get(key));
        }
        expect(snapshot(keyLocs)).toEqual(snapshot(locMap));
        expect([...entries]).toEqual([...entryMap]);
        expect(entries.size).toBe(entryMap.size);
      }
    });
  }

  it('setting a key again keeps its place and takes the new position, like a Map', () => {
    const { entries, keyLocs } = packedMapping('a.yml');
    entries.set('x', scalar(1));
    keyLocs.setAt('x', 1, 1);
    entries.set('y', scalar(2));
    keyLocs.setAt('y', 2, 1);
    keyLocs.setAt('x', 3, 5);
    expect([...keyLocs]).toEqual([
      ['x', { file: 'a.yml', line: 3, column: 5 }],
      ['y', { file: 'a.yml', line: 2, column: 1 }],
    ]);
  });

  it('a mapping of 5,000 keys answers for each (the indexed lookups), before and after more are added', () => {
    const { entries, keyLocs } = packedMapping('jobs.yml');
    for (let i = 0; i < 5000; i++) {
      entries.set(`job_${i}`, scalar(i));
      keyLocs.setAt(`job_${i}`, i + 3, 5);
    }
    for (let i = 0; i < 5000; i += 7) expect(keyLocs.get(`job_${i}`)).toEqual({ file: 'jobs.yml', line: i + 3, column: 5 });
    entries.set('late', scalar(1));
    keyLocs.setAt('late', 9000, 5);
    keyLocs.setAt('job_10', 1, 1);
    expect(keyLocs.get('late')).toEqual({ file: 'jobs.yml', line: 9000, column: 5 });
    expect(keyLocs.get('job_10')).toEqual({ file: 'jobs.yml', line: 1, column: 1 });
    expect(keyLocs.has('job_5000')).toBe(false);
    expect(keyLocs.size).toBe(5001);
  });

  it('the entries turned into a Map (a deletion) keep the positions of every key in the table', () => {
    const { entries, keyLocs } = packedMapping('a.yml');
    for (const [i, key] of ['a', 'b', 'c'].entries()) {
      entries.set(key, scalar(i));
      keyLocs.setAt(key, i + 1, 3);
    }
    entries.trim();
    entries.delete('b');
    entries.set('b', scalar(9));
    expect([...entries.keys()]).toEqual(['a', 'c', 'b']);
    expect([...keyLocs.keys()]).toEqual(['a', 'b', 'c']);
    expect(keyLocs.get('b')).toEqual({ file: 'a.yml', line: 2, column: 3 });
  });
});

describe('parsed mappings keep their entries and key positions packed', () => {
  // the line path, the CST fast path (a quoted key) and the composer (an anchor) each build them
  for (const [path, text] of [
    ['line path', 'bundle:\n  name: x\n  uuid: y\n'],
    ['CST fast path', 'bundle:\n  name: x\n  "uuid": y\n'],
    ['composer', 'bundle: &b\n  name: x\n  uuid: y\nother: *b\n'],
  ] as const) {
    it(`${path}: each key where it is written and its value, in one packed table, in the order written`, () => {
      const file = parsedOn(path, text);
      const bundle = file.root!.entries.get('bundle') as MapNode;
      expect(bundle.kind).toBe('map');
      expect(file.root!.entries).toBeInstanceOf(PackedEntries);
      expect(bundle.entries).toBeInstanceOf(PackedEntries);
      expect(file.root!.keyLocs).toBeInstanceOf(PackedKeyLocs);
      expect(bundle.keyLocs).toBeInstanceOf(PackedKeyLocs);
      expect(bundle.keyLocs.get('name')).toEqual({ file: 'databricks.yml', line: 2, column: 3 });
      expect([...bundle.entries].map(([k, v]) => [k, v.kind === 'scalar' && v.value])).toEqual([
        ['name', 'x'],
        ['uuid', 'y'],
      ]);
      expect([...bundle.keyLocs.keys()]).toEqual([...bundle.entries.keys()]);
    });
  }
});
