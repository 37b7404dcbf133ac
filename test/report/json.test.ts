import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { seedChecks } from '../readiness/helpers.js';
import { seedResult } from './results.js';

const zeroDurations = (json: string) => json.replace(/"durationMs": \d+/g, '"durationMs": 0');

describe('renderJson', () => {
  it('is byte-identical for identical input, and differs only in durations across runs', () => {
    const a = renderJson(seedResult({ durationMs: 1200 }), { checks: seedChecks });
    const b = renderJson(seedResult({ durationMs: 1200 }), { checks: seedChecks });
    expect(a).toBe(b);
    const c = renderJson(seedResult({ durationMs: 98765 }), { checks: seedChecks });
    expect(c).not.toBe(a);
    expect(zeroDurations(c)).toBe(zeroDurations(a));
  });

  it('has the documented key set, in order', () => {
    const json = JSON.parse(renderJson(seedResult(), { checks: seedChecks }));
    expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'bundles', 'notices']);
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: 'dab-ready', version: '0.1.0' });
    const bundle = json.bundles[0];
    expect(Object.keys(bundle)).toEqual([
      'root', 'name', 'targets', 'defaultTarget', 'score', 'targetScores', 'ready', 'counts', 'phases', 'findings', 'passed', 'effort', 'verification', 'suppressed',
    ]);
    expect(Object.keys(bundle.counts)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(Object.keys(bundle.phases[0])).toEqual(['id', 'name', 'status', 'jobs', 'dependsOn']);
    expect(Object.keys(bundle.findings[0])).toEqual([
      'check', 'severity', 'category', 'message', 'file', 'line', 'column', 'targets', 'resource', 'resources', 'phases', 'evidence', 'impact', 'fix', 'effortHours',
      'fingerprint', 'rulePage',
    ]);
    expect(Object.keys(bundle.effort)).toEqual(['rows', 'criticalPath', 'withHigh', 'full']);
    expect(Object.keys(bundle.verification[1])).toEqual(['step', 'target', 'subject', 'status', 'durationMs', 'command', 'detail']);
    expect(Object.keys(json.notices[0])).toEqual(Object.keys(bundle.findings[0]));
  });

  it('carries the readiness values: score, effort totals, phases, categories', () => {
    const bundle = JSON.parse(renderJson(seedResult(), { checks: seedChecks })).bundles[0];
    expect(bundle.score).toBe(65);
    expect(bundle.ready).toBe(false);
    expect(bundle.targetScores).toEqual({ dev: 65, prod: 65 });
    expect([bundle.effort.criticalPath, bundle.effort.withHigh, bundle.effort.full]).toEqual([2.5, 8.5, 18]);
    expect(bundle.phases.find((p: { id: string }) => p.id === '2')).toEqual({ id: '2', name: 'Phase 2: Training', status: 'blocked', jobs: ['train_ditto'], dependsOn: ['0', '1'] });
    const entry = bundle.findings.find((f: { check: string }) => f.check === 'entry-point-missing');
    expect(entry).toMatchObject({ category: 'Entry Points', effortHours: 2, resource: 'jobs.train_ditto', phases: ['2'], line: 48, column: 1 });
    expect(entry.fix.patch).toContain('[project.scripts]');
    const bundleWide = bundle.findings.find((f: { check: string }) => f.check === 'cli-init-missing');
    expect(bundleWide).toMatchObject({ file: null, line: null, column: null, resource: null, evidence: null, fix: null });
    expect(bundle.suppressed).toBe(1);
  });

  it('writes files relative to the analysed path, POSIX and normalised', () => {
    const json = JSON.parse(renderJson(seedResult({ relRoot: 'bundles/matching' }), { checks: seedChecks }));
    expect(json.bundles[0].root).toBe('bundles/matching');
    expect(json.bundles[0].findings[0].file).toBe('bundles/matching/resources/jobs_phase2_training.yml');
    expect(json.notices[0].file).toBe('.dab-ready.yml');
  });

  it('includes verified/validateAgrees only when set', () => {
    const result = seedResult();
    result.bundles[0].findings[0] = { ...result.bundles[0].findings[0], verified: true, validateAgrees: false };
    const findings = JSON.parse(renderJson(result, { checks: seedChecks })).bundles[0].findings;
    expect(findings[0].verified).toBe(true);
    expect(findings[0].validateAgrees).toBe(false);
    expect('verified' in findings[1]).toBe(false);
  });
});
