// Baselines: findings that already existed are reported as "existing" and do not fail the gate.
// Matched by fingerprint (report/fingerprint.ts), as a multiset: two equal findings against one in
// the baseline leave one new. The baseline is a file (`check --write-baseline` / `--baseline`) or
// the pull request's base commit (the action's `fail-on-new-only`).
import { readFileSync } from 'node:fs';
import type { Finding, Result } from '../model.js';
import { fingerprint, FINGERPRINT_VERSION } from '../report/fingerprint.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export const BASELINE_FORMAT = 1;

export interface BaselineFile {
  tool: string;
  toolVersion: string;
  /** Changes when fingerprints would no longer match (a new fingerprint recipe). */
  format: number;
  fingerprintVersion: number;
  findings: { fingerprint: string; check: string; bundle: string; file: string | null; count: number }[];
}

export function baselineFile(result: Result): BaselineFile {
  const rows = new Map<string, BaselineFile['findings'][number]>();
  for (const bundle of result.bundles) {
    for (const f of bundle.findings) {
      const fp = fingerprint(f);
      const key = `${bundle.root}\u0000${fp}`;
      const row = rows.get(key);
      if (row) row.count++;
      else rows.set(key, { fingerprint: fp, check: f.check, bundle: bundle.root, file: f.loc?.file ?? null, count: 1 });
    }
  }
  const findings = [...rows.values()].sort((a, b) => cmp(a.bundle, b.bundle) || cmp(a.file ?? '', b.file ?? '') || cmp(a.check, b.check) || cmp(a.fingerprint, b.fingerprint));
  return { tool: TOOL_NAME, toolVersion: TOOL_VERSION, format: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION, findings };
}

export function renderBaselineFile(result: Result): string {
  return JSON.stringify(baselineFile(result), null, 2) + '\n';
}

export type BaselineRead = { counts: Map<string, number>; note?: string } | { problem: string };

/** Reads a baseline file; a file that is not one (not JSON, another tool, another format) is a
 *  one-line problem naming the file, never an exception. */
export function readBaselineFile(file: string): BaselineRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  let data: Partial<BaselineFile>;
  try {
    data = JSON.parse(text) as Partial<BaselineFile>;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    return { problem: `${file}:${line}: not a JSON baseline (${(error as Error).message.split('\n')[0]})` };
  }
  if (!data || typeof data !== 'object' || data.tool !== TOOL_NAME) {
    return { problem: `${file}: not a dab-ready baseline (write one with dab-ready check --write-baseline ${file})` };
  }
  if (data.format !== BASELINE_FORMAT || data.fingerprintVersion !== FINGERPRINT_VERSION || !Array.isArray(data.findings)) {
    return {
      problem: `${file}: baseline format ${String(data.format)} from dab-ready ${String(data.toolVersion)}; this dab-ready ${TOOL_VERSION} reads format ${BASELINE_FORMAT}: write it again with --write-baseline`,
    };
  }
  const counts = new Map<string, number>();
  for (const row of data.findings) {
    if (typeof row?.fingerprint !== 'string') continue;
    const n = Number.isInteger(row.count) && row.count > 0 ? row.count : 1;
    counts.set(row.fingerprint, (counts.get(row.fingerprint) ?? 0) + n);
  }
  const note = data.toolVersion !== TOOL_VERSION ? `${file} was written by dab-ready ${String(data.toolVersion)} (same format: used)` : undefined;
  return { counts, note };
}

/** Marks as `existing` each finding paired with one baseline entry; returns how many. */
export function applyBaseline(result: Result, counts: Map<string, number>): number {
  const left = new Map(counts);
  let marked = 0;
  for (const bundle of result.bundles) marked += markFrom(bundle.findings, left);
  marked += markFrom(result.notices, left);
  return marked;
}

/** The action's `fail-on-new-only`: findings the base commit's analysis also had, per bundle root. */
export function markExisting(head: Result, base: Result): number {
  let marked = 0;
  for (const bundle of head.bundles) {
    const before = base.bundles.find((b) => b.root === bundle.root);
    if (!before) continue;
    const counts = new Map<string, number>();
    for (const f of before.findings) counts.set(fingerprint(f), (counts.get(fingerprint(f)) ?? 0) + 1);
    marked += markFrom(bundle.findings, counts);
  }
  return marked;
}

function markFrom(findings: Finding[], left: Map<string, number>): number {
  let marked = 0;
  for (const f of findings) {
    const fp = fingerprint(f);
    const n = left.get(fp) ?? 0;
    if (n <= 0) continue;
    left.set(fp, n - 1);
    f.existing = true;
    marked++;
  }
  return marked;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
