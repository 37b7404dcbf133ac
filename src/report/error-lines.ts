// The lines of a failed program's output that explain the failure: from the first error or
// traceback on (a build tool's real error sits above its generic "backend exited" epilogue), not
// only the last few lines.

const ERROR_START = /^(Traceback \(most recent call last\)|\s*(error|ERROR|Error)\b|.*\b[A-Z]\w*(Error|Exception)\b:|.*\bfailed\b|.*\bNo such file\b|\s*E\s{2})/;

/** At most `max` lines: the block starting at the first error line, else the last lines. */
export function errorExcerpt(lines: readonly string[], max = 15): string[] {
  const kept = lines.map((l) => l.replace(/\s+$/, '')).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  const first = kept.findIndex((l) => ERROR_START.test(l));
  if (first < 0 || kept.length - first <= max) return kept.slice(first < 0 ? -max : Math.max(0, Math.min(first, kept.length - max)));
  // the error block, then the very last line (the tool's verdict) when it does not fit
  return [...kept.slice(first, first + max - 2), '…', kept[kept.length - 1]];
}
