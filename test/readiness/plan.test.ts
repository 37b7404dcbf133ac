import { describe, expect, it } from 'vitest';
import type { BundleResult, Finding } from '../../src/model.js';
import { buildActionPlan } from '../../src/readiness/plan.js';
import { finding, seedChecks } from './helpers.js';

// The recommended action plan: failing checks grouped into steps by severity, each with its effort
// and the first lines of the fix of its first finding.

function planOf(rows: BundleResult['effort']['rows'], findings: Finding[]) {
  const bundle = { effort: { rows, criticalPath: 0, withHigh: 0, full: 0 }, findings } as unknown as BundleResult;
  return buildActionPlan(bundle, seedChecks);
}

describe('buildActionPlan', () => {
  it('one step per severity band that has something to do, in order, with the steps’ hours summed to hundredths', () => {
    const steps = planOf(
      [
        { check: 'entry-point-missing', title: 'Entry points missing', severity: 'critical', hours: 2 },
        { check: 'wheel-not-built', title: 'Wheel not built', severity: 'critical', hours: 0.1 },
        { check: 'model-registry', title: 'Model not registered', severity: 'medium', hours: 0.2 },
        { check: 'cli-init-missing', title: 'No Databricks CLI init script', severity: 'low', hours: 0.5 },
        { check: 'x-info', title: 'An info', severity: 'info', hours: 0.25 },
      ],
      [],
    );
    expect(steps.map((s) => [s.title, s.when, s.severities, s.hours, s.items.map((i) => i.check)])).toEqual([
      ['Unblock Deployment', 'DO FIRST', ['critical'], 2.1, ['entry-point-missing', 'wheel-not-built']],
      ['Production Hardening', 'THEN DO', ['medium'], 0.2, ['model-registry']],
      ['Enhancements (Optional)', 'WHEN TIME ALLOWS', ['low', 'info'], 0.75, ['cli-init-missing', 'x-info']],
    ]);
    expect(planOf([{ check: 'local-vector-search', title: 't', severity: 'high', hours: 4 }], [])[0]).toMatchObject({ title: 'Fix High Priority Gaps', when: 'DO NEXT' });
    expect(planOf([], [])).toEqual([]);
  });

  it('an item counts the check’s findings and lists up to three actions from the first fix, without list markers', () => {
    const fix = (text: string) => ({ fix: { text } });
    const [step] = planOf(
      [{ check: 'entry-point-missing', title: 'Entry points missing', severity: 'critical', hours: 2 }],
      [
        finding('entry-point-missing', 'critical', { message: 'no fix' }),
        finding('wheel-not-built', 'critical', fix('not this check')),
        finding('entry-point-missing', 'critical', fix('- declare it\n\n  2. build the wheel\n* 3) rerun\n4. not shown')),
        finding('entry-point-missing', 'critical', fix('a later fix')),
      ],
    );
    expect(step.items).toEqual([
      { check: 'entry-point-missing', title: 'Entry points missing', severity: 'critical', hours: 2, findings: 3, actions: ['declare it', 'build the wheel', '3) rerun'] },
    ]);
  });

  it('an item with no fix has no actions; a row without a title takes the catalog’s', () => {
    const [step] = planOf([{ check: 'wheel-not-built', title: '', severity: 'critical', hours: 0.5 }], [finding('wheel-not-built', 'critical')]);
    expect(step.items[0]).toMatchObject({ title: 'Wheel not built', actions: [], findings: 1 });
  });
});
