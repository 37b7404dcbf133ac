import { describe, expect, it } from 'vitest';
import { baselineFromResult, compareBundle, describeScore, embedDigest, readEmbeddedDigest, signedChange } from '../../src/github/delta.js';
import { bundle, finding, result } from './factory.js';

describe('delta', () => {
  const base = bundle([finding('a', 'critical', 'x.yml', 10), finding('b', 'low', 'y.yml', 1)]);
  const head = bundle([finding('a', 'critical', 'x.yml', 14), finding('c', 'high', 'z.yml', 2)]);

  it('matches findings by check, file and message, not by line', () => {
    const moved = bundle([finding('a', 'critical', 'x.yml', 14, { message: 'a at x.yml:10' }), finding('c', 'high', 'z.yml', 2)]);
    const delta = compareBundle(moved, baselineFromResult(result([base]), 'abc'))!;
    expect(delta.added.map((f) => f.check)).toEqual(['c']);
    expect(delta.resolved.map((f) => f.check)).toEqual(['b']);
    expect(delta).toMatchObject({ source: 'base', sha: 'abc', baseScore: 60, headScore: 60, change: 0 });
  });

  it('says nothing when the bundle is not in the baseline (a bundle added by the pull request)', () => {
    expect(compareBundle({ ...head, root: 'new' }, baselineFromResult(result([base])))).toBeUndefined();
    expect(compareBundle(head, undefined)).toBeUndefined();
  });

  it('describes the score like "85% (up from 65%)"', () => {
    expect(describeScore(85, { change: 20, baseScore: 65 } as never)).toBe('85% (up from 65%)');
    expect(describeScore(60, { change: -10, baseScore: 70 } as never)).toBe('60% (down from 70%)');
    expect(describeScore(70, { change: 0, baseScore: 70 } as never)).toBe('70% (unchanged)');
    expect(describeScore(70)).toBe('70%');
    expect([signedChange(20), signedChange(-5), signedChange(0)]).toEqual(['+20', '-5', '0']);
  });

  it('round-trips the digest embedded in a comment, even with -- and > in file names', () => {
    const tricky = bundle([finding('a', 'high', 'dir--x/-->y.yml', 3)], { root: 'b--1', score: 77 });
    const html = embedDigest(tricky);
    expect(html.indexOf('-->')).toBe(html.length - 3);
    const digest = readEmbeddedDigest(`intro\n\n${html}\n`)!;
    expect(digest).toEqual({ root: 'b--1', score: 77, findings: [{ check: 'a', severity: 'high', file: 'dir--x/-->y.yml', line: 3, key: expect.any(String) }] });
    // the previous comment's digest works as a baseline
    const delta = compareBundle(bundle([], { root: 'b--1', score: 90 }), { source: 'previous-comment', bundles: [digest] })!;
    expect(delta.resolved.map((f) => f.file)).toEqual(['dir--x/-->y.yml']);
    expect(delta.change).toBe(13);
  });

  it('ignores a missing or damaged digest', () => {
    expect(readEmbeddedDigest(undefined)).toBeUndefined();
    expect(readEmbeddedDigest('no data here')).toBeUndefined();
    expect(readEmbeddedDigest('<!-- dab-ready-data {"v":1,"root": -->')).toBeUndefined();
    expect(readEmbeddedDigest('<!-- dab-ready-data {"v":2,"root":".","score":1,"f":[]} -->')).toBeUndefined();
  });
});
