import { cpSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle, Check, Finding, Logger, TargetView, VerifyOptions } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { BUILD_PYTHON } from '../support/python.js';

// Shared by the wheel verification tests: real fixture projects copied to a temp dir (builds write
// build/, dist/ and *.egg-info where deploy would), loaded with the real loader.

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/wheels');

export const OFFLINE: VerifyOptions = { python: BUILD_PYTHON, isolation: false, installDeps: false, timeoutMs: 120_000 };

export function copyFixture(name: string, from = FIXTURES): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dab-ready-test-${path.basename(name)}-`));
  cpSync(path.join(from, name), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function loadBundle(dir: string): Bundle {
  const project = loadProject(dir);
  if (project.bundles.length !== 1) throw new Error(`expected one bundle in ${dir}, found ${project.bundles.length}`);
  return project.bundles[0];
}

export function targetsOf(bundle: Bundle, names?: string[]): TargetView[] {
  return [...bundle.targets.values()].filter((t) => !names || names.includes(t.name));
}

/** The static findings of `checks` on `targets`, merged across targets as the engine does. */
export function staticFindings(bundle: Bundle, targets: TargetView[], checks: Check[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const target of targets) {
    for (const check of checks) {
      for (const raw of check.run(bundle, target)) {
        const key = JSON.stringify([raw.check, raw.message, raw.loc]);
        const existing = merged.get(key);
        if (existing) existing.targets.push(target.name);
        else merged.set(key, { ...raw, severity: raw.severity ?? check.severity, targets: [target.name], phases: [] });
      }
    }
  }
  return [...merged.values()];
}

export interface RecordingLogger extends Logger {
  groups: string[];
  output: (line: string) => void;
  lines: string[];
  infos: string[];
  warnings: string[];
  /** Output lines keyed by the group they were written in. */
  byGroup: Map<string, string[]>;
}

export function recordingLogger(): RecordingLogger {
  let current = '';
  const log: RecordingLogger = {
    groups: [],
    lines: [],
    infos: [],
    warnings: [],
    byGroup: new Map(),
    info: (m) => void log.infos.push(m),
    warn: (m) => void log.warnings.push(m),
    output: (line) => {
      log.lines.push(line);
      log.byGroup.set(current, [...(log.byGroup.get(current) ?? []), line]);
    },
    async group(name, fn) {
      log.groups.push(name);
      const outer = current;
      current = name;
      try {
        return await fn();
      } finally {
        current = outer;
      }
    },
  };
  return log;
}

export function findingsOf(findings: Finding[], check: string): Finding[] {
  return findings.filter((f) => f.check === check);
}

/**
 * Runs `fn` with a fresh, empty temporary root (TMPDIR): verification's own folders (venvs, build
 * output, Python shims) are created there, so a test can tell that they are gone afterwards without
 * reading their names from the report (which names them as placeholders).
 */
export async function inTempRoot<T>(fn: () => Promise<T>): Promise<{ result: T; leftovers: () => string[] }> {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-tmp-')));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = root;
  try {
    const result = await fn();
    const left = readdirSync(root).filter((name) => name.startsWith('dab-ready-'));
    return { result, leftovers: () => left };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true }); // the root itself is the test's own temporary folder
  }
}
