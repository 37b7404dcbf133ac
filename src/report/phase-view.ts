// The phases at a glance: a table (phase | status | blockers | jobs) and, with more than one phase,
// a Mermaid flowchart of the dependency chain coloured by status (GitHub renders it in comments).
import type { BundleResult, Finding, PhaseResult, Severity } from '../model.js';
import { SEVERITIES } from '../model.js';
import { heldBackBy } from '../readiness/phases.js';
import { codeSpan, escapeMessage, fencedBlock } from './escape.js';

export const STATUS_ICON: Record<PhaseResult['status'], string> = { ready: '✅', partial: '🟡', blocked: '❌' };

function phaseFindings(bundle: BundleResult, phase: PhaseResult): Finding[] {
  return bundle.findings.filter((f) => f.phases.includes(phase.id));
}

/** "❌ blocked", "🟡 partial · 2 high", "⏸️ held back by Phase 2" (with its own state). */
export function phaseStatusText(bundle: BundleResult, phase: PhaseResult): string {
  const mine = phaseFindings(bundle, phase);
  const open = (['high', 'medium'] as Severity[])
    .map((s) => [s, mine.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const base = `${STATUS_ICON[phase.status]} ${phase.status}${phase.status === 'partial' && open.length ? ` (${open.join(', ')})` : ''}`;
  return heldBackBy(phase, bundle.phases) ? `${base}, ⏸️ held back` : base;
}

/** One line: "Phases: Phase 0: Setup ✅ → Phase 1: Data ✅ → Phase 2: Training ❌ → ...". */
export function phaseLine(bundle: BundleResult): string {
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  return phases.map((p) => `${escapeMessage(p.name)} ${STATUS_ICON[p.status]}${heldBackBy(p, phases) ? '⏸️' : ''}`).join(' → ');
}

export function phaseTable(bundle: BundleResult): string {
  const rows = [...bundle.phases]
    .sort((a, b) => a.order - b.order)
    .map((p) => {
      const blockers = phaseFindings(bundle, p).filter((f) => f.severity === 'critical').length;
      const jobs = p.jobs.length ? p.jobs.map((j) => codeSpan(j, { inTable: true })).join(', ') : '–';
      return `| ${escapeMessage(p.name, { inTable: true })} | ${phaseStatusText(bundle, p)} | ${blockers || '–'} | ${jobs} |`;
    });
  return ['| Phase | Status | Blockers | Jobs |', '|---|---|---|---|', ...rows].join('\n');
}

const CLASS_STYLE: Record<string, string> = {
  ready: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  partial: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  blocked: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  held: 'fill:#eaeef2,stroke:#6e7781,color:#1f2328,stroke-dasharray:4 3',
};

/** The dependency chain, left to right, without the edges implied by others (transitive reduction). */
export function phaseFlowchart(bundle: BundleResult): string | undefined {
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  if (phases.length < 2) return undefined;
  const index = new Map(phases.map((p, i) => [p.id, i]));
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    const phase = phases[index.get(from)!];
    for (const dep of phase?.dependsOn ?? []) {
      if (dep === to) return true;
      if (!seen.has(dep) && index.has(dep)) {
        seen.add(dep);
        if (reaches(dep, to, seen)) return true;
      }
    }
    return false;
  };
  const lines = ['flowchart LR'];
  for (const [i, p] of phases.entries()) {
    const held = heldBackBy(p, phases) ? ' ⏸️' : '';
    lines.push(`  p${i}["${mermaidText(p.name)} ${STATUS_ICON[p.status]}${held}"]:::${heldBackBy(p, phases) ? 'held' : p.status}`);
  }
  for (const [i, p] of phases.entries()) {
    for (const dep of p.dependsOn) {
      if (!index.has(dep)) continue;
      const implied = p.dependsOn.some((other) => other !== dep && index.has(other) && reaches(other, dep));
      if (!implied) lines.push(`  p${index.get(dep)} --> p${i}`);
    }
  }
  for (const [name, style] of Object.entries(CLASS_STYLE)) lines.push(`  classDef ${name} ${style}`);
  return fencedBlock(lines.join('\n'), 'mermaid');
}

/** Label text that cannot leave its quotes or start Mermaid markup. */
function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .slice(0, 60);
}

/** "2 critical · 1 high" (only the severities present), or "no findings". */
export function countsText(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(' · ') : 'no findings';
}
