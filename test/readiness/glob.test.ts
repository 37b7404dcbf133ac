import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../src/readiness/glob.js';

describe('matchesGlob (phase include and ignore paths)', () => {
  it('keeps * and ? inside one segment and lets ** span segments', () => {
    expect(matchesGlob('resources/*.yml', 'resources/jobs.yml')).toBe(true);
    expect(matchesGlob('resources/*.yml', 'resources/sub/jobs.yml')).toBe(false);
    expect(matchesGlob('resources/**/*.yml', 'resources/jobs.yml')).toBe(true);
    expect(matchesGlob('resources/**/*.yml', 'resources/a/b/jobs.yml')).toBe(true);
    expect(matchesGlob('**/phase?_*.yml', 'resources/x/phase2_train.yml')).toBe(true);
    expect(matchesGlob('jobs_phase[0-2]*.yml', 'jobs_phase3.yml')).toBe(false);
    expect(matchesGlob('jobs_phase[!3]*.yml', 'jobs_phase1.yml')).toBe(true);
  });

  it('treats a plain directory as everything below it, and ignores ./ prefixes', () => {
    expect(matchesGlob('notebooks', 'notebooks/a/b.py')).toBe(true);
    expect(matchesGlob('./notebooks/', 'notebooks/b.py')).toBe(true);
    expect(matchesGlob('notebooks', 'notebooks2/b.py')).toBe(false);
    expect(matchesGlob('resources/ml/*', 'resources/ml/deep/train.yml')).toBe(true);
  });

  it('escapes regular-expression characters in names', () => {
    expect(matchesGlob('a+b(1).yml', 'a+b(1).yml')).toBe(true);
    expect(matchesGlob('a.yml', 'abyml')).toBe(false);
  });
});
