// Loads the issue-11 fixtures (test/fixtures/precision/<name>) with the real loader and runs every
// check on every target; `inRepository` first copies the fixture into a fresh `git init` repository,
// so what lies above the bundle (CI files, shared folders) is the fixture's, not this project's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { runChecks } from '../../src/engine.js';
import type { Bundle, Finding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';

export const PRECISION_FIXTURES = fileURLToPath(new URL('../fixtures/precision/', import.meta.url));

const copies: string[] = [];
afterAll(() => copies.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The fixture copied into its own git repository (a temporary folder, removed after the file's tests). */
export function inRepository(name: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-precision-')));
  copies.push(dir);
  fs.cpSync(path.join(PRECISION_FIXTURES, name), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

export function loadBundle(dir: string, bundleDir = '.'): Bundle {
  const project = loadProject(path.join(dir, bundleDir), { env: {}, vars: {} });
  expect(project.bundles, `one bundle in ${dir}`).toHaveLength(1);
  return project.bundles[0];
}

/** Every finding of every check on every target, merged across targets as the engine does. */
export function findingsOf(dir: string, bundleDir = '.'): Finding[] {
  const bundle = loadBundle(dir, bundleDir);
  return runChecks(bundle, [...bundle.targets.values()]);
}

export const fixture = (name: string): string => path.join(PRECISION_FIXTURES, name);
export const at = (f: Finding): string => (f.loc ? `${f.loc.file}:${f.loc.line}` : '-');
export const only = (findings: Finding[], check: string): Finding[] => findings.filter((f) => f.check === check);
