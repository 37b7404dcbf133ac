// Mutated configurations never make the loader or a check throw or hang, and what they give holds
// a few properties whatever the input (seeded, so failures reproduce).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import type { Loc } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const SEED_CONFIG = `bundle:
  name: fuzz
include:
  - resources/*.yml
variables:
  a: {default: x}
  c:
    type: complex
    default: {k: [1, 2, "\${var.a}"]}
x-anchor: &anchor {max_concurrent_runs: 1}
targets:
  dev:
    default: true
    variables: {a: y}
    resources:
      jobs:
        j:
          <<: *anchor
          tasks:
            - task_key: t
              libraries: [{whl: ./dist/*.whl}]
`;
const SEED_RESOURCE = `resources:
  jobs:
    j:
      name: \${var.a}-\${var.\${bundle.target}_x}
      tasks:
        - task_key: t
          notebook_task: {notebook_path: ../nb.py}
  pipelines:
    p:
      libraries:
        - glob: {include: ../src/**}
`;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOISE = ['\t', '\n', ':', '- ', '[', ']', '{', '}', '&a ', '*a', '<<: ', '!Tag ', '"', "'", '#', '|', '>', '? ', '${', '}', '\0', '\ufeff', '---\n', '%YAML 1.1\n', '  ', 'null', '~'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const choice = random();
    if (choice < 0.5) out = out.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + out.slice(at);
    else if (choice < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 10));
    else out = out.slice(0, at);
  }
  return out;
}

const known = new Set(checks.map((c) => c.id));

/** A few properties of every mutated bundle, as messages naming what broke (empty: all hold). */
function violations(repo: string, files: Record<string, string>): { broken: string[]; notices: number; findings: number; references: number } {
  const broken: string[] = [];
  const lineCount = (file: string) => files[file]?.split('\n').length ?? 0;
  const located = (what: string, loc: Loc | undefined) => {
    if (!loc) return broken.push(`${what}: no location`);
    if (!(loc.file in files)) broken.push(`${what}: at ${loc.file}, not a file of the bundle`);
    else if (loc.line < 1 || loc.line > lineCount(loc.file)) broken.push(`${what}: line ${loc.line} of ${loc.file} (${lineCount(loc.file)} lines)`);
  };
  const project = loadProject(repo, { env: {} });
  if (project.bundles.length !== 1) return { broken: [`${project.bundles.length} bundles`], notices: 0, findings: 0, references: 0 };
  const bundle = project.bundles[0];
  if (bundle.targets.size === 0) broken.push('no target');
  for (const n of [...project.notices, ...bundle.notices]) {
    if (!known.has(n.check)) broken.push(`notice ${n.check}: not a known check`);
    located(`notice ${n.check} "${n.message}"`, n.loc);
  }
  let findings = 0;
  let references = 0;
  for (const target of bundle.targets.values()) {
    for (const check of checks) {
      for (const f of check.run(bundle, target)) {
        findings++;
        if (f.check !== check.id) broken.push(`${check.id} reported as ${f.check}`);
        located(`${f.check} "${f.message}"`, f.loc);
      }
    }
    // interpolation is idempotent: what it gives back interpolates to itself
    for (const job of target.jobs) {
      const name = job.node.entries.get('name') as { value?: unknown; loc: Loc } | undefined;
      if (typeof name?.value !== 'string') continue;
      references++;
      const once = target.interpolate(name.value, name.loc);
      const twice = target.interpolate(once.value, name.loc);
      if (twice.value !== once.value) broken.push(`[${target.name}] ${name.value} -> ${once.value} -> ${twice.value}`);
      if (once.resolved !== twice.resolved) broken.push(`[${target.name}] ${name.value}: resolved ${once.resolved}, then ${twice.resolved}`);
    }
  }
  return { broken, notices: bundle.notices.length, findings, references };
}

describe('fuzz', () => {
  it('300 mutated bundles load, and every notice and finding is a known check at a line of a file of the bundle', () => {
    const random = rng(20261125);
    const repo = writeRepo({ 'databricks.yml': SEED_CONFIG, 'resources/r.yml': SEED_RESOURCE });
    const totals = { withNotices: 0, findings: 0, references: 0 };
    for (let i = 0; i < 300; i++) {
      const files = { 'databricks.yml': mutate(SEED_CONFIG, random), 'resources/r.yml': mutate(SEED_RESOURCE, random) };
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(repo, file), text);
      const started = performance.now();
      const { broken, notices, findings, references } = violations(repo, files);
      expect(performance.now() - started, 'a hang').toBeLessThan(3000);
      expect(broken, `mutant ${i}:\n${files['databricks.yml']}\n---\n${files['resources/r.yml']}`).toEqual([]);
      if (notices > 0) totals.withNotices++;
      totals.findings += findings;
      totals.references += references;
    }
    // the mutants reach what the properties speak of
    expect(totals.withNotices).toBeGreaterThan(50);
    expect(totals.findings).toBeGreaterThan(300);
    expect(totals.references).toBeGreaterThan(100);
  });
});
