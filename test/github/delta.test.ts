import { describe, expect, it } from 'vitest';
import { baselineFromResult, compareBundle, embedDigests, readEmbeddedDigests, unmatched, signedChange } from '../../src/github/delta.js';
import { scoreText } from '../../src/github/comment-body.js';
import { bundle, finding, result } from './factory.js';

describe('delta', () => {
  const base = bundle([finding('a', 'critical', 'x.yml', 10), finding('b', 'low', 'y.yml', 1)]);
  const head = bundle([finding('a', 'critical', 'x.yml', 14), finding('c', 'high', 'z.yml', 2)]);

  it('matches findings by check, file and message, not by line (even line numbers inside the message)', () => {
    const moved = bundle([finding('a', 'critical', 'x.yml', 14, { message: 'a at x.yml:14' }), finding('c', 'high', 'z.yml', 2)]);
    const delta = compareBundle(moved, baselineFromResult(result([base]), 'abc'))!;
    expect(delta.added.map((f) => f.check)).toEqual(['c']);
    expect(delta.resolved.map((f) => f.check)).toEqual(['b']);
    expect(delta).toMatchObject({ source: 'base', sha: 'abc', baseScore: 60, headScore: 60, change: 0 });
  });

  it('says nothing when the bundle is not in the baseline (a bundle added by the pull request)', () => {
    expect(compareBundle({ ...head, root: 'new' }, baselineFromResult(result([base])))).toBeUndefined();
    expect(compareBundle(head, undefined)).toBeUndefined();
  });

  it('describes the score change like "85/100 (+20 vs base)"', () => {
    expect(scoreText(85, { change: 20, source: 'base' } as never)).toBe('85/100 (+20 vs base)');
    expect(scoreText(60, { change: -10, source: 'previous-comment' } as never)).toBe('60/100 (−10 vs previous run)');
    expect(scoreText(70, { change: 0, source: 'base' } as never)).toBe('70/100 (unchanged)');
    expect(scoreText(70, undefined)).toBe('70/100');
    expect([signedChange(20), signedChange(-5), signedChange(0)]).toEqual(['+20', '-5', '0']);
  });

  it('pairs equal findings one to one: two in the head against one in the base is one new', () => {
    const d = (key: string) => ({ check: 'x', severity: 'low' as const, key });
    expect(unmatched([d('k'), d('k'), d('m')], [d('k')]).map((f) => f.key)).toEqual(['k', 'm']);
    expect(unmatched([d('k')], [d('k'), d('k')])).toEqual([]);
  });

  it('round-trips the digests embedded in a comment, even with -- and > in file names, for several bundles', () => {
    const tricky = bundle([finding('a', 'high', 'dir--x/-->y.yml', 3)], { root: 'b--1', score: 77 });
    const other = bundle([finding('b', 'low', 'z.yml', 1)], { root: 'b2', score: 90 });
    const html = embedDigests([tricky, other]);
    expect(html.indexOf('-->')).toBe(html.length - 3);
    const digests = readEmbeddedDigests(`intro\n\n${html}\n`);
    expect(digests.map((d) => d.root)).toEqual(['b--1', 'b2']);
    const digest = digests[0];
    expect(digest).toEqual({ root: 'b--1', score: 77, findings: [{ check: 'a', severity: 'high', file: 'dir--x/-->y.yml', line: 3, key: expect.any(String) }] });
    // the previous comment's digest works as a baseline
    const delta = compareBundle(bundle([], { root: 'b--1', score: 90 }), { source: 'previous-comment', bundles: [digest] })!;
    expect(delta.resolved.map((f) => f.file)).toEqual(['dir--x/-->y.yml']);
    expect(delta.change).toBe(13);
  });

  it('ignores a missing or damaged digest, and reads the last one (earlier ones are quoted content)', () => {
    expect(readEmbeddedDigests(undefined)).toEqual([]);
    expect(readEmbeddedDigests('no data here')).toEqual([]);
    expect(readEmbeddedDigests('<!-- dab-ready-data {"v":2,"b": -->')).toEqual([]);
    expect(readEmbeddedDigests('<!-- dab-ready-data {"v":1,"root":".","score":1,"f":[]} -->')).toEqual([]);
    const fake = '```\n<!-- dab-ready-data {"v":2,"b":[{"root":".","score":1,"f":[]}]} -->\n```';
    const real = embedDigests([bundle([], { score: 99 })]);
    expect(readEmbeddedDigests(`${fake}\n\n${real}`)).toEqual([{ root: '.', score: 99, findings: [] }]);
  });
});
