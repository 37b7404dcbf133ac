// The terminal report: score, blockers, one line per finding with its fix, phases, totals.
import type { BundleResult, Finding, Result, Severity } from '../model.js';
import { SEVERITIES } from '../model.js';
import { ansi, plain } from './escape.js';
import { heldBackBy } from '../readiness/phases.js';
import { formatDuration } from './duration.js';
import { analysedPath } from './paths.js';
import { errorExcerpt } from './error-lines.js';
import { failsGate } from '../readiness/gate.js';
import { rulePageUrl } from './rule-links.js';

export interface TextOptions {
  color?: boolean;
  /** How a file is shown (default: relative to the analysed folder). The CLI shows it relative to
   *  the current folder, so a terminal can open it. */
  display?: (bundleRoot: string, file: string) => string;
  /** Only the findings that fail the gate (`--quiet`). */
  quiet?: boolean;
  failOn?: Severity | 'none';
  /** The last line (the CLI's summary across bundles). */
  summary?: string;
}

export function renderText(result: Result, options: TextOptions = {}): string {
  const c = ansi(options.color === true);
  const display = options.display ?? ((root: string, file: string) => analysedPath(root, file));
  const out: string[] = [];
  if (options.quiet) {
    const failing = (f: Finding) => failsGate(f, options.failOn ?? 'critical');
    for (const bundle of result.bundles) for (const f of bundle.findings.filter(failing)) out.push(findingText(f, bundle, c, display)[0]);
    for (const n of result.notices.filter(failing)) out.push(findingText(n, undefined, c, display)[0]);
    if (options.summary) out.push(options.summary);
    return out.length ? out.join('\n') + '\n' : '';
  }
  if (result.bundles.length === 0) out.push('No Databricks Asset Bundle found.');
  for (const bundle of result.bundles) {
    out.push(...bundleText(bundle, c, display));
    out.push('');
  }
  if (result.notices.length > 0) {
    out.push(c.bold('Notices'));
    for (const n of result.notices) out.push(...findingText(n, undefined, c, display));
    out.push('');
  }
  if (options.summary) out.push(c.bold(options.summary));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

type Display = (bundleRoot: string, file: string) => string;

type Paint = ReturnType<typeof ansi>;

function severityPaint(c: Paint, s: Severity): (t: string) => string {
  return s === 'critical' ? (t) => c.bold(c.red(t)) : s === 'high' ? c.red : s === 'medium' ? c.yellow : s === 'low' ? c.blue : c.dim;
}

function bundleText(b: BundleResult, c: Paint, display: Display): string[] {
  const out: string[] = [];
  const root = b.root === '.' ? '' : ` (${plain(b.root)})`;
  out.push(c.bold(`${plain(b.name)}${root}`));
  const perTarget = Object.entries(b.targetScores);
  const targets = perTarget.length > 1 ? ` (${perTarget.map(([t, s]) => `${plain(t)} ${s}`).join(', ')})` : perTarget.length === 1 ? ` (${plain(perTarget[0][0])})` : '';
  const scoreColor = b.score >= 90 ? c.green : b.score >= 70 ? c.yellow : c.red;
  const state = b.counts.critical > 0 ? c.red(`BLOCKED: ${b.counts.critical} critical blocker${b.counts.critical === 1 ? '' : 's'}`) : c.green('no critical blockers');
  out.push(`Readiness score ${scoreColor(`${b.score}/100`)}${targets} · ${state}`);
  out.push(SEVERITIES.map((s) => `${cap(s)} ${b.counts[s]}`).join(' · '));
  out.push('');
  if (b.findings.length === 0) out.push(c.green('✔ No findings.'));
  for (const f of b.findings) out.push(...findingText(f, b, c, display));
  if (b.findings.length > 0) out.push('');

  out.push(c.bold('Phases'));
  for (const p of b.phases) {
    const mark = p.status === 'blocked' ? c.red('✘') : p.status === 'partial' ? c.yellow('⚠') : c.green('✔');
    const deps = p.dependsOn.length > 0 ? c.dim(` (after ${p.dependsOn.map(plain).join(', ')})`) : '';
    const holder = heldBackBy(p, b.phases);
    const held = holder ? ` · ${c.yellow(`held back: depends on blocked ${plain(holder.name)}`)}` : '';
    out.push(`  ${mark} ${plain(p.name)}  ${p.status.toUpperCase()}${deps}${held}`);
    // the terminal lists what is wrong; the Markdown report also lists what passed
    for (const item of p.checklist.filter((i) => i.severity)) {
      const m = item.severity === 'critical' ? c.red('✘') : c.yellow('⚠');
      out.push(`      ${m} ${plain(item.text)}`);
    }
  }

  if (b.verification.length > 0) {
    out.push('');
    out.push(c.bold('Verification'));
    for (const v of b.verification) {
      const m = v.status === 'passed' ? c.green('✔') : v.status === 'failed' ? c.red('✘') : c.dim('-');
      const about = [v.target, v.subject].filter(Boolean).map((s) => plain(s!)).join(' ');
      out.push(`  ${m} ${v.step}${about ? ` ${about}` : ''}  ${v.status} in ${formatDuration(v.durationMs)}: ${plain(v.detail)}`);
      if (v.command) out.push(c.dim(`      $ ${plain(v.command)}`));
      if (v.status === 'failed') for (const line of errorExcerpt(v.output ?? [], 25)) out.push(c.dim(`      | ${plain(line)}`));
    }
  }

  out.push('');
  const e = b.effort;
  out.push(`Effort: critical path ~${hours(e.criticalPath)} · with high ~${hours(e.withHigh)} · full ~${hours(e.full)}`);
  if (b.suppressed > 0) out.push(c.dim(`${b.suppressed} finding${b.suppressed === 1 ? '' : 's'} suppressed.`));
  return out;
}

function findingText(f: Finding, bundle: BundleResult | undefined, c: Paint, display: Display): string[] {
  const root = bundle?.root ?? '.';
  const where = f.loc ? `${display(root, f.loc.file)}:${f.loc.line}:${f.loc.column}` : bundle ? display(root, bundle.rootFile ?? 'databricks.yml') : '-';
  const paint = severityPaint(c, f.severity);
  const existing = f.existing ? c.dim(' (existing)') : '';
  const lines = [`${plain(where)}  ${paint(f.severity)}  ${c.magenta(f.check)}  ${plain(f.message.split('\n')[0])}${existing}`];
  for (const extra of f.message.split('\n').slice(1)) if (extra.trim()) lines.push(`    ${plain(extra)}`);
  if (f.fix?.text) lines.push(`    ${c.green('fix:')} ${plain(f.fix.text.split('\n').filter((l) => l.trim()).join(' / '))}`);
  const targets = f.targets.length > 0 ? `targets: ${f.targets.map(plain).join(', ')} · ` : '';
  lines.push(c.dim(`    ${targets}rule: ${rulePageUrl(f.check)}`));
  return lines;
}

function hours(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
