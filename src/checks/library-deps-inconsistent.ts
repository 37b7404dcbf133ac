import type { Bundle, Check, Job, Loc, Pipeline, RawFinding, TargetView, Task } from '../model.js';
import { normalizeName } from '../project/python.js';
import { evidenceAt } from './lib/evidence.js';
import { asScalar, asSeq, asString, get } from './lib/nodes.js';
import { oncePerShared } from './lib/node-memo.js';
import { isRemotePath, resolveRelative } from './lib/paths.js';
import { taskEntries, type TaskEntry } from './lib/task-code.js';

export const libraryDepsInconsistent: Check = {
  id: 'library-deps-inconsistent',
  category: 'Library Dependencies',
  severity: 'medium',
  effortHours: 1,
  title: 'Job libraries are declared, pinned and consistent',
  successMessage: 'Tasks declare their libraries on the job, pinned and at one version per package',
  docs: `Tasks on a cluster whose notebooks install their own dependencies with \`%pip install\` (and declare
no task libraries, or whose environment lists no dependencies) reinstall them on every run: slower
starts, nothing cached, and the versions drift between runs and between jobs. Unpinned requirements
(\`pandas\`) change under the job without a commit, and one package at different versions in different
notebooks or tasks makes results depend on which one ran. Medium when a %pip install is unpinned or
versions differ, low when every %pip is pinned and consistent (only the place is wrong).
Where the %pip cell is the documented place - notebook tasks on serverless compute (tasks there take
no libraries) and classic pipelines - only unpinned versions count. Serverless pipelines take
\`environment.dependencies\`, never \`libraries: - pypi:\`. A %pip install of the bundle's own wheel (a
.whl path, a spark.conf or widget value) is not a dependency problem.
Fix: declare the dependencies on the task (\`libraries: [{pypi: {package: "transformers==4.40.2"}}]\`),
on its environment (\`environments[].spec.dependencies\`), on a serverless pipeline's
\`environment.dependencies\`, or build them into the project's wheel and attach it
(\`whl: ../dist/*.whl\`); pin versions and use the same pin everywhere.
Reference: https://docs.databricks.com/dev-tools/bundles/library-dependencies ; https://docs.databricks.com/libraries/notebooks-python-libraries.html`,
  breaksDeploy: false,
  run(bundle, target) {
    return [...pipInsteadOfLibraries(bundle, target), ...unpinned(bundle, target), ...differentVersions(bundle, target)];
  },
};

interface Requirement {
  name: string; // PEP 503
  display: string; // as written, without extras
  spec: string; // version specifier ('' when unpinned)
}

/** `name[extra] >=1,<2 ; marker` -> name and specifier; undefined for paths, URLs and pip flags. */
export function parseRequirement(text: string): Requirement | undefined {
  const t = text.trim();
  if (!t || t.startsWith('-') || t.includes('://') || t.startsWith('.') || t.startsWith('/') || /\.(whl|jar|egg|tar\.gz|zip)$/i.test(t)) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)/.exec(t);
  if (!m) return undefined;
  const spec = m[3].trim();
  if (spec.startsWith('@')) return { name: normalizeName(m[1]), display: m[1], spec };
  return { name: normalizeName(m[1]), display: m[1], spec: spec.replace(/\s+/g, '') };
}

/** How the code that runs a %pip cell gets its dependencies, which decides what to propose. */
type Compute =
  | { kind: 'cluster' } // task libraries
  | { kind: 'environment'; key: string } // the job environment's dependencies
  | { kind: 'serverless-notebook' } // the notebook's own %pip cell (tasks take no libraries on serverless)
  | { kind: 'serverless-pipeline' } // the pipeline's environment.dependencies
  | { kind: 'classic-pipeline' }; // the %pip cell, as Databricks documents for classic pipelines

interface PipPlace {
  file: string;
  line: number;
  requirements: Requirement[];
  files: string[]; // -r requirement files
  compute: Compute;
  resources: Set<string>;
  owners: Set<string>; // `task job.task` / `pipeline key`
}

/** %pip cells of task notebooks and pipeline sources that install dependencies the job or pipeline does not declare. */
function pipInsteadOfLibraries(bundle: Bundle, target: TargetView): RawFinding[] {
  const places = new Map<string, PipPlace>();
  const add = (file: string, compute: Compute, resource: string, owner: string) => {
    // Only the bundle's own wheel or paths (a .whl under ${workspace.file_path}, a spark.conf or widget value) is not a dependency.
    const cells = (bundle.fileIndex.facts(file)?.pipInstalls ?? [])
      .map((pip) => ({ pip, requirements: pip.packages.map(parseRequirement).filter((r): r is Requirement => r !== undefined), files: pip.requirements ?? [] }))
      .filter((c) => c.requirements.length > 0 || c.files.length > 0);
    if (cells.length === 0) return;
    const first = cells[0].pip;
    const key = `${file}:${first.line}:${compute.kind}`;
    const place = places.get(key) ?? {
      file,
      line: first.line,
      requirements: cells.flatMap((c) => c.requirements),
      files: cells.flatMap((c) => c.files),
      compute,
      resources: new Set<string>(),
      owners: new Set<string>(),
    };
    place.resources.add(resource);
    place.owners.add(owner);
    places.set(key, place);
  };
  for (const task of pipTasks(bundle, taskEntries(bundle, target))) add(task.file, task.compute, task.resource, task.owner);
  for (const pipeline of target.pipelines) {
    if ((asSeq(get(pipeline.node, 'environment', 'dependencies'))?.items.length ?? 0) > 0) continue;
    const compute: Compute = asScalar(get(pipeline.node, 'serverless'))?.value === true ? { kind: 'serverless-pipeline' } : { kind: 'classic-pipeline' };
    for (const file of pipelineFiles(bundle, target, pipeline)) add(file, compute, pipeline.address, `pipeline ${pipeline.key}`);
  }
  const findings: RawFinding[] = [];
  for (const place of places.values()) {
    const unpinned = place.requirements.filter((r) => !isExactPin(r.spec));
    // Where the %pip cell is the documented place, only unpinned versions are a problem.
    const cellIsTheWay = place.compute.kind === 'serverless-notebook' || place.compute.kind === 'classic-pipeline';
    if (cellIsTheWay && unpinned.length === 0) continue;
    findings.push(pipFinding(bundle, place, unpinned, cellIsTheWay));
  }
  return findings;
}

interface PipTask {
  file: string;
  compute: Compute;
  resource: string;
  owner: string;
}

/** The tasks whose notebook or file has %pip cells and that declare no libraries: once per list of entries (targets share it). */
const pipTasks = oncePerShared((bundle: Bundle, entries: readonly TaskEntry[]): readonly PipTask[] => {
  const tasks: PipTask[] = [];
  for (const entry of entries) {
    if (entry.field !== 'notebook_path' && entry.field !== 'python_file') continue;
    if (entry.task.libraries.length > 0 || entry.task.environmentDependencies.length > 0) continue;
    if ((bundle.fileIndex.facts(entry.file)?.pipInstalls.length ?? 0) === 0) continue;
    tasks.push({ file: entry.file, compute: taskCompute(entry.task), resource: entry.job.address, owner: `task ${entry.job.key}.${entry.task.key}` });
  }
  return tasks;
});

function pipFinding(bundle: Bundle, place: PipPlace, unpinned: Requirement[], cellIsTheWay: boolean): RawFinding {
  const loc: Loc = { file: place.file, line: place.line, column: 1 };
  const owners = [...place.owners].sort();
  const installed = [...place.requirements.map((r) => r.display + r.spec), ...place.files.map((f) => `-r ${f}`)].join(' ');
  const unpinnedNote =
    unpinned.length === 0 ? '' : unpinned.length === place.requirements.length ? ' (none pinned)' : ` (not pinned: ${unpinned.map((r) => r.display + r.spec).join(', ')})`;
  const who = owners.join(', ');
  const verb = owners.length === 1 ? 's' : '';
  const compute = place.compute;
  const declared =
    compute.kind === 'cluster'
      ? `while ${who} declare${verb} no libraries`
      : compute.kind === 'environment'
        ? `while the environment ${compute.key} of ${who} lists no dependencies`
        : compute.kind === 'serverless-pipeline'
          ? `while ${who} declare${verb} no environment dependencies`
          : `for ${who} (${compute.kind === 'classic-pipeline' ? 'a classic pipeline' : 'on serverless compute'}, where the %pip cell is the place for dependencies)`;
  return {
    check: libraryDepsInconsistent.id,
    severity: unpinned.length > 0 ? 'medium' : 'low',
    message: `${place.file} installs ${installed} with %pip install${unpinnedNote} ${declared}`,
    loc,
    resources: [...place.resources].sort(),
    evidence: evidenceAt(bundle, loc, 0, 0),
    impact: cellIsTheWay
      ? 'Every run installs the newest release of the unpinned packages: a release can break the run without any change in the repository.'
      : 'Libraries are downloaded and installed on every run (slower start, nothing cached) and their versions can drift between runs.',
    fix: pipFix(place, cellIsTheWay),
  };
}

function pipFix(place: PipPlace, cellIsTheWay: boolean): RawFinding['fix'] {
  const pins = place.requirements.map(pinned);
  const compute = place.compute;
  if (cellIsTheWay) {
    return {
      text: `Pin every package of the %pip cell to the version the ${compute.kind === 'classic-pipeline' ? 'pipeline' : 'notebook'} is tested with (on ${compute.kind === 'classic-pipeline' ? 'classic pipelines' : 'serverless notebook tasks'} the %pip cell is where dependencies belong).`,
      patch: `%pip install ${pins.map((p) => p.spec).join(' ')}`,
    };
  }
  if (compute.kind === 'serverless-pipeline') {
    return {
      text: "Declare the dependencies in the pipeline's environment (serverless pipelines install them before the source runs), pinned, and remove the %pip cell.",
      patch: `environment:\n  dependencies:\n${pins.map((p) => `    - "${p.spec}"${p.note}`).join('\n')}`,
    };
  }
  if (compute.kind === 'environment') {
    return {
      text: `Declare the dependencies in the job environment ${compute.key} (environments[].spec.dependencies), pinned, and remove the %pip cell.`,
      patch: `environments:\n  - environment_key: ${compute.key}\n    spec:\n      dependencies:\n${pins.map((p) => `        - "${p.spec}"${p.note}`).join('\n')}`,
    };
  }
  return {
    text: 'Declare the dependencies on the task (or its job cluster), pinned, and remove the %pip cell.',
    patch: `libraries:\n${pins.map((p) => `  - pypi:\n      package: "${p.spec}"${p.note}`).join('\n')}`,
  };
}

/** `name==1.2.3`, or `name==<version>` with a note keeping the range it had (a range becomes a pin to the tested version). */
function pinned(r: Requirement): { spec: string; note: string } {
  const exact = isExactPin(r.spec);
  return { spec: `${r.display}${exact ? r.spec : '==<version>'}`, note: r.spec && !exact ? `  # now ${r.spec}: pin the tested version` : '' };
}

const isExactPin = (spec: string): boolean => /^===?[^,*]+$/.test(spec);

/** What a task runs on: a cluster (job cluster, new or existing cluster), a job environment, or serverless. */
function taskCompute(task: Task): Compute {
  if (get(task.node, 'job_cluster_key') || get(task.node, 'new_cluster') || get(task.node, 'existing_cluster_id')) return { kind: 'cluster' };
  const env = asString(get(task.node, 'environment_key'));
  if (env !== undefined) return { kind: 'environment', key: env };
  return { kind: 'serverless-notebook' };
}

/** The local notebooks/files a pipeline's libraries name (`glob: include: dir/**` lists the folder). */
function pipelineFiles(bundle: Bundle, target: TargetView, pipeline: Pipeline): string[] {
  const files: string[] = [];
  for (const lib of pipeline.libraries) {
    const raw = lib.path.trim();
    if (!raw || isRemotePath(raw)) continue;
    const resolved = resolveRelative(lib.node.loc, target.interpolate(raw, lib.node.loc).value);
    if (resolved.endsWith('/**')) files.push(...bundle.fileIndex.list(resolved.slice(0, -3)));
    else for (const candidate of [resolved, `${resolved}.py`, `${resolved}.sql`]) if (bundle.fileIndex.exists(candidate)) { files.push(candidate); break; }
  }
  return files;
}

function unpinned(bundle: Bundle, target: TargetView): RawFinding[] {
  const found = new Map<string, { req: Requirement; loc: Loc; resources: Set<string> }>();
  for (const job of target.jobs) {
    for (const { req, loc } of jobRequirements(job)) {
      if (req.spec !== '') continue;
      const key = `${loc.file}:${loc.line}:${loc.column}`;
      const entry = found.get(key) ?? { req, loc, resources: new Set<string>() };
      entry.resources.add(job.address);
      found.set(key, entry);
    }
  }
  return [...found.values()].map(({ req, loc, resources }) => ({
    check: libraryDepsInconsistent.id,
    severity: 'low' as const, // a smell, not a gap: many templates leave libraries unpinned
    message: `library ${req.display} is not pinned to a version`,
    loc,
    resources: [...resources].sort(),
    evidence: evidenceAt(bundle, loc, 0, 0),
    impact: 'Every new cluster installs the newest release: a release of the package can break the job without any change in the repository.',
    fix: { text: `Pin the version the job is tested with.`, patch: `package: "${req.display}==<version>"` },
  }));
}

const requirementsByJob = new WeakMap<Job, readonly { req: Requirement; loc: Loc; task: Task }[]>();

/** The requirements (pypi libraries, dependencies) of a job's tasks, in order: once per job, which targets share. */
function jobRequirements(job: Job): readonly { req: Requirement; loc: Loc; task: Task }[] {
  let found = requirementsByJob.get(job);
  if (found) return found;
  const list: { req: Requirement; loc: Loc; task: Task }[] = [];
  for (const task of job.tasks) {
    for (const lib of [...task.libraries, ...task.environmentDependencies]) {
      if (lib.kind !== 'pypi' && lib.kind !== 'dependency') continue;
      const req = parseRequirement(lib.value);
      if (req) list.push({ req, loc: lib.node.loc, task });
    }
  }
  requirementsByJob.set(job, (found = list));
  return found;
}

/** The entries whose file has %pip cells: once per list of entries. */
const pipEntries = oncePerShared((bundle: Bundle, entries: readonly TaskEntry[]): readonly TaskEntry[] =>
  entries.filter((entry) => (bundle.fileIndex.facts(entry.file)?.pipInstalls.length ?? 0) > 0),
);

function differentVersions(bundle: Bundle, target: TargetView): RawFinding[] {
  // package -> specifier -> first place it is written, the resources using it and who declares it
  // (a task's libraries, or a notebook's %pip cell)
  const specs = new Map<string, Map<string, { display: string; loc: Loc; resources: Set<string>; owners: Set<string> }>>();
  const record = (req: Requirement | undefined, loc: Loc, resource: string, owner: string) => {
    if (!req || req.spec === '') return;
    const bySpec = specs.get(req.name) ?? new Map();
    const place = bySpec.get(req.spec) ?? { display: req.display, loc, resources: new Set<string>(), owners: new Set<string>() };
    place.resources.add(resource);
    place.owners.add(owner);
    bySpec.set(req.spec, place);
    specs.set(req.name, bySpec);
  };
  for (const job of target.jobs) for (const { req, loc, task } of jobRequirements(job)) record(req, loc, job.address, `${job.key}.${task.key}`);
  const cells = (file: string, resource: string) => {
    for (const pip of bundle.fileIndex.facts(file)?.pipInstalls ?? []) {
      for (const pkg of pip.packages) record(parseRequirement(pkg), { file, line: pip.line, column: 1 }, resource, file);
    }
  };
  for (const entry of pipEntries(bundle, taskEntries(bundle, target))) cells(entry.file, entry.job.address);
  for (const pipeline of target.pipelines) for (const file of pipelineFiles(bundle, target, pipeline)) cells(file, pipeline.address);
  const findings: RawFinding[] = [];
  for (const bySpec of specs.values()) {
    if (bySpec.size < 2) continue;
    const places = [...bySpec.entries()];
    const owners = new Set(places.flatMap(([, p]) => [...p.owners]));
    if (owners.size < 2) continue; // one place naming two specifiers is pip's business (it combines them)
    const resources = [...new Set(places.flatMap(([, p]) => [...p.resources]))].sort();
    const loc = places[0][1].loc;
    findings.push({
      check: libraryDepsInconsistent.id,
      message: `${places[0][1].display} is required at different versions: ${places.map(([spec, p]) => `${spec} (${p.loc.file}:${p.loc.line})`).join(', ')}`,
      loc,
      resources,
      evidence: evidenceAt(bundle, loc, 0, 0),
      impact: 'Tasks and notebooks run against different versions of the same library: results depend on which one ran.',
      fix: { text: `Use one pinned version of ${places[0][1].display} everywhere (or ship it as a dependency of the project's wheel).` },
    });
  }
  return findings;
}
