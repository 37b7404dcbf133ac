import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeployMode, runPlanMode, type DeployModeInputs } from '../../src/github/deploy-mode.js';
import { silentLogger } from '../../src/model.js';
import { STANDIN_BIN } from '../fixtures/cli/read-scenario.js';

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
    const env = { PATH: `${STANDIN_BIN}:${NODE_DIR}:/usr/bin:/bin`, DATABRICKS_TOKEN: 'x'.repeat(20), HOME: work, GITHUB_STEP_SUMMARY: summaryFile };
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
