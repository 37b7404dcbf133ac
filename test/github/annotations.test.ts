import type { AnnotationProperties } from '@actions/core';
import { describe, expect, it } from 'vitest';
import { annotate, type AnnotationLevel } from '../../src/github/annotations.js';
import { bundle, finding, result } from './factory.js';

function recorder() {
  const calls: { level: AnnotationLevel; message: string; props: AnnotationProperties }[] = [];
  const sink = {
    error: (message: string, props: AnnotationProperties) => calls.push({ level: 'error', message, props }),
    warning: (message: string, props: AnnotationProperties) => calls.push({ level: 'warning', message, props }),
    notice: (message: string, props: AnnotationProperties) => calls.push({ level: 'notice', message, props }),
  };
  return { calls, sink };
}

describe('annotations', () => {
  it('annotates each finding at its repository path, most severe first', () => {
    const r = result(
      [
        bundle(
          [
            finding('low-one', 'low', 'databricks.yml', 4),
            finding('crit', 'critical', 'resources/train.yml', 24, { fix: { text: 'Declare the artifact.' } }),
            finding('med', 'medium', '../shared/lib.py', 2),
          ],
          { root: 'bundles/em' },
        ),
      ],
      [finding('config-invalid', 'high', '.dab-ready.yml', 3)],
    );
    const { calls, sink } = recorder();
    expect(annotate(r, { sink, prefix: 'services' })).toEqual({ emitted: 4, omitted: 0 });
    expect(calls.map((c) => [c.level, c.props.file, c.props.startLine])).toEqual([
      ['error', 'services/bundles/em/resources/train.yml', 24],
      ['warning', 'services/.dab-ready.yml', 3], // high, below the default fail-on critical
      ['warning', 'services/bundles/shared/lib.py', 2],
      ['notice', 'services/bundles/em/databricks.yml', 4],
    ]);
    expect(calls[0].props.title).toBe('Crit (dab-ready crit, critical)');
    expect(calls[0].message).toBe(
      'crit at resources/train.yml:24 [targets: dev]\nFix: Declare the artifact.\nRule: https://github.com/dab-ready/dab-ready/blob/main/docs/checks/README.md',
    );
  });

  it('agrees with the gate: errors exactly for findings at or above fail-on that are not in the baseline', () => {
    const findings = [
      finding('wheel-not-built', 'critical', 'a.yml', 1),
      finding('wheel-not-built', 'critical', 'b.yml', 1, { existing: true }),
      finding('h', 'high', 'c.yml', 1),
      finding('m', 'medium', 'd.yml', 1),
      finding('l', 'low', 'e.yml', 1),
    ];
    const levels = (failOn: 'critical' | 'high' | 'medium' | 'none') => {
      const { calls, sink } = recorder();
      annotate(result([bundle(findings)]), { sink, prefix: '', failOn });
      return Object.fromEntries(calls.map((c) => [c.props.file, c.level]));
    };
    expect(levels('critical')).toEqual({ 'a.yml': 'error', 'b.yml': 'warning', 'c.yml': 'warning', 'd.yml': 'warning', 'e.yml': 'notice' });
    expect(levels('high')).toEqual({ 'a.yml': 'error', 'b.yml': 'warning', 'c.yml': 'error', 'd.yml': 'warning', 'e.yml': 'notice' });
    expect(levels('medium')).toEqual({ 'a.yml': 'error', 'b.yml': 'warning', 'c.yml': 'error', 'd.yml': 'error', 'e.yml': 'notice' });
    expect(Object.values(levels('none'))).not.toContain('error');
    const { calls, sink } = recorder();
    annotate(result([bundle(findings)]), { sink, prefix: '' });
    expect(calls.find((c) => c.props.file === 'a.yml')!.props.title).toBe('Wheel tasks get a wheel that deploy builds and attaches (dab-ready wheel-not-built, critical)');
  });

  it('stays within 10 per level and counts the rest in one notice pointing to SARIF and the summary', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, i) => finding('crit', 'critical', `r${String(i).padStart(2, '0')}.yml`, i + 1)),
      ...Array.from({ length: 3 }, (_, i) => finding('med', 'medium', `m${i}.yml`, 1)),
      ...Array.from({ length: 12 }, (_, i) => finding('low', 'low', `l${String(i).padStart(2, '0')}.yml`, 1)),
    ];
    const { calls, sink } = recorder();
    const outcome = annotate(result([bundle(findings)]), { sink, prefix: '', budget: { error: 9 }, elsewhere: 'the job summary and dab-ready.sarif' });
    const count = (level: AnnotationLevel) => calls.filter((c) => c.level === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([9, 3, 10]);
    expect(outcome).toEqual({ emitted: 21, omitted: 8 });
    const last = calls.at(-1)!;
    expect(last.level).toBe('notice');
    expect(last.message).toBe('8 more dab-ready findings are not annotated (GitHub shows 10 per level per step): see the job summary and dab-ready.sarif.');
    // the most severe are the ones shown: the first 9 critical files in order
    expect(calls.filter((c) => c.level === 'error').map((c) => c.props.file)).toEqual(Array.from({ length: 9 }, (_, i) => `r${String(i).padStart(2, '0')}.yml`));
  });

  it('annotates a finding without a location without a file', () => {
    const { calls, sink } = recorder();
    annotate(result([bundle([{ check: 'validate-failed', severity: 'high', message: 'validate failed', targets: [], phases: [] }])]), { sink, prefix: '' });
    expect(calls[0].props).toEqual({ title: 'Validate failed (dab-ready validate-failed, high)', file: undefined, startLine: undefined, startColumn: undefined });
  });
});
