/** Levenshtein distance, bounded work (names are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Candidates within edit distance `max` of `name` (the CLI suggests within 2), sorted. */
export function closeMatches(name: string, candidates: Iterable<string>, max = 2): string[] {
  const out = new Set<string>();
  for (const c of candidates) if (c !== name && editDistance(name, c) <= max) out.add(c);
  return [...out].sort();
}

/** The CLI's wording: `did you mean:` / `did you mean one of:` followed by the suggestions. */
export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const head = suggestions.length === 1 ? 'did you mean:' : 'did you mean one of:';
  return `\n\n${head}\n${suggestions.map((s) => `  ${s}`).join('\n')}`;
}
