import { describe, expect, it } from 'vitest';
import { buildBundleResult, evaluateGate } from '../../src/readiness/index.js';
import type { BundleResult, Finding, Result, Severity } from '../../src/model.js';
import type { GateOptions } from '../../src/readiness/gate.js';
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

describe('evaluateGate: what fails and how it says so', () => {
  const bundleResult = (over: Partial<BundleResult>): BundleResult => ({ ...resultWith([], ['dev', 'prod']).bundles[0], ...over });
  const gateOf = (bundles: BundleResult[], options: GateOptions, notices: Finding[] = []) =>
    evaluateGate({ schemaVersion: 1, tool: { name: 'dab-ready', version: '0' }, path: '.', bundles, notices }, options);

  it('fails at the fail-on severity itself and above it, not below', () => {
    const at = (severity: Severity) => bundleResult({ findings: [finding('x', severity)] });
    expect(gateOf([at('high')], { failOn: 'high', minScore: 0 }).passed).toBe(false);
    expect(gateOf([at('critical')], { failOn: 'high', minScore: 0 }).passed).toBe(false);
    expect(gateOf([at('medium')], { failOn: 'high', minScore: 0 }).passed).toBe(true);
    expect(gateOf([at('info')], { failOn: 'info', minScore: 0 }).passed).toBe(false);
  });

  it('counts a finding with no targets, and every finding when no target was analysed', () => {
    const bundleWide = bundleResult({ findings: [finding('x', 'critical', { targets: [] })] });
    expect(gateOf([bundleWide], { failOn: 'critical', minScore: 0 }).passed).toBe(false);
    const noneAnalysed = bundleResult({ targets: [], findings: [finding('x', 'critical', { targets: ['staging'] })] });
    expect(gateOf([noneAnalysed], { failOn: 'critical', minScore: 0 }).passed).toBe(false);
  });

  it('names a bundle outside the root by its folder, sums a check up once with its worst severity, count and targets', () => {
    const b = bundleResult({
      root: 'bundles/ml',
      findings: [
        finding('wheel-not-built', 'high', { targets: ['prod'] }),
        finding('wheel-not-built', 'critical', { targets: ['dev'] }),
        finding('wheel-not-built', 'high', { targets: ['prod'] }),
        finding('cli-init-missing', 'high', { targets: [] }),
      ],
    });
    expect(gateOf([b], { failOn: 'high', minScore: 0 }).reasons).toEqual([
      'entity_matching (bundles/ml): 4 findings at or above high: wheel-not-built (critical ×3) [dev, prod], cli-init-missing (high)',
    ]);
  });

  it('lists five checks and says how many more there are', () => {
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
    const five = gateOf([bundleResult({ findings: ids.slice(0, 5).map((id) => finding(id, 'critical', { targets: [] })) })], { failOn: 'critical', minScore: 0 });
    expect(five.reasons).toEqual(['entity_matching: 5 findings at or above critical: c1 (critical), c2 (critical), c3 (critical), c4 (critical), c5 (critical)']);
    const seven = gateOf([bundleResult({ findings: ids.map((id) => finding(id, 'critical', { targets: [] })) })], { failOn: 'critical', minScore: 0 });
    expect(seven.reasons).toEqual(['entity_matching: 7 findings at or above critical: c1 (critical), c2 (critical), c3 (critical), c4 (critical), c5 (critical), and 2 more']);
  });

  it('fails on a score below the minimum, not at it, naming the targets with that score (none when no target has it)', () => {
    const b = bundleResult({ score: 80, targetScores: { dev: 90, prod: 80, staging: 80 } });
    expect(gateOf([b], { failOn: 'none', minScore: 80 })).toEqual({ passed: true, reasons: [] });
    expect(gateOf([b], { failOn: 'none', minScore: 81 }).reasons).toEqual(['entity_matching: readiness score 80 (target prod, staging) is below the minimum 81']);
    const headless = bundleResult({ score: 80, targetScores: {} });
    expect(gateOf([headless], { failOn: 'none', minScore: 81 }).reasons).toEqual(['entity_matching: readiness score 80 is below the minimum 81']);
  });

  it('keeps repository notices below fail-on out, and never counts them with fail-on none', () => {
    const notice = finding('config-invalid', 'medium', { targets: [] });
    expect(gateOf([], { failOn: 'high', minScore: 0 }, [notice])).toEqual({ passed: true, reasons: [] });
    expect(gateOf([], { failOn: 'none', minScore: 0 }, [finding('config-invalid', 'critical', { targets: [] })])).toEqual({ passed: true, reasons: [] });
    expect(gateOf([], { failOn: 'medium', minScore: 0 }, [notice, notice]).reasons).toEqual(['repository: 2 findings at or above medium: config-invalid (medium ×2)']);
  });
});
