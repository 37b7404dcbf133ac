import { describe, expect, it } from 'vitest';
import type { Loc, MapNode, Node, Scalar, ScalarNode, SeqNode } from '../../src/model.js';
import { MergeSession, asMap, asSeq, asString, isNull, mergeElementsByKey } from '../../src/project/merge.js';

// Merging located nodes as the CLI's libs/dyn/merge does: maps merge recursively, scalars are
// replaced, sequences are concatenated; a node read from a file is never changed.

const at = (line: number): Loc => ({ file: 'databricks.yml', line, column: 1 });
const scalar = (value: Scalar, line = 1): ScalarNode => ({ kind: 'scalar', loc: at(line), value });
const seq = (items: Node[], line = 1): SeqNode => ({ kind: 'seq', loc: at(line), items });
function map(entries: Record<string, Node>, line = 1): MapNode {
  return { kind: 'map', loc: at(line), entries: new Map(Object.entries(entries)), keyLocs: new Map(Object.keys(entries).map((k, i) => [k, at(line + i + 1)])) };
}
/** The plain value of a node, to compare merges by what they hold. */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
}

describe('MergeSession.merge', () => {
  it('a missing or null side gives the other', () => {
    const session = new MergeSession();
    const b = scalar('b');
    expect(session.merge(undefined, b)).toBe(b);
    expect(session.merge(scalar(null), b)).toBe(b);
    const a = map({ x: scalar(1) });
    expect(session.merge(a, scalar(null))).toBe(a);
  });

  it('a null override keeps a scalar value; null over null is the override (its place)', () => {
    const session = new MergeSession();
    const value = scalar('x', 3);
    expect(session.merge(value, scalar(null, 9))).toBe(value);
    const override = scalar(null, 9);
    expect(session.merge(scalar(null, 3), override)).toBe(override);
  });

  it('maps merge key by key, recursively; a scalar or a different kind replaces; sequences concatenate', () => {
    const session = new MergeSession();
    const a = map({ keep: scalar('a'), replace: scalar('old'), nested: map({ x: scalar(1), y: scalar(2) }), list: seq([scalar(1)]), kind: seq([scalar(1)]) });
    const b = map({ replace: scalar('new'), nested: map({ y: scalar(3), z: scalar(4) }), list: seq([scalar(2)]), kind: map({ now: scalar('a map') }), added: scalar(true) });
    expect(plain(session.merge(a, b))).toEqual({
      keep: 'a',
      replace: 'new',
      nested: { x: 1, y: 3, z: 4 },
      list: [1, 2],
      kind: { now: 'a map' },
      added: true,
    });
    expect(plain(session.merge(scalar('a'), seq([scalar(1)])))).toEqual([1]);
    expect(plain(session.merge(seq([scalar(1)]), scalar('b')))).toEqual('b');
  });

  it('never changes the nodes it was given', () => {
    const session = new MergeSession();
    const a = map({ nested: map({ x: scalar(1) }), list: seq([scalar(1)]) });
    const b = map({ nested: map({ y: scalar(2) }), list: seq([scalar(2)]), added: scalar(3) });
    session.merge(a, b);
    expect(plain(a)).toEqual({ nested: { x: 1 }, list: [1] });
    expect(plain(b)).toEqual({ nested: { y: 2 }, list: [2], added: 3 });
  });

  it('writes into what it made itself: merging again into the result changes it in place', () => {
    const session = new MergeSession();
    const first = session.merge(map({ a: scalar(1) }), map({ b: scalar(2) }));
    expect(session.merge(first, map({ c: scalar(3) }))).toBe(first);
    expect(plain(first)).toEqual({ a: 1, b: 2, c: 3 });
    const list = session.concat(seq([scalar(1)]), seq([scalar(2)]));
    expect(session.concat(list, seq([scalar(3)]))).toBe(list);
    expect(plain(list)).toEqual([1, 2, 3]);
    expect(new MergeSession().merge(first, map({ d: scalar(4) }))).not.toBe(first);
  });

  it('an added key keeps the location its key was written at, else its value’s', () => {
    const session = new MergeSession();
    const b = map({ written: scalar(1, 7) }, 5);
    const merged = session.mergeMaps(map({}), b);
    expect(merged.keyLocs.get('written')).toEqual(at(6));
    const bare: MapNode = { kind: 'map', loc: at(9), entries: new Map([['v', scalar(1, 10)]]), keyLocs: new Map() };
    expect(session.mergeMaps(map({}), bare).keyLocs.get('v')).toEqual(at(10));
    expect(merged.loc).toEqual(at(1));
  });

  it('own copies a map once and newMap makes one it owns', () => {
    const session = new MergeSession();
    const original = map({ a: scalar(1) });
    const mine = session.own(original);
    expect(mine).not.toBe(original);
    expect(session.own(mine)).toBe(mine);
    expect(plain(mine)).toEqual({ a: 1 });
    const fresh = session.newMap(at(4));
    expect(fresh).toEqual({ kind: 'map', loc: at(4), entries: new Map(), keyLocs: new Map() });
    expect(session.own(fresh)).toBe(fresh);
  });
});

describe('node helpers', () => {
  it('asMap, asSeq, asString and isNull tell node kinds apart', () => {
    const m = map({});
    const s = seq([]);
    expect([asMap(m), asMap(s), asMap(undefined)]).toEqual([m, undefined, undefined]);
    expect([asSeq(s), asSeq(m), asSeq(undefined)]).toEqual([s, undefined, undefined]);
    expect([asString(scalar('x')), asString(scalar(3)), asString(scalar(false)), asString(scalar(null)), asString(m), asString(undefined)]).toEqual(['x', '3', 'false', undefined, undefined, undefined]);
    expect([isNull(undefined), isNull(scalar(null)), isNull(scalar('')), isNull(m)]).toEqual([true, true, false, false]);
  });
});

describe('mergeElementsByKey (the CLI’s ElementsByKey)', () => {
  const task = (key: string, extra: Record<string, Node> = {}) => map({ task_key: scalar(key), ...extra });
  const keyOf = (item: Node) => String(plain(asMap(item)?.entries.get('task_key'))).toLowerCase();

  it('merges items with the same key into the first one’s place, in order', () => {
    const session = new MergeSession();
    const tasks = seq([task('a', { x: scalar(1) }), task('b'), task('A', { y: scalar(2) }), task('c'), task('b', { z: scalar(3) })]);
    expect(plain(mergeElementsByKey(session, tasks, keyOf, 'task_key'))).toEqual([
      { task_key: 'a', x: 1, y: 2 },
      { task_key: 'b', z: 3 },
      { task_key: 'c' },
    ]);
  });

  it('writes the key it merged by into the merged item, only when asked to and when it differs', () => {
    const session = new MergeSession();
    const tasks = seq([task('Train'), map({ task_key: scalar('TRAIN', 8), x: scalar(1) })]);
    const normalised = mergeElementsByKey(session, tasks, keyOf, 'task_key');
    expect(plain(normalised)).toEqual([{ task_key: 'train', x: 1 }]);
    expect((normalised.items[0] as MapNode).entries.get('task_key')!.loc).toEqual(at(8)); // where the winning key was written
    expect(plain(mergeElementsByKey(new MergeSession(), seq([task('Train'), task('TRAIN', { x: scalar(1) })]), keyOf))).toEqual([{ task_key: 'TRAIN', x: 1 }]);
    expect(plain(mergeElementsByKey(new MergeSession(), seq([task('train'), task('train')]), keyOf, 'task_key'))).toEqual([{ task_key: 'train' }]);
    const scalars = seq([scalar('x'), scalar('y')]);
    expect(plain(mergeElementsByKey(new MergeSession(), scalars, () => 'same', 'task_key'))).toEqual(['y']);
  });

  it('gives the sequence itself back when no two items share a key', () => {
    const tasks = seq([task('a'), task('b')], 4);
    expect(mergeElementsByKey(new MergeSession(), tasks, keyOf, 'task_key')).toBe(tasks);
    const merged = mergeElementsByKey(new MergeSession(), seq([task('a'), task('a')], 4), keyOf, 'task_key');
    expect(merged.loc).toEqual(at(4));
    expect(merged.kind).toBe('seq');
  });
});
