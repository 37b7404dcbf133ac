import { describe, expect, it } from 'vitest';
import { baselineFromResult, compareBundle } from '../../src/github/delta.js';
import { renderJobSummary, type SummaryInput } from '../../src/github/summary.js';
import type { Result } from '../../src/model.js';
import { bundle, finding, result } from './factory.js';

const bytes = (t: string) => Buffer.byteLength(t, 'utf8');
const input = (r: Result, extra: Partial<SummaryInput> = {}): SummaryInput => ({
  result: r,
  gate: { passed: true, reasons: [] },
  failOn: 'critical',
  deltas: new Map(),
  prefix: '',
  ...extra,
});

describe('job summary', () => {
  it('has the comment structure without its marker, with the gate reasons, notes and the comment link', () => {
    const head = bundle([finding('crit', 'critical', 'a.yml', 1)]);
    const deltas = new Map([['.', compareBundle(head, baselineFromResult(result([bundle([])]), 'abcdef'))!]]);
    const text = renderJobSummary(
      input(result([head]), {
        gate: { passed: false, reasons: ['entity_matching: 1 finding at or above critical: crit (critical) [dev]'] },
        deltas,
        commentUrls: ['https://github.com/o/r/pull/1#issuecomment-5'],
        notes: ['dab-ready could not comment: read-only token'],
      }),
    );
    expect(text.startsWith('### ❌ dab-ready: blocked · score 60/100 (−30 vs base) · ❌ gate failed: 1 finding at or above critical')).toBe(true);
    expect(text).not.toContain('<!-- dab-ready');
    expect(text).toContain('> gate: entity\\_matching: 1 finding at or above critical: crit (critical) \\[dev\\]');
    expect(text).toContain('> dab-ready could not comment: read-only token');
    expect(text).toContain('[Pull request comment](https://github.com/o/r/pull/1#issuecomment-5)');
    expect(text).toContain('**This pull request:** 🆕 1 new · ✅ 0 resolved');
  });

  it('expands every bundle of a monorepo, not only the touched or blocked ones', () => {
    const bundles = Array.from({ length: 4 }, (_, i) => bundle([finding('low-one', 'low', 'x.yml', i + 1)], { root: `b${i}` }));
    const text = renderJobSummary(input(result(bundles)));
    expect(text.match(/^#### /gm)).toHaveLength(4);
  });

  it('stays under 1 MiB with thousands of large findings, using the room', () => {
    const evidence = 'line of evidence that is fairly long\n'.repeat(60);
    const findings = Array.from({ length: 1500 }, (_, i) => finding(`check-${i % 50}`, 'high', `r/${i}.yml`, i + 1, { evidence, impact: 'Impact. '.repeat(20) }));
    const text = renderJobSummary(input(result([bundle(findings)]), { elsewhere: 'dab-ready.sarif' }));
    expect(bytes(text)).toBeLessThan(1_000_000);
    expect(bytes(text)).toBeGreaterThan(500_000);
    expect(text.match(/<details><summary>🟠/g)).toHaveLength(300);
    expect(text).toContain('<details><summary>1200 more findings (1200 high)</summary>');
    expect(text).toContain('- _…and 1150 more in dab-ready.sarif_');
    const smaller = renderJobSummary(input(result([bundle(findings)]), { budgetBytes: 200_000 }));
    expect(bytes(smaller)).toBeLessThan(200_000);
  });
});
