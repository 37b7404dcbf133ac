// The job summary: always written (it needs no token, so fork pull requests get it too). The same
// structure as the pull request comment, every bundle expanded, with the gate's reasons and the
// run's notes on top, bounded under the runner's 1 MiB per-step limit.
import { renderPullRequestComment, type ReadinessViewInput } from './comment-body.js';

/** The runner refuses step summaries over 1 MiB; stay clearly below. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;
/** Findings shown as their own block per bundle in the summary. */
export const SUMMARY_DETAILS_LIMIT = 300;

export interface SummaryInput extends ReadinessViewInput {
  commentUrls?: string[];
  /** One-line facts about this run (e.g. "no comment: the token is read-only on fork pull requests"). */
  notes?: string[];
  budgetBytes?: number;
  /** Where everything is when the summary cannot hold it (the SARIF file, the JSON report). */
  elsewhere?: string;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export function renderJobSummary(input: SummaryInput): string {
  const notes = [...(input.notes ?? [])];
  if (!input.gate.passed) notes.unshift(...input.gate.reasons.map((r) => `gate: ${r}`));
  const body = renderPullRequestComment(input, {
    budget: (input.budgetBytes ?? SUMMARY_BUDGET_BYTES) - 400,
    measure: bytes,
    expandAll: true,
    sticky: false,
    notes,
    detailsLimit: SUMMARY_DETAILS_LIMIT,
    elsewhere: input.elsewhere ?? 'the JSON report (the report-json output)',
  });
  const comments = input.commentUrls?.length ? `\n${input.commentUrls.map((u) => `[Pull request comment](${u})`).join(' · ')}\n` : '';
  return body + comments;
}
