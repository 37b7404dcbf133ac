// Findings and verification steps name paths relative to the bundle root, never as absolute paths of
// the machine: the same repository checked out in two folders gives byte-identical JSON.
import path from 'node:path';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites absolute paths under the given folders (the bundle root, the repository, the analysed
 * folder) relative to the bundle root: `<root>/src/a.py` -> `src/a.py`, `<repo>/lib` -> `../lib`.
 */
export function portablePaths(bundleRoot: string, folders: (string | undefined)[]): (text: string) => string {
  const bases = [...new Set([bundleRoot, ...folders].filter((f): f is string => !!f && path.isAbsolute(f)).map((f) => path.resolve(f)))]
    .filter((f) => f !== path.parse(f).root)
    .sort((a, b) => b.length - a.length); // the longest first: the bundle root before the repository above it
  const rules = bases.map((base) => {
    const rel = path.relative(bundleRoot, base).split(path.sep).join('/');
    const re = new RegExp(`${escape(base)}(?=[/\\\\]|[^\\w.-]|$)([/\\\\][^\\s"'\`)\\],;:]*)?`, 'g');
    return (text: string) =>
      text.replace(re, (_match, rest: string | undefined) => {
        const tail = (rest ?? '').replace(/\\/g, '/');
        if (rel === '') return tail ? tail.slice(1) || '.' : '.';
        return `${rel}${tail}`;
      });
  });
  return (text) => rules.reduce((t, rule) => rule(t), text);
}

interface Texts {
  message: string;
  evidence?: string;
  impact?: string;
  fix?: { text: string; patch?: string };
}

/** A finding with every text made portable (the same object when nothing changes). */
export function portableFinding<T extends Texts>(finding: T, portable: (text: string) => string): T {
  const message = portable(finding.message);
  const evidence = finding.evidence === undefined ? undefined : portable(finding.evidence);
  const impact = finding.impact === undefined ? undefined : portable(finding.impact);
  const fix = finding.fix && { ...finding.fix, text: portable(finding.fix.text), ...(finding.fix.patch === undefined ? {} : { patch: portable(finding.fix.patch) }) };
  const same =
    message === finding.message && evidence === finding.evidence && impact === finding.impact &&
    fix?.text === finding.fix?.text && fix?.patch === finding.fix?.patch;
  if (same) return finding;
  return { ...finding, message, ...(evidence === undefined ? {} : { evidence }), ...(impact === undefined ? {} : { impact }), ...(fix ? { fix } : {}) };
}
