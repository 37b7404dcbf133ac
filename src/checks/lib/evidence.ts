import type { Bundle, Loc } from '../../model.js';

/** The lines around a location, as written in the file (config or source), for a finding's evidence. */
export function evidenceAt(bundle: Bundle, loc: Loc | undefined, before = 0, after = 2): string | undefined {
  if (!loc) return undefined;
  const lines = bundle.files.get(loc.file)?.lines ?? bundle.fileIndex.lines(loc.file);
  if (!lines || loc.line < 1 || loc.line > lines.length) return undefined;
  const from = Math.max(0, loc.line - 1 - before);
  const to = Math.min(lines.length, loc.line + after);
  const slice = lines.slice(from, to);
  const indent = Math.min(...slice.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return slice.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
