// The real-world corpus (../shared/corpus beside the repository, read-only): every bundle root is loaded, every check
// runs for every expected target, and the hand-checked expectations must hold.
//
// Matching rule: a GAP/WARN item is found when a finding of a mapped check id sits in the item's
// file at its line, or one line off (the CLI reports some problems at the key and others at the
// value, e.g. `type:` vs `default:`, `for_each_task:` vs its first field). An OK item is violated
// when a finding (above INFO) of a mapped check id sits in that file at exactly that line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../src/checks/index.js';
import type { Bundle, Project, RawFinding } from '../src/model.js';
import { loadProject } from '../src/project/load.js';
import { sharedCorpus } from './support/shared.js';

const corpus = sharedCorpus();
const CORPUS = corpus.root;
const available = corpus.present;

interface Item {
  kind: string;
  file: string;
  line: number;
  severity?: 'GAP' | 'WARN';
  needs?: string;
  evidence?: string;
}
interface Entry {
  root: string;
  target: string | null;
  gaps: Item[];
  ok: Item[];
}

/** Expectation kind -> the check ids whose findings count for it. */
const KIND_TO_CHECKS: Record<string, string[]> = {
  'undefined-variable': ['undefined-variable'],
  'nested-variable': ['undefined-variable'],
  'path-not-found': ['path-not-found'],
  'path-outside-sync-root': ['path-outside-sync-root'],
  'sync-path-outside-root': ['path-outside-sync-root'],
  'path-kind-mismatch': ['path-kind-mismatch'],
  'remote-path-unchecked': ['path-not-found', 'path-kind-mismatch'],
  'include-glob-nonrecursive': ['include-glob-nonrecursive'],
  'include-non-yaml': ['include-non-yaml'],
  'include-outside-root': ['include-outside-root'],
  'include-path-outside-root': ['config-invalid', 'include-outside-root'],
  'root-path-glob-chars': ['root-path-glob-chars'],
  'unknown-field': ['unknown-field'],
  'yaml-merge-key': ['unknown-field', 'config-invalid'],
  'null-value': ['null-value'],
  'enum-invalid': ['enum-invalid'],
  'variable-type-invalid': ['variable-type-invalid'],
  'variable-required-unset': ['variable-required-unset'],
  'variable-cycle': ['variable-cycle'],
  'variable-file-invalid': ['variable-file-invalid'],
  'bundle-name-interpolation': ['bundle-name-interpolation'],
  'resource-undefined': ['resource-undefined'],
  'artifact-not-configured': ['artifact-not-configured'],
  'required-field-missing': ['required-field-missing'],
  'duplicate-library-name': ['duplicate-library-name'],
  'wheel-dbr-too-old': ['wheel-dbr-too-old'],
  'environment-client-invalid': ['environment-client-invalid'],
  // Kinds owned by other checks (seed checks): asserted for GAP items when the check is registered.
  'wheel-not-built': ['wheel-not-built'],
  'prebuilt-wheel-required': ['wheel-not-built'],
  'entry-point-missing': ['entry-point-missing'],
  'package-name-mismatch': ['package-name-mismatch'],
  'library-deps-inconsistent': ['library-deps-inconsistent'],
  // OK-only kinds: what must not be flagged there.
  'include-matches-nothing': ['config-invalid'],
  'gitignored-but-reincluded': ['sync-excludes-source', 'path-not-found'],
  'gitignored-local-library': ['sync-excludes-source', 'wheel-not-built', 'path-not-found'],
  'implicit-artifact': ['wheel-not-built'],
  'entry-point-declared': ['entry-point-missing', 'entry-point-unresolvable', 'package-name-mismatch'],
  'vector-search-endpoint-declared': ['vector-search-endpoint-missing'],
};

/** The kinds this test asserts for WARN items too (the validate-level checks). */
const VALIDATE_KINDS = new Set([
  'undefined-variable', 'path-not-found', 'path-outside-sync-root', 'path-kind-mismatch', 'include-glob-nonrecursive',
  'include-non-yaml', 'include-outside-root', 'root-path-glob-chars', 'unknown-field', 'null-value', 'enum-invalid',
  'variable-type-invalid', 'variable-required-unset', 'variable-cycle', 'variable-file-invalid', 'bundle-name-interpolation',
  'resource-undefined', 'artifact-not-configured', 'required-field-missing', 'duplicate-library-name', 'wheel-dbr-too-old',
  'environment-client-invalid',
]);

/** WARN kinds asserted besides the validate-level ones: a local wheel that only a manual download
 *  provides (no artifact builds it) fails deploy in a clean checkout, which wheel-not-built reports. */
const ASSERTED_WARN_KINDS = new Set([...VALIDATE_KINDS, 'prebuilt-wheel-required']);

/** GAP kinds no check covers, each with the reason (never silently skipped). */
const UNCOVERED_GAP_KINDS: Record<string, string> = {};

const registered = new Set(checks.map((c) => c.id));

function load(repo: string): Project {
  return loadProject(path.join(CORPUS, repo), { env: {}, vars: {} });
}

function runAll(bundle: Bundle, targetName: string): { findings: RawFinding[]; crashes: string[] } {
  const target = bundle.targets.get(targetName);
  if (!target) return { findings: [], crashes: [`target ${targetName} not loaded (have: ${[...bundle.targets.keys()].join(', ')})`] };
  const findings: RawFinding[] = [];
  const crashes: string[] = [];
  for (const check of checks) {
    try {
      for (const f of check.run(bundle, target)) findings.push(f);
    } catch (err) {
      crashes.push(`${check.id}: ${(err as Error).stack ?? String(err)}`);
    }
  }
  return { findings, crashes };
}

const near = (f: RawFinding, item: Item, tolerance: number): boolean =>
  !!f.loc && f.loc.file === item.file && Math.abs(f.loc.line - item.line) <= tolerance;

describe.skipIf(!available)('real-world corpus', corpus.options, () => {
  const entries: Entry[] = available ? JSON.parse(fs.readFileSync(path.join(CORPUS, 'expectations.json'), 'utf8')) : [];
  const repos = [...new Set(entries.map((e) => e.root.split('/')[0]))].sort();
  const projects = new Map<string, Project>();
  const bundleFor = (root: string): Bundle | undefined => {
    const repo = root.split('/')[0];
    if (!projects.has(repo)) projects.set(repo, load(repo));
    const rel = root.split('/').slice(1).join('/') || '.';
    return projects.get(repo)!.bundles.find((b) => b.relRoot === rel);
  };

  it('loads every repository and runs every check on every target without crashing', () => {
    const crashes: string[] = [];
    expect(repos.length, 'repositories in the corpus').toBeGreaterThan(0);
    for (const repo of repos) {
      const project = load(repo);
      projects.set(repo, project);
      for (const bundle of project.bundles) {
        for (const name of bundle.targets.keys()) {
          crashes.push(...runAll(bundle, name).crashes.map((c) => `${repo}/${bundle.relRoot} [${name}] ${c}`));
        }
      }
    }
    expect(crashes).toEqual([]);
  });

  it('finds every GAP (and validate-level WARN) item and flags no OK item', () => {
    const missing: string[] = [];
    const falsePositives: string[] = [];
    const stats = { gapChecked: 0, gapFound: 0, warnChecked: 0, warnFound: 0, exactLine: 0, okChecked: 0, skippedNeeds: 0, skippedNoCheck: 0, uncovered: 0 };
    const skippedKinds = new Map<string, number>();
    for (const entry of entries) {
      const bundle = bundleFor(entry.root);
      if (!bundle) {
        missing.push(`${entry.root}: bundle root not discovered`);
        continue;
      }
      const targetName = entry.target ?? bundle.defaultTarget;
      const { findings, crashes } = runAll(bundle, targetName);
      missing.push(...crashes.map((c) => `${entry.root} [${targetName}] crash ${c}`));
      const where = `${entry.root} [${targetName}]`;
      for (const item of entry.gaps) {
        const ids = (KIND_TO_CHECKS[item.kind] ?? []).filter((id) => registered.has(id));
        const asserted = item.severity === 'GAP' || ASSERTED_WARN_KINDS.has(item.kind);
        if (item.needs) {
          stats.skippedNeeds++;
          continue;
        }
        if (item.severity === 'GAP' && ids.length === 0 && UNCOVERED_GAP_KINDS[item.kind]) {
          stats.uncovered++;
          continue;
        }
        if (!asserted || ids.length === 0) {
          if (item.severity === 'GAP') missing.push(`${where}: no registered check for GAP kind ${item.kind} (${item.file}:${item.line})`);
          stats.skippedNoCheck++;
          skippedKinds.set(item.kind, (skippedKinds.get(item.kind) ?? 0) + 1);
          continue;
        }
        const found = findings.some((f) => ids.includes(f.check) && near(f, item, 1));
        if (findings.some((f) => ids.includes(f.check) && near(f, item, 0))) stats.exactLine++;
        if (item.severity === 'GAP') {
          stats.gapChecked++;
          if (found) stats.gapFound++;
        } else {
          stats.warnChecked++;
          if (found) stats.warnFound++;
        }
        if (!found) {
          const close = findings.filter((f) => f.loc?.file === item.file).map((f) => `${f.check}@${f.loc!.line}`);
          missing.push(`${where}: ${item.severity} ${item.kind} ${item.file}:${item.line} "${item.evidence ?? ''}" not found (findings in file: ${close.join(' ') || 'none'})`);
        }
      }
      for (const item of entry.ok) {
        if (item.needs) {
          stats.skippedNeeds++;
          continue;
        }
        const ids = (KIND_TO_CHECKS[item.kind] ?? []).filter((id) => registered.has(id));
        if (ids.length === 0) continue;
        stats.okChecked++;
        for (const f of findings) {
          // An INFO note is fine at an OK item; a GAP/WARN-level finding is not.
          const severity = f.severity ?? checks.find((c) => c.id === f.check)?.severity;
          if (severity !== 'info' && ids.includes(f.check) && near(f, item, 0)) {
            falsePositives.push(`${where}: OK ${item.kind} ${item.file}:${item.line} flagged by ${f.check}: ${f.message.split('\n')[0]}`);
          }
        }
      }
    }
    console.log(
      `corpus: GAP items checked ${stats.gapChecked}, found ${stats.gapFound}; WARN items checked ${stats.warnChecked}, found ${stats.warnFound} ` +
        `(${stats.exactLine} of them at the exact line); ` +
        `OK items checked ${stats.okChecked}; skipped (needs-*) ${stats.skippedNeeds}; skipped (WARN kind without a validate-level check) ${stats.skippedNoCheck} ` +
        `[${[...skippedKinds].map(([k, n]) => `${k} x${n}`).join(', ')}]; uncovered GAP kinds ${stats.uncovered}`,
    );
    expect(missing).toEqual([]);
    expect(falsePositives).toEqual([]);
    // the expectations were compared, not all skipped
    expect(stats.gapChecked).toBeGreaterThan(0);
    expect(stats.okChecked).toBeGreaterThan(0);
  });

  it('reports a local library path once: never path-not-found and wheel-not-built at the same place', () => {
    const twice: string[] = [];
    let libraries = 0;
    for (const entry of entries) {
      const bundle = bundleFor(entry.root);
      if (!bundle) continue;
      const targetName = entry.target ?? bundle.defaultTarget;
      const { findings } = runAll(bundle, targetName);
      const at = (f: RawFinding) => `${f.loc?.file}:${f.loc?.line}:${f.loc?.column}`;
      const built = new Set(findings.filter((f) => f.check === 'wheel-not-built').map(at));
      libraries += built.size;
      for (const f of findings) if (f.check === 'path-not-found' && built.has(at(f))) twice.push(`${entry.root} [${targetName}] ${at(f)}`);
    }
    expect(libraries).toBeGreaterThan(0);
    expect(twice).toEqual([]);
  });

  // The repository roots (not the CLI's own test cases) list every validate-level problem they have,
  // so there any other finding of a validate-level check is a false positive. (The CLI cases are
  // not exhaustive: the CLI stops at its first error.)
  it('reports nothing unexpected at validate level in the real repositories', () => {
    const validateChecks = new Set([...VALIDATE_KINDS].flatMap((k) => KIND_TO_CHECKS[k] ?? []));
    validateChecks.add('config-invalid');
    validateChecks.add('resource-reference-invalid');
    validateChecks.add('direct-only-resource');
    validateChecks.add('job-cluster-key-undefined');
    validateChecks.add('task-dependency-undefined');
    const unexpected: string[] = [];
    let compared = 0;
    for (const entry of entries) {
      if (entry.root.startsWith('databricks__cli/')) continue;
      const bundle = bundleFor(entry.root);
      if (!bundle) continue;
      const targetName = entry.target ?? bundle.defaultTarget;
      for (const f of runAll(bundle, targetName).findings) {
        if (!validateChecks.has(f.check)) continue;
        compared++;
        const expected = entry.gaps.some((item) => (KIND_TO_CHECKS[item.kind] ?? []).includes(f.check) && near(f, item, 1));
        if (!expected) unexpected.push(`${entry.root} [${targetName}] ${f.check} ${f.loc?.file}:${f.loc?.line} ${f.message.split('\n')[0]}`);
      }
    }
    console.log(`corpus: ${compared} validate-level findings in the repository roots, ${unexpected.length} unexpected`);
    expect(compared).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
  });
});
