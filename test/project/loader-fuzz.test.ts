// Mutated configurations never make the loader throw or hang (seeded, so failures reproduce).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('fuzz', () => {
  it('300 mutated bundles load without throwing, each quickly', () => {
    const random = rng(20261125);
    const repo = writeRepo({ 'databricks.yml': SEED_CONFIG, 'resources/r.yml': SEED_RESOURCE });
    let withNotices = 0;
    for (let i = 0; i < 300; i++) {
      fs.writeFileSync(path.join(repo, 'databricks.yml'), mutate(SEED_CONFIG, random));
      fs.writeFileSync(path.join(repo, 'resources', 'r.yml'), mutate(SEED_RESOURCE, random));
      const started = performance.now();
      const project = loadProject(repo, { env: {} });
      expect(performance.now() - started).toBeLessThan(3000);
      expect(project.bundles).toHaveLength(1);
      const b = project.bundles[0];
      expect(b.targets.size).toBeGreaterThan(0);
      for (const t of b.targets.values()) {
        for (const job of t.jobs) t.interpolate(String((job.node.entries.get('name') as { value?: unknown } | undefined)?.value ?? ''), job.loc);
      }
      if (b.notices.length > 0) withNotices++;
      for (const n of b.notices) if (n.loc) expect(n.loc.line).toBeGreaterThanOrEqual(1);
    }
    expect(withNotices).toBeGreaterThan(50);
  });
});
