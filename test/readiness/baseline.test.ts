import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleResult, Finding, Result } from '../../src/model.js';
import { applyBaseline, baselineFile, BASELINE_FORMAT, markExisting, readBaselineFile, renderBaselineFile } from '../../src/readiness/baseline.js';
import { fingerprint, FINGERPRINT_VERSION } from '../../src/report/fingerprint.js';
import { TOOL_NAME, TOOL_VERSION } from '../../src/version.js';
import { finding } from './helpers.js';

// Baselines: findings that already existed are marked `existing` (reported, never failing the gate),
// matched by fingerprint as a multiset.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-baseline-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function resultOf(bundles: [string, Finding[]][], notices: Finding[] = []): Result {
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    path: '.',
    bundles: bundles.map(([root, findings]) => ({ root, findings }) as BundleResult),
    notices,
  };
}
const at = (check: string, file: string | undefined, message = `${check} problem`) => finding(check, 'high', { ...(file ? { file } : {}), message });

describe('baselineFile', () => {
  it('one row per bundle and fingerprint with its count, sorted by bundle, file, check, fingerprint', () => {
    const twice = at('b-check', 'x.yml');
    const result = resultOf([
      ['svc', [at('a-check', 'z.yml'), twice, { ...twice }, at('a-check', undefined)]],
      ['.', [at('c-check', 'a.yml'), at('a-check', 'a.yml', 'other message'), at('a-check', 'a.yml')]],
    ]);
    const file = baselineFile(result);
    expect(file).toMatchObject({ tool: TOOL_NAME, toolVersion: TOOL_VERSION, format: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION });
    const rows = file.findings.map((r) => [r.bundle, r.file, r.check, r.count]);
    const aOnA = [fingerprint(at('a-check', 'a.yml', 'other message')), fingerprint(at('a-check', 'a.yml'))].sort();
    expect(rows).toEqual([
      ['.', 'a.yml', 'a-check', 1],
      ['.', 'a.yml', 'a-check', 1],
      ['.', 'a.yml', 'c-check', 1],
      ['svc', null, 'a-check', 1],
      ['svc', 'x.yml', 'b-check', 2],
      ['svc', 'z.yml', 'a-check', 1],
    ]);
    expect(file.findings.slice(0, 2).map((r) => r.fingerprint)).toEqual(aOnA);
    expect(renderBaselineFile(result)).toBe(JSON.stringify(file, null, 2) + '\n');
  });
});

describe('readBaselineFile', () => {
  const write = (name: string, content: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const valid = (over: Record<string, unknown> = {}) => JSON.stringify({ tool: TOOL_NAME, toolVersion: TOOL_VERSION, format: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION, findings: [], ...over });

  it('counts each fingerprint, a missing or odd count as 1, rows without a fingerprint skipped; no note from this version', () => {
    const file = write(
      'good.json',
      valid({ findings: [{ fingerprint: 'a', count: 2 }, { fingerprint: 'a', count: 1 }, { fingerprint: 'b' }, { fingerprint: 'c', count: 0 }, { fingerprint: 'd', count: 1.5 }, { count: 3 }, null] }),
    );
    expect(readBaselineFile(file)).toEqual({ counts: new Map([['a', 3], ['b', 1], ['c', 1], ['d', 1]]), note: undefined });
  });

  it('uses a baseline of another version with the same format, and says so', () => {
    const file = write('older.json', valid({ toolVersion: '0.0.9' }));
    expect(readBaselineFile(file)).toEqual({ counts: new Map(), note: `${file} was written by dab-ready 0.0.9 (same format: used)` });
  });

  it('a file it cannot read, or that is not a dab-ready baseline of this format, is a one-line problem naming it', () => {
    expect(readBaselineFile(path.join(scratch, 'missing.json'))).toEqual({ problem: `${path.join(scratch, 'missing.json')}: cannot read it (ENOENT)` });
    const broken = write('broken.json', '{\n  "tool": "dab-ready",\n  oops\n}');
    expect(readBaselineFile(broken)).toEqual({ problem: expect.stringMatching(new RegExp(`^${broken.replace(/[.]/g, '\\.')}:3: not a JSON baseline \\(`)) });
    const noPosition = write('empty.json', '');
    expect(readBaselineFile(noPosition)).toEqual({ problem: expect.stringMatching(new RegExp(`^${noPosition.replace(/[.]/g, '\\.')}:1: not a JSON baseline`)) });
    for (const content of ['null', '"text"', JSON.stringify({ tool: 'other' })]) {
      const file = write('other.json', content);
      expect(readBaselineFile(file), content).toEqual({ problem: `${file}: not a dab-ready baseline (write one with dab-ready check --write-baseline ${file})` });
    }
    for (const over of [{ format: 2 }, { fingerprintVersion: 99 }, { findings: {} }]) {
      const file = write('format.json', valid(over));
      expect(readBaselineFile(file), JSON.stringify(over)).toEqual({
        problem: `${file}: baseline format ${over.format ?? BASELINE_FORMAT} from dab-ready ${TOOL_VERSION}; this dab-ready ${TOOL_VERSION} reads format ${BASELINE_FORMAT}: write it again with --write-baseline`,
      });
    }
  });
});

describe('applyBaseline and markExisting', () => {
  it('marks as many equal findings as the baseline counts, across bundles and repository notices, and says how many', () => {
    const a = at('a-check', 'x.yml');
    const result = resultOf([['.', [{ ...a }, { ...a }, at('new', 'x.yml')]], ['svc', [{ ...a }]]], [at('config-invalid', '.dab-ready.yml')]);
    const marked = applyBaseline(result, new Map([[fingerprint(a), 2], [fingerprint(at('config-invalid', '.dab-ready.yml')), 1], ['unknown', 5]]));
    expect(marked).toBe(3);
    expect(result.bundles.map((b) => b.findings.map((f) => f.existing ?? false))).toEqual([[true, true, false], [false]]);
    expect(result.notices[0].existing).toBe(true);
  });

  it('leaves the counts it was given as they were', () => {
    const counts = new Map([[fingerprint(at('a', 'x.yml')), 1]]);
    applyBaseline(resultOf([['.', [at('a', 'x.yml')]]]), counts);
    expect([...counts.values()]).toEqual([1]);
  });

  it('fail-on-new-only: a finding the base commit also had, in the bundle at the same root, is existing', () => {
    const head = resultOf([['.', [at('a', 'x.yml'), at('a', 'x.yml'), at('b', 'y.yml')]], ['new-bundle', [at('a', 'x.yml')]]]);
    const base = resultOf([['.', [at('a', 'x.yml'), at('b', 'y.yml', 'another message')]], ['gone', [at('a', 'x.yml')]]]);
    expect(markExisting(head, base)).toBe(1);
    expect(head.bundles.map((b) => b.findings.map((f) => f.existing ?? false))).toEqual([[true, false, false], [false]]);
  });
});
