import { getOctokit } from '@actions/github';
import { defaultRetryPolicy, installRetry, type RetryPolicy } from './retry.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** REST API root, e.g. GITHUB_API_URL (https://api.github.com or https://ghes/api/v3). */
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
}

/** The real `@actions/github` client, with bounded retries. Passed to whoever needs it. */
export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const client = getOctokit(token, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  installRetry(client, { ...defaultRetryPolicy, ...options.retry });
  return client;
}
