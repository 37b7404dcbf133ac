import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/report/fingerprint.js';
import { renderSarif } from '../../src/report/sarif.js';
import { finding, seedChecks } from '../readiness/helpers.js';
import { seedResult } from './results.js';

type Json = Record<string, any>;
const sarif = (options: { pathPrefix?: string; relRoot?: string } = {}): Json =>
  JSON.parse(renderSarif(seedResult({ relRoot: options.relRoot }), { checks: seedChecks, pathPrefix: options.pathPrefix }));

const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;

describe('renderSarif', () => {
  const log = sarif();
  const run = log.runs[0];

  it('has the top-level fields SARIF 2.1.0 requires', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('dab-ready');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(nonEmpty(run.tool.driver.informationUri)).toBe(true);
    expect(Array.isArray(run.results)).toBe(true);
  });

  it('describes every check as a rule with the fields code scanning needs', () => {
    const rules: Json[] = run.tool.driver.rules;
    const ids = rules.map((r) => r.id);
    for (const c of seedChecks) expect(ids).toContain(c.id);
    // an id the registry does not know still gets a rule, so its ruleIndex is valid
    expect(ids).toContain('config-invalid');
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(nonEmpty(rule.id)).toBe(true);
      expect(nonEmpty(rule.name)).toBe(true);
      expect(nonEmpty(rule.shortDescription.text)).toBe(true);
      expect(nonEmpty(rule.fullDescription.text)).toBe(true);
      expect(nonEmpty(rule.help.text)).toBe(true);
      expect(nonEmpty(rule.help.markdown)).toBe(true);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(nonEmpty(rule.properties.category)).toBe(true);
      expect(rule.properties.tags.every(nonEmpty)).toBe(true);
    }
    const entry = rules.find((r) => r.id === 'entry-point-missing')!;
    expect(entry).toMatchObject({
      name: 'EntryPointMissing',
      shortDescription: { text: 'Entry points missing' },
      fullDescription: { text: 'Entry points missing.' },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'Entry Points' },
    });
    expect(entry.help.text).toContain('Why it fails on Databricks');
    expect(JSON.stringify(log)).not.toContain('security-severity');
  });

  it('maps each finding to a result with a valid rule index, level, message, location and fingerprint', () => {
    const results: Json[] = run.results;
    expect(results).toHaveLength(8); // 7 seed findings + 1 repository notice
    for (const r of results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(nonEmpty(r.message.text)).toBe(true);
      expect(r.locations).toHaveLength(1);
      const loc = r.locations[0].physicalLocation;
      expect(nonEmpty(loc.artifactLocation.uri)).toBe(true);
      expect(loc.artifactLocation.uri.startsWith('/')).toBe(false);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(r.partialFingerprints['dabReady/v2']).toMatch(/^[0-9a-f]{24}$/);
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(r.properties.severity);
      expect(Array.isArray(r.properties.targets)).toBe(true);
    }
    const levels = Object.fromEntries(results.map((r) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({
      'entry-point-missing': 'error',
      'local-vector-search': 'error',
      'library-deps-inconsistent': 'warning',
      'dlt-pipeline-disabled': 'note',
    });
    const entry = results.find((r) => r.ruleId === 'entry-point-missing')!;
    expect(entry.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'resources/jobs_phase2_training.yml' },
      region: { startLine: 48, startColumn: 1 },
    });
    expect(entry.message.text).toContain('Fix: Declare the entry point');
    expect(entry.properties).toEqual({ severity: 'critical', targets: ['dev', 'prod'] });
  });

  it('puts a finding without a location on the bundle root file, line 1', () => {
    const bundleWide = run.results.find((r: Json) => r.ruleId === 'cli-init-missing');
    expect(bundleWide.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'databricks.yml' }, region: { startLine: 1, startColumn: 1 } });
  });

  it('prefixes paths with the action path input and the bundle root, percent-encoding odd characters', () => {
    const prefixed = sarif({ pathPrefix: './projects/matching/', relRoot: 'bundle one' });
    const uris = prefixed.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('projects/matching/bundle%20one/resources/jobs_phase2_training.yml');
    expect(uris).toContain('projects/matching/bundle%20one/databricks.yml');
    expect(uris).toContain('projects/matching/.dab-ready.yml');
  });

  it('keeps fingerprints stable across line moves and distinct across messages', () => {
    const moved = seedResult();
    moved.bundles[0].findings[0] = { ...moved.bundles[0].findings[0], loc: { ...moved.bundles[0].findings[0].loc!, line: 99 } };
    const a = run.results[0].partialFingerprints;
    const b = JSON.parse(renderSarif(moved, { checks: seedChecks })).runs[0].results[0].partialFingerprints;
    expect(b).toEqual(a);
    const at = (message: string, line: number) => ({ check: 'x', message, loc: { file: 'a.yml', line, column: 1 } });
    expect(fingerprint(at('one', 1))).not.toBe(fingerprint(at('two', 1)));
    // line numbers inside the message do not count either
    expect(fingerprint(at('imported by nb.py:30, line 4', 1))).toBe(fingerprint(at('imported by nb.py:32, line 6', 9)));
    expect(renderSarif(seedResult(), { checks: seedChecks })).toBe(renderSarif(seedResult(), { checks: seedChecks }));
  });

  it('stays valid with no findings at all', () => {
    const empty = seedResult({ findings: [finding('x', 'info')] });
    empty.bundles[0].findings = [];
    empty.notices = [];
    const log2 = JSON.parse(renderSarif(empty, { checks: seedChecks }));
    expect(log2.runs[0].results).toEqual([]);
    expect(log2.runs[0].tool.driver.rules).toHaveLength(seedChecks.length);
  });
});
