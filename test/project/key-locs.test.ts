import { describe, expect, it } from 'vitest';
import type { Loc, MapNode } from '../../src/model.js';
import { PackedKeyLocs } from '../../src/project/key-locs.js';
import { parseFast } from '../../src/project/yaml-fast.js';
import { parseLines } from '../../src/project/yaml-lines.js';
import { MAX_NESTING, parseConfigText } from '../../src/project/yaml.js';

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

describe('PackedKeyLocs behaves as a Map<string, Loc>', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random operations (seed ${seed}): every answer is the Map's`, () => {
      const next = random(seed);
      const packed = new PackedKeyLocs('a.yml');
      const map = new Map<string, Loc>();
      const keyCount = seed <= 4 ? 6 : 40; // few keys (scanned) and many (indexed)
      const spills = seed % 2 === 0; // odd seeds: only what the packed form holds (no deletion, no other file)
      for (let step = 0; step < 400; step++) {
        const key = `k${Math.floor(next() * keyCount)}`;
        const op = next();
        if (op < 0.55) {
          // mostly keys of the mapping's own file, now and then one written in another file
          const loc = { file: spills && next() < 0.05 ? 'b.yml' : 'a.yml', line: 1 + Math.floor(next() * 500), column: 1 + Math.floor(next() * 40) };
          expect(packed.set(key, loc)).toBe(packed);
          map.set(key, loc);
        } else if (op < 0.6) {
          const line = 1 + Math.floor(next() * 500);
          packed.setAt(key, line, 3);
          map.set(key, { file: 'a.yml', line, column: 3 });
        } else if (spills && op < 0.63) {
          expect(packed.delete(key)).toBe(map.delete(key));
        } else if (spills && op < 0.635) {
          packed.clear();
          map.clear();
        } else if (op < 0.65) {
          packed.trim();
        } else {
          expect(packed.has(key), key).toBe(map.has(key));
          expect(packed.get(key), key).toEqual(map.get(key));
        }
        expect(snapshot(packed)).toEqual(snapshot(map));
      }
    });
  }

  it('setting a key again keeps its place and takes the new position, like a Map', () => {
    const packed = new PackedKeyLocs('a.yml');
    packed.setAt('x', 1, 1);
    packed.setAt('y', 2, 1);
    packed.setAt('x', 3, 5);
    expect([...packed]).toEqual([
      ['x', { file: 'a.yml', line: 3, column: 5 }],
      ['y', { file: 'a.yml', line: 2, column: 1 }],
    ]);
  });

  it('a mapping of 5,000 keys answers for each (the indexed lookups), before and after more are added', () => {
    const packed = new PackedKeyLocs('jobs.yml');
    for (let i = 0; i < 5000; i++) packed.setAt(`job_${i}`, i + 3, 5);
    for (let i = 0; i < 5000; i += 7) expect(packed.get(`job_${i}`)).toEqual({ file: 'jobs.yml', line: i + 3, column: 5 });
    packed.setAt('late', 9000, 5);
    packed.setAt('job_10', 1, 1);
    expect(packed.get('late')).toEqual({ file: 'jobs.yml', line: 9000, column: 5 });
    expect(packed.get('job_10')).toEqual({ file: 'jobs.yml', line: 1, column: 1 });
    expect(packed.has('job_5000')).toBe(false);
    expect(packed.size).toBe(5001);
  });
});

describe('parsed mappings keep their key positions packed', () => {
  // the line path, the CST fast path (a flow sequence) and the composer (an anchor) each build one
  for (const [path, text, lines, fast] of [
    ['line path', 'bundle:\n  name: x\n  uuid: y\n', true, true],
    ['CST fast path', 'bundle:\n  name: x\n  "uuid": y\n', false, true],
    ['composer', 'bundle: &b\n  name: x\n  uuid: y\nother: *b\n', false, false],
  ] as const) {
    it(`${path}: each key where it is written, in a packed key table`, () => {
      expect(parseLines(text, 'databricks.yml', MAX_NESTING) !== undefined).toBe(lines);
      expect(parseFast(text, 'databricks.yml', MAX_NESTING) !== undefined).toBe(fast);
      const { file } = parseConfigText('databricks.yml', text);
      const bundle = file.root!.entries.get('bundle') as MapNode;
      expect(bundle.kind).toBe('map');
      expect(file.root!.keyLocs).toBeInstanceOf(PackedKeyLocs);
      expect(bundle.keyLocs).toBeInstanceOf(PackedKeyLocs);
      expect(bundle.keyLocs.get('name')).toEqual({ file: 'databricks.yml', line: 2, column: 3 });
      expect([...bundle.keyLocs.keys()]).toEqual([...bundle.entries.keys()]);
    });
  }
});
