import type { BundleResult, PhaseResult, PhaseStatus } from '../model.js';
import { deployBreakingFindings } from './breaks-deploy.js';

// The deploy plan: the phases that may run now, as a GitHub Actions matrix, in order. A phase runs
// when it is not blocked and nothing it depends on (transitively) is blocked or held back; partial
// phases (high/medium findings) may run. Everything else is listed with the reason.

export interface MatrixLeg {
  phase: string;
  name: string;
  jobs: string[];
  status: PhaseStatus;
  order: number;
  /** The bundle folder, relative to the analysed path (set when the plan covers several bundles). */
  bundle?: string;
}

export interface HeldPhase {
  phase: string;
  name: string;
  reason: string;
  bundle?: string;
}

export interface DeployPlan {
  matrix: { include: MatrixLeg[] };
  blocked: HeldPhase[];
  hasPhases: boolean;
  /**
   * Findings that make `bundle deploy` of the whole bundle fail for the target: while any is left,
   * `dab-ready deploy` refuses every phase, including the ones in the matrix.
   */
  deployBlockers: string[];
}

export function planDeploy(bundle: BundleResult, options: { target?: string } = {}): DeployPlan {
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  const verdicts = phaseVerdicts(phases);
  const include: MatrixLeg[] = [];
  const blocked: HeldPhase[] = [];
  for (const p of phases) {
    const reason = verdicts.get(p.id);
    if (reason === undefined) include.push({ phase: p.id, name: p.name, jobs: [...p.jobs], status: p.status, order: p.order });
    else blocked.push({ phase: p.id, name: p.name, reason });
  }
  return { matrix: { include }, blocked, hasPhases: include.length > 0, deployBlockers: deployBreakingFindings(bundle.findings, options.target) };
}

/** undefined = may run; otherwise why not (a held-back phase names the blocked phase behind it). */
export function phaseVerdicts(phases: PhaseResult[]): Map<string, string | undefined> {
  const byRef = new Map<string, PhaseResult>();
  for (const p of phases) byRef.set(p.id, p);
  for (const p of phases) if (!byRef.has(p.name)) byRef.set(p.name, p);
  const roots = new Map<string, string | undefined>(); // phase id -> id of the blocked phase stopping it
  const visiting = new Set<string>();
  const rootOf = (p: PhaseResult): string | undefined => {
    if (roots.has(p.id)) return roots.get(p.id);
    if (visiting.has(p.id)) return p.id; // a dependency cycle can never be satisfied
    visiting.add(p.id);
    let root: string | undefined = p.status === 'blocked' ? p.id : undefined;
    for (const ref of p.dependsOn) {
      if (root !== undefined) break;
      const dep = byRef.get(ref);
      if (dep && dep.id !== p.id) root = rootOf(dep);
    }
    visiting.delete(p.id);
    roots.set(p.id, root);
    return root;
  };
  const verdicts = new Map<string, string | undefined>();
  for (const p of phases) {
    const root = rootOf(p);
    if (root === undefined) verdicts.set(p.id, undefined);
    else if (root === p.id) verdicts.set(p.id, p.status === 'blocked' ? `blocked: ${blockingChecks(p)}` : `held back: dependency cycle through phase ${p.id}`);
    else if (byRef.get(root)?.status === 'blocked') verdicts.set(p.id, `held back: depends on blocked phase ${root}`);
    else verdicts.set(p.id, `held back: dependency cycle through phase ${root}`);
  }
  return verdicts;
}

function blockingChecks(p: PhaseResult): string {
  const items = p.checklist.filter((c) => !c.ok && c.severity === 'critical');
  if (items.length === 0) return 'critical findings';
  return items.map((c) => {
    const text = c.text.replace(/ → [A-Z]+( \(\d+ findings\))?$/, '');
    return c.check ? `${c.check} (${text})` : text;
  }).join('; ');
}

/** Plans of several bundles as one matrix: legs carry their bundle folder. */
export function combinePlans(plans: { root: string; plan: DeployPlan }[]): DeployPlan {
  if (plans.length === 1) return plans[0].plan;
  const include: MatrixLeg[] = [];
  const blocked: HeldPhase[] = [];
  const deployBlockers: string[] = [];
  for (const { root, plan } of plans) {
    include.push(...plan.matrix.include.map((leg) => ({ ...leg, bundle: root })));
    blocked.push(...plan.blocked.map((b) => ({ ...b, bundle: root })));
    deployBlockers.push(...plan.deployBlockers.map((d) => `${root}: ${d}`));
  }
  return { matrix: { include }, blocked, hasPhases: include.length > 0, deployBlockers };
}
