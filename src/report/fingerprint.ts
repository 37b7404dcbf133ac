// A finding's stable identity: the check, the file (relative to its bundle root, so it does not
// depend on the folder the analysis started from) and the message with every line number taken
// out, so moving code up or down keeps it. Baselines, the
// pull request delta, JSON `fingerprint` and SARIF `partialFingerprints` all use this one value.
import { createHash } from 'node:crypto';
import type { Finding } from '../model.js';

export const FINGERPRINT_VERSION = 1;

/** Line and column numbers in a message ("file.py:30", "line 12", "lines 3-5") become N. */
export function withoutLineNumbers(message: string): string {
  return message
    .replace(/(\S):\d+(?::\d+)?(?=\b|$)/g, '$1:N')
    .replace(/\b(lines?|column|col)\s+\d+(?:\s*[-–]\s*\d+)?/gi, '$1 N');
}

export function fingerprint(finding: Pick<Finding, 'check' | 'message' | 'loc'>): string {
  const file = finding.loc?.file ?? '';
  return createHash('sha256')
    .update(`${finding.check}\u0000${file}\u0000${withoutLineNumbers(finding.message)}`)
    .digest('hex')
    .slice(0, 24);
}
