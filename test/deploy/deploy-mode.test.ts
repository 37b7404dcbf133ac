import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDeployMode, runPlanMode, type DeployModeInputs } from '../../src/github/deploy-mode.js';
import { silentLogger, type Logger } from '../../src/model.js';
import { STANDIN_BIN } from '../fixtures/cli/read-scenario.js';
import { BUILD_PYTHON } from '../support/python.js';

// The action's plan/deploy modes write their outputs through @actions/core into the files the
// runner provides (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY); here those are real temp files.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_DIR = path.dirname(process.execPath);

let work: string;
let outputFile: string;
// @actions/core's summary remembers the file of its first write: one file for the whole suite.
const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'dab-summary-'));
const summaryFile = path.join(summaryDir, 'step_summary');
const saved: Record<string, string | undefined> = {};
afterAll(() => rmSync(summaryDir, { recursive: true, force: true }));

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'dab-mode-'));
  outputFile = path.join(work, 'github_output');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  for (const k of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) saved[k] = process.env[k];
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.exitCode = undefined;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.exitCode = undefined;
  rmSync(work, { recursive: true, force: true });
});

/** Parse the GITHUB_OUTPUT file format (`name<<delimiter` ... `delimiter`). */
function outputs(): Record<string, string> {
  const text = readFileSync(outputFile, 'utf8');
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

function copy(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(REPO, 'examples', name), dir, { recursive: true });
  return dir;
}

function inputs(dir: string, extra: Partial<DeployModeInputs> = {}): DeployModeInputs {
  return {
    path: dir,
    target: 'dev',
    deploy: true,
    run: true,
    autoApprove: false,
    failOnActiveRuns: false,
    vars: {},
    env: { GITHUB_STEP_SUMMARY: summaryFile },
    log: silentLogger,
    ...extra,
  };
}

describe('mode: plan', () => {
  it('sets matrix, blocked and has-phases for the seed project, and writes the plan to the summary', async () => {
    await runPlanMode(inputs(copy('entity-matching')));
    const o = outputs();
    expect(JSON.parse(o.matrix).include.map((l: { phase: string }) => l.phase)).toEqual(['0', '1']);
    expect(JSON.parse(o.blocked).map((b: { phase: string }) => b.phase)).toEqual(['2', '3', '4']);
    expect(o['has-phases']).toBe('true');
    expect(readFileSync(summaryFile, 'utf8')).toContain('### Deploy plan (target `dev`)');
  });

  it('shows each held-back phase as a warning annotation and in the summary, not only in the log', async () => {
    const { lines } = await workflowCommands(() => runPlanMode(inputs(copy('entity-matching'))));
    const warnings = lines.filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^::warning title=dab-ready phase held back::phase 2 \(Phase 2: Training\) does not deploy to dev: blocked: .*wheel-not-built/);
    expect(warnings.slice(1)).toEqual([
      '::warning title=dab-ready phase held back::phase 3 (Phase 3: Serving) does not deploy to dev: held back: depends on blocked phase 2',
      '::warning title=dab-ready phase held back::phase 4 (Phase 4: Pipeline) does not deploy to dev: held back: depends on blocked phase 2',
    ]);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('| 3 | Phase 3: Serving | ⛔ held back: depends on blocked phase 2 | — |');
  });

  it('a runner without the build module: the missing tool is a warning and a note in the summary', async () => {
    const venv = path.join(work, 'bare-python');
    execFileSync(BUILD_PYTHON, ['-m', 'venv', '--without-pip', venv]);
    const verifyOptions = { python: path.join(venv, 'bin', 'python'), isolation: false, installDeps: false, timeoutMs: 60_000 };
    const { lines } = await workflowCommands(() => runPlanMode(inputs(copy('entity-matching-fixed'), { verifyOptions })));
    expect(lines.filter((l) => l.startsWith('::warning'))).toEqual([expect.stringMatching(/^::warning::dab-ready: \d+ verification steps? (was|were) skipped because a tool is missing on this runner: build/)]);
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/> \[!WARNING\]\n> dab-ready: \d+ verification steps? (was|were) skipped because a tool is missing on this runner: build/);
  });

  it('a ready bundle: no warning at all', async () => {
    const { lines } = await workflowCommands(() => runPlanMode(inputs(copy('entity-matching-fixed'))));
    expect(outputs().blocked).toBe('[]');
    expect(lines.filter((l) => l.startsWith('::warning'))).toEqual([]);
  });
});

/** What @actions/core writes to stdout (workflow commands such as ::error:: and ::warning::) while `fn` runs. */
async function workflowCommands<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const value = await fn();
    return { value, lines: written.join('').split('\n').filter(Boolean) };
  } finally {
    spy.mockRestore();
  }
}

function infoLogger(): Logger & { infos: string[] } {
  const infos: string[] = [];
  return { ...silentLogger, infos, info: (m) => void infos.push(m) };
}

describe('mode: plan with target all', () => {
  it('says in the log that the plan combines every target', async () => {
    const log = infoLogger();
    await runPlanMode(inputs(copy('entity-matching'), { target: undefined, log }));
    expect(log.infos).toContain('target: all: the plan combines every target (dev, prod): a phase is held back when it is blocked on any of them; mode: deploy still needs one target');
    expect(readFileSync(summaryFile, 'utf8')).toContain('### Deploy plan');
  });
});

describe('mode: deploy wording', () => {
  it('reports a refusal once, as the step error, saying nothing was deployed or run', async () => {
    const env = { PATH: `${STANDIN_BIN}:${NODE_DIR}:/usr/bin:/bin`, DATABRICKS_TOKEN: 'x'.repeat(20) };
    const { value, lines } = await workflowCommands(() => runDeployMode(inputs(copy('entity-matching'), { phase: '2', env, log: undefined })));
    expect(value.phaseStatus).toBe('refused');
    expect(lines.filter((l) => l.includes('refused'))).toEqual([expect.stringMatching(/^::error::deploy of phase 2 to dev refused \(nothing was deployed or run\):%0A- phase 2 /)]);
    expect(lines.filter((l) => l.startsWith('::warning'))).toEqual([]);
    expect(lines.join('\n')).not.toContain('no databricks command was run');
  });

  it('deploy and run both off: nothing to do, in the outputs, the log and the summary', async () => {
    const log = infoLogger();
    const outcome = await runDeployMode(inputs(copy('entity-matching-fixed'), { phase: '1', deploy: false, run: false, log, env: { GITHUB_STEP_SUMMARY: summaryFile, PATH: '/nonexistent' } }));
    expect(outcome).toMatchObject({ phaseStatus: 'succeeded', deployed: false, nothingToDo: true });
    expect(outputs()).toEqual({ 'run-urls': '[]', deployed: 'false', 'phase-status': 'succeeded' });
    expect(process.exitCode).toBeUndefined();
    expect(log.infos).toContain('phase 1 (Phase 1: Data) may deploy to dev: deploy and run are both off, so nothing to do');
    expect(readFileSync(summaryFile, 'utf8')).toContain('### ✅ Phase 1 on `dev`: nothing to do (deploy and run are off; the phase may deploy)');
  });
});

describe('mode: deploy', () => {
  it('refuses a blocked phase: outputs say so, the step fails, no databricks call', async () => {
    const log = path.join(work, 'calls.jsonl');
    const env = { PATH: `${STANDIN_BIN}:${NODE_DIR}:/usr/bin:/bin`, DATABRICKS_TOKEN: 'x'.repeat(20), DATABRICKS_STANDIN_LOG: log };
    const outcome = await runDeployMode(inputs(copy('entity-matching'), { phase: '2', env }));
    expect(outcome.phaseStatus).toBe('refused');
    expect(outputs()).toEqual({ 'run-urls': '[]', deployed: 'false', 'phase-status': 'refused' });
    expect(process.exitCode).toBe(1);
    expect(existsSync(log)).toBe(false);
  });

  it('deploys a ready phase through the stand-in CLI and sets run-urls, deployed, phase-status', async () => {
    // The example's targets name a profile (workspace.profile), not a host: the host comes from the environment, as in CI.
    const env = { PATH: `${STANDIN_BIN}:${NODE_DIR}:/usr/bin:/bin`, DATABRICKS_HOST: 'https://dbc-entity-matching-dev.cloud.databricks.com', DATABRICKS_TOKEN: 'x'.repeat(20), HOME: work, GITHUB_STEP_SUMMARY: summaryFile };
    const outcome = await runDeployMode(inputs(copy('entity-matching-fixed'), { phase: '2', env, vars: { catalog_name: 'a,b' } }));
    expect(outcome.phaseStatus).toBe('succeeded');
    const o = outputs();
    expect(o.deployed).toBe('true');
    expect(o['phase-status']).toBe('succeeded');
    expect(JSON.parse(o['run-urls'])).toEqual([expect.stringMatching(/^https:\/\/dbc-entity-matching-dev\.cloud\.databricks\.com\/\?o=\d+#job\/\d+\/run\/\d+$/)]);
    expect(process.exitCode).toBeUndefined();
    expect(readFileSync(summaryFile, 'utf8')).toContain('### ✅ Phase 2 on `dev`: succeeded');
  });

  it('needs a phase and a single target', async () => {
    const outcome = await runDeployMode(inputs(copy('entity-matching-fixed'), { phase: undefined }));
    expect(outcome.phaseStatus).toBe('refused');
    expect(outcome.errors).toEqual(['mode: deploy needs the phase input']);
    expect(process.exitCode).toBe(1);
  });
});
