// The pull request comment (src/github/comment-body.ts) where the budget decides: what is never
// left out, what the job summary leaves off, and that nothing is said to be left out when it fits.
import { describe, expect, it } from 'vitest';
import { renderPullRequestComment, type CommentOptions, type ReadinessViewInput } from '../../src/github/comment-body.js';
import type { Result } from '../../src/model.js';
import { bundle, finding, result } from './factory.js';

function render(r: Result, extra: Partial<ReadinessViewInput> = {}, options: CommentOptions = {}): string {
  const input: ReadinessViewInput = { result: r, gate: { passed: true, reasons: [] } as never, failOn: 'critical', deltas: new Map(), prefix: '', ...extra };
  return renderPullRequestComment(input, options);
}

const LEFT_OUT = 'Some blocks were left out';
const lows = (n: number) => Array.from({ length: n }, (_, i) => finding(`low-${i}`, 'low', `f${i}.yml`, i + 1));

describe('the comment within its budget', () => {
  it('a comment with room to spare says nothing was left out, sticky or not, with or without notes', () => {
    const r = result([bundle(lows(2))]);
    expect(render(r)).not.toContain(LEFT_OUT);
    expect(render(r, {}, { sticky: false })).not.toContain(LEFT_OUT);
    expect(render(r, {}, { notes: ['a note'] })).not.toContain(LEFT_OUT);
  });

  it('without notes, no quoted line follows the headline: the facts line comes next', () => {
    const blocks = render(result([bundle([])])).split('\n\n');
    expect(blocks[0]).toBe('<!-- dab-ready:comment path=. -->');
    expect(blocks[1]).toBe('### ✅ dab-ready: ready · score 90/100 · ✅ gate passed');
    expect(blocks[2]).toBe('**entity\\_matching** · no findings · targets `dev`');
    expect(blocks.filter((b) => b.startsWith('>'))).toEqual([]);
  });

  it('the job summary (not sticky) ends with the footer: no hidden data after it', () => {
    const summary = render(result([bundle(lows(1))]), {}, { sticky: false });
    expect(summary.endsWith('· fail-on critical · dab-ready 0.1.0</sub>\n')).toBe(true);
  });

  it('a budget smaller than the required blocks keeps each of them whole: marker, headline, notes, bundle table', () => {
    const r = result([bundle([finding('a', 'critical', 'x.yml', 1)], { root: 'a', score: 60 }), bundle(lows(3), { root: 'b' })]);
    const body = render(r, { prefix: 'bundles' }, { budget: 10, notes: ['could not comment on a fork'] });
    const blocks = body.split('\n\n');
    expect(blocks[0]).toBe('<!-- dab-ready:comment path=bundles -->');
    expect(blocks[1]).toBe('### ❌ dab-ready: 1 of 2 bundles blocked · lowest score 60/100 · ✅ gate passed');
    expect(blocks[3]).toBe('> could not comment on a fork');
    expect(blocks[4]).toMatch(/^\| Bundle \| Score \| Δ \| Status \|\n\|---\|---\|---\|---\|\n\| `a` \| 60 \| – \| ❌ blocked \(1 critical\) \|/);
    expect(blocks[6]).toBe('#### ❌ `a` entity\\_matching · 60/100 · 1 critical');
    expect(body).toContain('\n\n<sub>1 bundle without blockers that this pull request did not touch: one row each in the table above.</sub>\n\n');
    expect(body).toContain(LEFT_OUT);
  });

  it('a budget smaller than the required blocks still keeps the one bundle\'s "No findings" line', () => {
    const body = render(result([bundle([])]), {}, { budget: 10, sticky: false });
    expect(body).toContain('\n\n✅ No findings.\n\n');
    expect(body).toContain(LEFT_OUT);
    expect(body).not.toContain('| Phase |');
  });
});

describe('the budget, exactly', () => {
  it('a comment is never longer than its budget, at any budget its required blocks fit in (the final newline counted)', () => {
    const r = result([bundle(lows(12))]);
    let exact = 0;
    for (let budget = 1400; budget <= 1800; budget++) {
      const body = render(r, {}, { budget });
      expect(body.length, `budget ${budget}`).toBeLessThanOrEqual(budget);
      expect(body).toContain(LEFT_OUT);
      if (body.length === budget) exact++;
    }
    // the sweep meets budgets where one more block just fits: the bound is tight there
    expect(exact).toBeGreaterThan(0);
  });

  it('repository notices that do not fit become one line saying how many and where they are', () => {
    const notices = Array.from({ length: 20 }, (_, i) => finding('yaml-invalid', 'high', `bad${i}.yml`, 1, { message: 'x'.repeat(120) }));
    const without = render(result([bundle([])]), {}, { sticky: false });
    const body = render(result([bundle([])], notices), {}, { sticky: false, budget: without.length + 200 });
    expect(body).toContain('\n\n_20 repository notices: see the job summary._\n\n');
    expect(body).not.toContain('<details><summary>20 repository notices');
    expect(body).toContain(LEFT_OUT);
  });
});

describe('one bundle', () => {
  it('has no line about bundles the pull request did not touch, even when it was not touched', () => {
    const body = render(result([bundle(lows(1))]), { touched: new Set() });
    expect(body).not.toContain('did not touch');
    expect(body).not.toContain('without blockers');
  });
});
