import { describe, expect, it } from 'vitest';
import type { VerificationStep } from '../../src/model.js';
import { buildBundleResult } from '../../src/readiness/index.js';
import { bundle, finding, seedChecks, seedResources } from './helpers.js';

describe('buildBundleResult', () => {
  const build = (over: Partial<Parameters<typeof buildBundleResult>[0]> = {}) =>
    buildBundleResult({ bundle: bundle({ resources: seedResources }), findings: [], config: { ignore: [], severity: {} }, verification: [], analysedTargets: ['prod', 'dev'], suppressed: 0, checks: seedChecks, ...over });

  it('names the bundle root "." and its root file relative to the root, with forward slashes', () => {
    const at = (relRoot: string, root: string, rootFile: string) => {
      const b = bundle({ resources: seedResources, relRoot });
      b.root = root;
      b.rootFile = rootFile;
      return build({ bundle: b });
    };
    expect(at('', '/repo', 'databricks.yml')).toMatchObject({ root: '.', rootFile: 'databricks.yml' });
    expect(at('bundles/ml', '/repo/bundles/ml', '/repo/bundles/ml/conf/databricks.yaml')).toMatchObject({ root: 'bundles/ml', rootFile: 'conf/databricks.yaml' });
    expect(at('.', '/repo', '')).toMatchObject({ rootFile: 'databricks.yml' });
  });

  it('keeps its own copies of the analysed targets and the verification steps, in the order given', () => {
    const targets = ['prod', 'dev'];
    const verification: VerificationStep[] = [{ step: 'build', subject: '.', status: 'passed', durationMs: 1, command: 'python -m build', detail: 'built' }];
    const r = build({ analysedTargets: targets, verification, suppressed: 4 });
    targets.push('staging');
    verification.pop();
    expect(r.targets).toEqual(['prod', 'dev']);
    expect(r.verification).toHaveLength(1);
    expect(r.suppressed).toBe(4);
    expect(r.name).toBe('entity_matching');
    expect(r.defaultTarget).toBe('dev');
  });

  it('sorts the findings without changing the list it was given, and folds them into every part of the result', () => {
    const findings = [finding('cli-init-missing', 'low'), finding('wheel-not-built', 'critical', { targets: ['prod'], resources: ['jobs.train_ditto'] })];
    const r = build({ findings });
    expect(findings.map((f) => f.check)).toEqual(['cli-init-missing', 'wheel-not-built']);
    expect(r.findings.map((f) => [f.check, f.phases])).toEqual([
      ['wheel-not-built', ['2']],
      ['cli-init-missing', []],
    ]);
    expect(r).toMatchObject({
      score: 89,
      targetScores: { dev: 99, prod: 89 },
      ready: false,
      counts: { critical: 1, high: 0, medium: 0, low: 1, info: 0 },
      effort: { criticalPath: 0.5, withHigh: 0.5, full: 1 },
    });
    expect(r.passed.map((p) => p.check)).not.toContain('wheel-not-built');
    expect(r.phases.find((p) => p.id === '2')?.status).toBe('blocked');
  });
});
