// What the runner tells the action about this run: the repository, the pull request (from the
// event payload at GITHUB_EVENT_PATH) and the run page that holds the job summary.
import fs from 'node:fs';

export interface PullRequestInfo {
  number: number;
  baseSha?: string;
  headSha?: string;
  /** The head lives in another repository (a fork): the token is read-only there. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  owner?: string;
  repo?: string;
  pullRequest?: PullRequestInfo;
  apiUrl: string;
  /** `https://github.com` (GITHUB_SERVER_URL): for links to files at the head commit. */
  serverUrl: string;
  /** `${GITHUB_SERVER_URL}/${repo}/actions/runs/${GITHUB_RUN_ID}`: where the job summary is shown. */
  runUrl?: string;
  sha?: string;
  workspace: string;
  tempDir?: string;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  repository?: { full_name?: string };
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
    try {
      payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch {
      payload = {};
    }
  }
  const fullName = env.GITHUB_REPOSITORY || payload.repository?.full_name || '';
  const [owner, repo] = fullName.includes('/') ? fullName.split('/', 2) : [undefined, undefined];
  const pr = payload.pull_request;
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    pullRequest:
      pr && typeof pr.number === 'number'
        ? {
            number: pr.number,
            baseSha: pr.base?.sha,
            headSha: pr.head?.sha,
            fromFork: Boolean(pr.head?.repo?.full_name && pr.base?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name),
          }
        : undefined,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: fullName && env.GITHUB_RUN_ID ? `${serverUrl}/${fullName}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    sha: pr?.head?.sha ?? env.GITHUB_SHA,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || undefined,
  };
}
