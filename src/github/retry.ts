// Bounded retries for GitHub API calls: 5xx, 429 and secondary rate limits (403 with
// `retry-after` or a "secondary rate limit" message). The wait the server asks for is honoured:
// when it is longer than `maxWaitMs` the call fails now rather than retrying too early.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** The longest single wait; a server asking for more ends the retries. */
  maxWaitMs: number;
  /** First back-off when the server names no wait (doubled each attempt, capped at maxWaitMs). */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Told about each retry (status, wait), e.g. to log it. */
  onRetry?: (info: { status: number; waitMs: number; attempt: number; method: string; url: string }) => void;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 3,
  maxWaitMs: 60_000,
  baseDelayMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** The wait before the next attempt, or undefined when the error must not be retried. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, now = Date.now()): number | undefined {
  const e = error as HttpErrorLike;
  const status = e?.status;
  if (typeof status !== 'number') return undefined;
  const headers = e.response?.headers ?? {};
  const rateLimited =
    status === 429 ||
    (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')));
  if (!rateLimited && status < 500) return undefined;
  const asked = requestedWaitMs(headers, now);
  if (asked !== undefined) return asked <= policy.maxWaitMs ? asked : undefined;
  return Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** attempt);
}

function requestedWaitMs(headers: Record<string, string | number | undefined>, now: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(String(retryAfter));
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    if (Number.isFinite(reset)) return Math.max(0, reset - now);
  }
  return undefined;
}

interface HookableClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  hook: { wrap(name: 'request', fn: (request: any, options: any) => Promise<any>): void };
}

/** Make every request of `client` retry under `policy`. */
export function installRetry(client: HookableClient, policy: RetryPolicy = defaultRetryPolicy): void {
  client.hook.wrap('request', async (request: (o: unknown) => Promise<unknown>, options: { method: string; url: string }) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const wait = attempt < policy.retries ? retryDelay(error, attempt, policy) : undefined;
        if (wait === undefined) throw error;
        policy.onRetry?.({ status: (error as HttpErrorLike).status ?? 0, waitMs: wait, attempt: attempt + 1, method: options.method, url: options.url });
        await policy.sleep(wait);
      }
    }
  });
}
