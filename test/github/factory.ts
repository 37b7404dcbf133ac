// Small hand-built results for the github tests (the engine is exercised by the e2e test).
import type { BundleResult, Finding, Result, Severity } from '../../src/model.js';
import { SEVERITIES } from '../../src/model.js';

export function finding(check: string, severity: Severity, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { check, severity, message: `${check} at ${file}:${line}`, loc: { file, line, column: 1 }, targets: ['dev'], phases: [], ...extra };
}

export function bundle(findings: Finding[], extra: Partial<BundleResult> = {}): BundleResult {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const checks = [...new Set(findings.map((f) => f.check))];
  return {
    root: '.',
    name: 'entity_matching',
    targets: ['dev'],
    defaultTarget: 'dev',
    score: counts.critical ? 60 : 90,
    targetScores: { dev: counts.critical ? 60 : 90 },
    ready: counts.critical === 0,
    counts,
    phases: [
      { id: '0', name: 'Phase 0: Setup', order: 0, status: 'ready', resources: [], jobs: ['setup'], files: [], checklist: [{ text: 'all good', ok: true }], dependsOn: [] },
      { id: '1', name: 'Phase 1: Training', order: 1, status: counts.critical ? 'blocked' : 'ready', resources: [], jobs: ['train'], files: [], checklist: [], dependsOn: ['0'] },
    ],
    findings,
    passed: [],
    effort: {
      rows: checks.map((c) => ({ check: c, title: c, severity: findings.find((f) => f.check === c)!.severity, hours: 1 })),
      criticalPath: 1,
      withHigh: 2,
      full: 3,
    },
    verification: [],
    suppressed: 0,
    ...extra,
  };
}

export function result(bundles: BundleResult[], notices: Finding[] = []): Result {
  return { schemaVersion: 1, tool: { name: 'dab-ready', version: '0.1.0' }, path: '.', bundles, notices };
}
