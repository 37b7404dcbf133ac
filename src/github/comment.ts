// The sticky comment: exactly one per pull request and marker, written by this token's identity,
// found across every page of comments. Markers planted by others are ignored; duplicates left by
// concurrent runs are removed after creating (the oldest stays, so links to it keep working).
import type { GitHubClient } from './client.js';
import { isAuthoredBy, resolveIdentity, type Identity } from './identity.js';

export interface ExistingComment {
  id: number;
  body?: string;
  html_url: string;
  created_at: string;
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { slug?: string } | null;
}

export type CommentMode = 'update' | 'recreate';

export interface StickyCommentRequest {
  client: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden HTML comment that identifies the sticky comment, e.g. `<!-- dab-ready:bundles/a -->`. */
  marker: string;
  /** Builds the body; gets the comment being replaced (its embedded data feeds the delta). */
  render: (previous: ExistingComment | undefined) => string;
  mode?: CommentMode;
}

export type StickyOutcome =
  | { status: 'created' | 'updated' | 'recreated'; id: number; url: string; duplicatesRemoved: number }
  | { status: 'forbidden'; message: string };

/** A 403 that is a permission refusal (fork PR's read-only token), not a rate limit. */
export function isForbidden(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  return e?.status === 403 && !/rate limit/i.test(e.message ?? '');
}

const isNotFound = (error: unknown) => (error as { status?: number })?.status === 404;

export async function upsertStickyComment(request: StickyCommentRequest): Promise<StickyOutcome> {
  const { client, owner, repo, issueNumber, marker } = request;
  const mode = request.mode ?? 'update';
  try {
    const identity = await resolveIdentity(client);
    const mine = await listOwnComments(client, { owner, repo, issueNumber, marker }, identity);
    const previous = mine[0];
    const body = request.render(previous);

    if (mode === 'update') {
      for (const candidate of mine) {
        try {
          const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: candidate.id, body });
          const removed = await deleteComments(client, owner, repo, mine.filter((c) => c.id !== candidate.id));
          return { status: 'updated', id: data.id, url: data.html_url, duplicatesRemoved: removed };
        } catch (error) {
          // Deleted meanwhile: try the next or create. Without GET /user the candidates are every
          // app bot's comments; another app's refuses the edit (403), so it is not ours.
          if (isNotFound(error) || (identity.kind === 'installation' && isForbidden(error))) continue;
          throw error;
        }
      }
    }
    const removedBefore = mode === 'recreate' ? await deleteComments(client, owner, repo, mine) : 0;
    const { data: created } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    const kept = await removeDuplicates(client, { owner, repo, issueNumber, marker }, created, body);
    const status = mode === 'recreate' && mine.length > 0 ? 'recreated' : 'created';
    return { status, id: kept.id, url: kept.url, duplicatesRemoved: removedBefore + kept.removed };
  } catch (error) {
    if (isForbidden(error)) return { status: 'forbidden', message: (error as Error).message };
    throw error;
  }
}

interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
}

/** This identity's comments that start with the marker, oldest first, over every page. Only the
 *  first line counts: repository content quoted further down (a marker in a code block) never does. */
export async function listOwnComments(client: GitHubClient, ref: IssueRef, identity: Identity): Promise<ExistingComment[]> {
  const all = (await client.paginate(client.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    per_page: 100,
  })) as ExistingComment[];
  return all
    .filter((c) => (c.body ?? '').startsWith(ref.marker) && isAuthoredBy(c, identity))
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}

/** After creating: if a concurrent run created one too, keep the oldest (with this run's body). */
async function removeDuplicates(
  client: GitHubClient,
  ref: IssueRef,
  created: { id: number; html_url: string; user?: { login?: string } | null },
  body: string,
): Promise<{ id: number; url: string; removed: number }> {
  // The created comment names the identity for certain (an installation token cannot ask GET /user).
  const identity: Identity = created.user?.login ? { kind: 'user', login: created.user.login } : { kind: 'installation' };
  const mine = await listOwnComments(client, ref, identity);
  if (mine.length <= 1) return { id: created.id, url: created.html_url, removed: 0 };
  let keep = mine[0];
  if (keep.id !== created.id) {
    try {
      await client.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: keep.id, body });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      keep = mine.find((c) => c.id === created.id) ?? keep;
    }
  }
  const removed = await deleteComments(client, ref.owner, ref.repo, mine.filter((c) => c.id !== keep.id));
  return { id: keep.id, url: keep.html_url, removed };
}

/** Delete comments; one already gone (another run deleted it) or not ours to delete is skipped. */
async function deleteComments(client: GitHubClient, owner: string, repo: string, comments: ExistingComment[]): Promise<number> {
  let removed = 0;
  for (const comment of comments) {
    try {
      await client.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
      removed++;
    } catch (error) {
      if (!isNotFound(error) && !isForbidden(error)) throw error;
    }
  }
  return removed;
}
