// Readiness score, counts, effort and the list of passed checks: pure folds over findings.
import type { BundleResult, EffortRow, Finding, Severity } from '../model.js';
import { SEVERITIES, severityRank } from '../model.js';
import type { CheckCatalog } from './check-info.js';
import { worst } from './phases.js';

/** Points a failing check costs, by the worst severity of its open findings on the target. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

/** A finding with no targets is bundle-wide: it applies to every analysed target. */
export function appliesTo(finding: Finding, target: string): boolean {
  return finding.targets.length === 0 || finding.targets.includes(target);
}

/** 100 − Σ over checks with ≥1 open finding on `target` of the weight of their worst severity; ≥ 0. */
export function targetScore(findings: Finding[], target: string): number {
  const worstByCheck = new Map<string, Severity>();
  for (const f of findings) {
    if (!appliesTo(f, target)) continue;
    const prev = worstByCheck.get(f.check);
    worstByCheck.set(f.check, prev ? worst([prev, f.severity]) : f.severity);
  }
  let score = 100;
  for (const severity of worstByCheck.values()) score -= SEVERITY_WEIGHT[severity];
  return Math.max(0, score);
}

export function targetScores(findings: Finding[], analysedTargets: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [...analysedTargets].sort()) out[t] = targetScore(findings, t);
  return out;
}

/** The headline: the worst analysed target (a change that breaks only prod shows). */
export function headlineScore(scores: Record<string, number>, findings: Finding[]): number {
  const values = Object.values(scores);
  if (values.length > 0) return Math.min(...values);
  // No analysed target: a target no finding names, so only the bundle-wide findings count.
  return targetScore(findings, '');
}

export function isReady(findings: Finding[], analysedTargets: string[]): boolean {
  return !findings.some(
    (f) => f.severity === 'critical' && (f.targets.length === 0 || analysedTargets.length === 0 || f.targets.some((t) => analysedTargets.includes(t))),
  );
}

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** One row per failing check (its effort counted once), by severity then report order. */
export function effortTable(findings: Finding[], catalog: CheckCatalog): BundleResult['effort'] {
  const byCheck = new Map<string, Severity[]>();
  for (const f of findings) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f.severity]);
  const rows: (EffortRow & { order: number })[] = [...byCheck.entries()].map(([check, severities]) => {
    const severity = worst(severities);
    const info = catalog.info(check, severity);
    return { check, title: info.title, severity, hours: info.effortHours, order: info.order };
  });
  rows.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.order - b.order || cmp(a.check, b.check));
  const sum = (pred: (s: Severity) => boolean) => roundHours(rows.filter((r) => pred(r.severity)).reduce((n, r) => n + r.hours, 0));
  return {
    rows: rows.map(({ order: _order, ...row }) => row),
    criticalPath: sum((s) => s === 'critical'),
    withHigh: sum((s) => s === 'critical' || s === 'high'),
    full: sum(() => true),
  };
}

export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Checks of the catalog with no open finding (checks turned `off` in the config are not claimed as passed). */
export function passedChecks(
  findings: Finding[],
  catalog: CheckCatalog,
  severityConfig: Record<string, Severity | 'off'>,
): BundleResult['passed'] {
  const failing = new Set(findings.map((f) => f.check));
  return catalog
    .all()
    .filter((c) => !failing.has(c.id) && severityConfig[c.id] !== 'off')
    .map((c) => ({ check: c.id, title: c.title, message: c.successMessage, category: c.category }));
}

/** Severity, file, line, column, check, message: the one order every report uses. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    cmp(a.loc?.file ?? '', b.loc?.file ?? '') ||
    (a.loc?.line ?? 0) - (b.loc?.line ?? 0) ||
    (a.loc?.column ?? 0) - (b.loc?.column ?? 0) ||
    cmp(a.check, b.check) ||
    cmp(a.message, b.message) ||
    cmp(a.targets.join(','), b.targets.join(','))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
