// The deploy gate: fails on any finding at or above `failOn` on ANY analysed target, or a score below `minScore`.
import type { Finding, Result, Severity } from '../model.js';
import { severityRank } from '../model.js';

export interface GateOptions {
  failOn: Severity | 'none';
  minScore: number;
}

export interface GateOutcome {
  passed: boolean;
  reasons: string[];
}

/** Whether a finding fails the gate: at or above `failOn` and not in the baseline (an existing
 *  finding is reported but never fails it). */
export function failsGate(f: Pick<Finding, 'severity' | 'existing'>, failOn: Severity | 'none'): boolean {
  return !f.existing && failOn !== 'none' && severityRank(f.severity) <= severityRank(failOn);
}

export function evaluateGate(result: Result, options: GateOptions): GateOutcome {
  const reasons: string[] = [];
  const atOrAbove = (f: Finding) => failsGate(f, options.failOn);
  for (const bundle of result.bundles) {
    const label = bundle.root === '.' ? bundle.name : `${bundle.name} (${bundle.root})`;
    const analysed = bundle.targets;
    const failing = bundle.findings.filter(
      (f) => atOrAbove(f) && (f.targets.length === 0 || analysed.length === 0 || f.targets.some((t) => analysed.includes(t))),
    );
    if (failing.length > 0) {
      reasons.push(`${label}: ${describeFindings(failing, options.failOn)}`);
    }
    if (bundle.score < options.minScore) {
      const worstTargets = Object.entries(bundle.targetScores)
        .filter(([, s]) => s === bundle.score)
        .map(([t]) => t);
      const where = worstTargets.length > 0 ? ` (target ${worstTargets.join(', ')})` : '';
      reasons.push(`${label}: readiness score ${bundle.score}${where} is below the minimum ${options.minScore}`);
    }
  }
  const notices = result.notices.filter(atOrAbove);
  if (notices.length > 0) reasons.push(`repository: ${describeFindings(notices, options.failOn)}`);
  return { passed: reasons.length === 0, reasons };
}

function describeFindings(findings: Finding[], failOn: Severity | 'none'): string {
  const byCheck = new Map<string, { severity: Severity; targets: Set<string>; count: number }>();
  for (const f of findings) {
    const entry = byCheck.get(f.check) ?? { severity: f.severity, targets: new Set<string>(), count: 0 };
    entry.count++;
    if (severityRank(f.severity) < severityRank(entry.severity)) entry.severity = f.severity;
    for (const t of f.targets) entry.targets.add(t);
    byCheck.set(f.check, entry);
  }
  const parts = [...byCheck.entries()].map(([check, e]) => {
    const targets = e.targets.size > 0 ? ` [${[...e.targets].sort().join(', ')}]` : '';
    return `${check} (${e.severity}${e.count > 1 ? ` ×${e.count}` : ''})${targets}`;
  });
  const shown = parts.slice(0, 5).join(', ') + (parts.length > 5 ? `, and ${parts.length - 5} more` : '');
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} at or above ${failOn}: ${shown}`;
}
