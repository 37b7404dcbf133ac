import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import type { MapNode, SeqNode } from '../../src/model.js';
import { ParsedMap, ParsedSeq } from '../../src/project/located-nodes.js';
import { parseConfigText } from '../../src/project/yaml.js';
import { parsedOn, writeRepo } from './loader-helpers.js';

/** A small deterministic generator: the same sequence on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('ParsedMap and ParsedSeq give back the position they were made with', () => {
  it('any line and column, packed or not (seeded, with the packing limits and beyond)', () => {
    const next = random(7);
    const edges = [1, 2, 4095, 4096, 4097, 524_287, 524_288, 10_000_000];
    for (let i = 0; i < 2000; i++) {
      const line = i < 64 ? edges[i % 8] : 1 + Math.floor(next() * (next() < 0.1 ? 2_000_000 : 600_000));
      const column = i < 64 ? edges[Math.floor(i / 8)] : 1 + Math.floor(next() * (next() < 0.1 ? 100_000 : 5000));
      const map = new ParsedMap(new Map(), new Map(), 'resources/a.yml', line, column);
      const seq = new ParsedSeq([], 'b.yml', line, column);
      expect(map.loc, `${line}:${column}`).toEqual({ file: 'resources/a.yml', line, column });
      expect(seq.loc, `${line}:${column}`).toEqual({ file: 'b.yml', line, column });
      expect(map.kind).toBe('map');
      expect(seq.kind).toBe('seq');
    }
  });

  it('a copy made with a spread keeps the kind and contents (the loc is read, not copied: callers pass it on)', () => {
    const map = new ParsedMap(new Map(), new Map(), 'a.yml', 3, 5);
    const copy = { ...map, loc: map.loc };
    expect(copy).toMatchObject({ kind: 'map', loc: { file: 'a.yml', line: 3, column: 5 } });
    expect(copy.entries).toBe(map.entries);
  });
});

describe('each parse path builds located collections', () => {
  for (const [path, text] of [
    ['line path', 'bundle:\n  name: x\nlist:\n  - a: 1\n'],
    ['CST fast path', 'bundle:\n  "name": x\nlist:\n  - a: 1\n'],
    ['composer', 'bundle: &b\n  name: x\nlist:\n  - a: 1\nother: *b\n'],
  ] as const) {
    it(`${path}: mappings and sequences where they are written`, () => {
      const file = parsedOn(path, text);
      const root = file.root!;
      const bundle = root.entries.get('bundle') as MapNode;
      const list = root.entries.get('list') as SeqNode;
      expect(root).toBeInstanceOf(ParsedMap);
      expect(bundle).toBeInstanceOf(ParsedMap);
      expect(list).toBeInstanceOf(ParsedSeq);
      expect(root.loc).toEqual({ file: 'databricks.yml', line: 1, column: 1 });
      expect(bundle.loc).toEqual({ file: 'databricks.yml', line: 2, column: 3 });
      expect(list.loc).toEqual({ file: 'databricks.yml', line: 4, column: 3 });
      expect(list.items[0].loc).toEqual({ file: 'databricks.yml', line: 4, column: 5 });
    });
  }

  it('a mapping past column 4095 and one past line 524,287 keep their exact places', () => {
    const wide = `a:\n${' '.repeat(5000)}b: 1\n`;
    const wideMap = parseConfigText('w.yml', wide).file.root!.entries.get('a')!;
    expect(wideMap.loc).toEqual({ file: 'w.yml', line: 2, column: 5001 });
    const long = `${'\n'.repeat(600_000)}a:\n  b:\n    - 1\n`;
    const a = parseConfigText('l.yml', long).file.root!.entries.get('a') as MapNode;
    expect(a.loc).toEqual({ file: 'l.yml', line: 600_002, column: 3 });
    expect(a.entries.get('b')!.loc).toEqual({ file: 'l.yml', line: 600_003, column: 5 });
  });

  it('a bundle on disk: a finding on a mapping (a required field missing from it) cites where the mapping starts', async () => {
    const dir = writeRepo({
      'databricks.yml': 'bundle:\n  name: demo\ninclude:\n  - resources/*.yml\ntargets:\n  dev:\n    default: true\n',
      'resources/job.yml':
        'resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../nb.py\n' +
        '        - task_key: u\n          notebook_task:\n            base_parameters:\n              a: b\n',
      'nb.py': '# Databricks notebook source\n',
    });
    const { result } = await analyse({ path: dir, env: {} });
    const findings = result.bundles.flatMap((b) => b.findings).filter((f) => f.loc?.file === 'resources/job.yml');
    expect(findings.map((f) => [f.check, f.loc!.line, f.loc!.column])).toEqual([['required-field-missing', 11, 13]]);
  });
});
