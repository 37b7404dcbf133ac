import type { Bundle, Check, RawFinding } from '../../model.js';
import { evidenceAt } from './evidence.js';

/**
 * A check that reports what the readers noticed while loading (a symlink out of the repository,
 * setup.py arguments setuptools ignores, ...), so those findings are documented and suppressible
 * like every other check. It runs after the others: the file index fills its notices lazily.
 */
export function noticeCheck(meta: Omit<Check, 'run'>, source: (bundle: Bundle) => RawFinding[]): Check {
  return {
    ...meta,
    run(bundle) {
      return source(bundle)
        .filter((n) => n.check === meta.id)
        .map((n) => (n.evidence || !n.loc ? n : { ...n, evidence: evidenceAt(bundle, n.loc, 0, 2) }));
    },
  };
}
