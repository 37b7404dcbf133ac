// The pull request comment part by part, on hand-built results: each line a reader sees and the
// condition that decides it (the seed example and the monorepo are in comment-body.test.ts).
import { describe, expect, it } from 'vitest';
import { bundleStatus, commentMarker, renderPullRequestComment, scoreText, type CommentOptions, type ReadinessViewInput } from '../../src/github/comment-body.js';
import { digestFinding, type BundleDelta, type FindingDigest } from '../../src/github/delta.js';
import type { BundleResult, Finding, Result, Severity } from '../../src/model.js';
import { evaluateGate } from '../../src/engine.js';
import { bundle, finding, result } from './factory.js';

const links = { repoUrl: 'https://github.com/acme/em', sha: '3f2c1a9b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b', prefix: '' };
const runUrl = 'https://github.com/acme/em/actions/runs/1';

function view(r: Result, extra: Partial<ReadinessViewInput> = {}): ReadinessViewInput {
  return { result: r, gate: { passed: true, reasons: [] } as never, failOn: 'critical', deltas: new Map(), prefix: '', ...extra };
}

function render(r: Result, extra: Partial<ReadinessViewInput> = {}, options: CommentOptions = {}): string {
  return renderPullRequestComment(view(r, extra), options);
}

function failing(r: Result, failOn: Severity, extra: Partial<ReadinessViewInput> = {}): ReadinessViewInput {
  return view(r, { gate: evaluateGate(r, { failOn, minScore: 0 }), failOn, ...extra });
}

function delta(added: FindingDigest[], resolved: FindingDigest[] = [], extra: Partial<BundleDelta> = {}): BundleDelta {
  return { source: 'base', baseScore: 90, headScore: 90, change: 0, added, resolved, ...extra };
}

const digests = (n: number, severity: Severity = 'high'): FindingDigest[] =>
  Array.from({ length: n }, (_, i) => digestFinding(finding(`check-${i}`, severity, `resources/f${i}.yml`, i + 1)));

const lows = (n: number): Finding[] => Array.from({ length: n }, (_, i) => finding(`low-${i}`, 'low', `f${i}.yml`, i + 1));

/** The first visible line (after the marker). */
const headline = (body: string) => body.split('\n').find((l) => l.startsWith('### '))!;

describe('status of a bundle', () => {
  it('is blocked with a critical finding or when not ready, partial with a high or medium one, ready with only low or info', () => {
    expect(bundleStatus(bundle([finding('a', 'critical', 'x.yml', 1)]))).toBe('blocked');
    expect(bundleStatus(bundle([], { ready: false }))).toBe('blocked');
    expect(bundleStatus(bundle([finding('a', 'high', 'x.yml', 1)]))).toBe('partial');
    expect(bundleStatus(bundle([finding('a', 'medium', 'x.yml', 1)]))).toBe('partial');
    expect(bundleStatus(bundle([finding('a', 'low', 'x.yml', 1), finding('b', 'info', 'x.yml', 2)]))).toBe('ready');
  });

  it('a critical count blocks even a bundle marked ready', () => {
    const b = bundle([finding('a', 'critical', 'x.yml', 1)], { ready: true });
    expect(bundleStatus(b)).toBe('blocked');
  });
});

describe('score text', () => {
  it('is the bare score without a baseline, "unchanged" at no change, signed against the base or the previous run', () => {
    expect(scoreText(65, undefined)).toBe('65/100');
    expect(scoreText(65, delta([], [], { change: 0 }))).toBe('65/100 (unchanged)');
    expect(scoreText(85, delta([], [], { change: 20 }))).toBe('85/100 (+20 vs base)');
    expect(scoreText(65, delta([], [], { change: -20, source: 'previous' as BundleDelta['source'] }))).toBe('65/100 (−20 vs previous run)');
  });
});

describe('headline', () => {
  it('one bundle: status, score and gate, then its name, counts and targets', () => {
    const body = render(result([bundle([finding('a', 'high', 'x.yml', 1)], { targets: ['dev', 'prod'] })]));
    expect(headline(body)).toBe('### 🟡 dab-ready: partial · score 90/100 · ✅ gate passed');
    expect(body).toContain('\n\n**entity\\_matching** · 1 high · targets `dev`, `prod`\n');
  });

  it('names the bundle root when it is not "." and a dash when no target was analysed', () => {
    const body = render(result([bundle([], { root: 'bundles/a', targets: [] })]));
    expect(body).toContain('**entity\\_matching** `bundles/a` · no findings · targets –');
  });

  it('no bundle: says so, with the gate', () => {
    expect(headline(render(result([])))).toBe('### dab-ready · no bundle found · ✅ gate passed');
  });

  it('several bundles: how many are blocked and the lowest score (with its change), the counts of all', () => {
    const a = bundle([finding('a', 'critical', 'x.yml', 1)], { root: 'a', score: 60 });
    const b = bundle([finding('b', 'high', 'y.yml', 1)], { root: 'b', score: 90 });
    const c = bundle([], { root: 'c', score: 100 });
    const body = render(result([b, a, c]), { deltas: new Map([['a', delta(digests(2), digests(1), { change: -5 })]]) });
    expect(headline(body)).toBe('### ❌ dab-ready: 1 of 3 bundles blocked · lowest score 60/100 (−5 vs base) · ✅ gate passed');
    expect(body).toContain('3 bundles · 1 critical · 1 high · this pull request: 🆕 2 new · ✅ 1 resolved');
  });

  it('several bundles without a baseline: no "this pull request" count; all partial reads partial, all ready reads ready', () => {
    const partial = render(result([bundle([finding('b', 'high', 'y.yml', 1)], { root: 'a' }), bundle([], { root: 'b' })]));
    expect(headline(partial)).toBe('### 🟡 dab-ready: 0 of 2 bundles blocked · lowest score 90/100 · ✅ gate passed');
    expect(partial).not.toContain('this pull request:');
    const ready = render(result([bundle([], { root: 'a', score: 100 }), bundle([], { root: 'b', score: 100 })]));
    expect(headline(ready)).toContain('### ✅ dab-ready: 0 of 2 bundles blocked');
  });
});

describe('gate verdict', () => {
  it('counts the findings at or above fail-on, in the singular for one', () => {
    const one = result([bundle([finding('a', 'critical', 'x.yml', 1), finding('b', 'high', 'x.yml', 2)])]);
    expect(headline(renderPullRequestComment(failing(one, 'critical')))).toContain('❌ gate failed: 1 finding at or above critical');
    expect(headline(renderPullRequestComment(failing(one, 'high')))).toContain('❌ gate failed: 2 findings at or above high');
  });

  it('counts repository notices too, and says "new" when only new findings count', () => {
    const r = result([bundle([finding('a', 'high', 'x.yml', 1)])], [finding('yaml-invalid', 'high', 'bad.yml', 3)]);
    expect(headline(renderPullRequestComment(failing(r, 'high', { newOnly: true })))).toContain('❌ gate failed: 2 new findings at or above high');
  });

  it('without a finding at fail-on, the gate failed on the score', () => {
    const r = result([bundle([finding('a', 'low', 'x.yml', 1)])]);
    const input = view(r, { gate: { passed: false } as never, failOn: 'critical' });
    expect(headline(renderPullRequestComment(input))).toContain('❌ gate failed: score below the minimum');
  });
});

describe('what this pull request changed', () => {
  it('lists up to five new and five resolved findings, then "…and N more"', () => {
    const d = delta(digests(7), digests(6));
    const body = render(result([bundle([])]), { deltas: new Map([['.', d]]) });
    expect(body).toContain('**This pull request:** 🆕 7 new · ✅ 6 resolved');
    expect(body.match(/^- 🆕 /gm)).toHaveLength(5);
    expect(body.match(/^- ✅ resolved: /gm)).toHaveLength(5);
    expect(body).toContain('- _…and 2 more new_');
    expect(body).toContain('- _…and 1 more resolved_');
  });

  it('five of each: no "…and 0 more" line', () => {
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta(digests(5), digests(5))]]) });
    expect(body.match(/^- 🆕 /gm)).toHaveLength(5);
    expect(body).not.toContain('more new');
    expect(body).not.toContain('more resolved');
  });

  it('each line names its own finding: severity, check title, file:line, a new one linked at the head commit, a resolved one not', () => {
    const added = [digestFinding(finding('alpha', 'critical', 'resources/a.yml', 3)), digestFinding(finding('beta', 'high', 'resources/b.yml', 9))];
    const resolved = [digestFinding(finding('gamma', 'medium', 'resources/c.yml', 4))];
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta(added, resolved)]]), links });
    expect(body).toContain(`- 🆕 🔴 **critical** · Alpha · [\`resources/a.yml:3\`](${links.repoUrl}/blob/${links.sha}/resources/a.yml#L3)`);
    expect(body).toContain(`- 🆕 🟠 **high** · Beta · [\`resources/b.yml:9\`](${links.repoUrl}/blob/${links.sha}/resources/b.yml#L9)`);
    expect(body).toContain('- ✅ resolved: 🟡 **medium** · Gamma · `resources/c.yml:4`\n');
  });

  it('a digest without a file has no place, one without a line no line number', () => {
    const added = [{ check: 'nowhere', severity: 'high', key: 'k1' } as FindingDigest, { check: 'noline', severity: 'low', file: 'a.yml', key: 'k2' } as FindingDigest];
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta(added)]]) });
    expect(body).toContain('- 🆕 🟠 **high** · Nowhere\n');
    expect(body).toContain('- 🆕 🟢 **low** · Noline · `a.yml`');
  });

  it('against the previous run it says so; without any change the summary stands alone', () => {
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta([], [], { source: 'previous' as BundleDelta['source'] })]]) });
    expect(body).toContain('**Since the previous run:** 🆕 0 new · ✅ 0 resolved\n');
  });
});

describe('several bundles', () => {
  const blocked = () => bundle([finding('a', 'critical', 'x.yml', 1)], { root: 'b/blocked', score: 60 });
  const partial = (root: string, score: number) => bundle([finding('b', 'high', 'y.yml', 1)], { root, score });
  const ready = (root: string) => bundle([], { root, score: 100 });

  it('the table: blocked first, then partial, then ready; by score, then by root; the change and the critical count', () => {
    const r = result([ready('b/z'), partial('b/p2', 80), ready('b/a'), partial('b/p1', 80), partial('b/low', 70), blocked()]);
    const deltas = new Map([
      ['b/p1', delta([], [], { change: 5 })],
      ['b/p2', delta([], [], { change: -3 })],
      ['b/a', delta([], [], { change: 0 })],
    ]);
    const rows = render(r, { deltas }).split('\n').filter((l) => /^\| `/.test(l));
    expect(rows).toEqual([
      '| `b/blocked` | 60 | – | ❌ blocked (1 critical) |',
      '| `b/low` | 70 | – | 🟡 partial |',
      '| `b/p1` ✏️ | 80 | +5 | 🟡 partial |',
      '| `b/p2` ✏️ | 80 | −3 | 🟡 partial |',
      '| `b/a` | 100 | 0 | ✅ ready |',
      '| `b/z` | 100 | – | ✅ ready |',
    ]);
  });

  it('a section for each blocked or touched bundle; the others are counted in one line', () => {
    const r = result([blocked(), partial('b/p', 80), ready('b/r1'), ready('b/r2')]);
    const sections = (body: string) => [...body.matchAll(/^#### \S+ `([^`]+)`/gm)].map((m) => m[1]);
    const body = render(r, { touched: new Set(['b/p']) });
    expect(sections(body)).toEqual(['b/blocked', 'b/p']);
    expect(body).toContain('<sub>2 bundles without blockers that this pull request did not touch: one row each in the table above.</sub>');
    const one = render(r, { touched: new Set(['b/p', 'b/r1']) });
    expect(one).toContain('<sub>1 bundle without blockers that this pull request did not touch');
    const all = render(r, { touched: new Set() }, { expandAll: true });
    expect(sections(all)).toEqual(['b/blocked', 'b/p', 'b/r1', 'b/r2']);
    expect(all).not.toContain('did not touch');
  });

  it('without a list of touched bundles, a bundle whose findings or score changed counts as touched', () => {
    const r = result([ready('b/r1'), ready('b/r2'), ready('b/r3'), ready('b/r4')]);
    const deltas = new Map([
      ['b/r1', delta(digests(1))],
      ['b/r2', delta([], digests(1))],
      ['b/r3', delta([], [], { change: 4 })],
      ['b/r4', delta([])],
    ]);
    const body = render(r, { deltas });
    expect([...body.matchAll(/^#### \S+ `([^`]+)`/gm)].map((m) => m[1])).toEqual(['b/r1', 'b/r2', 'b/r3']);
    expect(body).toContain('<sub>1 bundle without blockers');
  });

  it("a section heading: status, root, name, score and counts; a bundle's changes only when there are some", () => {
    const r = result([blocked(), partial('b/p', 80)]);
    const body = render(r, { touched: new Set(['b/p']), deltas: new Map([['b/p', delta(digests(1))], ['b/blocked', delta([])]]) });
    expect(body).toContain('#### ❌ `b/blocked` entity\\_matching · 60/100 (unchanged) · 1 critical');
    expect(body).toContain('#### 🟡 `b/p` entity\\_matching · 80/100 (unchanged) · 1 high');
    expect(body.match(/\*\*This pull request:\*\*/g)).toHaveLength(1);
  });

  it('an untouched blocked bundle shows only its critical and new findings; a touched one shows all', () => {
    const findings = [finding('crit', 'critical', 'x.yml', 1), finding('added', 'medium', 'x.yml', 2), finding('old', 'low', 'x.yml', 3)];
    const b = bundle(findings, { root: 'b/q', score: 60 });
    const deltas = new Map([['b/q', delta([digestFinding(findings[1])])]]);
    const untouched = render(result([b, ready('b/r')]), { deltas, touched: new Set() });
    expect(untouched.match(/<details><summary>(🔴|🟡|🟢)/g)).toEqual(['<details><summary>🔴', '<details><summary>🟡']);
    expect(untouched).toContain('<details><summary>1 more finding (1 low)</summary>');
    const touched = render(result([b, ready('b/r')]), { deltas, touched: new Set(['b/q']) });
    expect(touched.match(/<details><summary>(🔴|🟡|🟢)/g)).toEqual(['<details><summary>🔴', '<details><summary>🟡', '<details><summary>🟢']);
  });

  it('phases fold into one collapsed line with the table inside', () => {
    const body = render(result([blocked(), ready('b/r')]));
    expect(body).toContain('<details><summary>Phases: Phase 0: Setup ✅ → Phase 1: Training ❌</summary>\n\n| Phase | Status | Blockers | Jobs |');
  });
});

describe('the findings of one bundle', () => {
  it('one collapsed block per finding up to the limit, then one block listing the rest, counted by severity', () => {
    const body = render(result([bundle(lows(4))]), {}, { detailsLimit: 2 });
    expect(body.match(/<details><summary>🟢/g)).toHaveLength(2);
    expect(body).toContain('<details><summary>2 more findings (2 low)</summary>');
    expect(body).toMatch(/- 🟢 \*\*low\*\* · Low 2 · `f2\.yml:3`: low-2 at f2\.yml:3\n- 🟢 \*\*low\*\* · Low 3/);
  });

  it('one left over is "1 more finding"; with no block shown, the count has no "more"', () => {
    expect(render(result([bundle(lows(3))]), {}, { detailsLimit: 2 })).toContain('<details><summary>1 more finding (1 low)</summary>');
    expect(render(result([bundle(lows(3))]), {}, { detailsLimit: 0 })).toContain('<details><summary>3 findings (3 low)</summary>');
    expect(render(result([bundle(lows(1))]), {}, { detailsLimit: 0 })).toContain('<details><summary>1 finding (1 low)</summary>');
  });

  it('at most fifty in the list, then where the others are', () => {
    const body = render(result([bundle(lows(52))]), { runUrl }, { detailsLimit: 1 });
    expect(body.match(/^- 🟢 \*\*low\*\*/gm)).toHaveLength(50);
    expect(body).toContain(`- _…and 1 more in the [job summary](${runUrl})_`);
    const exactly = render(result([bundle(lows(51))]), {}, { detailsLimit: 1, elsewhere: 'the report' });
    expect(exactly.match(/^- 🟢 \*\*low\*\*/gm)).toHaveLength(50);
    expect(exactly).not.toContain('more in');
    expect(render(result([bundle(lows(53))]), {}, { detailsLimit: 1, elsewhere: 'the report' })).toContain('- _…and 2 more in the report_');
    expect(render(result([bundle(lows(53))]), {}, { detailsLimit: 1 })).toContain('- _…and 2 more in the job summary_');
  });

  it('a line in the list: linked file:line, the first line of the message, at most 160 characters', () => {
    const long = finding('x', 'high', 'a.yml', 7, { message: `${'m'.repeat(200)}\nsecond line` });
    const body = render(result([bundle([finding('y', 'critical', 'b.yml', 1), long])]), { links }, { detailsLimit: 1 });
    expect(body).toContain(`- 🟠 **high** · X · [\`a.yml:7\`](${links.repoUrl}/blob/${links.sha}/a.yml#L7): ${'m'.repeat(160)}\n`);
  });

  it('a finding without a place has none in its line', () => {
    const body = render(result([bundle([finding('y', 'critical', 'b.yml', 1), finding('z', 'high', '', 0, { loc: undefined })])]), {}, { detailsLimit: 1 });
    expect(body).toContain('- 🟠 **high** · Z: z at :0');
  });

  it('no findings says so; one phase shows no phase table', () => {
    const b = bundle([]);
    const body = render(result([{ ...b, phases: b.phases.slice(0, 1) }]));
    expect(body).toContain('✅ No findings.');
    expect(body).not.toContain('| Phase |');
    expect(render(result([b]))).toContain('| Phase | Status | Blockers | Jobs |');
  });

  it('the verification runs in a collapsed block when there are some', () => {
    const step: BundleResult['verification'][number] = { step: 'build', status: 'passed', durationMs: 1200, command: 'python -m build', detail: 'built pkg-1.0.whl' };
    expect(render(result([bundle([], { verification: [step] })]))).toMatch(/<details><summary>\S+ Verification runs<\/summary>/);
    expect(render(result([bundle([])]))).not.toContain('Verification runs');
  });
});

describe('repository notices', () => {
  it('one collapsed block, at most twenty lines, in the singular for one', () => {
    const notices = Array.from({ length: 22 }, (_, i) => finding('yaml-invalid', 'high', `bad${i}.yml`, 1));
    const body = render(result([bundle([])], notices));
    expect(body).toContain('<details><summary>22 repository notices</summary>');
    expect(body.match(/^- 🟠 \*\*high\*\* · .* · `bad\d+\.yml:1`/gm)).toHaveLength(20);
    expect(render(result([bundle([])], notices.slice(0, 1)))).toContain('<details><summary>1 repository notice</summary>');
    expect(render(result([bundle([])]))).not.toContain('repository notice');
  });
});

describe('marker, notes, footer and data', () => {
  it('the marker names the path, escaping what could end the comment', () => {
    expect(commentMarker('')).toBe('<!-- dab-ready:comment path=. -->');
    expect(commentMarker('bundles/a b')).toBe('<!-- dab-ready:comment path=bundles/a%20b -->');
    expect(commentMarker('x-->y')).toBe('<!-- dab-ready:comment path=x%2d-%3ey -->');
  });

  it('a sticky comment starts with the marker and ends with the data; the job summary has neither', () => {
    const r = result([bundle(lows(1))]);
    const sticky = render(r, { prefix: 'bundles/a' });
    expect(sticky.startsWith('<!-- dab-ready:comment path=bundles/a -->\n\n### ')).toBe(true);
    expect(sticky).toMatch(/<!-- dab-ready-data .* -->\n$/);
    const summary = render(r, {}, { sticky: false });
    expect(summary.startsWith('### ')).toBe(true);
    expect(summary).not.toContain('<!--');
  });

  it('notes are quoted under the headline', () => {
    const body = render(result([bundle([])]), {}, { sticky: false, notes: ['could not comment on a fork'] });
    expect(body.split('\n\n').slice(0, 3)).toEqual(['### ✅ dab-ready: ready · score 90/100 · ✅ gate passed', '**entity\\_matching** · no findings · targets `dev`', '> could not comment on a fork']);
  });

  it('the footer: the job summary (linked when known), the commit, the gate setting, the tool', () => {
    const r = result([bundle([])]);
    const footer = (body: string) => body.split('\n').find((l) => l.startsWith('<sub>Full report') || l.startsWith('<sub>Some blocks'))!;
    expect(footer(render(r, { runUrl, links }))).toBe(`<sub>Full report: [job summary](${runUrl}) · commit \`3f2c1a9b7e5d\` · fail-on critical · dab-ready 0.1.0</sub>`);
    expect(footer(render(r, { failOn: 'none' }))).toBe('<sub>Full report: job summary · gate off · dab-ready 0.1.0</sub>');
    expect(footer(render(r, { failOn: 'high', newOnly: true }))).toBe('<sub>Full report: job summary · fail-on high (new findings only) · dab-ready 0.1.0</sub>');
  });

  it('a body over the budget drops whole blocks and says where everything is', () => {
    const r = result([bundle(lows(30))]);
    const full = render(r, { runUrl });
    expect(full).not.toContain('Some blocks were left out');
    const small = render(r, { runUrl }, { budget: 4000 });
    expect(small.length).toBeLessThanOrEqual(4000);
    expect(small).toContain(`<sub>Some blocks were left out to stay within GitHub's size limit: everything is in the [job summary](${runUrl}). Full report:`);
  });

  it('the budget is measured as the caller says (bytes for the job summary)', () => {
    const r = result([bundle(lows(30).map((f) => ({ ...f, message: 'ü'.repeat(150) })))]);
    const bytes = (t: string) => Buffer.byteLength(t);
    const byChars = render(r, {}, { budget: 6000 });
    const byBytes = render(r, {}, { budget: 6000, measure: bytes });
    expect(bytes(byBytes)).toBeLessThanOrEqual(6000);
    expect(bytes(byChars)).toBeGreaterThan(6000);
  });
});

describe('details a reader sees (mutation)', () => {
  it('the change list holds only finding lines when nothing is left over', () => {
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta(digests(1), digests(1))]]) });
    const block = body.slice(body.indexOf('**This pull request:**')).split('\n\n')[1];
    expect(block.split('\n')).toHaveLength(2);
    expect(block.split('\n').every((l) => l.startsWith('- 🆕 ') || l.startsWith('- ✅ resolved: '))).toBe(true);
  });

  it('one bundle: its facts line has no "this pull request" count (the change block says it)', () => {
    const body = render(result([bundle([])]), { deltas: new Map([['.', delta(digests(1))]]) });
    expect(body).toContain('\n\n**entity\\_matching** · no findings · targets `dev`\n');
  });

  it('several bundles with the same lowest score: the first one names the change', () => {
    const a = bundle([], { root: 'a', score: 80 });
    const b = bundle([], { root: 'b', score: 80 });
    const body = render(result([a, b]), { deltas: new Map([['a', delta([], [], { change: 5 })], ['b', delta([], [], { change: -5 })]]) });
    expect(headline(body)).toContain('lowest score 80/100 (+5 vs base)');
  });

  it('the marker escapes a control character with two hex digits', () => {
    expect(commentMarker('a\tb')).toBe('<!-- dab-ready:comment path=a%09b -->');
  });
});
