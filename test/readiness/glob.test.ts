import { describe, expect, it } from 'vitest';
import { globToRegExp, hasGlobChars, matchesGlob, normalizeGlobPath } from '../../src/readiness/glob.js';

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

describe('globToRegExp and paths', () => {
  it('** spans segments anywhere; **/ at a segment start also matches no folder at all', () => {
    expect(matchesGlob('**/jobs.yml', 'jobs.yml')).toBe(true);
    expect(matchesGlob('a/**/b.yml', 'a/b.yml')).toBe(true);
    expect(matchesGlob('a/**/b.yml', 'a/x/y/b.yml')).toBe(true);
    expect(matchesGlob('x**/b.yml', 'xy/z/b.yml')).toBe(true);
    expect(matchesGlob('x**/b.yml', 'x/b.yml')).toBe(true);
    expect(matchesGlob('a/**', 'a/x/y')).toBe(true);
    expect(globToRegExp('**/').source).toBe('^(?:[^/]*\\/)*$');
    expect(globToRegExp('a**b').source).toBe('^a.*b$');
  });

  it('* and ? never cross a slash', () => {
    expect(globToRegExp('*').test('a/b')).toBe(false);
    expect(globToRegExp('?').test('/')).toBe(false);
    expect(globToRegExp('a?c').test('abc')).toBe(true);
    expect(globToRegExp('a?c').test('ac')).toBe(false);
  });

  it('a class matches one character; [! negates; a lone [ is a character', () => {
    expect(globToRegExp('[ab].yml').test('b.yml')).toBe(true);
    expect(globToRegExp('[ab].yml').test('c.yml')).toBe(false);
    expect(globToRegExp('[!ab].yml').test('c.yml')).toBe(true);
    expect(globToRegExp('[!ab].yml').test('a.yml')).toBe(false);
    expect(globToRegExp('a[b').test('a[b')).toBe(true);
    expect(globToRegExp('[]x]').test(']')).toBe(true); // a ] right after [ belongs to the class
    expect(globToRegExp('[]x]').test('x')).toBe(true);
    expect(globToRegExp('[!]x]').test(']')).toBe(false);
    expect(globToRegExp('[!]x]').test('y')).toBe(true);
    expect(globToRegExp('a\\b').test('a/b')).toBe(true); // a backslash is a separator, in a class too
    expect(globToRegExp('[\\]').test('/')).toBe(true);
  });

  it('every other character stands for itself', () => {
    for (const name of ['a.b', 'a+b', 'a^b', 'a$b', 'a{b}', 'a(b)', 'a|b', 'a]b']) {
      expect(globToRegExp(name).test(name), name).toBe(true);
    }
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('ab').test('xaby')).toBe(false);
  });

  it('caches the expression of a pattern', () => {
    expect(globToRegExp('cached/*.yml')).toBe(globToRegExp('cached/*.yml'));
  });

  it('normalises backslashes, leading ./ and repeated slashes', () => {
    expect(normalizeGlobPath('.\\resources\\\\a.yml')).toBe('resources/a.yml');
    expect(normalizeGlobPath('././a//b///c')).toBe('a/b/c');
    expect(normalizeGlobPath('a/./b')).toBe('a/./b');
  });

  it('tells glob characters from plain names', () => {
    expect(['a*', 'a?', 'a[b]'].map(hasGlobChars)).toEqual([true, true, true]);
    expect(['a.b', 'a/b', 'a]b', 'a{b}'].map(hasGlobChars)).toEqual([false, false, false, false]);
  });

  it('a glob matches what is below what it matches; a plain name only its own folder', () => {
    expect(matchesGlob('resources/ml*', 'resources/ml2/x.yml')).toBe(true);
    expect(matchesGlob('resources/ml', 'resources/ml')).toBe(true);
    expect(matchesGlob('resources/ml', 'resources/mlx/a.yml')).toBe(false);
    expect(matchesGlob('resources/ml*', 'resourcesXml/a.yml')).toBe(false);
    expect(matchesGlob('resources/ml/', 'resources/ml')).toBe(true);
  });
});
