import type { DeployPlan } from './plan.js';

// The deploy plan for people: text for a terminal, Markdown for a summary. JSON is the plan itself.

export function renderPlanText(plan: DeployPlan, target?: string): string {
  const lines: string[] = [];
  lines.push(`Deploy plan${target ? ` for target ${target}` : ''}: ${plan.matrix.include.length} phase(s) may deploy now, ${plan.blocked.length} held back`);
  for (const leg of plan.matrix.include) {
    const jobs = leg.jobs.length ? `jobs: ${leg.jobs.join(', ')}` : 'no jobs to run';
    lines.push(`  ✓ ${prefix(leg.bundle)}${leg.phase}  ${leg.name}  [${leg.status}]  ${jobs}`);
  }
  for (const b of plan.blocked) lines.push(`  ✗ ${prefix(b.bundle)}${b.phase}  ${b.name}  ${b.reason}`);
  if (!plan.hasPhases) lines.push('Nothing may deploy: fix the blocking findings first (dab-ready check).');
  if (plan.deployBlockers.length) {
    lines.push('bundle deploy applies the whole bundle and would fail; dab-ready deploy refuses every phase until these are fixed:');
    for (const d of plan.deployBlockers) lines.push(`  ! ${d}`);
  }
  return lines.join('\n') + '\n';
}

export function renderPlanMarkdown(plan: DeployPlan, target?: string): string {
  const lines: string[] = [];
  lines.push(`### Deploy plan${target ? ` (target \`${target}\`)` : ''}`, '');
  lines.push('| Phase | Name | Status | Jobs |', '| --- | --- | --- | --- |');
  for (const leg of plan.matrix.include) {
    lines.push(`| ${cell(prefix(leg.bundle) + leg.phase)} | ${cell(leg.name)} | ✅ ${leg.status} | ${cell(leg.jobs.map((j) => `\`${j}\``).join(', ') || '—')} |`);
  }
  for (const b of plan.blocked) {
    lines.push(`| ${cell(prefix(b.bundle) + b.phase)} | ${cell(b.name)} | ⛔ ${cell(b.reason)} | — |`);
  }
  if (!plan.hasPhases) lines.push('', 'Nothing may deploy yet: fix the blocking findings first.');
  if (plan.deployBlockers.length) {
    lines.push('', '`bundle deploy` applies the whole bundle and would fail; `dab-ready deploy` refuses every phase until these are fixed:', '');
    for (const d of plan.deployBlockers) lines.push(`- ${cell(d)}`);
  }
  return lines.join('\n') + '\n';
}

function prefix(bundle?: string): string {
  return bundle ? `${bundle}:` : '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
