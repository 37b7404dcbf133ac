import path from 'node:path';
import { parse } from 'yaml';
import type { Bundle, Check, RawFinding, TargetView } from '../model.js';
import { goMatcher } from '../project/goglob.js';
import { asSeq, asString, get } from './lib/nodes.js';
import { isRemotePath, resolveRelative } from './lib/paths.js';

const SOURCE_EXTS = ['.py', '.sql', '.ipynb'];
const SKIPPED_DIRS = /(^|\/)(\.[^/]+|node_modules|site-packages|venv|build|dist)\//;

export const dltPipelineDisabled: Check = {
  id: 'dlt-pipeline-disabled',
  category: 'DLT Pipeline',
  severity: 'low',
  effortHours: 8,
  title: 'DLT pipelines are enabled or removed',
  successMessage: 'No resource file is commented out and every DLT source belongs to a pipeline',
  docs: `A resource file whose every line is commented out deploys nothing: the Lakeflow Declarative
Pipeline (DLT) it describes does not exist in the workspace, and its notebooks (\`import dlt\` /
\`from pyspark import pipelines\`) are synced but never run; the pipeline module is only available
inside a pipeline. This is not an error, but the file and notebooks suggest a capability the
deployment does not have.
Fix: either enable the pipeline (uncomment the resource; \`libraries\` entries point at the DLT sources,
relative to the YAML file; set \`catalog\` and \`schema\`), or delete the commented file and the unused
sources. Reference: databricks-bundles.md §12 "Lakeflow (DLT) pipelines resource".`,
  breaksDeploy: false,
  run(bundle, target) {
    return [...commentedResourceFiles(bundle), ...unusedDltSources(bundle, target)];
  },
};

/** The .yml files an include glob matches or that sit in resources/. */
function resourceYamlFiles(bundle: Bundle): string[] {
  const files = new Set<string>();
  const include = asSeq(get(bundle.files.get(bundle.rootFile)?.root, 'include'))?.items ?? [];
  for (const item of include) {
    const pattern = asString(item);
    if (pattern) for (const f of bundle.fileIndex.glob(pattern)) files.add(f);
  }
  for (const f of bundle.fileIndex.list('resources')) files.add(f);
  return [...files].filter((f) => /\.ya?ml$/i.test(f)).sort();
}

function commentedResourceFiles(bundle: Bundle): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of resourceYamlFiles(bundle)) {
    const lines = bundle.files.get(file)?.lines ?? bundle.fileIndex.lines(file) ?? [];
    const content = lines.map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((l) => l.text !== '');
    if (content.length === 0 || !content.every((l) => l.text.startsWith('#'))) continue;
    const uncommentedLines = lines.map((l) => l.replace(/^\s*# ?/, ''));
    const start = uncommentedLines.findIndex((l) => /^resources\s*:/.test(l));
    const uncommented = start < 0 ? '' : uncommentedLines.slice(start).join('\n');
    const addresses = commentedAddresses(uncommented);
    if (addresses.length === 0 && !/\bresources\s*:/.test(uncommented)) continue; // a file of notes, not a disabled resource
    const first = content.find((l) => /^#\s*resources\s*:/.test(l.text)) ?? content[0];
    const loc = { file, line: first.line, column: 1 };
    const pipelines = addresses.filter((a) => a.startsWith('pipelines.'));
    findings.push({
      check: dltPipelineDisabled.id,
      message: `${file} is entirely commented out: ${addresses.length ? addresses.join(', ') : 'its resources'} ${addresses.length === 1 ? 'is' : 'are'} not deployed`,
      loc,
      resources: [],
      evidence: lines.slice(first.line - 1, first.line + 4).join('\n'),
      impact: pipelines.length
        ? 'The DLT pipeline does not exist in the workspace: no declarative expectations, lineage or streaming; only the job-based pipeline runs.'
        : 'The commented resources do not exist in the workspace.',
      fix: {
        text: `Uncomment the resources (check that their library paths exist relative to ${file}) to deploy them, or delete ${file} if the job-based pipeline is the chosen design.`,
      },
    });
  }
  return findings;
}

function commentedAddresses(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  const resources = (doc as { resources?: Record<string, unknown> } | null)?.resources;
  if (!resources || typeof resources !== 'object') return [];
  const out: string[] = [];
  for (const [type, byKey] of Object.entries(resources)) {
    if (byKey && typeof byKey === 'object') for (const key of Object.keys(byKey)) out.push(`${type}.${key}`);
  }
  return out;
}

function unusedDltSources(bundle: Bundle, target: TargetView): RawFinding[] {
  const used = pipelineSources(target);
  const findings: RawFinding[] = [];
  for (const file of bundle.fileIndex.list()) {
    if (!SOURCE_EXTS.includes(path.posix.extname(file).toLowerCase()) || SKIPPED_DIRS.test(file)) continue;
    const dlt = bundle.fileIndex.facts(file)?.dlt ?? [];
    if (dlt.length === 0 || used.some((u) => u(file))) continue;
    const loc = { file, line: dlt[0].line, column: 1 };
    findings.push({
      check: dltPipelineDisabled.id,
      message: `${file} is a DLT source (${dlt[0].text}) that no pipeline of the bundle uses`,
      loc,
      resources: [],
      evidence: dlt[0].text,
      impact: 'The declarative pipeline code is never run: the `dlt` / `pyspark.pipelines` module only exists inside a pipeline.',
      fix: {
        text: 'Add a pipeline whose libraries include this source, or delete it.',
        patch: `resources:\n  pipelines:\n    ${path.posix.basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]+/g, '_')}:\n      name: ${path.posix.basename(file).replace(/\.[^.]+$/, '')}\n      serverless: true\n      catalog: <catalog>\n      schema: <schema>\n      libraries:\n        - ${bundle.fileIndex.kind(file) === 'notebook' ? 'notebook' : 'file'}:\n            path: ../${file}`,
      },
    });
  }
  return findings;
}

/** Matchers for the files the target's pipelines use (paths relative to the YAML that writes them). */
function pipelineSources(target: TargetView): ((file: string) => boolean)[] {
  const out: ((file: string) => boolean)[] = [];
  for (const pipeline of target.pipelines) {
    for (const lib of pipeline.libraries) {
      const raw = lib.path.trim();
      if (!raw || isRemotePath(raw)) continue;
      const value = target.interpolate(raw, lib.node.loc).value;
      const resolved = resolveRelative(lib.node.loc, value);
      if (resolved.endsWith('/**')) {
        const prefix = resolved.slice(0, -2);
        out.push((f) => f.startsWith(prefix));
      } else if (/[*?[]/.test(resolved)) {
        const matches = goMatcher(resolved);
        if (matches) out.push((f) => matches(f) || matches(f.replace(/\.[^./]+$/, '')));
      } else {
        out.push((f) => f === resolved || f.replace(/\.[^./]+$/, '') === resolved);
      }
    }
  }
  return out;
}
