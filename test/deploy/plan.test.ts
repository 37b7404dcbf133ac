import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planCommand } from '../../src/cli/plan.js';
import { combinePlans, planDeploy } from '../../src/deploy/plan.js';
import { renderPlanMarkdown, renderPlanText } from '../../src/deploy/render.js';
import { analyse } from '../../src/engine.js';
import type { BundleResult, PhaseResult, PhaseStatus } from '../../src/model.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = path.join(REPO, 'examples/entity-matching');
const FIXED = path.join(REPO, 'examples/entity-matching-fixed');

function phase(id: string, order: number, status: PhaseStatus, dependsOn: string[], jobs: string[] = [`job_${id}`]): PhaseResult {
  const checklist: PhaseResult['checklist'] =
    status === 'blocked' ? [{ text: 'Wheel task entry points are declared → CRITICAL', ok: false, severity: 'critical', check: 'entry-point-missing' }] : [];
  return { id, name: `Phase ${id}`, order, status, resources: jobs.map((j) => `jobs.${j}`), jobs, files: [], checklist, dependsOn };
}

function bundleWith(phases: PhaseResult[]): BundleResult {
  return {
    root: '.',
    name: 'demo',
    targets: ['dev'],
    defaultTarget: 'dev',
    score: 50,
    targetScores: { dev: 50 },
    ready: false,
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    phases,
    findings: [],
    passed: [],
    effort: { rows: [], criticalPath: 0, withHigh: 0, full: 0 },
    verification: [],
    suppressed: 0,
  };
}

const earlier = (n: number) => Array.from({ length: n }, (_, i) => String(i));

describe('planDeploy on hand-built results', () => {
  it('runs ready and partial phases in order up to the first blocked one; later phases are held back', () => {
    const plan = planDeploy(
      bundleWith([phase('0', 0, 'ready', []), phase('1', 1, 'partial', earlier(1)), phase('2', 2, 'blocked', earlier(2)), phase('3', 3, 'ready', earlier(3)), phase('4', 4, 'ready', earlier(4))]),
    );
    expect(plan.matrix.include.map((l) => [l.phase, l.status, l.order, l.jobs])).toEqual([
      ['0', 'ready', 0, ['job_0']],
      ['1', 'partial', 1, ['job_1']],
    ]);
    expect(plan.blocked).toEqual([
      { phase: '2', name: 'Phase 2', reason: 'blocked: entry-point-missing (Wheel task entry points are declared)' },
      { phase: '3', name: 'Phase 3', reason: 'held back: depends on blocked phase 2' },
      { phase: '4', name: 'Phase 4', reason: 'held back: depends on blocked phase 2' },
    ]);
    expect(plan.hasPhases).toBe(true);
  });

  it('follows declared dependencies: a phase that does not depend on the blocked one still runs', () => {
    const plan = planDeploy(bundleWith([phase('setup', 0, 'ready', []), phase('train', 1, 'blocked', ['setup']), phase('serve', 2, 'ready', ['train']), phase('report', 3, 'ready', ['setup'])]));
    expect(plan.matrix.include.map((l) => l.phase)).toEqual(['setup', 'report']);
    expect(plan.blocked.map((b) => [b.phase, b.reason.split(':')[0]])).toEqual([
      ['train', 'blocked'],
      ['serve', 'held back'],
    ]);
  });

  it('names the blocked phase at the root of a chain of held-back phases', () => {
    const plan = planDeploy(bundleWith([phase('a', 0, 'blocked', []), phase('b', 1, 'ready', ['a']), phase('c', 2, 'ready', ['b'])]));
    expect(plan.blocked.map((b) => b.reason)).toEqual([expect.stringMatching(/^blocked: /), 'held back: depends on blocked phase a', 'held back: depends on blocked phase a']);
  });

  it('gives an empty matrix and has-phases false when the first phase is blocked', () => {
    const plan = planDeploy(bundleWith([phase('0', 0, 'blocked', []), phase('1', 1, 'ready', ['0'])]));
    expect(plan.matrix).toEqual({ include: [] });
    expect(plan.hasPhases).toBe(false);
    expect(renderPlanText(plan)).toContain('Nothing may deploy');
  });

  it('never loops on a dependency cycle', () => {
    const plan = planDeploy(bundleWith([phase('a', 0, 'ready', ['b']), phase('b', 1, 'ready', ['a'])]));
    expect(plan.matrix.include).toEqual([]);
    expect(plan.blocked.map((b) => b.reason)).toEqual(['held back: dependency cycle through phase a', 'held back: dependency cycle through phase a']);
  });

  it('sorts by order, and combines several bundles with the bundle folder on each leg', () => {
    const one = planDeploy(bundleWith([phase('1', 1, 'ready', ['0']), phase('0', 0, 'ready', [])]));
    expect(one.matrix.include.map((l) => l.phase)).toEqual(['0', '1']);
    const both = combinePlans([
      { root: 'a', plan: one },
      { root: 'b', plan: planDeploy(bundleWith([phase('0', 0, 'blocked', [])])) },
    ]);
    expect(both.matrix.include.map((l) => `${l.bundle}:${l.phase}`)).toEqual(['a:0', 'a:1']);
    expect(both.blocked.map((b) => `${b.bundle}:${b.phase}`)).toEqual(['b:0']);
    expect(renderPlanMarkdown(both)).toContain('| a:0 | Phase 0 | ✅ ready | `job_0` |');
  });
});

describe('planDeploy: reasons, references and what refuses every deploy', () => {
  const item = (text: string, check?: string): PhaseResult['checklist'][number] => ({ text, ok: false, severity: 'critical', ...(check ? { check } : {}) });

  it('a blocked phase names its critical checklist items without their label and count, and says "critical findings" when it lists none', () => {
    const blocked = phase('a', 0, 'blocked', []);
    blocked.checklist = [
      item('Python Wheel Entry Points Missing → BLOCKER (3 findings)', 'entry-point-missing'),
      { text: 'Vector Search Endpoint Not Created → HIGH', ok: false, severity: 'high', check: 'vector-search-endpoint-missing' },
      { text: 'Looks fine', ok: true, check: 'wheel-not-built' },
      item('Configuration File Does Not Load → BLOCKER'),
    ];
    const bare = phase('b', 1, 'blocked', []);
    bare.checklist = [];
    expect(planDeploy(bundleWith([blocked, bare])).blocked.map((b) => b.reason)).toEqual([
      'blocked: entry-point-missing (Python Wheel Entry Points Missing); Configuration File Does Not Load',
      'blocked: critical findings',
    ]);
  });

  it('resolves a dependency by phase name as well as id, and ignores one on itself or on no phase', () => {
    const plan = planDeploy(
      bundleWith([phase('a', 0, 'blocked', []), phase('b', 1, 'ready', ['Phase a']), phase('c', 2, 'ready', ['c', 'nowhere']), phase('d', 3, 'partial', ['c'])]),
    );
    expect(plan.matrix.include.map((l) => [l.phase, l.name, l.status, l.jobs])).toEqual([
      ['c', 'Phase c', 'ready', ['job_c']],
      ['d', 'Phase d', 'partial', ['job_d']],
    ]);
    expect(plan.blocked.map((b) => [b.phase, b.name, b.reason])).toEqual([
      ['a', 'Phase a', expect.stringMatching(/^blocked: /)],
      ['b', 'Phase b', 'held back: depends on blocked phase a'],
    ]);
  });

  it("a reference that is one phase's id and another's name means the phase with that id", () => {
    const named = { ...phase('2', 2, 'blocked', []), name: '1' };
    const plan = planDeploy(bundleWith([phase('1', 1, 'ready', []), named, phase('3', 3, 'ready', ['1'])]));
    expect(plan.matrix.include.map((l) => l.phase)).toEqual(['1', '3']);
  });

  it('strips only the trailing label and count of an item (any count), not an arrow inside its text', () => {
    const blocked = phase('a', 0, 'blocked', []);
    blocked.checklist = [item('Wheel → PKG is built → BLOCKER (12 findings)', 'wheel-not-built')];
    expect(planDeploy(bundleWith([blocked])).blocked[0].reason).toBe('blocked: wheel-not-built (Wheel → PKG is built)');
  });

  it('holds back a phase that depends on a cycle, naming the cycle', () => {
    const plan = planDeploy(bundleWith([phase('a', 0, 'ready', ['b']), phase('b', 1, 'ready', ['a']), phase('c', 2, 'ready', ['b'])]));
    expect(plan.blocked.map((b) => [b.phase, b.reason])).toEqual([
      ['a', 'held back: dependency cycle through phase a'],
      ['b', 'held back: dependency cycle through phase a'],
      ['c', 'held back: dependency cycle through phase a'],
    ]);
  });

  it('a blocked phase inside a cycle is blocked, and what depends on it is held back by it', () => {
    const plan = planDeploy(bundleWith([phase('a', 0, 'blocked', ['b']), phase('b', 1, 'ready', ['a'])]));
    expect(plan.blocked.map((b) => [b.phase, b.reason.split(':')[0], b.reason.includes('phase a')])).toEqual([
      ['a', 'blocked', false],
      ['b', 'held back', true],
    ]);
  });

  it('lists the findings that break bundle deploy for the target: on it or on no target', () => {
    const b = bundleWith([phase('0', 0, 'ready', [])]);
    b.findings = [
      { check: 'config-invalid', severity: 'critical', message: 'bad YAML', targets: [], phases: [], loc: { file: 'databricks.yml', line: 3, column: 1 } },
      { check: 'wheel-build-failed', severity: 'critical', message: 'build failed', targets: ['prod'], phases: [] },
      { check: 'cli-init-missing', severity: 'low', message: 'no init', targets: [], phases: [] },
    ];
    expect(planDeploy(b, { target: 'dev' }).deployBlockers).toEqual(['config-invalid at databricks.yml:3: bad YAML (breaks databricks bundle deploy for target dev)']);
    expect(planDeploy(b).deployBlockers).toEqual([
      'config-invalid at databricks.yml:3: bad YAML (breaks databricks bundle deploy)',
      'wheel-build-failed: build failed (breaks databricks bundle deploy)',
    ]);
  });

  it('one plan combines to itself; several prefix their deploy blockers with their folder and have phases only with legs', () => {
    const withBlocker = bundleWith([phase('0', 0, 'blocked', [])]);
    withBlocker.findings = [{ check: 'config-invalid', severity: 'critical', message: 'bad', targets: [], phases: [] }];
    const alone = planDeploy(withBlocker);
    expect(combinePlans([{ root: 'a', plan: alone }])).toBe(alone);
    const runnable = combinePlans([
      { root: 'a', plan: alone },
      { root: 'b', plan: planDeploy(bundleWith([phase('0', 0, 'ready', [])])) },
    ]);
    expect([runnable.hasPhases, runnable.matrix.include.map((l) => [l.bundle, l.phase])]).toEqual([true, [['b', '0']]]);
    const both = combinePlans([
      { root: 'a', plan: alone },
      { root: 'b', plan: planDeploy(bundleWith([phase('0', 0, 'blocked', [])])) },
    ]);
    expect(both).toEqual({
      matrix: { include: [] },
      blocked: [
        { phase: '0', name: 'Phase 0', reason: expect.stringMatching(/^blocked/), bundle: 'a' },
        { phase: '0', name: 'Phase 0', reason: expect.stringMatching(/^blocked/), bundle: 'b' },
      ],
      hasPhases: false,
      deployBlockers: ['a: config-invalid: bad (breaks databricks bundle deploy)'],
    });
  });
});

describe('planDeploy on the embedded examples (through the engine)', () => {
  it('the seed project: phases 0-1 may run, 2 is blocked and holds back 3-4', async () => {
    const { result } = await analyse({ path: SEED, target: 'dev', env: {} });
    const plan = planDeploy(result.bundles[0], { target: 'dev' });
    expect(plan.matrix.include.map((l) => [l.phase, l.jobs])).toEqual([
      ['0', ['setup_catalog']],
      ['1', ['load_reference_data']],
    ]);
    expect(plan.blocked.map((b) => [b.phase, b.reason.replace(/:.*$/s, '')])).toEqual([
      ['2', 'blocked'],
      ['3', 'held back'],
      ['4', 'held back'],
    ]);
    expect(plan.blocked[0].reason).toContain('entry-point-missing');
    expect(plan.blocked[1].reason).toBe('held back: depends on blocked phase 2');
    // phase 2's wheel is neither built nor attached: its run fails, but `bundle deploy` itself succeeds
    expect(plan.deployBlockers).toEqual([]);
  });

  it('the fixed project: all five phases in order', async () => {
    const { result } = await analyse({ path: FIXED, target: 'dev', env: {} });
    const plan = planDeploy(result.bundles[0], { target: 'dev' });
    expect(plan.matrix.include.map((l) => [l.phase, l.order])).toEqual([
      ['0', 0],
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
    ]);
    expect(plan.matrix.include.find((l) => l.phase === '2')!.jobs).toEqual(['train_ditto_model']);
    expect(plan.blocked).toEqual([]);
    expect(plan.deployBlockers).toEqual([]);
  });

  describe('with a .dab-ready.yml phase config', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-plan-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(SEED, dir, { recursive: true });
    writeFileSync(
      path.join(dir, '.dab-ready.yml'),
      [
        'phases:',
        '  - name: Foundations',
        '    id: base',
        '    include: [resources/jobs_phase0_setup.yml, resources/jobs_phase1_data.yml]',
        '  - name: Training',
        '    id: train',
        '    include: [jobs.train_ditto_model]',
        '    depends_on: [base]',
        '  - name: Pipeline',
        '    id: pipeline',
        '    include: [resources/jobs_phase4_pipeline.yml]',
        '    depends_on: [base]',
        '  - name: Serving',
        '    id: serve',
        '    include: [resources/jobs_phase3_serving.yml]',
        '    depends_on: [train]',
        '',
      ].join('\n'),
    );

    it('uses the declared phases and dependencies: pipeline depends only on base, so it may run', async () => {
      const { result } = await analyse({ path: dir, target: 'dev', env: {} });
      const plan = planDeploy(result.bundles[0], { target: 'dev' });
      expect(plan.matrix.include.map((l) => l.phase)).toEqual(['base', 'pipeline']);
      expect(plan.matrix.include[0].jobs).toEqual(['setup_catalog', 'load_reference_data']);
      const held = Object.fromEntries(plan.blocked.map((b) => [b.phase, b.reason.replace(/:.*$/s, '')]));
      expect(held.train).toBe('blocked');
      expect(held.serve).toBe('held back');
    });

    it('dab-ready plan --format json prints the same matrix', async () => {
      let out = '';
      const code = await planCommand([dir, '--target', 'dev', '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, env: {} });
      expect(code).toBe(0);
      const printed = JSON.parse(out);
      expect(printed.matrix.include.map((l: { phase: string }) => l.phase)).toEqual(['base', 'pipeline']);
      expect(printed.hasPhases).toBe(true);
    });
  });

  it('dab-ready plan prints text and markdown for people', async () => {
    let text = '';
    expect(await planCommand([SEED, '-t', 'dev'], { stdout: (s) => (text += s), stderr: () => {}, env: {} })).toBe(0);
    expect(text).toMatch(/^Deploy plan for target dev: 2 phase\(s\) may deploy now, 3 held back$/m);
    expect(text).toContain('✗ 3  Phase 3: Serving  held back: depends on blocked phase 2');
    let md = '';
    expect(await planCommand([SEED, '-t', 'dev', '-f', 'markdown'], { stdout: (s) => (md += s), stderr: () => {}, env: {} })).toBe(0);
    expect(md).toContain('| 0 | Phase 0: Setup | ✅ ready | `setup_catalog` |');
  });
});
