// Annotations on the file and line of each finding, most severe first, within GitHub's limits
// (10 errors, 10 warnings and 10 notices per step). They agree with the gate: a finding that fails
// it (at or above fail-on, not in the baseline) is an error, the rest warnings and notices, so a
// green gate never shows a red annotation.
// The rest are counted in one notice that points to the SARIF file and the job summary.
import type { AnnotationProperties } from '@actions/core';
import type { BundleResult, Finding, Result, Severity } from '../model.js';
import { severityRank } from '../model.js';
import { analysedPath } from '../report/paths.js';
import { catalogFor } from '../readiness/check-info.js';
import { failsGate } from '../readiness/gate.js';
import { rulePageUrl } from '../report/rule-links.js';
import { repoPath } from './paths.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export type AnnotationSink = Record<AnnotationLevel, (message: string, properties: AnnotationProperties) => void>;

export interface AnnotateOptions {
  sink: AnnotationSink;
  /** Repository-relative folder the result's paths are relative to (the `path` input). */
  prefix: string;
  /** Slots left per level in this step (other messages of the step use some). */
  budget?: Partial<Record<AnnotationLevel, number>>;
  /** The gate's threshold (default critical). */
  failOn?: Severity | 'none';
  /** Where the rest can be read, e.g. "the job summary and the SARIF file (output sarif)". */
  elsewhere?: string;
}

export const STEP_LIMIT = 10;

export function levelFor(finding: Pick<Finding, 'severity' | 'existing'>, failOn: Severity | 'none' = 'critical'): AnnotationLevel {
  if (failsGate(finding, failOn)) return 'error';
  return severityRank(finding.severity) <= severityRank('medium') ? 'warning' : 'notice';
}

interface Located {
  finding: Finding;
  file?: string;
}

/** Every finding of the result with its repository-relative file, most severe first. */
export function orderedFindings(result: Result, prefix: string): Located[] {
  const located: Located[] = [];
  const add = (finding: Finding, bundle?: BundleResult) =>
    located.push({ finding, file: finding.loc ? repoPath(prefix, analysedPath(bundle?.root ?? '.', finding.loc.file)) : undefined });
  for (const bundle of result.bundles) for (const finding of bundle.findings) add(finding, bundle);
  for (const notice of result.notices) add(notice);
  return located.sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
      (a.finding.loc?.line ?? 0) - (b.finding.loc?.line ?? 0) ||
      a.finding.check.localeCompare(b.finding.check),
  );
}

export function annotate(result: Result, options: AnnotateOptions): { emitted: number; omitted: number } {
  const left: Record<AnnotationLevel, number> = {
    error: options.budget?.error ?? STEP_LIMIT,
    warning: options.budget?.warning ?? STEP_LIMIT,
    notice: options.budget?.notice ?? STEP_LIMIT,
  };
  const all = orderedFindings(result, options.prefix);
  // If anything will be left over, keep one notice slot for the pointer to the rest.
  const fits = (['error', 'warning', 'notice'] as const).every(
    (level) => all.filter((l) => levelFor(l.finding, options.failOn) === level).length <= left[level],
  );
  if (!fits) left.notice = Math.max(0, left.notice - 1);
  let emitted = 0;
  let omitted = 0;
  for (const { finding, file } of all) {
    const level = levelFor(finding, options.failOn);
    if (left[level] <= 0) {
      omitted++;
      continue;
    }
    left[level]--;
    emitted++;
    options.sink[level](annotationMessage(finding), {
      title: `${catalogFor().info(finding.check, finding.severity).title} (dab-ready ${finding.check}, ${finding.severity}${finding.existing ? ', existing' : ''})`,
      file,
      startLine: file ? Math.max(1, finding.loc?.line ?? 1) : undefined,
      startColumn: file && finding.loc?.column ? finding.loc.column : undefined,
    });
  }
  if (omitted > 0) {
    const where = options.elsewhere ?? 'the job summary';
    options.sink.notice(`${omitted} more dab-ready finding${omitted === 1 ? ' is' : 's are'} not annotated (GitHub shows ${STEP_LIMIT} per level per step): see ${where}.`, {
      title: 'dab-ready: more findings',
    });
  }
  return { emitted, omitted };
}

function annotationMessage(finding: Finding): string {
  const targets = finding.targets.length ? ` [targets: ${finding.targets.join(', ')}]` : '';
  const fix = finding.fix?.text ? `\nFix: ${finding.fix.text}` : '';
  return `${finding.message}${targets}${fix}\nRule: ${rulePageUrl(finding.check)}`;
}
