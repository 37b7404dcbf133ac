// One finding as a collapsed `<details>` block: the summary line a reviewer scans (severity, the
// check's title, file:line linking the blob at the head commit), and inside the evidence, impact,
// fix and its snippet, each in a fence of the right language. Shared by the PR comment, the job
// summary and the Markdown report so a finding has one name and one shape everywhere.
import type { BundleResult, Finding, Severity } from '../model.js';
import { catalogFor } from '../readiness/check-info.js';
import { codeSpan, escapeHtml, escapeLines, escapeMessage, fencedBlock, languageFor } from './escape.js';
import { locPath } from './paths.js';
import { rulePageUrl } from './rule-links.js';

export const SEVERITY_ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🟢', info: 'ℹ️' };

/** Where a file can be shown: a blob URL at the head commit (the action), or nothing (CLI output). */
export interface LinkContext {
  /** `https://github.com/owner/repo`. */
  repoUrl: string;
  sha: string;
  /** Repository-relative folder the result's paths are relative to ('' for the root). */
  prefix: string;
}

export interface FindingDetailsOptions {
  links?: LinkContext;
  /** Tagged "new" (added by the pull request). */
  isNew?: boolean;
  /** Tagged "existing" (in the baseline: does not fail the gate). */
  isExisting?: boolean;
  /** Phase names by id, for the facts line. */
  phaseNames?: Map<string, string>;
  /** Show file:line relative to the bundle root (a monorepo section already names the bundle). */
  bundleRelative?: boolean;
}

/** `path:line` relative to the analysed folder, or undefined for a finding without a place. */
export function findingWhere(finding: Finding, bundle: BundleResult | undefined): string | undefined {
  const file = locPath(bundle, finding.loc);
  return file ? `${file}:${finding.loc!.line}` : undefined;
}

/** The blob URL of a finding's line at the head commit. */
export function blobUrl(links: LinkContext, analysedFile: string, line: number | undefined): string {
  const file = [links.prefix, analysedFile].filter((p) => p && p !== '.').join('/');
  const encoded = file
    .split('/')
    .filter((s) => s !== '.')
    .map(encodeURIComponent)
    .join('/');
  return `${links.repoUrl}/blob/${encodeURIComponent(links.sha)}/${encoded}${line ? `#L${line}` : ''}`;
}

/** The summary line, as HTML (Markdown is not rendered inside `<summary>`). */
export function findingSummaryHtml(finding: Finding, bundle: BundleResult | undefined, options: FindingDetailsOptions = {}): string {
  const title = catalogFor().info(finding.check, finding.severity).title;
  const parts = [`${SEVERITY_ICON[finding.severity]} <b>${finding.severity}</b>`, escapeHtml(title)];
  const where = options.bundleRelative && finding.loc ? `${finding.loc.file}:${finding.loc.line}` : findingWhere(finding, bundle);
  if (where) {
    const code = `<code>${escapeHtml(where)}</code>`;
    parts.push(options.links ? `<a href="${escapeHtml(blobUrl(options.links, locPath(bundle, finding.loc)!, finding.loc!.line))}">${code}</a>` : code);
  }
  const tags = [options.isNew ? '🆕 new' : '', options.isExisting ? 'existing' : ''].filter(Boolean);
  return parts.join(' · ') + (tags.length ? ` · <i>${tags.join(', ')}</i>` : '');
}

/** The body: what is wrong, the lines at fault, the impact, the fix, and the check's id and page. */
export function findingBody(finding: Finding, options: FindingDetailsOptions = {}): string {
  const parts: string[] = [escapeLines(finding.message)];
  if (finding.evidence) parts.push(fencedBlock(finding.evidence, languageFor(finding.loc?.file)));
  if (finding.impact) parts.push(`**Impact:** ${escapeLines(finding.impact)}`);
  if (finding.fix) {
    parts.push(`**Fix:** ${escapeLines(finding.fix.text)}`);
    if (finding.fix.patch) parts.push(...patchBlocks(finding.fix.patch, finding.loc?.file));
  }
  const facts = [`${codeSpan(finding.check)} ([rule](${rulePageUrl(finding.check)}))`];
  if (finding.targets.length > 0) facts.push(`targets ${finding.targets.map((t) => codeSpan(t)).join(', ')}`);
  if (finding.phases.length > 0 && options.phaseNames) facts.push(finding.phases.map((id) => escapeMessage(options.phaseNames!.get(id) ?? id)).join(', '));
  if (finding.verified) facts.push('✅ confirmed by a real run');
  if (finding.validateAgrees) facts.push('`databricks bundle validate` agrees');
  facts.push(`suppress: ${codeSpan(`# dab-ready-ignore: ${finding.check} <reason>`)}`);
  parts.push(`<sub>${facts.join(' · ')}</sub>`);
  return parts.join('\n\n');
}

/** The whole collapsed block. */
export function findingDetails(finding: Finding, bundle: BundleResult | undefined, options: FindingDetailsOptions = {}): string {
  return `<details><summary>${findingSummaryHtml(finding, bundle, options)}</summary>\n\n${findingBody(finding, options)}\n\n</details>`;
}

// ---------------------------------------------------------------------------------------------
// Fix snippets: a patch may hold several files (`# databricks.yml` ... `# pyproject.toml` ...).
// Each becomes its own fence in its own language, captioned with the file it goes to.

const FILE_HEADER = /^#\s+((?:[\w.-]+\/)*[\w.-]+\.[A-Za-z0-9]+)\b(.*)$/;

export interface PatchSection {
  caption?: string;
  file?: string;
  body: string;
}

export function splitPatch(patch: string): PatchSection[] {
  const lines = patch.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '').split('\n');
  const sections: PatchSection[] = [];
  let current: { caption?: string; file?: string; lines: string[] } = { lines: [] };
  lines.forEach((line, i) => {
    const header = FILE_HEADER.exec(line);
    const startsSection = header && (i === 0 || lines[i - 1].trim() === '') && languageFor(header[1]) !== '';
    if (startsSection) {
      if (current.lines.some((l) => l.trim())) sections.push(finish(current));
      current = { caption: line.replace(/^#\s+/, '').trim(), file: header[1], lines: [] };
    } else {
      current.lines.push(line);
    }
  });
  if (current.lines.some((l) => l.trim()) || current.caption) sections.push(finish(current));
  return sections;
}

function finish(section: { caption?: string; file?: string; lines: string[] }): PatchSection {
  const lines = [...section.lines];
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return { caption: section.caption, file: section.file, body: lines.join('\n') };
}

export function patchBlocks(patch: string, findingFile: string | undefined): string[] {
  return splitPatch(patch).map((s) => {
    const language = s.file ? languageFor(s.file) : patchLanguage(s.body, findingFile);
    const fence = fencedBlock(s.body, language);
    return s.caption ? `${codeSpan(s.caption)}\n${fence}` : fence;
  });
}

/** The language of a snippet without a file header. */
export function patchLanguage(patch: string, file: string | undefined): string {
  if (/^#!.*\b(ba|z)?sh\b/.test(patch)) return 'bash';
  if (/^(---|\+\+\+|@@) /m.test(patch)) return 'diff';
  if (/^\s*\[[A-Za-z0-9_.\- "]+\]\s*$/m.test(patch) && /^\s*[\w.-]+\s*=/m.test(patch)) return 'toml';
  if (/^\s*(def |import |from \S+ import |entry_points\s*=)/m.test(patch)) return 'python';
  if (/^\s*(%pip|pip|python3?|databricks|uv|export)\s/m.test(patch) && !/^\s*[\w.-]+:\s/m.test(patch)) return 'bash';
  if (/^\s*[\w.-]+:(\s|$)/m.test(patch) && !/^\s*(def|class|if|for|while|with|try)\b.*:\s*$/m.test(patch)) return 'yaml';
  return languageFor(file);
}
