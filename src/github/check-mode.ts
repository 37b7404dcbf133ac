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
import { oneLine } from './one-line.js';
import { analyseBaseCommit, changedFiles } from './base-checkout.js';
import { createClient, type GitHubClient } from './client.js';
import { commentMarker, renderPullRequestComment, type ReadinessViewInput } from './comment-body.js';
import { upsertStickyComment } from './comment.js';
import { readRunContext, type RunContext } from './context.js';
import { baselineFromResult, compareBundle, readEmbeddedDigests, signedChange, type Baseline, type BundleDelta } from './delta.js';
import { markExisting } from '../readiness/baseline.js';
import type { LinkContext } from '../report/finding-details.js';
import { toValidateOptions, toVerifyOptions, type ActionInputs } from './inputs.js';
import { overallScore, resultOutputs } from './outputs.js';
import { repoPath, repoPrefix } from './paths.js';
import type { RetryPolicy } from './retry.js';
import { renderJobSummary } from './summary.js';
import { suggestedEdits } from './suggestion-edits.js';
import { postSuggestions } from './suggestions.js';
import { missingToolsWarning } from '../verify/missing-tools.js';
import { withHeartbeat } from '../heartbeat.js';

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
  // CI logs: a long step (wheel build, pip, validate) prints a heartbeat every 10 s.
  group: (name, fn) => core.group(name, () => withHeartbeat(name, fn, (line) => core.info(line))),
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

  const { result, config, project } = await analyseFolder(inputs.path);
  const failOn = inputs.failOn ?? config.failOn ?? 'critical';
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

  // The baseline: the pull request's base commit, when the history is there.
  const wantsComment = inputs.commentMode !== 'off' && (inputs.comment === 'true' || (inputs.comment === 'auto' && Boolean(ctx.pullRequest)));
  let baseline: Baseline | undefined;
  let touched: Set<string> | undefined;
  const baseSha = ctx.pullRequest?.baseSha;
  if (baseSha && (wantsComment || inputs.summary || inputs.failOnNewOnly)) {
    core.info(`Analysing the base commit ${baseSha.slice(0, 12)} for the comparison`);
    const base = await analyseBaseCommit({ path: inputs.path, sha: baseSha, analyse: async (folder) => (await analyseFolder(folder)).result, tempDir: ctx.tempDir, env });
    if (base.result) {
      baseline = baselineFromResult(base.result, baseSha);
      if (inputs.failOnNewOnly) markExisting(result, base.result);
    } else core.info(`No base comparison from git: ${base.skipped}`);
    const changed = await changedFiles(inputs.path, baseSha, env);
    if (changed) touched = touchedBundles(result, prefix, changed);
  }
  if (inputs.failOnNewOnly && !baseline) {
    warnOnce('dab-ready: fail-on-new-only needs the base commit (actions/checkout with fetch-depth: 0); every finding counts for the gate.');
  }
  const gate = evaluateGate(result, { failOn, minScore: inputs.minScore ?? config.minScore ?? 0 });

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

  const deltas = new Map<string, BundleDelta>();
  for (const bundle of result.bundles) {
    const delta = compareBundle(bundle, baseline);
    if (delta) deltas.set(bundle.root, delta);
  }
  const links: LinkContext | undefined = ctx.owner && ctx.repo && ctx.sha ? { repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`, sha: ctx.sha, prefix } : undefined;
  const view: ReadinessViewInput = { result, gate, failOn, deltas, prefix, links, runUrl: ctx.runUrl, touched, newOnly: inputs.failOnNewOnly && Boolean(baseline) };

  // The sticky comment: one per pull request (and `path`).
  const commentUrls: string[] = [];
  if (inputs.comment === 'true' && !ctx.pullRequest) core.info('comment: true, but this run is not for a pull request: no comment.');
  if (wantsComment && ctx.pullRequest && ctx.owner && ctx.repo) {
    if (!inputs.token) {
      warnOnce('dab-ready: no github-token, so no pull request comment; the report is in the job summary.');
    } else {
      const client = options.client ?? createClient(inputs.token, { baseUrl: ctx.apiUrl, retry: options.retry });
      await postComment({ client, ctx, inputs, view, commentUrls, warnOnce });
    }
  }
  const headSha = ctx.pullRequest?.headSha;
  // Suggestions are review comments: they go with the comment (off when commenting is off).
  if (inputs.suggestions && wantsComment && inputs.token && ctx.pullRequest && ctx.owner && ctx.repo && headSha) {
    const client = options.client ?? createClient(inputs.token, { baseUrl: ctx.apiUrl, retry: options.retry });
    try {
      const outcome = await postSuggestions({
        client,
        owner: ctx.owner,
        repo: ctx.repo,
        pullNumber: ctx.pullRequest.number,
        headSha,
        fromFork: ctx.pullRequest.fromFork,
        edits: suggestedEdits(result, project, prefix),
        max: inputs.suggestionsMax,
      });
      if (outcome.skipped) core.info(`No suggestions: ${outcome.skipped}.`);
      else core.info(`Suggestions: ${outcome.posted} posted, ${outcome.alreadyPosted} already there, ${outcome.outsideDiff} outside the diff, ${outcome.capped} over the limit of ${inputs.suggestionsMax}.`);
    } catch (error) {
      core.info(`No suggestions: ${oneLine(error)}`);
    }
  }

  if (inputs.summary) {
    const text = renderJobSummary({ ...view, commentUrls, notes, elsewhere: [sarifNamed, 'the report-json output'].filter(Boolean).join(' and ') });
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
      failOn,
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

/** Bundle roots (relative to the analysed folder) holding a changed file. */
export function touchedBundles(result: Result, prefix: string, changed: string[]): Set<string> {
  const touched = new Set<string>();
  for (const bundle of result.bundles) {
    const root = repoPath(prefix, bundle.root);
    if (changed.some((file) => root === '.' || file === root || file.startsWith(`${root}/`))) touched.add(bundle.root);
  }
  return touched;
}

interface PostCommentInput {
  client: GitHubClient;
  ctx: RunContext;
  inputs: ActionInputs;
  view: ReadinessViewInput;
  commentUrls: string[];
  warnOnce: (message: string) => void;
}

async function postComment(input: PostCommentInput): Promise<void> {
  const { client, ctx, inputs, view } = input;
  try {
    const outcome = await upsertStickyComment({
      client,
      owner: ctx.owner!,
      repo: ctx.repo!,
      issueNumber: ctx.pullRequest!.number,
      marker: commentMarker(view.prefix),
      mode: inputs.commentMode === 'recreate' ? 'recreate' : 'update',
      render: (previous) => {
        // Without the base commit, compare with the data the previous comment carries.
        const digests = readEmbeddedDigests(previous?.body);
        for (const bundle of view.result.bundles) {
          if (view.deltas.has(bundle.root)) continue;
          const digest = digests.find((d) => d.root === bundle.root);
          const delta = digest && compareBundle(bundle, { source: 'previous-comment', bundles: [digest] });
          if (delta) view.deltas.set(bundle.root, delta);
        }
        return renderPullRequestComment(view);
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
  }
}

function scoreDelta(result: Result, deltas: Map<string, BundleDelta>): string {
  if (result.bundles.length === 0 || !result.bundles.every((b) => deltas.has(b.root))) return '';
  const baseOverall = Math.min(...result.bundles.map((b) => deltas.get(b.root)!.baseScore));
  return signedChange(overallScore(result) - baseOverall);
}

