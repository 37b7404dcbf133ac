// What changed between the pull request's base and its head: the score and the findings, per
// bundle root. A finding is "the same" when its fingerprint is (check, file and message without
// line numbers: moved lines do not count as changes).
import type { BundleResult, Finding, Result, Severity } from '../model.js';
import { SEVERITIES, severityRank } from '../model.js';
import { fingerprint } from '../report/fingerprint.js';

export interface FindingDigest {
  check: string;
  severity: Severity;
  file?: string;
  line?: number;
  /** The finding's fingerprint (report/fingerprint.ts). */
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
  return { check: finding.check, severity: finding.severity, file: finding.loc?.file, line: finding.loc?.line, key: fingerprint(finding), message: finding.message };
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
  const order = (a: FindingDigest, b: FindingDigest) =>
    severityRank(a.severity) - severityRank(b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
  return {
    source: baseline.source,
    sha: baseline.sha,
    baseScore: base.score,
    headScore: head.score,
    change: head.score - base.score,
    added: unmatched(headFindings, base.findings).sort(order),
    resolved: unmatched(base.findings, headFindings).sort(order),
  };
}

/** The findings of `these` left after pairing each with one of `those` of the same key: two equal
 *  findings in the head and one in the base are one new finding. */
export function unmatched(these: FindingDigest[], those: FindingDigest[]): FindingDigest[] {
  const left = new Map<string, number>();
  for (const f of those) left.set(f.key, (left.get(f.key) ?? 0) + 1);
  return these.filter((f) => {
    const n = left.get(f.key) ?? 0;
    if (n > 0) left.set(f.key, n - 1);
    return n === 0;
  });
}

export function signedChange(change: number): string {
  return change > 0 ? `+${change}` : String(change);
}

// -------------------------------------------------------------------------------------------
// The compact JSON embedded in the sticky comment, read back when the base cannot be checked out.

const DATA_PREFIX = '<!-- dab-ready-data ';
const DATA_SUFFIX = ' -->';
export const MAX_EMBEDDED_FINDINGS = 200;

/** An HTML comment carrying the bundles' digests (messages left out: keys are enough to match). */
export function embedDigests(bundles: readonly BundleResult[]): string {
  let budget = MAX_EMBEDDED_FINDINGS;
  const rows = bundles.map((bundle) => {
    const findings = bundle.findings
      .map(digestFinding)
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
      .slice(0, Math.max(0, budget))
      .map((f) => [f.check, SEVERITIES.indexOf(f.severity), f.file ?? '', f.line ?? 0, f.key]);
    budget -= findings.length;
    return { root: bundle.root, score: bundle.score, f: findings };
  });
  const json = JSON.stringify({ v: 2, b: rows });
  // `--` may only occur inside JSON strings; \u002d keeps the HTML comment from ending early.
  return DATA_PREFIX + json.replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e').replace(/</g, '\\u003c') + DATA_SUFFIX;
}

/** The digests embedded at the end of a previous comment ([] when absent or unreadable). The last
 *  occurrence is ours: anything earlier is quoted repository content. */
export function readEmbeddedDigests(body: string | undefined): BundleDigest[] {
  if (!body) return [];
  const start = body.lastIndexOf(DATA_PREFIX);
  if (start < 0) return [];
  const end = body.indexOf(DATA_SUFFIX, start + DATA_PREFIX.length);
  if (end < 0) return [];
  try {
    const data = JSON.parse(body.slice(start + DATA_PREFIX.length, end)) as { v?: number; b?: unknown };
    if (data.v !== 2 || !Array.isArray(data.b)) return [];
    const digests: BundleDigest[] = [];
    for (const raw of data.b as { root?: unknown; score?: unknown; f?: unknown }[]) {
      if (typeof raw?.root !== 'string' || typeof raw.score !== 'number' || !Array.isArray(raw.f)) continue;
      const findings: FindingDigest[] = [];
      for (const row of raw.f) {
        if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[4] !== 'string') continue;
        const severity = SEVERITIES[Number(row[1])] ?? 'info';
        findings.push({ check: row[0], severity, file: row[2] ? String(row[2]) : undefined, line: Number(row[3]) || undefined, key: row[4] });
      }
      digests.push({ root: raw.root, score: raw.score, findings });
    }
    return digests;
  } catch {
    return [];
  }
}
