import { describe, expect, it } from 'vitest';
import { baselineFromResult, compareBundle } from '../../src/github/delta.js';
import { cutAtParagraph, renderJobSummary } from '../../src/github/summary.js';
import { bundle, finding, result } from './factory.js';

const bytes = (t: string) => Buffer.byteLength(t, 'utf8');

describe('job summary', () => {
  it('starts with the gate and the score change, then the full report', () => {
    const head = bundle([finding('crit', 'critical', 'a.yml', 1)]);
    const base = result([bundle([])]);
    const deltas = new Map([['.', compareBundle(head, baselineFromResult(base, 'abcdef'))!]]);
    const text = renderJobSummary({
      result: result([head]),
      gate: { passed: false, reasons: ['entity_matching: 1 finding at or above critical: crit (critical) [dev]'] },
      deltas,
      commentUrls: ['https://github.com/o/r/pull/1#issuecomment-5'],
      notes: ['dab-ready could not comment: read-only token'],
    });
    expect(text.indexOf('**dab-ready gate:** ❌ failed')).toBe(0);
    expect(text).toContain('- entity\\_matching: 1 finding at or above critical: crit (critical) \\[dev\\]');
    expect(text).toContain('readiness 60% (down from 90%)');
    expect(text).toContain('[comment](https://github.com/o/r/pull/1#issuecomment-5)');
    expect(text).toContain('> dab-ready could not comment: read-only token');
    expect(text).toContain('Executive Summary');
  });

  it('keeps the full report, with fewer findings per gap, when all findings do not fit under 1 MiB', () => {
    const evidence = 'line of evidence that is fairly long\n'.repeat(60);
    const findings = Array.from({ length: 1500 }, (_, i) => finding(`check-${i % 50}`, 'high', `r/${i}.yml`, i + 1, { evidence, impact: 'Impact. '.repeat(20) }));
    const input = { result: result([bundle(findings)]), gate: { passed: true, reasons: [] }, deltas: new Map(), elsewhere: 'dab-ready.sarif' };
    const text = renderJobSummary(input);
    expect(bytes(text)).toBeLessThan(1_000_000);
    expect(bytes(text)).toBeGreaterThan(500_000);
    expect(text).not.toContain('this is the short form');
    for (const section of ['Executive Summary', 'Estimated Effort to Fix', 'Recommended Action Plan', 'Conclusion']) expect(text).toContain(section);
    const perGap = Number(/each gap shows at most (\d+) of its findings\. Everything is in dab-ready\.sarif\./.exec(text)![1]);
    expect(perGap).toBeGreaterThan(1);
    expect(perGap).toBeLessThan(30);
    expect(text.match(/_…and \d+ more findings of this check, not shown here\._/g)).toHaveLength(50);
    // the largest count that fits: one more per gap would not
    expect(bytes(renderJobSummary({ ...input, budgetBytes: bytes(text) - 1 }))).toBeLessThan(bytes(text));
  });

  it('falls back to the short form when not even one finding per gap fits', () => {
    const evidence = 'line of evidence that is fairly long\n'.repeat(60);
    const findings = Array.from({ length: 600 }, (_, i) => finding(`check-${i % 300}`, 'high', `r/${i}.yml`, i + 1, { evidence }));
    const text = renderJobSummary({ result: result([bundle(findings)]), gate: { passed: true, reasons: [] }, deltas: new Map(), elsewhere: 'dab-ready.sarif', budgetBytes: 200_000 });
    expect(bytes(text)).toBeLessThan(200_000);
    expect(text).toContain('this is the short form');
    expect(text).toContain('Everything is in dab-ready.sarif.');
  });

  it('writes the full report, untrimmed, when it fits', () => {
    const findings = Array.from({ length: 40 }, (_, i) => finding('check-a', 'high', `r/${i}.yml`, i + 1));
    const text = renderJobSummary({ result: result([bundle(findings)]), gate: { passed: true, reasons: [] }, deltas: new Map() });
    expect(text).not.toMatch(/more findings? of this check|short form|at most/);
    expect(text).toContain('1.40 ');
  });

  it('cuts only at a blank line outside a code block', () => {
    const text = ['# t', '', 'para', '', '```', 'a', '', 'b', '```', '', 'end'].join('\n');
    expect(cutAtParagraph(text, 20)).toBe('# t\n\npara');
    expect(cutAtParagraph(text, 1000)).toBe(['# t', '', 'para', '', '```', 'a', '', 'b', '```'].join('\n'));
  });
});
