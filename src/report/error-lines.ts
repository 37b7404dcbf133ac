// The lines of a failed program's output that explain the failure. A build tool's real error (a
// Python exception, an `error:` line) sits above its generic epilogue ("ERROR Backend subprocess
// exited ..."), so the excerpt is anchored on the last exception (else the first error line):
// the traceback's header, the frames just above the error, the error, and the tool's last line.

const EXCEPTION = /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b(:|$)/;
const ERROR_LINE = /^(\s*(error|ERROR|Error)\b|E\s{2}|.*\bfailed\b|.*\bNo such file\b)/;

/** At most `max` lines (a longer output is cut with `…`). */
export function errorExcerpt(lines: readonly string[], max = 15): string[] {
  const kept = lines.map((l) => l.replace(/\s+$/, '')).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  if (kept.length <= max) return kept;
  const exception = lastIndex(kept, (l) => EXCEPTION.test(l));
  const anchor = exception >= 0 ? exception : kept.findIndex((l) => ERROR_LINE.test(l));
  if (anchor < 0) return kept.slice(-max);
  const tail = kept.length - 1 > anchor + 2 ? ['…', kept[kept.length - 1]] : kept.slice(anchor + 1);
  const room = max - tail.length; // lines up to and including the anchor
  const traceback = lastIndex(kept.slice(0, anchor + 1), (l) => l.startsWith('Traceback (most recent call last)'));
  let start = Math.max(0, anchor - room + 1);
  if (traceback >= start) return [...kept.slice(traceback, anchor + 1), ...tail];
  const head = traceback >= 0 ? [kept[traceback], '…'] : [];
  start = anchor - (room - head.length) + 1;
  return [...head, ...kept.slice(start, anchor + 1), ...tail];
}

function lastIndex(lines: readonly string[], test: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i])) return i;
  return -1;
}
