// The check registry (src/checks/index.ts) and the catalog of every id dab-ready can report
// (src/checks/catalog.ts): a lookup by id finds that check and nothing else.
import { describe, expect, it } from 'vitest';
import { catalog, describeCheck } from '../../src/checks/catalog.js';
import { checks, findCheck } from '../../src/checks/index.js';

describe('findCheck: the static checks by id', () => {
  it('finds every static check by its own id, not the first one', () => {
    expect(checks.length).toBeGreaterThan(50);
    for (const check of checks) expect(findCheck(check.id), check.id).toBe(check);
    expect(findCheck('wheel-not-built')?.severity).toBe('critical');
    expect(findCheck('single-node-cluster')?.id).toBe('single-node-cluster');
  });

  it('finds nothing for an unknown id, nor for ids only real runs report', () => {
    expect(findCheck('no-such-check')).toBeUndefined();
    expect(findCheck('entry-point-smoke-failed')).toBeUndefined();
    expect(findCheck('bundle-validate-error')).toBeUndefined();
  });
});

describe('describeCheck: every id dab-ready can report', () => {
  it('finds a static check, a wheel verification id and a validate id, each by its own id', () => {
    for (const check of catalog) expect(describeCheck(check.id), check.id).toBe(check);
    expect(describeCheck('entry-point-smoke-failed')?.id).toBe('entry-point-smoke-failed');
    expect(describeCheck('bundle-validate-warning')?.severity).toBe('medium');
    expect(describeCheck('path-not-found')?.id).toBe('path-not-found');
  });

  it('finds nothing for an unknown id', () => {
    expect(describeCheck('no-such-check')).toBeUndefined();
    expect(describeCheck('')).toBeUndefined();
  });
});
