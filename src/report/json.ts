// The JSON contract (schemaVersion 1). Keys are written in a fixed order; identical results give
// byte-identical output (durations are the only run-dependent values).
import type { BundleResult, Check, Finding, Result } from '../model.js';
import { catalogFor, type CheckCatalog } from '../readiness/check-info.js';
import { fingerprint } from './fingerprint.js';
import { locPath } from './paths.js';
import { rulePageUrl } from './rule-links.js';

export interface JsonOptions {
  checks?: readonly Check[];
}

export function renderJson(result: Result, options: JsonOptions = {}): string {
  return JSON.stringify(toJson(result, options), null, 2) + '\n';
}

/** The object `renderJson` serialises (exported for callers that embed it). */
export function toJson(result: Result, options: JsonOptions = {}): unknown {
  const catalog = catalogFor(options.checks);
  return {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    bundles: result.bundles.map((b) => bundleJson(b, catalog)),
    notices: result.notices.map((f) => findingJson(f, undefined, catalog)),
  };
}

function bundleJson(b: BundleResult, catalog: CheckCatalog) {
  return {
    root: b.root,
    name: b.name,
    targets: [...b.targets],
    defaultTarget: b.defaultTarget,
    score: b.score,
    targetScores: Object.fromEntries(Object.keys(b.targetScores).sort().map((t) => [t, b.targetScores[t]])),
    ready: b.ready,
    counts: {
      critical: b.counts.critical,
      high: b.counts.high,
      medium: b.counts.medium,
      low: b.counts.low,
      info: b.counts.info,
    },
    phases: b.phases.map((p) => ({ id: p.id, name: p.name, status: p.status, jobs: [...p.jobs], dependsOn: [...p.dependsOn] })),
    findings: b.findings.map((f) => findingJson(f, b, catalog)),
    passed: b.passed.map((p) => ({ check: p.check, title: p.title, message: p.message, category: p.category })),
    effort: {
      rows: b.effort.rows.map((r) => ({ check: r.check, title: r.title, severity: r.severity, hours: r.hours })),
      criticalPath: b.effort.criticalPath,
      withHigh: b.effort.withHigh,
      full: b.effort.full,
    },
    verification: b.verification.map((v) => ({
      step: v.step,
      ...(v.target !== undefined ? { target: v.target } : {}),
      ...(v.subject !== undefined ? { subject: v.subject } : {}),
      status: v.status,
      durationMs: v.durationMs,
      command: v.command,
      detail: v.detail,
    })),
    suppressed: b.suppressed,
  };
}

function findingJson(f: Finding, bundle: BundleResult | undefined, catalog: CheckCatalog) {
  const info = catalog.info(f.check, f.severity);
  return {
    check: f.check,
    severity: f.severity,
    category: info.category,
    message: f.message,
    file: locPath(bundle, f.loc) ?? null,
    line: f.loc?.line ?? null,
    column: f.loc?.column ?? null,
    targets: [...f.targets],
    resource: f.resources?.[0] ?? null,
    resources: [...(f.resources ?? [])],
    phases: [...f.phases],
    evidence: f.evidence ?? null,
    impact: f.impact ?? null,
    fix: f.fix ? { text: f.fix.text, patch: f.fix.patch ?? null } : null,
    effortHours: info.effortHours,
    fingerprint: fingerprint(f),
    rulePage: rulePageUrl(f.check),
    ...(f.existing ? { existing: true } : {}),
    ...(f.verified !== undefined ? { verified: f.verified } : {}),
    ...(f.validateAgrees !== undefined ? { validateAgrees: f.validateAgrees } : {}),
  };
}
