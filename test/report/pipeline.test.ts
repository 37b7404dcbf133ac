// The readiness and report code on a real bundle: the real loader, the real check registry, the
// real .dab-ready.yml, an inline suppression in the YAML.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import { loadConfig } from '../../src/config.js';
import { analyse as analyseExample, runChecks } from '../../src/engine.js';
import type { Result } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { applySuppressions, buildBundleResult, evaluateGate } from '../../src/readiness/index.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/report/phased-bundle');

function analyse(): { result: Result; withoutReason: number } {
  const { config, notices } = loadConfig(fixture);
  expect(notices).toEqual([]);
  const project = loadProject(fixture);
  const bundle = project.bundles[0];
  const targets = [...bundle.targets.values()];
  const { kept, suppressed, withoutReason } = applySuppressions(bundle, runChecks(bundle, targets), config);
  const result: Result = {
    schemaVersion: 1,
    tool: { name: 'dab-ready', version: '0.1.0' },
    path: fixture,
    bundles: [buildBundleResult({ bundle, findings: kept, config, verification: [], analysedTargets: targets.map((t) => t.name), suppressed })],
    notices: [],
  };
  return { result, withoutReason };
}

describe('readiness and reports on a real bundle', () => {
  const { result, withoutReason } = analyse();
  const bundle = result.bundles[0];

  it('suppresses by inline comment (with reason) and by severity off', () => {
    expect(bundle.findings.map((f) => [f.check, f.loc?.line])).toEqual([['entry-point-missing', 10]]);
    expect(bundle.suppressed).toBe(2);
    expect(withoutReason).toBe(0);
  });

  it('infers the phases from the resource file names and blocks the one with the missing entry point', () => {
    expect(bundle.phases.map((p) => [p.id, p.name, p.status, p.jobs, p.dependsOn])).toEqual([
      ['0', 'Phase 0: Catalog Setup', 'ready', ['setup_catalog'], []],
      ['2', 'Phase 2: Training', 'blocked', ['train_ditto'], ['0']],
    ]);
    expect(bundle.findings[0].phases).toEqual(['2']);
  });

  it('scores every target, lists the passing checks of the registry and fails the gate', () => {
    expect(bundle.targetScores).toEqual({ dev: 90, prod: 90 });
    expect(bundle.ready).toBe(false);
    expect(bundle.passed.length).toBe(checks.length - 2); // entry-point-missing fails, cli-init-missing is off
    expect(bundle.passed.every((p) => p.title && p.message)).toBe(true);
    expect(bundle.effort.criticalPath).toBe(checks.find((c) => c.id === 'entry-point-missing')!.effortHours);
    expect(evaluateGate(result, { failOn: 'critical', minScore: 0 }).passed).toBe(false);
  });

  it('renders the four formats from the same result', () => {
    const json = renderJson(result);
    expect(json).toBe(renderJson(analyse().result));
    expect(JSON.parse(json).bundles[0].findings[0]).toMatchObject({ check: 'entry-point-missing', category: 'Entry Points', file: 'resources/jobs_phase2_training.yml', line: 10 });

    const md = renderMarkdown(result);
    expect(md).toContain('### Gap 1: Wheel task entry points are declared (`jobs.train_ditto`)');
    expect(md).toContain('**Issue:** entry point train\\_ditto of package entity\\_matching is declared nowhere');
    // the testing strategy comes from the bundle's wheel tasks, targets and phases
    expect(md).toContain('```bash\n# Build wheel\npython -m build\n\n# Test entry points\npip install dist/*.whl\ntrain_ditto --help\nevaluate_ditto --help\n```');
    expect(md).toContain('```bash\ndatabricks bundle validate -t dev\ndatabricks bundle validate -t prod\n```');
    expect(md).toContain('dab-ready deploy --phase 2 --target dev  # Phase 2: Training (blocked until its critical gaps are fixed; test wheel tasks train, evaluate)');
    expect(md).toContain('- `resources/jobs_phase2_training.yml:10`');
    expect(md).toContain('### Phase 2: Training');

    const text = renderText(result);
    expect(text).toContain('resources/jobs_phase2_training.yml:10:26  critical  entry-point-missing  entry point train_ditto');

    const sarif = JSON.parse(renderSarif(result, { pathPrefix: 'test/fixtures/report/phased-bundle' }));
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(checks.length);
    for (const rule of sarif.runs[0].tool.driver.rules) {
      for (const text of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text, rule.help.markdown]) expect(text.trim()).not.toBe('');
    }
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('test/fixtures/report/phased-bundle/resources/jobs_phase2_training.yml');
  });
});

describe('the example that reproduces the seed gap analysis', () => {
  const example = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples/entity-matching');

  it('reaches the seed effort totals (2.5 / 8.5 / 18 hours) and its blocked phase 2 from the real checks', () => {
    const project = loadProject(example);
    const bundle = project.bundles[0];
    const targets = [...bundle.targets.values()];
    const { config } = loadConfig(example);
    const { kept, suppressed } = applySuppressions(bundle, runChecks(bundle, targets), config);
    const result = buildBundleResult({ bundle, findings: kept, config, verification: [], analysedTargets: targets.map((t) => t.name), suppressed });
    expect([result.effort.criticalPath, result.effort.withHigh, result.effort.full]).toEqual([2.5, 8.5, 18]);
    expect(result.counts).toMatchObject({ critical: 2, high: 2, medium: 1, low: 2 });
    expect(result.phases.find((p) => p.id === '2')?.status).toBe('blocked');
    expect(result.phases.find((p) => p.id === '0')?.status).toBe('ready');
  });
});

describe('the entity-matching example reads like the seed gap analysis', () => {
  const example = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples/entity-matching');

  it('names gaps by what is wrong, summarises, tests, holds back and concludes', async () => {
    const { result } = await analyseExample({ path: example });
    const md = renderMarkdown(result);
    expect(md.split('\n').filter((l) => l.startsWith('### Gap '))).toEqual([
      '### Gap 1: Wheel tasks get a wheel that deploy builds and attaches (`jobs.train_ditto_model`)',
      '### Gap 2: Wheel task entry points are declared (`jobs.train_ditto_model`)',
      '### Gap 3: Jobs use Databricks Vector Search, not an in-process index (`jobs.entity_matching_pipeline`)',
      '### Gap 4: Referenced Vector Search endpoints are created (`jobs.deploy_model`, `jobs.entity_matching_pipeline`)',
      '### Gap 5: Job libraries are declared, pinned and consistent (`jobs.entity_matching_pipeline`)',
      '### Gap 6: DLT pipelines are enabled or removed',
      '### Gap 7: Newcomers can configure the Databricks CLI',
    ]);
    for (const section of ['## Summary of Required Changes', '## Testing Strategy', '## Conclusion', '**Current State:**']) expect(md).toContain(section);
    expect(md).toContain('# Test entry point\npip install dist/*.whl\ntrain_ditto --help');
    const phase3 = md.slice(md.indexOf('### Phase 3'), md.indexOf('### Phase 4'));
    expect(phase3).toContain('- **Status:** 🟡 **PARTIAL** · ⏸️ held back: depends on blocked Phase 2: Training');
    expect(phase3).not.toContain('wheel');
    // the library fix pins: ranges from %pip become ==<version>, with the range as a note
    const libraryGap = md.slice(md.indexOf('### Gap 5'), md.indexOf('### Gap 6'));
    expect(libraryGap).toContain('package: "transformers==<version>"  # now >=4.40.0: pin the tested version');
    expect(libraryGap).not.toMatch(/package: "[^"]*>=/);
    expect(md).toContain('**Next Step:** Fix Wheel tasks get a wheel that deploy builds and attaches, Wheel task entry points are declared, then deploy Phase 2: Training.');
  });
});
