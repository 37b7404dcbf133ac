// Every bundle root of the shared corpus loads without throwing and gives the hand-checked
// per-target job / pipeline / task counts (EXPECTATIONS.md, "How to read this").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle, Project } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { sharedCorpus } from '../support/shared.js';

const corpus = sharedCorpus();
const CORPUS = corpus.root;
const hasCorpus = corpus.present;

interface Expectation {
  root: string;
  target: string | null;
  jobs: number;
  pipelines: number;
  tasks: number;
}

describe.skipIf(!hasCorpus)('corpus counts', corpus.options, () => {
  const expectations: Expectation[] = hasCorpus ? JSON.parse(fs.readFileSync(path.join(CORPUS, 'expectations.json'), 'utf8')) : [];
  let project: Project;
  const byRoot = new Map<string, Bundle>();

  it('loads the whole corpus without throwing, fast', () => {
    const started = Date.now();
    project = loadProject(CORPUS, { env: {} });
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const bundle of project.bundles) byRoot.set(bundle.relRoot, bundle);
    // Every root named in the expectations is found.
    const missing = [...new Set(expectations.map((e) => e.root))].filter((r) => !byRoot.has(r));
    expect(missing).toEqual([]);
  });

  it.each(expectations.map((e) => [`${e.root} [${e.target ?? 'default'}]`, e] as const))('%s', (_name, e) => {
    const bundle = byRoot.get(e.root);
    expect(bundle, `bundle ${e.root}`).toBeDefined();
    const target = bundle!.targets.get(e.target ?? 'default');
    expect(target, `target ${e.target} of ${e.root} (has ${[...bundle!.targets.keys()].join(', ')})`).toBeDefined();
    const counts = {
      jobs: target!.jobs.length,
      pipelines: target!.pipelines.length,
      tasks: target!.jobs.reduce((n, j) => n + j.tasks.length, 0),
    };
    expect(counts).toEqual({ jobs: e.jobs, pipelines: e.pipelines, tasks: e.tasks });
  });

  it('each bundle root also loads on its own', () => {
    for (const root of [...new Set(expectations.map((e) => e.root))]) {
      const own = loadProject(path.join(CORPUS, root), { env: {} });
      expect(own.bundles.map((b) => b.relRoot)).toContain('.');
    }
  });

  it('semantics the expectations rely on: nested variables, typos, cycles, anchors, includes', () => {
    const loc = (file: string, line: number) => ({ file, line, column: 1 });
    const dlt = byRoot.get('databrickslabs__dlt-meta/demo/dabs')!;
    for (const target of ['dev', 'prod']) {
      const r = dlt.targets.get(target)!.interpolate('${var.${bundle.target}_catalog_name}', loc('resources/people_job.yml', 16));
      expect(r.undefinedRefs).toEqual([]);
      expect(r.value).not.toContain('${');
    }
    const typo = byRoot.get('databricks__cli/acceptance/bundle/variables/reference-typo/single')!;
    const name = typo.targets.get('default')!.jobs[0].node.entries.get('name')!;
    const r = typo.targets.get('default')!.interpolate(String((name as { value: unknown }).value), name.loc);
    expect(r.undefinedRefs.map((x) => [x.text, x.loc.line])).toEqual([['${var.hst}', 12]]);
    const cycle = byRoot.get('databricks__cli/acceptance/bundle/variables/cycle')!;
    expect(cycle.targets.get('default')!.interpolate('${var.a}', loc('databricks.yml', 6)).cycles).toHaveLength(1);
    const includes = byRoot.get('databricks__cli/acceptance/bundle/includes/include_outside_root')!;
    expect(includes.notices.map((n) => [n.check, n.loc?.file, n.loc?.line])).toEqual([['include-outside-root', 'a.yml', 2]]);
    const nonYaml = byRoot.get('databricks__cli/acceptance/bundle/includes/non_yaml_in_include')!;
    expect(nonYaml.notices.every((n) => n.check === 'config-invalid' && n.loc?.line === 6)).toBe(true);
    expect(project.notices.map((n) => [n.check, n.loc?.file])).toContainEqual(['template-tree', 'databricks__cli/acceptance/bundle/variables/lookup/databricks.yml.tmpl']);
  });
});
