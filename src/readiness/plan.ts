// The recommended action plan: failing checks grouped into steps by severity, with their effort.
import type { BundleResult, Check, Severity } from '../model.js';
import { catalogFor } from './check-info.js';
import { roundHours } from './score.js';

export interface ActionItem {
  check: string;
  title: string;
  severity: Severity;
  hours: number;
  findings: number;
  /** What to do, from the fix of the check's first finding (first lines only). */
  actions: string[];
}

export interface ActionStep {
  title: string;
  when: string;
  severities: Severity[];
  hours: number;
  items: ActionItem[];
}

const STEPS: { title: string; when: string; severities: Severity[] }[] = [
  { title: 'Unblock Deployment', when: 'DO FIRST', severities: ['critical'] },
  { title: 'Fix High Priority Gaps', when: 'DO NEXT', severities: ['high'] },
  { title: 'Production Hardening', when: 'THEN DO', severities: ['medium'] },
  { title: 'Enhancements (Optional)', when: 'WHEN TIME ALLOWS', severities: ['low', 'info'] },
];

/** Steps in order; steps with nothing to do are left out. Follows the effort table's order. */
export function buildActionPlan(bundle: BundleResult, checks?: readonly Check[]): ActionStep[] {
  const catalog = catalogFor(checks);
  const steps: ActionStep[] = [];
  for (const step of STEPS) {
    const rows = bundle.effort.rows.filter((r) => step.severities.includes(r.severity));
    if (rows.length === 0) continue;
    const items = rows.map((row) => {
      const findings = bundle.findings.filter((f) => f.check === row.check);
      const fixText = findings.find((f) => f.fix?.text)?.fix?.text ?? '';
      const actions = fixText
        .split('\n')
        .map((l) => l.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').trim())
        .filter(Boolean)
        .slice(0, 3);
      return {
        check: row.check,
        title: row.title || catalog.info(row.check).title,
        severity: row.severity,
        hours: row.hours,
        findings: findings.length,
        actions,
      };
    });
    steps.push({ ...step, hours: roundHours(items.reduce((n, i) => n + i.hours, 0)), items });
  }
  return steps;
}
