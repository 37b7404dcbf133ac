// `mode: check`: analyse, then act in the order the runner needs: report files and outputs, the
// sticky comment(s) with the delta, the job summary, annotations, and last the gate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { analyse } from '../engine.js';
import type { Logger, Result } from '../model.js';
import { evaluateGate, type GateOutcome } from '../readiness/gate.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { annotate, STEP_LIMIT } from './annotations.js';
import { analyseBaseCommit } from './base-checkout.js';
import { createClient, type GitHubClient } from './client.js';
import { bundleRepoRoot, commentMarker, renderCommentBody } from './comment-body.js';
import { upsertStickyComment } from './comment.js';
import { readRunContext, type RunContext } from './context.js';
import { baselineFromResult, compareBundle, readEmbeddedDigest, signedChange, type Baseline, type BundleDelta } from './delta.js';
import { toValidateOptions, toVerifyOptions, type ActionInputs } from './inputs.js';
import { overallScore, resultOutputs } from './outputs.js';
import { repoPrefix } from './paths.js';
import type { RetryPolicy } from './retry.js';
import { renderJobSummary } from './summary.js';
import { missingToolsWarning } from '../verify/missing-tools.js';

export interface CheckModeOptions {
  env?: NodeJS.ProcessEnv;
  /** Tests shorten the retry waits. */
  retry?: Partial<RetryPolicy>;
  client?: GitHubClient;
  /** Per program run by verify/validate. */
  timeoutMs?: number;
}

export interface CheckModeOutcome {
  result: Result;
  gate: GateOutcome;
  commentUrls: string[];
  deltas: Map<string, BundleDelta>;
}

export const actionLogger: Logger = {
  info: (message) => core.info(message),
  // Annotations are scarce (10 per level per step): they are kept for findings.
  warn: (message) => core.info(`warning: ${message}`),
  group: (name, fn) => core.group(name, fn),
  output: (line) => core.info(line),
};

export async function runCheckMode(inputs: ActionInputs, options: CheckModeOptions = {}): Promise<CheckModeOutcome> {
  const env = options.env ?? process.env;
  const ctx = readRunContext(env);
  const timeoutMs = options.timeoutMs ?? 600_000;
  const verify = toVerifyOptions(inputs, timeoutMs);
  const validate = toValidateOptions(inputs, timeoutMs);
  const analyseFolder = (folder: string) =>
    analyse({ path: folder, repoRoot: env.GITHUB_WORKSPACE, target: inputs.target, configFile: inputs.configFile, vars: inputs.vars, env, verify, validate, log: actionLogger });

  const { result, config } = await analyseFolder(inputs.path);
  const gate = evaluateGate(result, {
    failOn: inputs.failOn ?? config.failOn ?? 'critical',
    minScore: inputs.minScore ?? config.minScore ?? 0,
  });
  const prefix = repoPrefix(inputs.path);
  const notes: string[] = [];
  let warnings = 0;
  const warnOnce = (message: string) => {
    warnings++;
    core.warning(message);
    notes.push(message);
  };
  const missingTools = missingToolsWarning(result);
  if (missingTools) warnOnce(missingTools);

  // Report files and the outputs that depend only on the result.
  const reportDir = fs.mkdtempSync(path.join(ctx.tempDir ?? os.tmpdir(), 'dab-ready-'));
  const reportJson = path.join(reportDir, 'report.json');
  fs.writeFileSync(reportJson, renderJson(result));
  const sarifPath = sarifFile(inputs.sarif, ctx.workspace, reportDir);
  if (sarifPath) {
    fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
    fs.writeFileSync(sarifPath, renderSarif(result, { pathPrefix: prefix }));
  }
  const sarifNamed = sarifPath ? 'the SARIF file (output sarif)' : '';
  for (const [name, value] of Object.entries(resultOutputs(result))) core.setOutput(name, value);
  core.setOutput('report-json', reportJson);
  core.setOutput('sarif', sarifPath);

  // The baseline: the pull request's base commit, when the history is there.
  const wantsComment = inputs.commentMode !== 'off' && (inputs.comment === 'true' || (inputs.comment === 'auto' && Boolean(ctx.pullRequest)));
  let baseline: Baseline | undefined;
  const baseSha = ctx.pullRequest?.baseSha;
  if (baseSha && (wantsComment || inputs.summary)) {
    core.info(`Analysing the base commit ${baseSha.slice(0, 12)} for the comparison`);
    const base = await analyseBaseCommit({ path: inputs.path, sha: baseSha, analyse: async (folder) => (await analyseFolder(folder)).result, tempDir: ctx.tempDir, env });
    if (base.result) baseline = baselineFromResult(base.result, baseSha);
    else core.info(`No base comparison from git: ${base.skipped}`);
  }
  const deltas = new Map<string, BundleDelta>();
  for (const bundle of result.bundles) {
    const delta = compareBundle(bundle, baseline);
    if (delta) deltas.set(bundle.root, delta);
  }

  // The sticky comment, one per bundle root.
  const commentUrls: string[] = [];
  if (inputs.comment === 'true' && !ctx.pullRequest) core.info('comment: true, but this run is not for a pull request: no comment.');
  if (wantsComment && ctx.pullRequest && ctx.owner && ctx.repo) {
    if (!inputs.token) {
      warnOnce('dab-ready: no github-token, so no pull request comment; the report is in the job summary.');
    } else {
      const client = options.client ?? createClient(inputs.token, { baseUrl: ctx.apiUrl, retry: options.retry });
      await postComments({ client, ctx, inputs, result, prefix, deltas, commentUrls, warnOnce });
    }
  }

  if (inputs.summary) {
    const text = renderJobSummary({
      result,
      gate,
      deltas,
      commentUrls,
      notes,
      elsewhere: [sarifNamed, 'the report-json output'].filter(Boolean).join(' and '),
    });
    try {
      await core.summary.addRaw(text, true).write({ overwrite: false });
    } catch (error) {
      core.info(`No job summary written: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  if (inputs.annotations) {
    annotate(result, {
      sink: { error: core.error, warning: core.warning, notice: core.notice },
      prefix,
      // core.setFailed writes one error annotation for the gate; warnings above took their slots.
      budget: { error: STEP_LIMIT - (gate.passed ? 0 : 1), warning: Math.max(0, STEP_LIMIT - warnings), notice: STEP_LIMIT },
      elsewhere: [inputs.summary ? 'the job summary' : '', sarifNamed].filter(Boolean).join(' and ') || 'the report-json output',
    });
  }

  core.setOutput('comment-url', commentUrls[0] ?? '');
  core.setOutput('score-delta', scoreDelta(result, deltas));

  if (!gate.passed) core.setFailed(`dab-ready gate failed: ${gate.reasons.join('; ')}`);
  return { result, gate, commentUrls, deltas };
}

/** The SARIF file to write: none (`off`), the given path (relative to the workspace), or by default
 *  the report folder under RUNNER_TEMP, so the checkout stays as it was. */
export function sarifFile(input: string | false, workspace: string, reportDir: string): string {
  if (input === false) return '';
  return input ? path.resolve(workspace, input) : path.join(reportDir, 'dab-ready.sarif');
}

interface PostCommentsInput {
  client: GitHubClient;
  ctx: RunContext;
  inputs: ActionInputs;
  result: Result;
  prefix: string;
  deltas: Map<string, BundleDelta>;
  commentUrls: string[];
  warnOnce: (message: string) => void;
}

async function postComments(input: PostCommentsInput): Promise<void> {
  const { client, ctx, inputs, result, prefix, deltas } = input;
  for (const bundle of result.bundles) {
    try {
      const outcome = await upsertStickyComment({
        client,
        owner: ctx.owner!,
        repo: ctx.repo!,
        issueNumber: ctx.pullRequest!.number,
        marker: commentMarker(bundleRepoRoot(prefix, bundle)),
        mode: inputs.commentMode === 'recreate' ? 'recreate' : 'update',
        render: (previous) => {
          if (!deltas.has(bundle.root)) {
            const digest = readEmbeddedDigest(previous?.body);
            const delta = digest && compareBundle(bundle, { source: 'previous-comment', bundles: [{ ...digest, root: bundle.root }] });
            if (delta) deltas.set(bundle.root, delta);
          }
          return renderCommentBody({ result, bundle, prefix, delta: deltas.get(bundle.root), runUrl: ctx.runUrl, headSha: ctx.sha });
        },
      });
      if (outcome.status === 'forbidden') {
        const why = ctx.pullRequest!.fromFork
          ? 'this pull request comes from a fork, whose GITHUB_TOKEN is read-only'
          : 'the token may not write to this pull request (it needs pull-requests: write)';
        input.warnOnce(`dab-ready could not comment: ${why}. The report is in the job summary.`);
        return;
      }
      core.info(`Comment ${outcome.status}: ${outcome.url}${outcome.duplicatesRemoved ? ` (${outcome.duplicatesRemoved} duplicate removed)` : ''}`);
      input.commentUrls.push(outcome.url);
    } catch (error) {
      input.warnOnce(`dab-ready could not comment: ${oneLine(error)}. The report is in the job summary.`);
      return;
    }
  }
}

function scoreDelta(result: Result, deltas: Map<string, BundleDelta>): string {
  if (result.bundles.length === 0 || !result.bundles.every((b) => deltas.has(b.root))) return '';
  const baseOverall = Math.min(...result.bundles.map((b) => deltas.get(b.root)!.baseScore));
  return signedChange(overallScore(result) - baseOverall);
}

export function oneLine(error: unknown): string {
  const e = error as { status?: number; message?: string };
  const message = (e?.message ?? String(error)).split('\n')[0].trim();
  return e?.status ? `HTTP ${e.status}: ${message}` : message;
}
