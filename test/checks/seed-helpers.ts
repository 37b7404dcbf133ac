// Loads the seed-check fixture repositories (test/fixtures/seed/<check>/<variant>) with the real loader.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Bundle, Check, RawFinding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from '../project/loader-helpers.js';

export const SEED_FIXTURES = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));

export function loadFixture(rel: string): Bundle {
  const project = loadProject(path.join(SEED_FIXTURES, rel));
  expect(project.bundles, `a bundle in ${rel}`).toHaveLength(1);
  const bundle = project.bundles[0];
  expect(bundle.notices, `load notices of ${rel}`).toEqual([]);
  return bundle;
}

export type TargetFinding = RawFinding & { target: string };

/** The check's findings on every target of the fixture, each tagged with its target. */
export function runCheck(check: Check, rel: string): TargetFinding[] {
  const bundle = loadFixture(rel);
  const out: TargetFinding[] = [];
  for (const target of bundle.targets.values()) {
    for (const finding of check.run(bundle, target)) {
      expect(finding.check).toBe(check.id);
      out.push({ ...finding, target: target.name });
    }
  }
  return out;
}

/** Findings of the default target only (most fixtures have one target). */
export function runOnDefault(check: Check, rel: string): RawFinding[] {
  const bundle = loadFixture(rel);
  return check.run(bundle, bundle.targets.get(bundle.defaultTarget)!);
}

export const where = (f: RawFinding): string => (f.loc ? `${f.loc.file}:${f.loc.line}:${f.loc.column}` : '');

/** What every finding of a seed check must carry. */
export function expectWellFormed(findings: RawFinding[]): void {
  expect(findings.length, 'findings to judge').toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.loc, f.message).toBeDefined();
    expect(f.loc!.file.startsWith('/'), 'loc relative to the bundle root').toBe(false);
    expect(Array.isArray(f.resources), 'resources present').toBe(true);
    expect(f.impact, f.message).toBeTruthy();
    expect(f.fix?.text, f.message).toBeTruthy();
  }
}

/** The check's findings on the default target of a bundle made of `files`, written to a temporary folder. */
export function runOnFiles(check: Check, files: Record<string, string>): RawFinding[] {
  const project = loadProject(writeRepo(files), { env: {}, vars: {} });
  expect(project.bundles, 'one bundle').toHaveLength(1);
  const bundle = project.bundles[0];
  return check.run(bundle, bundle.targets.get(bundle.defaultTarget)!);
}
