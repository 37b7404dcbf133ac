import type { Bundle, Check, Loc, Pipeline, RawFinding, TargetView } from '../model.js';
import { normalizeName } from '../project/python.js';
import { evidenceAt } from './lib/evidence.js';
import { asSeq, get } from './lib/nodes.js';
import { isRemotePath, resolveRelative } from './lib/paths.js';
import { taskEntries } from './lib/task-code.js';

export const libraryDepsInconsistent: Check = {
  id: 'library-deps-inconsistent',
  category: 'Library Dependencies',
  severity: 'medium',
  effortHours: 1,
  title: 'Job libraries are declared, pinned and consistent',
  successMessage: 'Tasks declare their libraries on the job, pinned and at one version per package',
  docs: `Tasks whose notebooks install their own dependencies with \`%pip install\` (and declare no job
libraries or environment) reinstall them on every run: slower starts, nothing cached, and the versions
drift between runs and between jobs. Unpinned requirements (\`pandas\`) change under the job without a
commit, and one package at different versions in different jobs makes results depend on which job ran.
Fix: declare the dependencies on the task (\`libraries: [{pypi: {package: "transformers==4.40.2"}}]\`),
on a serverless environment (\`environments[].spec.dependencies\`), or build them into the project's
wheel and attach it (\`whl: ../dist/*.whl\`); pin versions and use the same pin in every job.
Reference: databricks-bundles.md §6 "artifacts" (wheels in environment dependencies), §14 (%pip cells).`,
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

function pipInsteadOfLibraries(bundle: Bundle, target: TargetView): RawFinding[] {
  const byPlace = new Map<string, { file: string; line: number; text: string; packages: string[]; resources: Set<string>; tasks: Set<string> }>();
  for (const entry of taskEntries(bundle, target)) {
    if (entry.field !== 'notebook_path' && entry.field !== 'python_file') continue;
    if (entry.task.libraries.length > 0 || entry.task.environmentDependencies.length > 0) continue;
    const pip = bundle.fileIndex.facts(entry.file)?.pipInstalls ?? [];
    if (pip.length === 0) continue;
    const first = pip[0];
    const key = `${entry.file}:${first.line}`;
    const place = byPlace.get(key) ?? { file: entry.file, line: first.line, text: first.text, packages: pip.flatMap((p) => p.packages), resources: new Set<string>(), tasks: new Set<string>() };
    place.resources.add(entry.job.address);
    place.tasks.add(`${entry.job.key}.${entry.task.key}`);
    byPlace.set(key, place);
  }
  for (const pipeline of target.pipelines) {
    if ((asSeq(get(pipeline.node, 'environment', 'dependencies'))?.items.length ?? 0) > 0) continue;
    for (const file of pipelineFiles(bundle, target, pipeline)) {
      const pip = bundle.fileIndex.facts(file)?.pipInstalls ?? [];
      if (pip.length === 0) continue;
      const key = `${file}:${pip[0].line}`;
      const place = byPlace.get(key) ?? { file, line: pip[0].line, text: pip[0].text, packages: pip.flatMap((p) => p.packages), resources: new Set<string>(), tasks: new Set<string>() };
      place.resources.add(pipeline.address);
      place.tasks.add(`pipeline ${pipeline.key}`);
      byPlace.set(key, place);
    }
  }
  return [...byPlace.values()].map((p) => {
    const loc: Loc = { file: p.file, line: p.line, column: 1 };
    const tasks = [...p.tasks].sort();
    const pins = p.packages.map(parseRequirement).filter((r): r is Requirement => r !== undefined);
    const patch = `libraries:\n${(pins.length ? pins : [{ display: '<package>', spec: '==<version>' } as Requirement])
      .map((r) => {
        // an exact pin stays; a range (>=4.40.0) becomes a pin to the version the job is tested with
        const exact = /^===?[^,*]+$/.test(r.spec);
        const note = r.spec && !exact ? `  # now ${r.spec}: pin the tested version` : '';
        return `  - pypi:\n      package: "${r.display}${exact ? r.spec : '==<version>'}"${note}`;
      })
      .join('\n')}`;
    return {
      check: libraryDepsInconsistent.id,
      message: `${p.file} installs its dependencies with %pip install (${p.packages.join(' ') || 'requirements'}) while ${tasks.map((t) => (t.startsWith('pipeline ') ? t : `task ${t}`)).join(', ')} declare${tasks.length === 1 ? 's' : ''} no libraries or environment`,
      loc,
      resources: [...p.resources].sort(),
      evidence: evidenceAt(bundle, loc, 0, 0),
      impact: 'Libraries are downloaded and installed on every run (slower start, nothing cached) and their versions can drift between runs.',
      fix: { text: 'Declare the dependencies on the task (or its environment), pinned, and remove the %pip cell.', patch },
    };
  });
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
    for (const task of job.tasks) {
      for (const lib of [...task.libraries, ...task.environmentDependencies]) {
        if (lib.kind !== 'pypi' && lib.kind !== 'dependency') continue;
        const req = parseRequirement(lib.value);
        if (!req || req.spec !== '') continue;
        const loc = lib.node.loc;
        const key = `${loc.file}:${loc.line}:${loc.column}`;
        const entry = found.get(key) ?? { req, loc, resources: new Set<string>() };
        entry.resources.add(job.address);
        found.set(key, entry);
      }
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

function differentVersions(bundle: Bundle, target: TargetView): RawFinding[] {
  // package -> specifier -> first place it is written, and the jobs using it
  const specs = new Map<string, Map<string, { display: string; loc: Loc; resources: Set<string> }>>();
  const record = (req: Requirement | undefined, loc: Loc, resource: string) => {
    if (!req || req.spec === '') return;
    const bySpec = specs.get(req.name) ?? new Map();
    const place = bySpec.get(req.spec) ?? { display: req.display, loc, resources: new Set<string>() };
    place.resources.add(resource);
    bySpec.set(req.spec, place);
    specs.set(req.name, bySpec);
  };
  for (const job of target.jobs) {
    for (const task of job.tasks) {
      for (const lib of [...task.libraries, ...task.environmentDependencies]) {
        if (lib.kind === 'pypi' || lib.kind === 'dependency') record(parseRequirement(lib.value), lib.node.loc, job.address);
      }
    }
  }
  for (const entry of taskEntries(bundle, target)) {
    for (const pip of bundle.fileIndex.facts(entry.file)?.pipInstalls ?? []) {
      for (const pkg of pip.packages) record(parseRequirement(pkg), { file: entry.file, line: pip.line, column: 1 }, entry.job.address);
    }
  }
  const findings: RawFinding[] = [];
  for (const bySpec of specs.values()) {
    if (bySpec.size < 2) continue;
    const places = [...bySpec.entries()];
    const resources = [...new Set(places.flatMap(([, p]) => [...p.resources]))].sort();
    if (resources.length < 2) continue; // different specifiers inside one job are one environment's business
    const loc = places[0][1].loc;
    findings.push({
      check: libraryDepsInconsistent.id,
      message: `${places[0][1].display} is required at different versions: ${places.map(([spec, p]) => `${spec} (${p.loc.file}:${p.loc.line})`).join(', ')}`,
      loc,
      resources,
      evidence: evidenceAt(bundle, loc, 0, 0),
      impact: 'Jobs run against different versions of the same library: results depend on which job ran.',
      fix: { text: `Use one pinned version of ${places[0][1].display} in every job (or ship it as a dependency of the project's wheel).` },
    });
  }
  return findings;
}
