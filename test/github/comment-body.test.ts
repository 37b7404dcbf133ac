import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker, COMMENT_BUDGET, renderPullRequestComment, type ReadinessViewInput } from '../../src/github/comment-body.js';
import { baselineFromResult, compareBundle, readEmbeddedDigests } from '../../src/github/delta.js';
import { analyse, evaluateGate } from '../../src/engine.js';
import type { Result } from '../../src/model.js';
import { collapsedLines, renderHtml } from '../support/rendered.js';
import { bundle, finding, result } from './factory.js';

const repo = path.resolve(__dirname, '..', '..');
const links = { repoUrl: 'https://github.com/acme/em', sha: '3f2c1a9b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b', prefix: '' };

function view(r: Result, extra: Partial<ReadinessViewInput> = {}): ReadinessViewInput {
  return { result: r, gate: evaluateGate(r, { failOn: 'critical', minScore: 0 }), failOn: 'critical', deltas: new Map(), prefix: '', links, runUrl: 'https://github.com/acme/em/actions/runs/1', ...extra };
}

function balanced(body: string) {
  const fences = body.split('\n').filter((l) => /^\s{0,3}```/.test(l)).length;
  return { fencesClosed: fences % 2 === 0, detailsClosed: (body.match(/<details>/g) ?? []).length === (body.match(/<\/details>/g) ?? []).length };
}

describe('the pull request comment of the seed example', () => {
  let before: Result;
  let after: Result;
  beforeAll(async () => {
    before = (await analyse({ path: path.join(repo, 'examples/entity-matching') })).result;
    after = (await analyse({ path: path.join(repo, 'examples/entity-matching-fixed') })).result;
  });

  it('says status, score and gate on its first visible line, then the phases, then one collapsed block per finding', () => {
    const body = renderPullRequestComment(view(before));
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- dab-ready:comment path=. -->');
    expect(lines[2]).toBe('### ❌ dab-ready: blocked · score 65/100 · ❌ gate failed: 2 findings at or above critical');
    const order = ['| Phase | Status | Blockers | Jobs |', '```mermaid', '<details><summary>🔴 <b>critical</b>', 'Full report: [job summary]'];
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body.match(/<details><summary>/g)).toHaveLength(before.bundles[0].findings.length);
    expect(body).toContain('| Phase 2: Training | ❌ blocked | 2 | `train_ditto_model` |');
    expect(body).toContain('p2["Phase 2: Training ❌"]:::blocked');
    expect(body).toContain('p1 --> p2');
  });

  it('links file:line to the blob at the head commit and names each finding by its check title only', () => {
    const body = renderPullRequestComment(view(before));
    expect(body).toContain(
      '<a href="https://github.com/acme/em/blob/3f2c1a9b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b/resources/jobs_phase2_training.yml#L24"><code>resources/jobs_phase2_training.yml:24</code></a>',
    );
    expect(body).toContain('🔴 <b>critical</b> · Wheel tasks get a wheel that deploy builds and attaches · ');
    // no second vocabulary (the old gap names) and no contradicting status words
    for (const old of ['Python Package Not Built', 'Python Wheel Entry Points Missing', 'Gap ', 'Partially Ready', 'ready to deploy']) expect(body).not.toContain(old);
  });

  it('puts each fix snippet in a fence of its own language, one per file', () => {
    const body = renderPullRequestComment(view(before));
    expect(body).toContain('`scripts/init-databricks.sh`\n```bash\n#!/usr/bin/env bash');
    expect(body).toContain('`pyproject.toml`\n```toml\n[project.scripts]');
    expect(body).toContain('`databricks.yml`\n```yaml\nartifacts:');
    expect(body).not.toMatch(/```yaml\n# scripts\/init-databricks\.sh/);
  });

  it('fits one screen collapsed: at most 60 rendered lines, before and after the fixes', () => {
    const delta = compareBundle(after.bundles[0], baselineFromResult(before, 'b4se'))!;
    const beforeLines = collapsedLines(renderPullRequestComment(view(before)));
    const afterBody = renderPullRequestComment(view(after, { deltas: new Map([['.', delta]]) }));
    expect(beforeLines).toBeLessThanOrEqual(60);
    expect(collapsedLines(afterBody)).toBeLessThanOrEqual(60);
    expect(beforeLines).toBeGreaterThan(15); // it measures something real
    expect(afterBody).toContain('### 🟡 dab-ready: partial · score 85/100 (+20 vs base) · ✅ gate passed');
    expect(afterBody).toContain('**This pull request:** 🆕 0 new · ✅ 2 resolved');
    expect(afterBody).toContain('- ✅ resolved: 🔴 **critical** · Wheel tasks get a wheel that deploy builds and attaches · `resources/jobs_phase2_training.yml:24`');
  });

  it('tags a finding the pull request added as new', () => {
    const delta = compareBundle(before.bundles[0], baselineFromResult(after, 'b4se'))!;
    const body = renderPullRequestComment(view(before, { deltas: new Map([['.', delta]]) }));
    expect(body.match(/<i>🆕 new<\/i><\/summary>/g)).toHaveLength(2);
    expect(body).toContain('(−20 vs base)');
  });
});

describe('a monorepo of ten bundles', () => {
  let scratch: string;
  let head: Result;
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-mono-'));
    for (let i = 1; i <= 10; i++) {
      const example = i <= 3 ? 'entity-matching' : 'entity-matching-fixed';
      fs.cpSync(path.join(repo, 'examples', example), path.join(scratch, 'bundles', `team-${String(i).padStart(2, '0')}`), {
        recursive: true,
        filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(src),
      });
    }
    head = (await analyse({ path: scratch })).result;
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is one comment: a bundle table, sections only for touched or blocked bundles, under two screens', () => {
    const body = renderPullRequestComment(view(head, { touched: new Set(['bundles/team-07']) }));
    expect(body.match(/<!-- dab-ready:comment/g)).toHaveLength(1);
    expect(body).toContain('### ❌ dab-ready: 3 of 10 bundles blocked · lowest score 65/100');
    expect(body.match(/^\| `bundles\/team-\d\d`/gm)).toHaveLength(10);
    const sections = [...body.matchAll(/^#### .* `(bundles\/team-\d\d)`/gm)].map((m) => m[1]);
    expect(sections).toEqual(['bundles/team-01', 'bundles/team-02', 'bundles/team-03', 'bundles/team-07']);
    expect(body).toContain('6 bundles without blockers that this pull request did not touch');
    expect(collapsedLines(body)).toBeLessThanOrEqual(120);
    expect(body.length).toBeLessThan(COMMENT_BUDGET);
  });
});

describe('size and hostile content', () => {
  it('keeps an oversized report under 65,536 characters by dropping whole blocks', () => {
    const evidence = Array.from({ length: 40 }, (_, i) => `  task_${i}: {python_wheel_task: {package_name: pkg, entry_point: main_${i}}}`).join('\n');
    const findings = Array.from({ length: 400 }, (_, i) =>
      finding(`check-${i % 60}`, (['critical', 'high', 'medium', 'low'] as const)[i % 4], `resources/jobs_${i}.yml`, i + 1, { evidence, impact: 'It fails. '.repeat(30) }),
    );
    const body = renderPullRequestComment(view(result([bundle(findings)])));
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(balanced(body)).toEqual({ fencesClosed: true, detailsClosed: true });
    const shown = body.match(/<details><summary>(🔴|🟠|🟡|🟢)/g)!.length;
    expect(shown).toBeGreaterThan(5); // it uses the room
    expect(shown).toBeLessThanOrEqual(15);
    expect(body).toMatch(/<details><summary>385 more findings|_…and 385 more findings: see the \[job summary\]\(https:\/\/github\.com\/acme\/em\/actions\/runs\/1\)\._/);
    expect(body).toContain("left out to stay within GitHub's size limit: everything is in the [job summary]");
    expect(readEmbeddedDigests(body)[0].findings).toHaveLength(200);
  });

  it('renders intact, pings nobody, loads nothing, and the marker stays unique, whatever a finding holds', () => {
    const evil = [
      '</details></details> `` ` `` @octocat please <img src=https://evil.example/x.png onerror=alert(1)> <script>alert(1)</script>',
      '<!-- dab-ready:comment path=. --> <!-- dab-ready-data {"v":2,"b":[]} --> -->',
    ].join(' ');
    const findings = [
      finding('bad', 'critical', 'notebooks/<img src=x>.py', 1, { message: evil, evidence: `${evil}\n\`\`\`\n</details>`, impact: evil, fix: { text: evil, patch: '```\n</details>\n@octocat' } }),
      finding('other', 'low', 'x.yml', 2),
    ];
    const b = bundle(findings, { name: '<b>@admins</b> -->' });
    const body = renderPullRequestComment(view(result([b])));
    expect(body.split('\n').filter((l) => l.startsWith('<!-- dab-ready:comment'))).toEqual(['<!-- dab-ready:comment path=. -->']);
    expect(body.startsWith(commentMarker(''))).toBe(true);
    const html = renderHtml(body);
    // two findings, two closed blocks: the message's </details> did not end one early
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
    const outsideCode = html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(outsideCode).not.toMatch(/<(img|script|b>@)/);
    expect(outsideCode).not.toMatch(/@(octocat|admins)/);
    expect(outsideCode).toContain('@\u200Doctocat');
    // the data read back is ours (the last), not the one quoted in the message
    expect(readEmbeddedDigests(body)[0].findings.map((f) => f.check)).toEqual(['bad', 'other']);
  });
});
