// Who writes the sticky comment. A personal or app-user token can ask GET /user; the
// GITHUB_TOKEN (an app installation token) gets 403 there, and then the comment's author is a bot:
// `github-actions[bot]` for the GITHUB_TOKEN, `<app>[bot]` for another app's installation token.
import type { GitHubClient } from './client.js';

export type Identity = { kind: 'user'; login: string } | { kind: 'installation' };

export interface CommentAuthor {
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { slug?: string } | null;
}

export async function resolveIdentity(client: GitHubClient): Promise<Identity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { kind: 'user', login: data.login };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 401 || status === 404) return { kind: 'installation' };
    throw error;
  }
}

const normalize = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');

/** Whether a comment was written by this token's identity. Markers planted by people never count. */
export function isAuthoredBy(comment: CommentAuthor, identity: Identity): boolean {
  const login = comment.user?.login;
  if (!login) return false;
  if (identity.kind === 'user') return normalize(login) === normalize(identity.login);
  return comment.user?.type === 'Bot' && (normalize(login) === 'github-actions' || Boolean(comment.performed_via_github_app?.slug));
}
