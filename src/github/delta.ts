// What changed between the pull request's base and its head: the score and the findings, per
// bundle root. A finding is "the same" when its check, file and message are (lines move).
import { createHash } from 'node:crypto';
import type { BundleResult, Finding, Result, Severity } from '../model.js';
import { SEVERITIES, severityRank } from '../model.js';

export interface FindingDigest {
  check: string;
  severity: Severity;
  file?: string;
  line?: number;
  /** Short hash of the message: enough to match, small enough to embed in a comment. */
  key: string;
  message?: string;
}

export interface BundleDigest {
  root: string;
  score: number;
  findings: FindingDigest[];
}

export type BaselineSource = 'base' | 'previous-comment';

export interface Baseline {
  source: BaselineSource;
  /** The base commit analysed (source `base`). */
  sha?: string;
  bundles: BundleDigest[];
}

export interface BundleDelta {
  source: BaselineSource;
  sha?: string;
  baseScore: number;
  headScore: number;
  change: number;
  added: FindingDigest[];
  resolved: FindingDigest[];
}

export function digestFinding(finding: Finding): FindingDigest {
  const key = createHash('sha256').update(`${finding.check}\n${finding.loc?.file ?? ''}\n${finding.message}`).digest('hex').slice(0, 12);
  return { check: finding.check, severity: finding.severity, file: finding.loc?.file, line: finding.loc?.line, key, message: finding.message };
}

export function digestBundle(bundle: BundleResult): BundleDigest {
  return { root: bundle.root, score: bundle.score, findings: bundle.findings.map(digestFinding) };
}

export function baselineFromResult(result: Result, sha?: string): Baseline {
  return { source: 'base', sha, bundles: result.bundles.map(digestBundle) };
}

export function compareBundle(head: BundleResult, baseline: Baseline | undefined): BundleDelta | undefined {
  const base = baseline?.bundles.find((b) => b.root === head.root);
  if (!baseline || !base) return undefined;
  const headFindings = head.findings.map(digestFinding);
  const baseKeys = new Set(base.findings.map((f) => f.key));
  const headKeys = new Set(headFindings.map((f) => f.key));
  const order = (a: FindingDigest, b: FindingDigest) =>
    severityRank(a.severity) - severityRank(b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
  return {
    source: baseline.source,
    sha: baseline.sha,
    baseScore: base.score,
    headScore: head.score,
    change: head.score - base.score,
    added: headFindings.filter((f) => !baseKeys.has(f.key)).sort(order),
    resolved: base.findings.filter((f) => !headKeys.has(f.key)).sort(order),
  };
}

/** "85% (up from 65%)", "60% (down from 70%)", "85% (unchanged)", or "85%" without a baseline. */
export function describeScore(score: number, delta?: BundleDelta): string {
  if (!delta) return `${score}%`;
  if (delta.change > 0) return `${score}% (up from ${delta.baseScore}%)`;
  if (delta.change < 0) return `${score}% (down from ${delta.baseScore}%)`;
  return `${score}% (unchanged)`;
}

export function signedChange(change: number): string {
  return change > 0 ? `+${change}` : String(change);
}

// -------------------------------------------------------------------------------------------
// The compact JSON embedded in the sticky comment, read back when the base cannot be checked out.

const DATA_PREFIX = '<!-- dab-ready-data ';
const DATA_SUFFIX = ' -->';
export const MAX_EMBEDDED_FINDINGS = 200;

/** An HTML comment carrying the bundle's digest (messages left out: keys are enough to match). */
export function embedDigest(bundle: BundleResult): string {
  const findings = bundle.findings
    .map(digestFinding)
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
    .slice(0, MAX_EMBEDDED_FINDINGS)
    .map((f) => [f.check, SEVERITIES.indexOf(f.severity), f.file ?? '', f.line ?? 0, f.key]);
  const json = JSON.stringify({ v: 1, root: bundle.root, score: bundle.score, f: findings });
  // `--` may only occur inside JSON strings; \u002d keeps the HTML comment from ending early.
  return DATA_PREFIX + json.replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e').replace(/</g, '\\u003c') + DATA_SUFFIX;
}

/** The digest embedded in a previous comment's body, or undefined when absent or unreadable. */
export function readEmbeddedDigest(body: string | undefined): BundleDigest | undefined {
  if (!body) return undefined;
  const start = body.indexOf(DATA_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(DATA_SUFFIX, start + DATA_PREFIX.length);
  if (end < 0) return undefined;
  try {
    const data = JSON.parse(body.slice(start + DATA_PREFIX.length, end)) as { v?: number; root?: unknown; score?: unknown; f?: unknown };
    if (data.v !== 1 || typeof data.root !== 'string' || typeof data.score !== 'number' || !Array.isArray(data.f)) return undefined;
    const findings: FindingDigest[] = [];
    for (const row of data.f) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[4] !== 'string') continue;
      const severity = SEVERITIES[Number(row[1])] ?? 'info';
      findings.push({ check: row[0], severity, file: row[2] ? String(row[2]) : undefined, line: Number(row[3]) || undefined, key: row[4] });
    }
    return { root: data.root, score: data.score, findings };
  } catch {
    return undefined;
  }
}
