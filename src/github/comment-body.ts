// The pull request comment (and, with more room, the job summary): one per pull request, also for a
// monorepo. First line: status, score and its change, gate verdict. Then what this pull request
// changed, the bundles (several) or the phases (one), and one collapsed block per finding. Kept
// under GitHub's 65,536-character limit by leaving out whole blocks, never by cutting one.
import type { BundleResult, Finding, Result, Severity } from '../model.js';
import { failsGate, type GateOutcome } from '../readiness/gate.js';
import { catalogFor } from '../readiness/check-info.js';
import { codeSpan, escapeHtml, escapeInline, escapeMessage } from '../report/escape.js';
import { blobUrl, findingDetails, SEVERITY_ICON, type LinkContext } from '../report/finding-details.js';
import { fingerprint } from '../report/fingerprint.js';
import { analysedPath } from '../report/paths.js';
import { renderVerification, verificationIcon } from '../report/markdown.js';
import { countsText, phaseFlowchart, phaseLine, phaseTable, STATUS_ICON } from '../report/phase-view.js';
import { embedDigests, type BundleDelta, type FindingDigest } from './delta.js';
import { fitBlocks, SEPARATOR, type Block } from './fit.js';

/** GitHub rejects bodies over 65,536 characters; this leaves room for what we cannot predict. */
export const COMMENT_BUDGET = 60_000;
/** Findings shown as their own collapsed block per bundle; the rest share one block. */
export const DETAILS_LIMIT = 15;
const CHANGE_LIST_LIMIT = 5;
const MORE_LIST_LIMIT = 50;

export interface ReadinessViewInput {
  result: Result;
  gate: GateOutcome;
  failOn: Severity | 'none';
  /** Per bundle root: the change against the base commit or the previous run. */
  deltas: Map<string, BundleDelta>;
  /** Repository-relative folder the result is relative to (the `path` input). */
  prefix: string;
  /** Blob links at the head commit; without them file:line is plain code. */
  links?: LinkContext;
  /** The run page that holds the job summary. */
  runUrl?: string;
  /** Bundle roots the pull request touched; undefined when unknown (then: bundles whose findings changed). */
  touched?: Set<string>;
  /** The gate counts only findings this pull request added (`fail-on-new-only`). */
  newOnly?: boolean;
}

export interface CommentOptions {
  budget?: number;
  /** Expand every bundle, not only touched or blocking ones (the job summary). */
  expandAll?: boolean;
  /** One-line facts shown under the header (the job summary: "could not comment on a fork ..."). */
  notes?: string[];
  /** Leave out the hidden marker and data (the job summary is not a sticky comment). */
  sticky?: boolean;
  /** Findings shown as their own collapsed block per bundle (default DETAILS_LIMIT). */
  detailsLimit?: number;
  /** Where findings left out are (default: the job summary). */
  elsewhere?: string;
  /** How the budget is measured (characters for a comment, bytes for the job summary). */
  measure?: (text: string) => number;
}

/** The hidden marker on the comment's first line: one sticky comment per pull request and `path`. */
export function commentMarker(prefix: string): string {
  const safe = (prefix || '.').replace(/[^\w./@+-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/-(?=-)/g, '%2d');
  return `<!-- dab-ready:comment path=${safe} -->`;
}

export function renderPullRequestComment(input: ReadinessViewInput, options: CommentOptions = {}): string {
  const budget = options.budget ?? COMMENT_BUDGET;
  const sticky = options.sticky !== false;
  const { result } = input;
  const several = result.bundles.length > 1;

  const data = sticky ? embedDigests(result.bundles) : '';
  const footer = (dropped: boolean) => renderFooter(input, dropped);
  const head: Block[] = [
    ...(sticky ? [{ text: commentMarker(input.prefix), required: true }] : []),
    { text: renderHeadline(input), required: true },
    ...(options.notes ?? []).map((n) => ({ text: `> ${escapeInline(n)}`, required: true })),
  ];
  if (several) head.push({ text: renderBundleTable(input), required: true });
  else if (result.bundles.length === 1) head.push(...changeBlocks(input, result.bundles[0]));

  const sections: Block[] = [];
  for (const bundle of result.bundles) {
    const expanded = !several || options.expandAll || isBlocking(bundle) || isTouched(input, bundle);
    if (!expanded) continue;
    if (several) sections.push({ text: bundleHeading(input, bundle), required: true }, ...changeBlocks(input, bundle, true));
    // In a monorepo a bundle the pull request did not touch shows only what blocks it.
    const compact = several && !options.expandAll && !isTouched(input, bundle);
    const elsewhere = options.elsewhere ?? (input.runUrl ? `the [job summary](${input.runUrl})` : 'the job summary');
    sections.push(...bundleBlocks(input, bundle, options.detailsLimit ?? DETAILS_LIMIT, { several, compact, elsewhere }));
  }
  if (several) {
    const quiet = result.bundles.filter((b) => !(options.expandAll || isBlocking(b) || isTouched(input, b))).length;
    if (quiet > 0) sections.push({ text: `<sub>${quiet} bundle${quiet === 1 ? '' : 's'} without blockers that this pull request did not touch: one row each in the table above.</sub>`, required: true });
  }
  if (result.notices.length > 0) sections.push({ text: renderNotices(input), fallback: `_${result.notices.length} repository notices: see the job summary._` });

  const measure = options.measure ?? ((t: string) => t.length);
  // the footer, the data, the separators before them and the final newline
  const reserve = measure(footer(true)) + measure(data) + 2 * SEPARATOR.length + measure('\n');
  const fitted = fitBlocks([...head, ...sections], budget - reserve, measure);
  return [fitted.text, footer(fitted.dropped > 0), data].filter(Boolean).join(SEPARATOR) + '\n';
}

// ---------------------------------------------------------------------------------------------

type Status = 'ready' | 'partial' | 'blocked';

export function bundleStatus(bundle: BundleResult): Status {
  if (!bundle.ready || bundle.counts.critical > 0) return 'blocked';
  return bundle.counts.high + bundle.counts.medium > 0 ? 'partial' : 'ready';
}

function isBlocking(bundle: BundleResult): boolean {
  return bundleStatus(bundle) === 'blocked';
}

function isTouched(input: ReadinessViewInput, bundle: BundleResult): boolean {
  if (input.touched) return input.touched.has(bundle.root);
  const delta = input.deltas.get(bundle.root);
  return Boolean(delta && (delta.added.length || delta.resolved.length || delta.change));
}

/** "65/100", "85/100 (+20 vs base)", "65/100 (−20 vs previous run)", "85/100 (unchanged)". */
export function scoreText(score: number, delta: BundleDelta | undefined): string {
  if (!delta) return `${score}/100`;
  if (delta.change === 0) return `${score}/100 (unchanged)`;
  const against = delta.source === 'base' ? 'vs base' : 'vs previous run';
  return `${score}/100 (${delta.change > 0 ? '+' : '−'}${Math.abs(delta.change)} ${against})`;
}

function gateText(input: ReadinessViewInput): string {
  if (input.gate.passed) return '✅ gate passed';
  const failing = input.result.bundles
    .flatMap((b) => b.findings)
    .concat(input.result.notices)
    .filter((f) => counts(input, f)).length;
  const what = failing > 0 ? `${failing} ${input.newOnly ? 'new ' : ''}finding${failing === 1 ? '' : 's'} at or above ${input.failOn}` : 'score below the minimum';
  return `❌ gate failed: ${what}`;
}

/** Whether a finding counts for the gate. */
function counts(input: ReadinessViewInput, f: Finding): boolean {
  return failsGate(f, input.failOn);
}

function renderHeadline(input: ReadinessViewInput): string {
  const { result } = input;
  if (result.bundles.length === 0) return `### dab-ready · no bundle found · ${gateText(input)}`;
  const worst = result.bundles.reduce((w, b) => (b.score < w.score ? b : w), result.bundles[0]);
  const statuses = result.bundles.map(bundleStatus);
  const status: Status = statuses.includes('blocked') ? 'blocked' : statuses.includes('partial') ? 'partial' : 'ready';
  const several = result.bundles.length > 1;
  const what = several
    ? `${statuses.filter((s) => s === 'blocked').length} of ${result.bundles.length} bundles blocked`
    : status;
  const score = several ? `lowest score ${scoreText(worst.score, input.deltas.get(worst.root))}` : `score ${scoreText(worst.score, input.deltas.get(worst.root))}`;
  const line = `### ${STATUS_ICON[status]} dab-ready: ${what} · ${score} · ${gateText(input)}`;
  const total = sumCounts(result.bundles);
  const facts = several
    ? [`${result.bundles.length} bundles`, countsText(total)]
    : [`**${escapeInline(worst.name)}**${worst.root === '.' ? '' : ` ${codeSpan(worst.root)}`}`, countsText(worst.counts), `targets ${worst.targets.map((t) => codeSpan(t)).join(', ') || '–'}`];
  if (several) {
    const added = [...input.deltas.values()].reduce((n, d) => n + d.added.length, 0);
    const resolved = [...input.deltas.values()].reduce((n, d) => n + d.resolved.length, 0);
    if (input.deltas.size > 0) facts.push(`this pull request: 🆕 ${added} new · ✅ ${resolved} resolved`);
  }
  return `${line}\n\n${facts.join(' · ')}`;
}

function sumCounts(bundles: BundleResult[]): Record<Severity, number> {
  const total = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const b of bundles) for (const s of Object.keys(total) as Severity[]) total[s] += b.counts[s];
  return total;
}

/** "New in this pull request" with the new findings' titles, and the resolved ones. */
function changeBlocks(input: ReadinessViewInput, bundle: BundleResult, onlyChanges = false): Block[] {
  const delta = input.deltas.get(bundle.root);
  if (!delta || (onlyChanges && delta.added.length + delta.resolved.length === 0)) return [];
  const label = delta.source === 'base' ? 'This pull request' : 'Since the previous run';
  const summary = `**${label}:** 🆕 ${delta.added.length} new · ✅ ${delta.resolved.length} resolved`;
  const lines = [
    ...delta.added.slice(0, CHANGE_LIST_LIMIT).map((d) => `- 🆕 ${digestLine(input, bundle, d, true, onlyChanges)}`),
    ...more(delta.added.length, CHANGE_LIST_LIMIT, 'new'),
    ...delta.resolved.slice(0, CHANGE_LIST_LIMIT).map((d) => `- ✅ resolved: ${digestLine(input, bundle, d, false, onlyChanges)}`),
    ...more(delta.resolved.length, CHANGE_LIST_LIMIT, 'resolved'),
  ];
  return [{ text: lines.length ? `${summary}\n\n${lines.join('\n')}` : summary, fallback: summary, required: false }];
}

function more(total: number, shown: number, what: string): string[] {
  return total > shown ? [`- _…and ${total - shown} more ${what}_`] : [];
}

/** One line for a finding digest: severity, the check's title, file:line (linked when it still exists). */
function digestLine(input: ReadinessViewInput, bundle: BundleResult, d: FindingDigest, link: boolean, bundleRelative: boolean): string {
  const title = catalogFor().info(d.check, d.severity).title;
  const file = d.file ? analysedPath(bundle.root, d.file) : undefined;
  const where = file ? `${bundleRelative ? d.file : file}${d.line ? `:${d.line}` : ''}` : '';
  const place = !where ? '' : link && input.links ? ` [${codeSpan(where)}](${blobUrl(input.links, file!, d.line)})` : ` ${codeSpan(where)}`;
  return `${SEVERITY_ICON[d.severity]} **${d.severity}** · ${escapeMessage(title)}${place ? ` ·${place}` : ''}`;
}

function renderBundleTable(input: ReadinessViewInput): string {
  const rows = [...input.result.bundles]
    .sort((a, b) => severityOrder(a) - severityOrder(b) || a.score - b.score || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0))
    .map((b) => {
      const delta = input.deltas.get(b.root);
      const change = delta ? (delta.change === 0 ? '0' : `${delta.change > 0 ? '+' : '−'}${Math.abs(delta.change)}`) : '–';
      const status = bundleStatus(b);
      const touched = isTouched(input, b) ? ' ✏️' : '';
      return `| ${codeSpan(b.root, { inTable: true })}${touched} | ${b.score} | ${change} | ${STATUS_ICON[status]} ${status}${b.counts.critical ? ` (${b.counts.critical} critical)` : ''} |`;
    });
  return ['| Bundle | Score | Δ | Status |', '|---|---|---|---|', ...rows].join('\n') + '\n\n<sub>✏️ touched by this pull request</sub>';
}

function severityOrder(b: BundleResult): number {
  return { blocked: 0, partial: 1, ready: 2 }[bundleStatus(b)];
}

function bundleHeading(input: ReadinessViewInput, bundle: BundleResult): string {
  const status = bundleStatus(bundle);
  return `#### ${STATUS_ICON[status]} ${codeSpan(bundle.root)} ${escapeInline(bundle.name)} · ${scoreText(bundle.score, input.deltas.get(bundle.root))} · ${countsText(bundle.counts)}`;
}

/** The phase table (and chart), then one collapsed block per finding, most severe first. In a
 *  monorepo the phases fold into one line, and an untouched bundle shows only its blockers. */
function bundleBlocks(input: ReadinessViewInput, bundle: BundleResult, limit: number, shape: { several: boolean; compact: boolean; elsewhere: string }): Block[] {
  const blocks: Block[] = [];
  if (bundle.phases.length > 1) {
    const chart = phaseFlowchart(bundle) ?? '';
    const table = phaseTable(bundle);
    if (shape.several) {
      blocks.push({ text: `<details><summary>Phases: ${escapeHtml(phaseLine(bundle).replace(/\\(.)/g, '$1'))}</summary>\n\n${table}\n\n${chart}\n\n</details>`, fallback: `Phases: ${phaseLine(bundle)}` });
    } else {
      blocks.push({ text: table, required: false });
      if (chart) blocks.push({ text: chart, required: false });
    }
  }
  const delta = input.deltas.get(bundle.root);
  const added = new Set((delta?.added ?? []).map((d) => d.key));
  const phaseNames = new Map(bundle.phases.map((p) => [p.id, p.name]));
  const wanted = shape.compact ? bundle.findings.filter((f) => f.severity === 'critical' || added.has(fingerprint(f))) : bundle.findings;
  const shown = wanted.slice(0, limit);
  for (const f of shown) {
    const options = { links: input.links, isNew: added.has(fingerprint(f)), isExisting: f.existing, phaseNames, bundleRelative: shape.several };
    blocks.push({ text: findingDetails(f, bundle, options) });
  }
  const rest = bundle.findings.filter((f) => !shown.includes(f));
  if (rest.length > 0) {
    const lines = rest.slice(0, MORE_LIST_LIMIT).map((f) => `- ${findingLine(input, bundle.root, f)}`);
    if (rest.length > MORE_LIST_LIMIT) lines.push(`- _…and ${rest.length - MORE_LIST_LIMIT} more in ${shape.elsewhere}_`);
    blocks.push({
      text: `<details><summary>${shown.length ? `${rest.length} more` : rest.length} finding${rest.length === 1 ? '' : 's'} (${escapeHtml(countsText(countBy(rest)))})</summary>\n\n${lines.join('\n')}\n\n</details>`,
      fallback: `_…and ${rest.length} more findings: see ${shape.elsewhere}._`,
    });
  }
  if (bundle.findings.length === 0) blocks.push({ text: '✅ No findings.', required: true });
  if (bundle.verification.length > 0) {
    blocks.push({ text: `<details><summary>${verificationIcon(bundle.verification)} Verification runs</summary>\n\n${renderVerification(bundle, { depth: 4 })}\n\n</details>` });
  }
  return blocks;
}

function countBy(findings: Finding[]): Record<Severity, number> {
  const c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function findingLine(input: ReadinessViewInput, bundleRoot: string, f: Finding): string {
  const file = f.loc ? analysedPath(bundleRoot, f.loc.file) : undefined;
  const where = file ? `${file}:${f.loc!.line}` : undefined;
  const place = where ? (input.links ? ` · [${codeSpan(where)}](${blobUrl(input.links, file!, f.loc!.line)})` : ` · ${codeSpan(where)}`) : '';
  const title = catalogFor().info(f.check, f.severity).title;
  return `${SEVERITY_ICON[f.severity]} **${f.severity}** · ${escapeMessage(title)}${place}: ${escapeMessage(f.message.split('\n')[0].slice(0, 160))}`;
}

function renderNotices(input: ReadinessViewInput): string {
  const lines = input.result.notices.slice(0, 20).map((n) => `- ${findingLine(input, '.', n)}`);
  return `<details><summary>${input.result.notices.length} repository notice${input.result.notices.length === 1 ? '' : 's'}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}

function renderFooter(input: ReadinessViewInput, dropped: boolean): string {
  const link = input.runUrl ? `[job summary](${input.runUrl})` : 'job summary';
  const sha = input.links?.sha ? ` · commit ${codeSpan(input.links.sha.slice(0, 12))}` : '';
  const gate = input.failOn === 'none' ? 'gate off' : `fail-on ${input.failOn}${input.newOnly ? ' (new findings only)' : ''}`;
  const left = dropped ? `Some blocks were left out to stay within GitHub's size limit: everything is in the ${link}. ` : '';
  return `<sub>${left}Full report: ${link}${sha} · ${gate} · ${escapeInline(input.result.tool.name)} ${escapeInline(input.result.tool.version)}</sub>`;
}
