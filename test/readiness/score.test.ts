import { describe, expect, it } from 'vitest';
import { buildBundleResult } from '../../src/readiness/index.js';
import { CheckCatalog } from '../../src/readiness/check-info.js';
import { effortTable, targetScore } from '../../src/readiness/score.js';
import type { DabReadyConfig } from '../../src/model.js';
import { bundle, finding, seedChecks, seedFindings, seedResources } from './helpers.js';

const config: DabReadyConfig = { ignore: [], severity: {} };
const seedBundle = () => bundle({ resources: seedResources });

function seedResult() {
  return buildBundleResult({
    bundle: seedBundle(),
    findings: seedFindings(),
    config,
    verification: [],
    analysedTargets: ['dev', 'prod'],
    suppressed: 0,
    checks: seedChecks,
  });
}

describe('score', () => {
  it('deducts once per failing check, by its worst severity, not per finding', () => {
    const findings = [
      finding('a', 'high', { file: 'x.yml', line: 1 }),
      finding('a', 'high', { file: 'x.yml', line: 2 }),
      finding('a', 'critical', { file: 'x.yml', line: 3 }),
      finding('b', 'medium'),
      finding('c', 'low'),
      finding('d', 'info'),
    ];
    // a: critical 10, b: medium 3, c: low 1, d: info 0
    expect(targetScore(findings, 'dev')).toBe(100 - 10 - 3 - 1);
  });

  it('scores each target on its own findings and heads with the worst target', () => {
    const result = buildBundleResult({
      bundle: seedBundle(),
      findings: [finding('wheel-not-built', 'critical', { targets: ['prod'] }), finding('cli-init-missing', 'low', { targets: ['dev', 'prod'] })],
      config,
      verification: [],
      analysedTargets: ['dev', 'prod'],
      suppressed: 0,
      checks: seedChecks,
    });
    expect(result.targetScores).toEqual({ dev: 99, prod: 89 });
    expect(result.score).toBe(89);
    expect(result.ready).toBe(false);
  });

  it('treats a finding without targets as applying to every target', () => {
    expect(targetScore([finding('x', 'high', { targets: [] })], 'staging')).toBe(95);
  });

  it('never goes below zero', () => {
    const many = Array.from({ length: 15 }, (_, i) => finding(`check-${i}`, 'critical'));
    expect(targetScore(many, 'dev')).toBe(0);
  });

  it('is 100 and ready with no findings, and lists every check as passed', () => {
    const result = buildBundleResult({ bundle: seedBundle(), findings: [], config, verification: [], analysedTargets: ['dev'], suppressed: 0, checks: seedChecks });
    expect(result.score).toBe(100);
    expect(result.ready).toBe(true);
    expect(result.passed.map((p) => p.check)).toEqual(seedChecks.map((c) => c.id));
    expect(result.effort).toEqual({ rows: [], criticalPath: 0, withHigh: 0, full: 0 });
  });
});

describe('the seed project', () => {
  it('gives the seed effort totals: critical path 2.5 h, with high 8.5 h, full 18 h', () => {
    const result = seedResult();
    expect(result.effort.criticalPath).toBe(2.5);
    expect(result.effort.withHigh).toBe(8.5);
    expect(result.effort.full).toBe(18);
    expect(result.effort.rows.map((r) => [r.check, r.severity, r.hours])).toEqual([
      ['entry-point-missing', 'critical', 2],
      ['wheel-not-built', 'critical', 0.5],
      ['vector-search-endpoint-missing', 'high', 2],
      ['local-vector-search', 'high', 4],
      ['library-deps-inconsistent', 'medium', 1],
      ['dlt-pipeline-disabled', 'low', 8],
      ['cli-init-missing', 'low', 0.5],
    ]);
  });

  it('counts the seed blockers and scores it', () => {
    const result = seedResult();
    expect(result.counts).toEqual({ critical: 2, high: 2, medium: 1, low: 2, info: 0 });
    // 2×critical 20, 2×high 10, medium 3, 2×low 2
    expect(result.score).toBe(100 - 20 - 10 - 3 - 2);
    expect(result.ready).toBe(false);
    expect(result.passed.map((p) => p.check)).toEqual(['sync-excludes-source', 'model-registry']);
    expect(result.passed[0]).toEqual({
      check: 'sync-excludes-source',
      title: 'Source excluded from sync',
      message: 'Source excluded from sync: OK',
      category: 'File Sync Configuration',
    });
  });

  it('sorts findings by severity, then file, line, column, check', () => {
    const shuffled = seedFindings().reverse();
    const result = buildBundleResult({ bundle: seedBundle(), findings: shuffled, config, verification: [], analysedTargets: ['dev', 'prod'], suppressed: 0, checks: seedChecks });
    expect(result.findings.map((f) => f.check)).toEqual([
      'wheel-not-built', // phase2 line 40
      'entry-point-missing', // phase2 line 48
      'local-vector-search', // phase3
      'vector-search-endpoint-missing', // phase4
      'library-deps-inconsistent',
      'cli-init-missing', // no file sorts first
      'dlt-pipeline-disabled',
    ]);
    expect(JSON.stringify(result)).toBe(JSON.stringify(seedResult()));
  });

  it('counts an effort row once per check even with several findings, and uses defaults for unknown checks', () => {
    const catalog = new CheckCatalog(seedChecks);
    const effort = effortTable(
      [
        finding('entry-point-missing', 'critical', { file: 'a.yml' }),
        finding('entry-point-missing', 'critical', { file: 'b.yml' }),
        finding('config-invalid', 'high', { file: 'databricks.yml' }),
      ],
      catalog,
    );
    expect(effort.rows).toEqual([
      { check: 'entry-point-missing', title: 'Entry points missing', severity: 'critical', hours: 2 },
      { check: 'config-invalid', title: 'Config invalid', severity: 'high', hours: 0.5 },
    ]);
    expect(effort.criticalPath).toBe(2);
    expect(effort.withHigh).toBe(2.5);
    expect(catalog.info('config-invalid').category).toBe('Bundle Configuration');
  });

  it('does not claim a check turned off in the config as passed', () => {
    const result = buildBundleResult({
      bundle: seedBundle(),
      findings: [],
      config: { ignore: [], severity: { 'model-registry': 'off' } },
      verification: [],
      analysedTargets: ['dev'],
      suppressed: 3,
      checks: seedChecks,
    });
    expect(result.passed.map((p) => p.check)).not.toContain('model-registry');
    expect(result.suppressed).toBe(3);
  });
});
