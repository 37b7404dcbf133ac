import { describe, expect, it } from 'vitest';
import { ignoredFieldOf, ignoredValueOf } from '../../src/verify/wheel-build.js';

// The lines setuptools prints when pyproject.toml's [project] makes it ignore setup.py arguments,
// read with string scans (every line of a build's output passes here; the old regex was quadratic).

describe('reading setuptools "defined outside of pyproject.toml" warnings', () => {
  it('finds the field in the wordings setuptools has used', () => {
    expect(ignoredFieldOf('  `entry-points` defined outside of `pyproject.toml` would be ignored.')).toBe('entry-points');
    expect(ignoredFieldOf("SetuptoolsWarning: `install_requires` defined outside of `pyproject.toml` is ignored.")).toBe('install_requires');
    expect(ignoredFieldOf('"scripts" defined outside of pyproject.toml is ignored')).toBe('scripts');
    expect(ignoredFieldOf('version defined outside of `pyproject.toml` would be ignored')).toBe('version');
    expect(ignoredFieldOf('x defined outside of the house')).toBeUndefined();
    expect(ignoredFieldOf('`` defined outside of pyproject.toml is ignored, then `name` defined outside of pyproject.toml is ignored')).toBe('name');
  });

  it('reads the value line that follows', () => {
    expect(ignoredValueOf("        `entry-points = {'console_scripts': ['run=pkg:run']}`")).toEqual(['entry-points', "{'console_scripts': ['run=pkg:run']}"]);
    expect(ignoredValueOf('`a = b` and more')).toBeUndefined();
    expect(ignoredValueOf('`not a field = x`')).toBeUndefined();
  });

  it('a 200,000-character line with many near-misses is read in one pass', () => {
    const line = 'a'.repeat(100_000) + ' defined outside of '.repeat(5000);
    const started = process.hrtime.bigint();
    expect(ignoredFieldOf(line)).toBeUndefined();
    expect(ignoredValueOf(`\`${'b'.repeat(200_000)}\``)).toBeUndefined();
    // The quadratic regex took seconds on far less; this is about a millisecond.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });
});
