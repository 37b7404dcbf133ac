// GitHub suggestions: each mechanical fix on lines the pull request changed becomes a review comment
// with a ```suggestion block. Once per finding and head commit (a hidden marker carries both),
// never on a fork (its token is read-only, and its code is not ours to edit), at most `max` per run.
import type { GitHubClient } from './client.js';
import { isAuthoredBy, resolveIdentity } from './identity.js';
import type { SuggestedEdit } from './suggestion-edits.js';
import { catalogFor } from '../readiness/check-info.js';
import { escapeMessage } from '../report/escape.js';
import { fingerprint } from '../report/fingerprint.js';
import { rulePageUrl } from '../report/rule-links.js';

export interface PostSuggestionsRequest {
  client: GitHubClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  fromFork: boolean;
  edits: SuggestedEdit[];
  max: number;
}

export interface SuggestionsOutcome {
  posted: number;
  /** Already posted for this finding at this head commit. */
  alreadyPosted: number;
  /** Lines outside the pull request's diff: GitHub takes review comments only there. */
  outsideDiff: number;
  /** Left out by the per-run cap. */
  capped: number;
  skipped?: string;
}

export function suggestionMarker(edit: SuggestedEdit, headSha: string): string {
  return `<!-- dab-ready:suggestion ${fingerprint(edit.finding)} ${headSha} -->`;
}

export function suggestionBody(edit: SuggestedEdit, headSha: string): string {
  const title = catalogFor().info(edit.finding.check, edit.finding.severity).title;
  let fence = '```';
  while (edit.replacement.includes(fence)) fence += '`';
  return [
    suggestionMarker(edit, headSha),
    `**dab-ready** · ${escapeMessage(title)} ([\`${edit.finding.check}\`](${rulePageUrl(edit.finding.check)}))`,
    '',
    escapeMessage(edit.finding.message.split('\n')[0]),
    '',
    `${fence}suggestion`,
    edit.replacement,
    fence,
  ].join('\n');
}

export async function postSuggestions(request: PostSuggestionsRequest): Promise<SuggestionsOutcome> {
  const outcome: SuggestionsOutcome = { posted: 0, alreadyPosted: 0, outsideDiff: 0, capped: 0 };
  if (request.fromFork) return { ...outcome, skipped: 'the pull request comes from a fork' };
  if (request.edits.length === 0 || request.max <= 0) return outcome;
  const { client, owner, repo, pullNumber: pull_number } = request;

  const files = (await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number, per_page: 100 })) as { filename: string; patch?: string }[];
  const diffLines = new Map(files.map((f) => [f.filename, rightSideHunks(f.patch ?? '')]));
  const identity = await resolveIdentity(client);
  const existing = (await client.paginate(client.rest.pulls.listReviewComments, { owner, repo, pull_number, per_page: 100 })) as {
    body?: string;
    user?: { login?: string; type?: string } | null;
    performed_via_github_app?: { slug?: string } | null;
  }[];
  const posted = new Set(existing.filter((c) => isAuthoredBy(c, identity)).map((c) => /<!-- dab-ready:suggestion \S+ \S+ -->/.exec(c.body ?? '')?.[0]));

  for (const edit of request.edits) {
    if (posted.has(suggestionMarker(edit, request.headSha))) {
      outcome.alreadyPosted++;
      continue;
    }
    const hunks = diffLines.get(edit.file) ?? [];
    if (!hunks.some(([from, to]) => edit.startLine >= from && edit.endLine <= to)) {
      outcome.outsideDiff++;
      continue;
    }
    if (outcome.posted >= request.max) {
      outcome.capped++;
      continue;
    }
    await client.rest.pulls.createReviewComment({
      owner,
      repo,
      pull_number,
      commit_id: request.headSha,
      path: edit.file,
      body: suggestionBody(edit, request.headSha),
      line: edit.endLine,
      side: 'RIGHT',
      ...(edit.startLine < edit.endLine ? { start_line: edit.startLine, start_side: 'RIGHT' as const } : {}),
    });
    posted.add(suggestionMarker(edit, request.headSha));
    outcome.posted++;
  }
  return outcome;
}

/** The right-hand line ranges of a unified diff's hunks: where review comments may go. */
export function rightSideHunks(patch: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}
