import path from 'node:path';
import type { Bundle, Check, RawFinding, TargetView } from '../model.js';
import { goMatcher } from '../project/goglob.js';
import { commentedResourceFiles, type CommentedResourceFile } from './lib/commented-resources.js';
import { isRemotePath, resolveRelative } from './lib/paths.js';
import { importedFiles } from './lib/task-code.js';

const SOURCE_EXTS = ['.py', '.sql', '.ipynb'];
const SKIPPED_DIRS = /(^|\/)(\.[^/]+|node_modules|site-packages|venv|build|dist)\//;
/** How many imports deep pipeline sources are followed to find the package code they use. */
const IMPORT_DEPTH = 3;

export const dltPipelineDisabled: Check = {
  id: 'dlt-pipeline-disabled',
  category: 'DLT Pipeline',
  severity: 'low',
  effortHours: 8,
  title: 'DLT pipelines are enabled or removed',
  successMessage: 'No pipeline resource file is commented out and every DLT pipeline source belongs to a pipeline',
  docs: `A resource file whose every line is commented out and that defines a Lakeflow Declarative
Pipeline (DLT) deploys nothing: the pipeline does not exist in the workspace, and its sources
(\`import dlt\` / \`from pyspark import pipelines\`) are synced but never run; the pipeline module is only
available inside a pipeline. One finding per file, naming the sources it would run. A pipeline source
(a notebook or file a pipeline would list) that no pipeline includes is reported too; package code
that imports dlt (modules inside a distribution's packages, or imported by pipeline sources) is not a
pipeline source, and a source a pipeline names by a broken path is path-not-found's. This is not an
error, but the files suggest a capability the deployment does not have. Commented-out files that
define other resources are resource-file-disabled's.
Fix: either enable the pipeline (uncomment the resource; \`libraries\` entries point at the DLT sources,
relative to the YAML file; set \`catalog\` and \`schema\`), or delete the commented file and the unused
sources. Reference: https://docs.databricks.com/dev-tools/bundles/resources#pipelines ; https://docs.databricks.com/delta-live-tables/python-ref.html`,
  breaksDeploy: false,
  run(bundle, target) {
    const disabled = commentedResourceFiles(bundle).filter((c) => c.addresses.some((a) => a.startsWith('pipelines.')));
    return [...disabled.map((c) => disabledPipelineFile(bundle, c)), ...unusedDltSources(bundle, target, disabled)];
  },
};

function disabledPipelineFile(bundle: Bundle, c: CommentedResourceFile): RawFinding {
  const matches = sourceMatchers(c.pipelineSources);
  const sources = dltSources(bundle).filter((f) => matches.some((m) => m(f)));
  return {
    check: dltPipelineDisabled.id,
    message:
      `${c.file} is entirely commented out: ${c.addresses.join(', ')} ${c.addresses.length === 1 ? 'is' : 'are'} not deployed` +
      (sources.length > 0 ? ` and ${sources.join(', ')} never run${sources.length === 1 ? 's' : ''}` : ''),
    loc: c.loc,
    resources: [],
    evidence: c.evidence,
    impact: 'The DLT pipeline does not exist in the workspace: no declarative expectations, lineage or streaming; only the job-based pipeline runs.',
    fix: {
      text: `Uncomment the resources (check that their library paths exist relative to ${c.file}) to deploy them, or delete ${c.file}${sources.length > 0 ? ' and its sources' : ''} if the job-based pipeline is the chosen design.`,
    },
  };
}

/** Pipeline sources (notebooks / files that import the pipeline module) that no pipeline includes. */
function unusedDltSources(bundle: Bundle, target: TargetView, disabled: CommentedResourceFile[]): RawFinding[] {
  const enabled = enabledPipelinePaths(target);
  // A source a pipeline names by a broken path is path-not-found's: do not also call it unused.
  if (enabled.some((p) => !p.endsWith('/**') && !/[*?[]/.test(p) && !existsAsSource(bundle, p))) return [];
  const used = sourceMatchers([...enabled, ...disabled.flatMap((c) => c.pipelineSources)]);
  const packageCode = packageCodeMatcher(bundle);
  const candidates = dltSources(bundle).filter((f) => !used.some((m) => m(f)) && !packageCode(f));
  if (candidates.length === 0) return [];
  const importedByPipelines = importedFrom(bundle, bundle.fileIndex.list().filter((f) => used.some((m) => m(f))));
  const findings: RawFinding[] = [];
  for (const file of candidates) {
    if (importedByPipelines(file)) continue;
    const dlt = bundle.fileIndex.facts(file)!.dlt;
    const loc = { file, line: dlt[0].line, column: 1 };
    const stem = path.posix.basename(file).replace(/\.[^.]+$/, '');
    findings.push({
      check: dltPipelineDisabled.id,
      message: `${file} is a DLT source (${dlt[0].text}) that no pipeline of the bundle uses`,
      loc,
      resources: [],
      evidence: dlt[0].text,
      impact: 'The declarative pipeline code is never run: the `dlt` / `pyspark.pipelines` module only exists inside a pipeline.',
      fix: {
        text: 'Add a pipeline whose libraries include this source, or delete it.',
        patch: `resources:\n  pipelines:\n    ${stem.replace(/[^A-Za-z0-9]+/g, '_')}:\n      name: ${stem}\n      serverless: true\n      catalog: <catalog>\n      schema: <schema>\n      libraries:\n        - ${bundle.fileIndex.kind(file) === 'notebook' ? 'notebook' : 'file'}:\n            path: ../${file}`,
      },
    });
  }
  return findings;
}

const sourcesByBundle = new WeakMap<Bundle, string[]>();

/** Notebooks and source files that import the pipeline module (the same for every target). */
function dltSources(bundle: Bundle): string[] {
  let sources = sourcesByBundle.get(bundle);
  if (!sources) {
    sources = bundle.fileIndex
      .list()
      .filter((f) => SOURCE_EXTS.includes(path.posix.extname(f).toLowerCase()) && !SKIPPED_DIRS.test(f) && (bundle.fileIndex.facts(f)?.dlt.length ?? 0) > 0);
    sourcesByBundle.set(bundle, sources);
  }
  return sources;
}

/** The local paths (relative to the bundle root) the target's pipelines list; `${workspace.file_path}/x` names the synced x. */
function enabledPipelinePaths(target: TargetView): string[] {
  const out: string[] = [];
  for (const pipeline of target.pipelines) {
    for (const lib of pipeline.libraries) {
      const raw = lib.path.trim();
      if (!raw) continue;
      const synced = /^\$\{workspace\.(?:file_path|root_path\}\/files)\}?\/(.+)$/.exec(raw);
      if (synced) {
        out.push(path.posix.normalize(synced[1]));
        continue;
      }
      const value = target.interpolate(raw, lib.node.loc);
      if (!value.resolved || isRemotePath(raw) || isRemotePath(value.value)) continue;
      out.push(resolveRelative(lib.node.loc, value.value));
    }
  }
  return out;
}

function existsAsSource(bundle: Bundle, p: string): boolean {
  return [p, `${p}.py`, `${p}.sql`, `${p}.ipynb`].some((c) => bundle.fileIndex.kind(c) !== 'missing');
}

/** Matchers for pipeline library paths: `dir/**` (a folder), Go globs, or a file with or without its extension. */
function sourceMatchers(paths: string[]): ((file: string) => boolean)[] {
  return paths.flatMap((resolved): ((file: string) => boolean)[] => {
    if (resolved.endsWith('/**')) {
      const prefix = resolved.slice(0, -2);
      return [(f) => f.startsWith(prefix)];
    }
    if (/[*?[]/.test(resolved)) {
      const matches = goMatcher(resolved);
      return matches ? [(f) => matches(f) || matches(f.replace(/\.[^./]+$/, ''))] : [];
    }
    return [(f) => f === resolved || f.replace(/\.[^./]+$/, '') === resolved || f.startsWith(`${resolved}/`)];
  });
}

/** Files inside the packages a distribution of the repository ships. */
function packageCodeMatcher(bundle: Bundle): (file: string) => boolean {
  const prefixes = bundle.python.flatMap((p) =>
    p.packages.map((pkg) => (pkg.dir === '.' ? pkg.name : `${pkg.dir}/${pkg.name}`)),
  );
  return (file) => prefixes.some((prefix) => file.startsWith(`${prefix}/`) || file === `${prefix}.py`);
}

/**
 * Whether a file is imported by the given sources, a few levels deep. A module that does not resolve
 * from the importing file (it comes from the bundle's wheel, installed at run time) still counts for
 * the repository file whose path ends with it (`pkg.flows` -> `src/pkg/flows.py`).
 */
function importedFrom(bundle: Bundle, sources: string[]): (file: string) => boolean {
  const seen = new Set<string>();
  const unresolved = new Set<string>();
  let frontier = sources;
  for (let depth = 0; depth < IMPORT_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const file of frontier) {
      for (const imp of bundle.fileIndex.facts(file)?.imports ?? []) {
        const files = importedFiles(bundle, file, imp.module);
        if (files.length === 0 && !imp.module.startsWith('.')) unresolved.add(imp.module.split('.').join('/'));
        for (const imported of files) {
          if (seen.has(imported)) continue;
          seen.add(imported);
          next.push(imported);
        }
      }
    }
    frontier = next;
  }
  return (file) => {
    if (seen.has(file)) return true;
    const stem = file.replace(/(?:\/__init__)?\.py$/, '');
    return [...unresolved].some((m) => stem === m || stem.endsWith(`/${m}`));
  };
}
