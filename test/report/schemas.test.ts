// The report JSON validates against the shipped JSON Schema (schema/report.schema.json), and the
// SARIF against the SARIF 2.1.0 schema (the copy in @microsoft/jest-sarif, a draft-04 schema).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import type { Result } from '../../src/model.js';
import { applyBaseline } from '../../src/readiness/baseline.js';
import { fingerprint } from '../../src/report/fingerprint.js';
import { renderJson } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';

const repo = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const reportSchema = JSON.parse(fs.readFileSync(path.join(repo, 'schema/report.schema.json'), 'utf8'));
const sarifSchema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// ajv and ajv-draft-04 are CommonJS with a default export that NodeNext typing does not see as a class.
interface Validator {
  (data: unknown): boolean;
  errors?: unknown;
}
type AjvConstructor = new (options: Record<string, unknown>) => { compile(schema: unknown): Validator; addFormat(name: string, format: RegExp): unknown };
const Ajv = (require('ajv') as { default: AjvConstructor }).default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', /^https?:\/\/\S+$/);
const validateReport = ajv.compile(reportSchema);
const AjvDraft04 = (require('ajv-draft-04') as { default: AjvConstructor }).default;
const ajv04 = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
const validateSarif = ajv04.compile(sarifSchema);

const errors = (v: { errors?: unknown }) => JSON.stringify(v.errors, null, 1)?.slice(0, 2000);

describe('report JSON and SARIF against their schemas', () => {
  const results: [string, Result][] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-schema-'));
  beforeAll(async () => {
    for (const example of ['entity-matching', 'entity-matching-fixed']) results.push([example, (await analyse({ path: path.join(repo, 'examples', example) })).result]);
    // a monorepo with a baseline applied (existing findings), and a repository-level notice (a bad config)
    fs.cpSync(path.join(repo, 'examples/entity-matching'), path.join(scratch, 'a'), { recursive: true });
    fs.cpSync(path.join(repo, 'examples/entity-matching-fixed'), path.join(scratch, 'b'), { recursive: true });
    fs.writeFileSync(path.join(scratch, '.dab-ready.yml'), 'fail-on: [not, a, severity\n');
    const mono = (await analyse({ path: scratch })).result;
    applyBaseline(mono, new Map([[fingerprint(mono.bundles[0].findings[0]), 1]]));
    results.push(['monorepo', mono]);
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('the report JSON of real runs validates against schema/report.schema.json', () => {
    for (const [name, result] of results) {
      const json = JSON.parse(renderJson(result));
      expect(validateReport(json), `${name}: ${errors(validateReport)}`).toBe(true);
    }
    const mono = JSON.parse(renderJson(results[2][1]));
    expect(mono.bundles).toHaveLength(2);
    expect(mono.notices.length).toBeGreaterThan(0);
    expect(mono.bundles[0].findings[0].existing).toBe(true);
  });

  it('the schema is strict: an unknown field or a wrong severity fails it', () => {
    const json = JSON.parse(renderJson(results[0][1]));
    json.bundles[0].findings[0].severity = 'severe';
    expect(validateReport(json)).toBe(false);
    const extra = JSON.parse(renderJson(results[0][1]));
    extra.bundles[0].surprise = 1;
    expect(validateReport(extra)).toBe(false);
  });

  it('the SARIF of real runs validates against SARIF 2.1.0, with helpUri and partialFingerprints', () => {
    for (const [name, result] of results) {
      const sarif = JSON.parse(renderSarif(result, { pathPrefix: 'services/bundles' }));
      expect(validateSarif(sarif), `${name}: ${errors(validateSarif)}`).toBe(true);
      const run = sarif.runs[0];
      expect(run.tool.driver.rules.every((r: { helpUri: string }) => /^https:\/\/github\.com\/dab-ready\/dab-ready\/blob\/main\/docs\/checks\/[a-z0-9-]+\.md$/.test(r.helpUri))).toBe(true);
      expect(run.results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{24}$/.test(r.partialFingerprints['dabReady/v2']))).toBe(true);
    }
    const mono = JSON.parse(renderSarif(results[2][1]));
    expect(mono.runs[0].results.filter((r: { baselineState?: string }) => r.baselineState === 'unchanged')).toHaveLength(1);
  });

  it('a SARIF document that breaks the standard fails the validator (it checks something)', () => {
    const sarif = JSON.parse(renderSarif(results[0][1]));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validateSarif(sarif)).toBe(false);
  });
});
