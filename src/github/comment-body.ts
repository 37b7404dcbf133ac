// The sticky comment's body for one bundle: the short form first (score and its change, blockers,
// phase checklist, top gaps, what this pull request changed), the details in `<details>` blocks,
// all under GitHub's 65,536-character limit by dropping whole blocks, never cutting one.
import type { BundleResult, Finding, Result } from '../model.js';
import { catalogFor } from '../readiness/check-info.js';
import { codeSpan, escapeInline } from '../report/escape.js';
import {
  renderFindingLine,
  renderGap,
  renderNotices,
  renderPhaseChecklist,
  renderSummarySection,
  renderTopGaps,
  renderVerification,
  SEVERITY_ICON,
  verificationIcon,
  SEVERITY_LABEL,
} from '../report/markdown.js';
import { analysedPath } from '../report/paths.js';
import { describeScore, embedDigest, type BundleDelta, type FindingDigest } from './delta.js';
import { detailsBlock, fitBlocks, SEPARATOR, type Block } from './fit.js';
import { repoPath } from './paths.js';

/** GitHub rejects bodies over 65,536 characters; this leaves room for what we cannot predict. */
export const COMMENT_BUDGET = 60_000;
const LIST_LIMIT = 20;

export interface CommentBodyInput {
  result: Result;
  bundle: BundleResult;
  /** Repository-relative folder the result is relative to (the `path` input). */
  prefix: string;
  delta?: BundleDelta;
  /** The run page that holds the job summary with the full report. */
  runUrl?: string;
  headSha?: string;
  budget?: number;
}

/** The hidden marker: one sticky comment per bundle root (repository-relative). */
export function commentMarker(bundleRepoRoot: string): string {
  const safe = bundleRepoRoot.replace(/[^\w./@+-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/-(?=-)/g, '%2d');
  return `<!-- dab-ready:${safe} -->`;
}

export function bundleRepoRoot(prefix: string, bundle: BundleResult): string {
  return repoPath(prefix, bundle.root);
}

export function renderCommentBody(input: CommentBodyInput): string {
  const { bundle, delta, result } = input;
  const budget = input.budget ?? COMMENT_BUDGET;
  const root = bundleRepoRoot(input.prefix, bundle);
  const link = input.runUrl ? `[job summary](${input.runUrl})` : 'job summary';
  const options = { depth: 3 };

  const heading = [
    `## dab-ready: ${escapeInline(bundle.name)}${root === '.' ? '' : ` (${codeSpan(root)})`}`,
    `**Readiness:** ${describeScore(bundle.score, delta)} · ${bundle.ready ? '✅ ready to deploy' : '❌ not ready to deploy'}${delta ? ` · ${baselineLabel(delta)}` : ''}`,
  ].join('\n\n');
  const footer = (dropped: boolean) =>
    [
      '---',
      dropped ? `_Some details were left out to stay within GitHub's comment size limit: the full report is in the ${link}._` : '',
      `<sub>Full report: ${link}${input.headSha ? ` · commit ${codeSpan(input.headSha.slice(0, 12))}` : ''} · ${escapeInline(result.tool.name)} ${escapeInline(result.tool.version)}</sub>`,
    ]
      .filter(Boolean)
      .join('\n\n');
  const data = embedDigest(bundle);

  const short: Block[] = [
    { text: commentMarker(root), required: true },
    { text: heading, required: true },
    { text: renderSummarySection(bundle, options), required: true },
    ...(delta ? [{ text: renderDelta(delta, bundle, LIST_LIMIT), fallback: renderDelta(delta, bundle, 3) }] : []),
    { text: renderPhaseChecklist(bundle, options), fallback: phaseLines(bundle) },
    { text: renderTopGaps(bundle, 10, options), fallback: renderTopGaps(bundle, 3, options) },
  ];
  const reserve = footer(true).length + data.length + 2 * SEPARATOR.length;
  const head = fitBlocks(short, budget - reserve);
  let used = head.text.length + reserve;
  let dropped = head.dropped > 0;

  const extra: string[] = [];
  const add = (block: string | { text: string; left: number } | undefined, wanted: boolean) => {
    if (!wanted) return;
    const text = typeof block === 'string' ? block : block?.text;
    if (text === undefined || used + SEPARATOR.length + text.length > budget) {
      dropped = true;
      return;
    }
    if (typeof block === 'object' && block.left > 0) dropped = true;
    extra.push(text);
    used += SEPARATOR.length + text.length;
  };
  const gaps = bundle.effort.rows.map((row, i) =>
    renderGap(row.check, bundle.findings.filter((f) => f.check === row.check), i + 1, bundle, options),
  );
  const room = () => budget - used - SEPARATOR.length;
  add(
    gaps.length ? detailsBlock(`Details of ${plural(gaps.length, 'gap')}: evidence, impact, fix`, gaps, room(), (n) => `_…and ${plural(n, 'more gap')} in the ${link}._`) : undefined,
    gaps.length > 0,
  );
  add(
    bundle.verification.length ? detailsBlock(`${verificationIcon(bundle.verification)} Verification runs`, [renderVerification(bundle, options)], room(), () => '') : undefined,
    bundle.verification.length > 0,
  );
  add(result.notices.length ? renderNotices(result.notices, options) : undefined, result.notices.length > 0);

  return [head.text, ...extra, footer(dropped), data].join(SEPARATOR) + '\n';
}

function baselineLabel(delta: BundleDelta): string {
  return delta.source === 'base' ? `compared with the base commit ${codeSpan((delta.sha ?? '').slice(0, 12) || 'base')}` : 'compared with the previous run';
}

/** New and resolved findings since the baseline, `limit` lines of each at most. */
export function renderDelta(delta: BundleDelta, bundle: BundleResult, limit: number): string {
  const title = delta.source === 'base' ? '### Changes in this pull request' : '### Changes since the previous run';
  if (delta.added.length === 0 && delta.resolved.length === 0) return `${title}\n\nNo finding added or resolved.`;
  const parts = [title, `**${delta.added.length} new** · **${delta.resolved.length} resolved**`];
  if (delta.added.length) {
    const lines = delta.added.slice(0, limit).map((d) => {
      const finding = bundle.findings.find((f) => sameFinding(f, d));
      return finding ? renderFindingLine(finding, bundle) : digestLine(d, bundle);
    });
    parts.push(`**New findings**\n\n${withMore(lines, delta.added.length)}`);
  }
  if (delta.resolved.length) {
    const lines = delta.resolved.slice(0, limit).map((d) => digestLine(d, bundle, '✅'));
    parts.push(`**Resolved findings**\n\n${withMore(lines, delta.resolved.length)}`);
  }
  return parts.join('\n\n');
}

function sameFinding(f: Finding, d: FindingDigest): boolean {
  return f.check === d.check && f.loc?.file === d.file && f.loc?.line === d.line && f.message === d.message;
}

function digestLine(d: FindingDigest, bundle: BundleResult, icon?: string): string {
  const title = catalogFor().info(d.check, d.severity).title;
  const where = d.file ? ` ${codeSpan(`${analysedPath(bundle.root, d.file)}${d.line ? `:${d.line}` : ''}`)}` : '';
  const message = d.message ? `: ${escapeInline(d.message.split('\n')[0].slice(0, 200))}` : '';
  return `- ${icon ?? SEVERITY_ICON[d.severity]} **${SEVERITY_LABEL[d.severity]}** ${escapeInline(title)}${where}${message}`;
}

function withMore(lines: string[], total: number): string {
  const more = total - lines.length;
  return lines.join('\n') + (more > 0 ? `\n- _…and ${plural(more, 'more')}_` : '');
}

function phaseLines(bundle: BundleResult): string {
  const icon = { ready: '✅', partial: '🟡', blocked: '❌' } as const;
  return ['### Phases', ...bundle.phases.map((p) => `- ${icon[p.status]} ${escapeInline(p.name)}: ${p.status}`)].join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
