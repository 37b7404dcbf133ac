// The job summary: always written (it needs no token, so fork pull requests get it too), with the
// full report, bounded under the runner's 1 MiB per-step limit.
import type { GateOutcome } from '../readiness/gate.js';
import type { Result } from '../model.js';
import { codeSpan, escapeInline } from '../report/escape.js';
import { renderMarkdown } from '../report/markdown.js';
import { describeScore, type BundleDelta } from './delta.js';
import { renderDelta } from './comment-body.js';

/** The runner refuses step summaries over 1 MiB; stay clearly below. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;

export interface SummaryInput {
  result: Result;
  gate: GateOutcome;
  deltas: Map<string, BundleDelta>;
  commentUrls?: string[];
  /** One-line facts about this run (e.g. "no comment: the token is read-only on fork pull requests"). */
  notes?: string[];
  /** Where the rest is when the report had to be shortened (SARIF, JSON report). */
  elsewhere?: string;
  budgetBytes?: number;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export function renderJobSummary(input: SummaryInput): string {
  const budget = input.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  const { result, gate } = input;
  const head: string[] = [];
  head.push(
    gate.passed
      ? '**dab-ready gate:** ✅ passed'
      : `**dab-ready gate:** ❌ failed\n\n${gate.reasons.map((r) => `- ${escapeInline(r)}`).join('\n')}`,
  );
  for (const bundle of result.bundles) {
    const delta = input.deltas.get(bundle.root);
    const label = result.bundles.length > 1 ? `${escapeInline(bundle.name)} (${codeSpan(bundle.root)})` : escapeInline(bundle.name);
    head.push(`**${label}:** readiness ${describeScore(bundle.score, delta)}`);
    if (delta) head.push(renderDelta(delta, bundle, 50));
  }
  if (input.commentUrls?.length) head.push(`Pull request comment: ${input.commentUrls.map((u) => `[comment](${u})`).join(', ')}`);
  for (const note of input.notes ?? []) head.push(`> ${escapeInline(note)}`);
  const top = head.join('\n\n') + '\n\n---\n\n';

  const full = top + renderMarkdown(result, { detail: 'full' });
  if (bytes(full) <= budget) return full;
  const everything = input.elsewhere ? ` Everything is in ${escapeInline(input.elsewhere)}.` : '';
  const trimmed = fullWithFewerFindings(result, top, budget, everything);
  if (trimmed) return trimmed;
  const note = `\n\n_The full report is larger than a job summary may be; this is the short form.${everything}_\n`;
  const short = top + renderMarkdown(result, { detail: 'summary' }) + note;
  if (bytes(short) <= budget) return short;
  return cutAtParagraph(short, budget - bytes(note) - 16) + note;
}

/** The full report with the most findings per gap that fits (a report of thousands of findings is
 *  megabytes, but all of its sections and gaps fit): undefined when even one per gap does not fit. */
function fullWithFewerFindings(result: Result, top: string, budget: number, everything: string): string | undefined {
  const largestGap = Math.max(0, ...result.bundles.flatMap((b) => b.effort.rows.map((r) => b.findings.filter((f) => f.check === r.check).length)));
  const render = (perGap: number) => {
    const note = `\n\n_The full report is larger than a job summary may be: each gap shows at most ${perGap} of its findings.${everything}_\n`;
    return top + renderMarkdown(result, { detail: 'full', maxFindingsPerGap: perGap }) + note;
  };
  let best: string | undefined;
  let low = 1;
  let high = largestGap - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const text = render(mid);
    if (bytes(text) <= budget) {
      best = text;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

/** The longest prefix under `maxBytes` that ends at a blank line outside any fenced code block. */
export function cutAtParagraph(text: string, maxBytes: number): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  let size = 0;
  let lastSafe = 0;
  for (const [i, line] of lines.entries()) {
    size += bytes(line) + 1;
    if (size > maxBytes) break;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    }
    if (!fence && line.trim() === '') lastSafe = i;
  }
  return lines.slice(0, lastSafe).join('\n');
}
