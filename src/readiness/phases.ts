// Deployment phases: from `.dab-ready.yml`, else inferred from `phase<N>` in resource file names,
// else one phase holding everything. Findings attach to phases through the resources they concern.
import type { Bundle, DabReadyConfig, Finding, PhaseResult, PhaseStatus, PhaseWheelTask, Resource, Severity } from '../model.js';
import { severityRank } from '../model.js';
import type { CheckCatalog, CheckInfo } from './check-info.js';
import { hasGlobChars, matchesGlob, normalizeGlobPath } from './glob.js';

export const OTHER_PHASE_ID = 'other';
export const ALL_PHASE_ID = 'all';

interface PhaseSpec {
  id: string;
  name: string;
  /** Explicit dependencies (config `depends_on`); undefined = every earlier phase. */
  dependsOn?: string[];
  matches(resource: Resource): boolean;
}

/** Every resource of the analysed targets, first definition wins, in definition order. */
export function collectResources(bundle: Bundle, analysedTargets: string[]): Resource[] {
  const names = analysedTargets.filter((t) => bundle.targets?.has(t));
  const order = names.length > 0 ? names : [...(bundle.targets?.keys() ?? [])];
  const seen = new Map<string, Resource>();
  for (const name of order) {
    const view = bundle.targets.get(name);
    if (!view) continue;
    for (const byKey of view.resources.values()) {
      for (const resource of byKey.values()) {
        if (!seen.has(resource.address)) seen.set(resource.address, resource);
      }
    }
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Phase definitions

export function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'phase';
}

function configSpecs(config: DabReadyConfig): PhaseSpec[] | undefined {
  const phases = config.phases?.filter((p) => p.include.length > 0);
  if (!phases || phases.length === 0) return undefined;
  const used = new Set<string>();
  const specs = phases.map((p) => {
    let id = p.id?.trim() || slugify(p.name);
    for (let n = 2; used.has(id); n++) id = `${p.id?.trim() || slugify(p.name)}-${n}`;
    used.add(id);
    const patterns = p.include.map((i) => i.trim()).filter(Boolean);
    return {
      id,
      name: p.name,
      rawDependsOn: p.dependsOn,
      matches: (r: Resource) => patterns.some((pat) => includeMatches(pat, r)),
    };
  });
  const resolve = (ref: string): string | undefined => {
    const r = ref.trim().toLowerCase();
    return specs.find((s) => s.id.toLowerCase() === r)?.id ?? specs.find((s) => s.name.toLowerCase() === r)?.id;
  };
  return specs.map(({ rawDependsOn, ...spec }) => ({
    ...spec,
    ...(rawDependsOn
      ? { dependsOn: unique(rawDependsOn.map(resolve).filter((id): id is string => id !== undefined && id !== spec.id)) }
      : {}),
  }));
}

/** An include entry names a resource key (`train`) or address (`jobs.train`), or globs its file
 *  (`resources/phase2_*.yml`); a glob may also match keys and addresses (`jobs.train_*`). */
function includeMatches(pattern: string, r: Resource): boolean {
  if (pattern === r.key || pattern === r.address) return true;
  if (matchesGlob(pattern, normalizeGlobPath(r.file))) return true;
  return hasGlobChars(pattern) && (matchesGlob(pattern, r.key) || matchesGlob(pattern, r.address));
}

export interface InferredPhase {
  id: string;
  name: string;
  number: number;
}

const PHASE_IN_NAME = /phase[\s_.-]?(\d+)(.*)$/i;

/** `resources/jobs_phase2_training.yml` → { id: '2', name: 'Phase 2: Training' }. */
export function inferPhaseFromFile(file: string): InferredPhase | undefined {
  const segments = normalizeGlobPath(file).split('/');
  const base = segments[segments.length - 1].replace(/\.(ya?ml|json)$/i, '');
  const candidates = [base, ...segments.slice(0, -1).reverse()];
  for (const segment of candidates) {
    const m = PHASE_IN_NAME.exec(segment);
    if (!m) continue;
    const number = Number(m[1]);
    const words = m[2].split(/[\s_.-]+/).filter(Boolean).map(titleCase);
    const suffix = words.join(' ');
    return { id: String(number), number, name: suffix ? `Phase ${number}: ${suffix}` : `Phase ${number}` };
  }
  return undefined;
}

function titleCase(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

function inferredSpecs(resources: Resource[]): PhaseSpec[] | undefined {
  const byNumber = new Map<number, { files: Set<string>; suffixes: string[] }>();
  const files = unique(resources.map((r) => normalizeGlobPath(r.file))).sort();
  for (const file of files) {
    const inferred = inferPhaseFromFile(file);
    if (!inferred) continue;
    const entry = byNumber.get(inferred.number) ?? { files: new Set(), suffixes: [] };
    entry.files.add(file);
    const suffix = inferred.name.replace(/^Phase \d+:?\s*/, '');
    if (suffix && !entry.suffixes.includes(suffix)) entry.suffixes.push(suffix);
    byNumber.set(inferred.number, entry);
  }
  if (byNumber.size === 0) return undefined;
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, entry]) => ({
      id: String(number),
      name: entry.suffixes.length > 0 ? `Phase ${number}: ${entry.suffixes.join(' / ')}` : `Phase ${number}`,
      matches: (r: Resource) => entry.files.has(normalizeGlobPath(r.file)),
    }));
}

// ---------------------------------------------------------------------------------------------
// Building the phases

export interface PhaseBuild {
  phases: PhaseResult[];
  /** The findings with `phases` filled (new objects, same order). */
  findings: Finding[];
}

/**
 * Phases and their checklists. Attachment rules:
 * - a finding attaches to the phases holding the resources it names;
 * - else to the phases whose resource files contain its location;
 * - else, when critical (a broken bundle-wide config blocks every deploy), to every phase;
 * - else to none (it still counts in the score and appears among the gaps).
 * Resources that no phase claims form an "Other resources" phase (only when there are any), which
 * depends on nothing. A phase depends on every earlier one unless the config says `depends_on`.
 */
export function buildPhases(
  bundle: Bundle,
  findings: Finding[],
  config: DabReadyConfig,
  analysedTargets: string[],
  catalog: CheckCatalog,
  passedCount: number,
): PhaseBuild {
  const resources = collectResources(bundle, analysedTargets);
  const specs = configSpecs(config) ?? inferredSpecs(resources);
  const members = new Map<string, Resource[]>();
  let phaseSpecs: PhaseSpec[];
  if (specs) {
    phaseSpecs = [...specs];
    const other: Resource[] = [];
    for (const r of resources) {
      const spec = specs.find((s) => s.matches(r));
      if (spec) push(members, spec.id, r);
      else other.push(r);
    }
    if (other.length > 0) {
      let id = OTHER_PHASE_ID;
      while (phaseSpecs.some((s) => s.id === id)) id = `${id}-`;
      // last, so that no phase depends on it; it depends on nothing
      phaseSpecs.push({ id, name: 'Other resources', dependsOn: [], matches: () => false });
      members.set(id, other);
    }
  } else {
    phaseSpecs = [{ id: ALL_PHASE_ID, name: 'All resources', matches: () => true }];
    members.set(ALL_PHASE_ID, resources);
  }

  const phaseOf = new Map<string, string>();
  for (const [id, rs] of members) for (const r of rs) phaseOf.set(r.address, id);
  const filesOf = new Map<string, string[]>();
  for (const spec of phaseSpecs) {
    filesOf.set(spec.id, unique((members.get(spec.id) ?? []).map((r) => normalizeGlobPath(r.file))).sort());
  }
  const allIds = phaseSpecs.map((s) => s.id);

  const attached = findings.map((f) => {
    const phases = attachPhases(f, phaseOf, filesOf, allIds);
    return { ...f, phases };
  });

  // checks that fail in some phase: the phases they do not fail in show them as passed
  const failingChecks = new Set(attached.filter((f) => f.phases.length > 0).map((f) => f.check));
  const wheelTasks = collectWheelTasks(bundle, analysedTargets);
  const phases: PhaseResult[] = phaseSpecs.map((spec, order) => {
    const rs = members.get(spec.id) ?? [];
    const mine = attached.filter((f) => f.phases.includes(spec.id));
    const jobKeys = new Set(rs.filter((r) => r.type === 'jobs').map((r) => r.key));
    const wheels = wheelTasks.filter((w) => jobKeys.has(w.job));
    const scope: PhaseScope = { resourceTypes: new Set(rs.map((r) => r.type)), hasWheelTasks: wheels.length > 0 };
    return {
      id: spec.id,
      name: spec.name,
      order,
      status: phaseStatus(mine.map((f) => f.severity)),
      resources: rs.map((r) => r.address),
      jobs: rs.filter((r) => r.type === 'jobs').map((r) => r.key),
      files: filesOf.get(spec.id) ?? [],
      checklist: checklist(mine, failingChecks, catalog, passedCount, scope),
      dependsOn: spec.dependsOn ?? phaseSpecs.slice(0, order).map((s) => s.id),
      ...(wheels.length > 0 ? { wheelTasks: wheels } : {}),
    };
  });
  return { phases, findings: attached };
}

function attachPhases(f: Finding, phaseOf: Map<string, string>, filesOf: Map<string, string[]>, allIds: string[]): string[] {
  const byResource = unique((f.resources ?? []).map((a) => phaseOf.get(a)).filter((id): id is string => id !== undefined));
  if (byResource.length > 0) return sortByOrder(byResource, allIds);
  if (f.loc) {
    const file = normalizeGlobPath(f.loc.file);
    const byFile = allIds.filter((id) => filesOf.get(id)?.includes(file));
    if (byFile.length > 0) return byFile;
  }
  if (f.severity === 'critical') return [...allIds];
  return [];
}

function sortByOrder(ids: string[], allIds: string[]): string[] {
  return [...ids].sort((a, b) => allIds.indexOf(a) - allIds.indexOf(b));
}

export function phaseStatus(severities: Severity[]): PhaseStatus {
  if (severities.includes('critical')) return 'blocked';
  if (severities.some((s) => s === 'high' || s === 'medium')) return 'partial';
  return 'ready';
}

/** The checklist label of a failing check's worst severity (the seed's "→ BLOCKER"). */
export const CHECKLIST_LABEL: Record<Severity, string> = { critical: 'BLOCKER', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };

/** What a phase holds, to tell which passed checks concern it. */
export interface PhaseScope {
  resourceTypes: Set<string>;
  hasWheelTasks: boolean;
}

/** Whether a check that fails elsewhere says something about this phase when it passes here:
 *  wheel checks where the phase runs a wheel task, resource-specific checks where it holds such
 *  resources. Other passed checks are summed up in one line. */
export function concernsPhase(info: Pick<CheckInfo, 'category'>, scope: PhaseScope): boolean {
  switch (info.category) {
    case 'Python Package Build':
    case 'Entry Points':
      return scope.hasWheelTasks;
    case 'DLT Pipeline':
      return scope.resourceTypes.has('pipelines');
    case 'Vector Search Endpoints':
      return scope.resourceTypes.has('vector_search_endpoints');
    case 'Model Registry Integration':
      return scope.resourceTypes.has('model_serving_endpoints') || scope.resourceTypes.has('registered_models');
    default:
      return false;
  }
}

/** Failing checks first (worst first), then the passed checks that concern the phase, then one line
 *  for everything else. */
function checklist(
  mine: Finding[],
  failingChecks: Set<string>,
  catalog: CheckCatalog,
  passedCount: number,
  scope: PhaseScope,
): PhaseResult['checklist'] {
  const byCheck = new Map<string, Finding[]>();
  for (const f of mine) push(byCheck, f.check, f);
  const failing = [...byCheck.entries()]
    .map(([check, fs]) => ({ check, fs, severity: worst(fs.map((f) => f.severity)), info: catalog.info(check, fs[0].severity) }))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.info.order - b.info.order || cmp(a.check, b.check));
  const items: PhaseResult['checklist'] = [];
  for (const { check, fs, severity } of failing) {
    const count = fs.length > 1 ? ` (${fs.length} findings)` : '';
    const text = `${catalog.info(check, severity).title} → ${CHECKLIST_LABEL[severity]}${count}`;
    items.push({ text, ok: severity === 'low' || severity === 'info', severity, check });
  }
  const passedHere = [...failingChecks]
    .filter((c) => !byCheck.has(c))
    .map((c) => catalog.info(c))
    .filter((info) => concernsPhase(info, scope))
    .sort((a, b) => a.order - b.order || cmp(a.id, b.id));
  for (const info of passedHere) items.push({ text: info.successMessage, ok: true, check: info.id });
  if (passedCount > 0 || failingChecks.size > 0) {
    const text = failing.length > 0 ? 'No other check reports a finding in this phase' : 'Configuration complete: no check reports a finding in this phase';
    items.push({ text, ok: true });
  }
  return items;
}

/** The blocked phase that holds `phase` back through its dependencies (transitively), if any: the
 *  deploy plan does not deploy it while that phase is blocked. A blocked phase is not held back. */
export function heldBackBy(phase: PhaseResult, phases: readonly PhaseResult[]): PhaseResult | undefined {
  if (phase.status === 'blocked') return undefined;
  const byRef = new Map<string, PhaseResult>();
  for (const p of phases) byRef.set(p.id, p);
  for (const p of phases) if (!byRef.has(p.name)) byRef.set(p.name, p);
  const seen = new Set<string>([phase.id]);
  const visit = (p: PhaseResult): PhaseResult | undefined => {
    for (const ref of p.dependsOn) {
      const dep = byRef.get(ref);
      if (!dep || seen.has(dep.id)) continue;
      seen.add(dep.id);
      if (dep.status === 'blocked') return dep;
      const found = visit(dep);
      if (found) return found;
    }
    return undefined;
  };
  return visit(phase);
}

/** The python_wheel_tasks of the analysed targets (first definition wins), with the project that
 *  provides their package when its distribution name matches. */
export function collectWheelTasks(bundle: Bundle, analysedTargets: string[]): PhaseWheelTask[] {
  const names = analysedTargets.filter((t) => bundle.targets?.has(t));
  const order = names.length > 0 ? names : [...(bundle.targets?.keys() ?? [])];
  const seen = new Set<string>();
  const out: PhaseWheelTask[] = [];
  for (const name of order) {
    const view = bundle.targets.get(name);
    for (const job of view?.jobs ?? []) {
      for (const task of job.tasks) {
        if (task.type !== 'python_wheel_task') continue;
        const id = `${job.key}\u0000${task.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const text = (field: string): string | undefined => {
          const node = task.typeNode?.entries.get(field);
          if (node?.kind !== 'scalar' || node.value === null) return undefined;
          const value = view!.interpolate(String(node.value), node.loc);
          return value.resolved && value.value.trim() ? value.value.trim() : undefined;
        };
        const ref: PhaseWheelTask = { job: job.key, task: task.key };
        const packageName = text('package_name');
        const entryPoint = text('entry_point');
        if (packageName) ref.packageName = packageName;
        if (entryPoint) ref.entryPoint = entryPoint;
        const project = packageName ? bundle.python?.find((p) => p.normalizedName === pep503(packageName)) : undefined;
        if (project) ref.projectDir = project.dir;
        out.push(ref);
      }
    }
  }
  return out;
}

function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function worst(severities: Severity[]): Severity {
  return severities.reduce<Severity>((w, s) => (severityRank(s) < severityRank(w) ? s : w), 'info');
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
