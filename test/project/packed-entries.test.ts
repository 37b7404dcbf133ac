import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import type { Node } from '../../src/model.js';
import { PackedEntries } from '../../src/project/packed-entries.js';
import { parseConfigText } from '../../src/project/yaml.js';
import { writeRepo } from './loader-helpers.js';

/** A small deterministic generator: the same sequence of operations on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function snapshot(entries: Map<string, Node>) {
  const forEach: [string, Node, boolean][] = [];
  entries.forEach(function (this: unknown, value, key, map) {
    forEach.push([key, value, map === entries && this === 'ctx']);
  }, 'ctx');
  return { size: entries.size, entries: [...entries.entries()], keys: [...entries.keys()], values: [...entries.values()], iterated: [...entries], forEach };
}

const scalar = (value: number): Node => ({ kind: 'scalar', loc: { file: 'a.yml', line: value, column: 1 }, value });

describe('PackedEntries behaves as a Map<string, Node>', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random operations (seed ${seed}): every answer is the Map's`, () => {
      const next = random(seed);
      const packed = new PackedEntries();
      const map = new Map<string, Node>();
      const keyCount = seed <= 4 ? 6 : 40; // few keys (scanned) and many (indexed)
      const spills = seed % 2 === 0; // odd seeds: only what the packed form holds (no deletion)
      for (let step = 0; step < 400; step++) {
        const key = `k${Math.floor(next() * keyCount)}`;
        const op = next();
        if (op < 0.55) {
          const value = scalar(step);
          expect(packed.set(key, value)).toBe(packed);
          map.set(key, value);
        } else if (spills && op < 0.6) {
          expect(packed.delete(key)).toBe(map.delete(key));
        } else if (spills && op < 0.605) {
          packed.clear();
          map.clear();
        } else if (op < 0.62) {
          packed.trim();
        } else {
          expect(packed.has(key), key).toBe(map.has(key));
          expect(packed.get(key), key).toBe(map.get(key));
        }
        expect(snapshot(packed)).toEqual(snapshot(map));
      }
    });
  }

  it('setting a key again keeps its place and takes the new value, like a Map', () => {
    const packed = new PackedEntries();
    packed.set('x', scalar(1)).set('y', scalar(2)).set('x', scalar(3));
    expect([...packed]).toEqual([
      ['x', scalar(3)],
      ['y', scalar(2)],
    ]);
  });

  it('iterates live, like a Map: a key added while iterating is met, packed and spilled', () => {
    for (const spilled of [false, true]) {
      const packed = new PackedEntries();
      packed.set('a', scalar(1)).set('b', scalar(2));
      if (spilled) packed.delete('b');
      const met: string[] = [];
      for (const key of packed.keys()) {
        met.push(key);
        if (key === 'a') packed.set('z', scalar(9));
      }
      expect(met).toEqual(spilled ? ['a', 'z'] : ['a', 'b', 'z']);
      const iterator = packed.values();
      expect(iterator[Symbol.iterator]()).toBe(iterator);
    }
  });

  it('says it is a Map when printed, and a mapping of 5,000 keys answers for each (the indexed lookups)', () => {
    const packed = new PackedEntries();
    expect(Object.prototype.toString.call(packed)).toBe('[object Map]');
    for (let i = 0; i < 5000; i++) packed.set(`job_${i}`, scalar(i));
    for (let i = 0; i < 5000; i += 7) expect(packed.get(`job_${i}`)).toEqual(scalar(i));
    packed.set('late', scalar(9000));
    packed.set('job_10', scalar(1));
    expect(packed.get('late')).toEqual(scalar(9000));
    expect(packed.get('job_10')).toEqual(scalar(1));
    expect([...packed.keys()].indexOf('job_10')).toBe(10);
    expect(packed.has('job_5000')).toBe(false);
    expect(packed.size).toBe(5001);
  });
});

describe('parsed mappings with packed entries', () => {
  it('a repeated key: the last value wins and moves to the end, on every path', () => {
    for (const text of ['a: 1\nb: 2\na: 3\n', 'a: 1\n"b": 2\na: 3\n']) {
      const { file } = parseConfigText('databricks.yml', text);
      expect([...file.root!.entries].map(([k, v]) => [k, v.kind === 'scalar' && v.value])).toEqual([
        ['b', 2],
        ['a', 3],
      ]);
    }
  });

  it('a bundle on disk analyses the same with packed entries: a finding cites the line of the packed mapping', async () => {
    const dir = writeRepo({
      'databricks.yml': 'bundle:\n  name: demo\ninclude:\n  - resources/*.yml\ntargets:\n  dev:\n    default: true\n',
      'resources/job.yml': 'resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../missing.py\n',
    });
    const { result } = await analyse({ path: dir, env: {} });
    const missing = result.bundles.flatMap((b) => b.findings).filter((f) => f.loc?.file === 'resources/job.yml');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.map((f) => f.loc!.line)).toContain(8);
  });
});
