import { describe, expect, it } from 'vitest';
import { buildBundleResult } from '../../src/readiness/index.js';
import { CheckCatalog } from '../../src/readiness/check-info.js';
import { appliesTo, compareFindings, effortTable, headlineScore, isReady, passedChecks, roundHours, severityCounts, targetScore, targetScores } from '../../src/readiness/score.js';
import type { DabReadyConfig, Finding, Loc, Severity } from '../../src/model.js';
import { bundle, check, finding, seedChecks, seedFindings, seedResources } from './helpers.js';

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

describe('ready: only a critical finding on an analysed target makes a bundle not ready', () => {
  it('a low or info finding never flips ready to not ready, nor does a high or medium one', () => {
    for (const severity of ['high', 'medium', 'low', 'info'] as const) {
      expect(isReady([finding('x', severity)], ['dev']), severity).toBe(true);
    }
    expect(isReady([finding('x', 'critical')], ['dev'])).toBe(false);
  });

  it('a critical finding on a target that was not analysed leaves the bundle ready; one on no particular target does not', () => {
    expect(isReady([finding('x', 'critical', { targets: ['prod'] })], ['dev'])).toBe(true);
    expect(isReady([finding('x', 'critical', { targets: ['staging', 'prod'] })], ['dev', 'prod'])).toBe(false);
    expect(isReady([finding('x', 'critical', { targets: [] })], ['dev'])).toBe(false);
  });

  it('with no analysed target, any critical finding makes it not ready', () => {
    expect(isReady([finding('x', 'critical', { targets: ['prod'] })], [])).toBe(false);
    expect(isReady([finding('x', 'high', { targets: ['prod'] })], [])).toBe(true);
  });
});

describe('headline score', () => {
  it('is the worst analysed target', () => {
    expect(headlineScore({ dev: 80, prod: 70, staging: 90 }, [finding('x', 'critical', { targets: [] })])).toBe(70);
  });

  it('with no analysed target, is the score of the bundle-wide findings (never Infinity)', () => {
    expect(headlineScore({}, [])).toBe(100);
    const findings = [finding('a', 'high', { targets: [] }), finding('b', 'critical', { targets: ['dev'] })];
    expect(headlineScore({}, findings)).toBe(95);
  });

  it('scores targets in name order, each on the findings that apply to it', () => {
    const scores = targetScores([finding('a', 'high', { targets: ['prod'] }), finding('b', 'low', { targets: [] })], ['prod', 'dev']);
    expect(Object.entries(scores)).toEqual([
      ['dev', 99],
      ['prod', 94],
    ]);
  });

  it('a finding applies to the targets it names, or to every target when it names none', () => {
    expect(appliesTo(finding('a', 'high', { targets: ['dev'] }), 'dev')).toBe(true);
    expect(appliesTo(finding('a', 'high', { targets: ['dev'] }), 'prod')).toBe(false);
    expect(appliesTo(finding('a', 'high', { targets: [] }), 'prod')).toBe(true);
  });
});

describe('the one order of findings', () => {
  const base = finding('b-check', 'high', { file: 'b.yml', line: 5, message: 'm', targets: ['dev'] });
  const at = (loc: Partial<Loc>) => ({ ...base, loc: { ...base.loc!, ...loc } });

  it('orders by severity, then file, line, column, check, message and targets, each deciding only on a tie', () => {
    const pairs: [Finding, Finding][] = [
      [{ ...base, severity: 'critical' }, { ...base, severity: 'high', loc: { file: 'a.yml', line: 1, column: 1 } }],
      [at({ file: 'a.yml', line: 9 }), base],
      [at({ line: 4, column: 9 }), base],
      [at({ column: 0 }), base],
      [{ ...base, check: 'a-check', message: 'z' }, base],
      [{ ...base, message: 'l' }, base],
      [{ ...base, targets: ['a'] }, base],
    ];
    for (const [first, second] of pairs) {
      expect(compareFindings(first, second), JSON.stringify(first)).toBeLessThan(0);
      expect(compareFindings(second, first), JSON.stringify(first)).toBeGreaterThan(0);
    }
    expect(compareFindings(base, { ...base })).toBe(0);
  });

  it('sorts a finding without a place before those with one of the same severity', () => {
    const unplaced = finding('z-check', 'high', { message: 'z' });
    expect(compareFindings(unplaced, base)).toBeLessThan(0);
    expect(compareFindings(base, unplaced)).toBeGreaterThan(0);
    // whatever the file's name: one starting with '.' or a capital still sorts after no file
    for (const file of ['.github/workflows/ci.yml', 'A.yml']) {
      expect(compareFindings(unplaced, at({ file })), file).toBeLessThan(0);
      expect(compareFindings(at({ file }), unplaced), file).toBeGreaterThan(0);
    }
  });

  it('findings that differ only in their targets are ordered by the target list, never equal', () => {
    const twoTargets = { ...base, targets: ['a', 'b'] };
    const oneTarget = { ...base, targets: ['ab'] };
    expect(compareFindings(twoTargets, oneTarget)).toBeLessThan(0);
    expect(compareFindings(oneTarget, twoTargets)).toBeGreaterThan(0);
  });
});

describe('effort', () => {
  const catalog = new CheckCatalog(seedChecks);

  it('orders rows by worst severity, then the registry order, then unknown checks by id', () => {
    const effort = effortTable(
      [
        finding('zz-unknown', 'high'),
        finding('aa-unknown', 'high'),
        finding('local-vector-search', 'high'),
        finding('vector-search-endpoint-missing', 'high'),
        finding('cli-init-missing', 'low'),
        finding('cli-init-missing', 'critical'),
        finding('wheel-not-built', 'critical'),
      ],
      catalog,
    );
    expect(effort.rows.map((r) => [r.check, r.severity])).toEqual([
      ['wheel-not-built', 'critical'],
      ['cli-init-missing', 'critical'],
      ['vector-search-endpoint-missing', 'high'],
      ['local-vector-search', 'high'],
      ['aa-unknown', 'high'],
      ['zz-unknown', 'high'],
    ]);
  });

  it('orders unknown checks of one severity by id, whatever order their findings came in', () => {
    const ids = ['mm-unknown', 'zz-unknown', 'aa-unknown'];
    for (const order of [ids, [...ids].reverse(), [ids[1], ids[2], ids[0]]]) {
      const effort = effortTable(order.map((id) => finding(id, 'medium')), catalog);
      expect(effort.rows.map((r) => r.check), order.join(' ')).toEqual(['aa-unknown', 'mm-unknown', 'zz-unknown']);
    }
  });

  it('sums the critical path, critical with high, and everything, each rounded to hundredths', () => {
    const hours = (id: string, h: number, severity: Severity) => check(id, 'Entry Points', severity, h, id);
    const own = new CheckCatalog([hours('c1', 0.1, 'critical'), hours('c2', 0.2, 'critical'), hours('h', 1.15, 'high'), hours('m', 2, 'medium'), hours('l', 0.005, 'low')]);
    const effort = effortTable(
      [finding('c1', 'critical'), finding('c2', 'critical'), finding('h', 'high'), finding('m', 'medium'), finding('l', 'low')],
      own,
    );
    expect(effort.criticalPath).toBe(0.3);
    expect(effort.withHigh).toBe(1.45);
    expect(effort.full).toBe(3.46);
    expect(roundHours(0.1 + 0.2)).toBe(0.3);
    expect(roundHours(2.345)).toBe(2.35);
  });
});

describe('counts and passed checks', () => {
  it('counts findings per severity, every severity present', () => {
    expect(severityCounts([finding('a', 'high'), finding('b', 'high'), finding('c', 'info')])).toEqual({ critical: 0, high: 2, medium: 0, low: 0, info: 1 });
  });

  it('lists the checks of the catalog without a finding, in registry order, with their success message and category', () => {
    const passed = passedChecks([finding('wheel-not-built', 'critical')], new CheckCatalog(seedChecks.slice(0, 3)), { 'vector-search-endpoint-missing': 'high' });
    expect(passed).toEqual([
      { check: 'entry-point-missing', title: 'Entry points missing', message: 'Entry points missing: OK', category: 'Entry Points' },
      {
        check: 'vector-search-endpoint-missing',
        title: 'Vector Search endpoint not created',
        message: 'Vector Search endpoint not created: OK',
        category: 'Vector Search Endpoints',
      },
    ]);
  });
});
