// Runs dab-ready (no credentials, no programs) on the Databricks CLI's own `bundle validate`
// acceptance cases (../shared/peer/cli-acceptance) and compares its findings with the golden
// diagnostics in manifest.json: recall per kind of diagnostic, false alarms, crashes.
import fs from 'node:fs';
import path from 'node:path';
import { parseVarFlags } from '../../src/cli/vars.js';
import { UsageError, analyse } from '../../src/engine.js';
import type { Finding } from '../../src/model.js';
import { sharedPart } from '../support/shared.js';
import { classify, type GoldenKind } from './golden-kinds.js';

export const manifestPart = sharedPart('peer', 'cli-acceptance', 'manifest.json');
export const MANIFEST = manifestPart.path;
export const ACCEPTANCE_DIR = path.dirname(MANIFEST);

export interface GoldenDiagnostic {
  severity: 'error' | 'warning' | 'recommendation';
  summary: string;
  paths?: string[];
  locations?: { file: string; line: number; column: number }[];
  detail?: string;
  artefact?: string;
}
export interface Validation {
  target: string | null;
  resolvedTarget: string | null;
  vars: string[];
  env: Record<string, string>;
  cwd: string;
  bundleRoot: string | null;
  diagnosticsSource: string;
  exitCode: number | 'nonzero' | null;
  reproducible: boolean;
  diagnostics: GoldenDiagnostic[];
}
export interface Case {
  path: string;
  validations: Validation[];
}

export function readManifest(): { cases: Case[] } {
  return JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
}

/** Checks whose findings say the configuration would not validate (config, schema, variables, paths, references, includes). */
export const VALIDATE_FAMILY = new Set([
  'config-invalid', 'root-path-glob-chars', 'include-non-yaml', 'include-outside-root', 'include-glob-nonrecursive',
  'unknown-field', 'null-value', 'value-type-invalid', 'deprecated-field', 'read-only-field', 'resource-undefined',
  'artifact-not-configured', 'variable-type-invalid', 'variable-required-unset', 'variable-file-invalid', 'variable-cycle',
  'undefined-variable', 'bundle-name-interpolation', 'enum-invalid', 'required-field-missing', 'path-not-found',
  'path-kind-mismatch', 'path-outside-sync-root', 'resource-reference-invalid', 'duplicate-library-name', 'wheel-dbr-too-old',
  'direct-only-resource', 'environment-client-invalid', 'job-cluster-key-undefined', 'task-dependency-undefined',
  'auth-interpolation', 'target-mode-violation', 'run-as-invalid', 'volume-path-invalid', 'managed-field-set',
  'resource-spec-conflict', 'terraform-only-reference', 'alert-file-interpolation', 'resource-key-interpolation',
  'task-compute-missing', 'single-node-cluster', 'sync-pattern-unmatched', 'script-invalid', 'app-permissions-overridden',
  'lifecycle-invalid', 'secret-value-literal', 'engine-invalid',
]);

/**
 * Local libraries (whl/jar paths) are expanded by `bundle deploy`, not by `bundle validate`
 * (cli bundle/libraries/expand_glob_references.go): a missing one breaks the deploy, so it is
 * critical, but validate cannot be expected to say so.
 */
export function deployPhase(f: Finding): boolean {
  return f.check === 'path-not-found' && /^(file doesn't exist|no files match pattern) /.test(f.message);
}

export interface RunOutcome {
  caseDir: string;
  target: string | undefined;
  findings: Finding[];
  /** One-line refusal (dab-ready's exit 2). */
  usageError?: string;
  /** Anything else thrown: a crash. */
  crash?: string;
}

export async function runValidation(c: Case, v: Validation): Promise<RunOutcome> {
  const caseDir = path.join(ACCEPTANCE_DIR, c.path);
  const bundleDir = path.join(caseDir, v.bundleRoot ?? v.cwd);
  const target = v.target ?? v.resolvedTarget ?? undefined;
  try {
    const vars = parseVarFlags(v.vars);
    // Golden diagnostics read from out.*.direct.txt files come from the run with the direct engine.
    const engine = /\.direct\./.test(v.diagnosticsSource) ? { DATABRICKS_BUNDLE_ENGINE: 'direct' } : {};
    const { result } = await analyse({ path: bundleDir, target, vars, env: { ...v.env, ...engine }, repoRoot: caseDir });
    const bundle = result.bundles.find((b) => b.root === '.');
    if (!bundle) return { caseDir, target, findings: [], crash: 'no bundle at the case root' };
    const chosen = target ?? bundle.defaultTarget;
    const findings = bundle.findings.filter((f) => f.targets.includes(chosen));
    return { caseDir, target: chosen, findings: [...findings, ...result.notices] };
  } catch (error) {
    if (error instanceof UsageError) return { caseDir, target, findings: [], usageError: error.message };
    return { caseDir, target, findings: [], crash: (error as Error).stack ?? String(error) };
  }
}

export type Bucket = 'error-located' | 'warning-located' | 'recommendation-located' | 'unlocated';

export interface Verdict {
  case: string;
  target: string | undefined;
  diagnostic: GoldenDiagnostic;
  bucket: Bucket;
  kind: GoldenKind | undefined;
  found: boolean;
  /** Why dab-ready cannot know this one without a workspace, when so. */
  needsWorkspace?: string;
}

export function bucketOf(d: GoldenDiagnostic): Bucket {
  if (!d.locations || d.locations.length === 0) return 'unlocated';
  return d.severity === 'error' ? 'error-located' : d.severity === 'warning' ? 'warning-located' : 'recommendation-located';
}

/** Whether dab-ready reported the golden diagnostic `d`. */
export function matches(d: GoldenDiagnostic, kind: GoldenKind | undefined, outcome: RunOutcome): boolean {
  if (!kind) return false;
  if (kind.checks.includes('usage-error')) return outcome.usageError !== undefined && outcome.usageError.includes(kind.subject!(d.summary, d.paths ?? []));
  const candidates = outcome.findings.filter((f) => kind.checks.includes(f.check));
  if (d.locations && d.locations.length > 0) {
    return candidates.some((f) => f.loc !== undefined && d.locations!.some((l) => l.file === f.loc!.file && Math.abs(l.line - f.loc!.line) <= 1));
  }
  const subject = kind.subject ? kind.subject(d.summary, d.paths ?? []) : (d.paths?.[0] ?? d.summary);
  return candidates.some((f) => f.message.includes(subject));
}

export interface AcceptanceReport {
  verdicts: Verdict[];
  /** (case, target) without a golden Error that got a critical validate-family finding. */
  falseAlarms: { case: string; target: string | undefined; finding: Finding }[];
  crashes: { case: string; target: string | undefined; why: string }[];
  runs: number;
}

export async function runAcceptance(): Promise<AcceptanceReport> {
  const report: AcceptanceReport = { verdicts: [], falseAlarms: [], crashes: [], runs: 0 };
  for (const c of readManifest().cases) {
    for (const v of c.validations) {
      if (!v.reproducible) continue;
      report.runs++;
      const outcome = await runValidation(c, v);
      const golden = v.diagnostics.filter((d) => !d.artefact);
      const cliRefuses = v.exitCode !== 0 && v.exitCode !== null;
      if (outcome.crash) report.crashes.push({ case: c.path, target: outcome.target, why: outcome.crash });
      if (outcome.usageError && !cliRefuses) report.crashes.push({ case: c.path, target: outcome.target, why: `exit 2 where the CLI accepts: ${outcome.usageError}` });
      if (outcome.usageError?.includes('\n')) report.crashes.push({ case: c.path, target: outcome.target, why: `refusal is not one line: ${outcome.usageError}` });
      const internal = outcome.findings.filter((f) => f.check === 'internal-error');
      for (const f of internal) report.crashes.push({ case: c.path, target: outcome.target, why: f.message });
      for (const d of golden) {
        const kind = classify(d.summary);
        const needsWorkspace = kind?.needsWorkspace ?? kind?.needsWorkspaceIn?.(outcome.caseDir);
        report.verdicts.push({
          case: c.path,
          target: outcome.target,
          diagnostic: d,
          bucket: bucketOf(d),
          kind,
          found: matches(d, kind, outcome),
          ...(needsWorkspace ? { needsWorkspace } : {}),
        });
      }
      if (!golden.some((d) => d.severity === 'error') && !cliRefuses) {
        for (const f of outcome.findings) {
          if (f.severity === 'critical' && VALIDATE_FAMILY.has(f.check) && !deployPhase(f)) report.falseAlarms.push({ case: c.path, target: outcome.target, finding: f });
        }
      }
    }
  }
  return report;
}

export interface Recall {
  found: number;
  total: number;
  ratio: number;
}

/** Recall per bucket; diagnostics that need a workspace count as misses (they are listed as such). */
export function recall(verdicts: Verdict[], bucket: Bucket | 'warning-or-recommendation-located'): Recall {
  const inBucket = verdicts.filter((v) =>
    bucket === 'warning-or-recommendation-located' ? v.bucket === 'warning-located' || v.bucket === 'recommendation-located' : v.bucket === bucket,
  );
  const found = inBucket.filter((v) => v.found).length;
  return { found, total: inBucket.length, ratio: inBucket.length === 0 ? 1 : found / inBucket.length };
}

export function describeReport(report: AcceptanceReport): string {
  const lines: string[] = [];
  const pct = (r: Recall) => `${r.found}/${r.total} = ${(r.ratio * 100).toFixed(1)}%`;
  lines.push(`CLI acceptance cases: ${report.runs} validate runs`);
  lines.push(`  Error with location:   ${pct(recall(report.verdicts, 'error-located'))}`);
  lines.push(`  Warning with location: ${pct(recall(report.verdicts, 'warning-located'))}`);
  lines.push(`  Recommendation with location: ${pct(recall(report.verdicts, 'recommendation-located'))}`);
  lines.push(`  without location (by subject): ${pct(recall(report.verdicts, 'unlocated'))}`);
  lines.push(`  false alarms: ${report.falseAlarms.length}; crashes: ${report.crashes.length}`);
  const misses = report.verdicts.filter((v) => !v.found);
  const byKind = new Map<string, Verdict[]>();
  for (const m of misses) {
    const key = m.kind ? `${m.kind.kind}${m.needsWorkspace ? ` (needs a workspace: ${m.needsWorkspace})` : ''}` : 'unclassified';
    byKind.set(key, [...(byKind.get(key) ?? []), m]);
  }
  for (const [kind, list] of [...byKind].sort()) {
    lines.push(`  miss [${kind}]`);
    for (const m of list) {
      const loc = m.diagnostic.locations?.[0];
      lines.push(`    ${m.case} (${m.target ?? 'default'}) ${m.diagnostic.severity}: ${m.diagnostic.summary.split('\n')[0]}${loc ? ` @ ${loc.file}:${loc.line}` : ''}`);
    }
  }
  for (const f of report.falseAlarms) lines.push(`  false alarm ${f.case} (${f.target}): ${f.finding.check} ${f.finding.message} @ ${f.finding.loc?.file}:${f.finding.loc?.line}`);
  for (const c of report.crashes) lines.push(`  crash ${c.case} (${c.target}): ${c.why.split('\n')[0]}`);
  return lines.join('\n');
}
