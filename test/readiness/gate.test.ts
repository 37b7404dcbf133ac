import { describe, expect, it } from 'vitest';
import { buildBundleResult, evaluateGate } from '../../src/readiness/index.js';
import type { Finding, Result } from '../../src/model.js';
import { bundle, finding, seedChecks, seedResources } from './helpers.js';

function resultWith(findings: Finding[], targets = ['dev', 'prod'], notices: Finding[] = []): Result {
  const b = buildBundleResult({
    bundle: bundle({ resources: seedResources, targets }),
    findings,
    config: { ignore: [], severity: {} },
    verification: [],
    analysedTargets: targets,
    suppressed: 0,
    checks: seedChecks,
  });
  return { schemaVersion: 1, tool: { name: 'dab-ready', version: '0.0.0' }, path: '.', bundles: [b], notices };
}

describe('evaluateGate', () => {
  it('fails on a finding that breaks only prod, although the default target dev is clean', () => {
    const result = resultWith([finding('wheel-not-built', 'critical', { targets: ['prod'], file: 'resources/jobs_phase2_training.yml', line: 40 })]);
    expect(result.bundles[0].targetScores.dev).toBe(100);
    const gate = evaluateGate(result, { failOn: 'critical', minScore: 0 });
    expect(gate.passed).toBe(false);
    expect(gate.reasons).toEqual(['entity_matching: 1 finding at or above critical: wheel-not-built (critical) [prod]']);
  });

  it('passes when findings are below fail-on, and fails on the minimum score', () => {
    const result = resultWith([finding('local-vector-search', 'high'), finding('library-deps-inconsistent', 'medium')]);
    expect(evaluateGate(result, { failOn: 'critical', minScore: 0 })).toEqual({ passed: true, reasons: [] });
    const failHigh = evaluateGate(result, { failOn: 'high', minScore: 0 });
    expect(failHigh.passed).toBe(false);
    expect(failHigh.reasons[0]).toContain('local-vector-search (high)');
    const scored = evaluateGate(result, { failOn: 'none', minScore: 95 });
    expect(scored.passed).toBe(false);
    expect(scored.reasons).toEqual(['entity_matching: readiness score 92 (target dev, prod) is below the minimum 95']);
  });

  it('ignores findings on targets that were not analysed, and never fails with fail-on none', () => {
    const result = resultWith([finding('wheel-not-built', 'critical', { targets: ['staging'] })], ['dev']);
    expect(evaluateGate(result, { failOn: 'critical', minScore: 0 }).passed).toBe(true);
    const critical = resultWith([finding('wheel-not-built', 'critical')]);
    expect(evaluateGate(critical, { failOn: 'none', minScore: 0 }).passed).toBe(true);
  });

  it('counts repository notices at or above fail-on', () => {
    const notice = finding('config-invalid', 'high', { targets: [], file: '.dab-ready.yml', line: 2, message: 'bad' });
    const gate = evaluateGate(resultWith([], ['dev'], [notice]), { failOn: 'high', minScore: 0 });
    expect(gate).toEqual({ passed: false, reasons: ['repository: 1 finding at or above high: config-invalid (high)'] });
  });
});
