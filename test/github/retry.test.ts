import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelay } from '../../src/github/retry.js';

const policy = { ...defaultRetryPolicy, maxWaitMs: 10_000, baseDelayMs: 500 };
const err = (status: number, headers: Record<string, string> = {}, message = 'x') => ({ status, message, response: { headers } });

describe('retry decisions', () => {
  it('retries 5xx with exponential back-off, capped', () => {
    expect([0, 1, 2, 6].map((a) => retryDelay(err(502), a, policy))).toEqual([500, 1000, 2000, 10_000]);
  });

  it('honours retry-after in seconds and as an HTTP date, and the rate-limit reset', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(retryDelay(err(429, { 'retry-after': '7' }), 0, policy, now)).toBe(7000);
    expect(retryDelay(err(503, { 'retry-after': 'Wed, 25 Nov 2026 12:00:04 GMT' }), 0, policy, now)).toBe(4000);
    expect(retryDelay(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }), 0, policy, now)).toBe(3000);
    expect(retryDelay(err(403, {}, 'You have exceeded a secondary rate limit'), 1, policy, now)).toBe(1000);
  });

  it('does not retry permission errors, not-found, validation, or waits longer than allowed', () => {
    expect(retryDelay(err(403, {}, 'Resource not accessible by integration'), 0, policy)).toBeUndefined();
    expect(retryDelay(err(404), 0, policy)).toBeUndefined();
    expect(retryDelay(err(422), 0, policy)).toBeUndefined();
    expect(retryDelay(err(429, { 'retry-after': '3600' }), 0, policy)).toBeUndefined();
    expect(retryDelay(new Error('socket hang up'), 0, policy)).toBeUndefined();
  });
});
