// Suppressions: `.dab-ready.yml` ignore rules and severity overrides, and inline comments
// `# dab-ready-ignore: <check-id>[,<check-id>...] <reason>` on the finding's line or the comment line above.
import type { Bundle, DabReadyConfig, Finding, IgnoreRule, Loc, RawFinding } from '../model.js';
import { matchesGlob } from './glob.js';

export interface SuppressionOutcome {
  kept: Finding[];
  /** Findings dropped by an ignore rule, an inline comment or a severity `off`. */
  suppressed: number;
  /** Of those, the ones whose rule or comment gives no reason (worth a nudge in the report). */
  withoutReason: number;
  /** Where each reasonless inline comment or ignore rule matched, for a notice. */
  withoutReasonAt: { check: string; loc?: Loc; via: 'comment' | 'config' }[];
}

const INLINE = /(?:#|--|\/\/)\s*dab-ready-ignore\s*:\s*([A-Za-z0-9_*-]+(?:\s*,\s*[A-Za-z0-9_*-]+)*)(?:\s+(.*?))?\s*$/;

export interface InlineSuppression {
  checks: string[];
  reason?: string;
}

/** The suppression written on one line, if any. */
export function parseInlineSuppression(line: string): InlineSuppression | undefined {
  const m = INLINE.exec(line);
  if (!m) return undefined;
  const checks = m[1].split(',').map((c) => c.trim()).filter(Boolean);
  const reason = m[2]?.replace(/^[-–—:]\s*/, '').trim();
  return { checks, ...(reason ? { reason } : {}) };
}

export function applySuppressions(bundle: Bundle, findings: Finding[], config: DabReadyConfig): SuppressionOutcome {
  const kept: Finding[] = [];
  let suppressed = 0;
  const withoutReasonAt: SuppressionOutcome['withoutReasonAt'] = [];
  for (const finding of findings) {
    const override = config.severity?.[finding.check];
    if (override === 'off') {
      suppressed++;
      continue;
    }
    const rule = config.ignore?.find((r) => ruleMatches(r, finding));
    if (rule) {
      suppressed++;
      if (!rule.reason) withoutReasonAt.push({ check: finding.check, ...(finding.loc ? { loc: finding.loc } : {}), via: 'config' });
      continue;
    }
    const inline = inlineSuppression(bundle, finding);
    if (inline) {
      suppressed++;
      if (!inline.reason) withoutReasonAt.push({ check: finding.check, loc: inline.loc, via: 'comment' });
      continue;
    }
    kept.push(override ? { ...finding, severity: override } : finding);
  }
  return { kept, suppressed, withoutReason: withoutReasonAt.length, withoutReasonAt };
}

function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (rule.check !== '*' && rule.check !== finding.check) return false;
  if (!rule.path) return true;
  return finding.loc !== undefined && matchesGlob(rule.path, finding.loc.file);
}

function inlineSuppression(bundle: Bundle, finding: Finding): (InlineSuppression & { loc: Loc }) | undefined {
  const loc = finding.loc;
  if (!loc || loc.line < 1) return undefined;
  const lines = linesOf(bundle, loc.file);
  if (!lines) return undefined;
  const candidates: { index: number; commentOnly: boolean }[] = [
    { index: loc.line - 1, commentOnly: false },
    { index: loc.line - 2, commentOnly: true },
  ];
  for (const { index, commentOnly } of candidates) {
    const line = lines[index];
    if (line === undefined) continue;
    if (commentOnly && !/^\s*(#|--|\/\/)/.test(line)) continue;
    const parsed = parseInlineSuppression(line);
    if (parsed && (parsed.checks.includes(finding.check) || parsed.checks.includes('*'))) {
      return { ...parsed, loc: { file: loc.file, line: index + 1, column: line.indexOf('dab-ready-ignore') + 1 } };
    }
  }
  return undefined;
}

function linesOf(bundle: Bundle, file: string): string[] | undefined {
  const config = bundle.files?.get(file);
  if (config) return config.lines;
  try {
    return bundle.fileIndex?.lines(file);
  } catch {
    return undefined;
  }
}

/** One info notice per suppression that gives no reason, so the report can ask for one. */
export function suppressionNotices(outcome: SuppressionOutcome, configFile = '.dab-ready.yml'): RawFinding[] {
  const notices: RawFinding[] = [];
  const configRules = new Set<string>();
  for (const w of outcome.withoutReasonAt) {
    if (w.via === 'comment') {
      notices.push({
        check: 'suppression-without-reason',
        severity: 'info',
        message: `dab-ready-ignore: ${w.check} has no reason; write one after the check id`,
        ...(w.loc ? { loc: w.loc } : {}),
      });
    } else if (!configRules.has(w.check)) {
      configRules.add(w.check);
      notices.push({ check: 'suppression-without-reason', severity: 'info', message: `${configFile}: the ignore rule for ${w.check} has no reason` });
    }
  }
  return notices;
}
