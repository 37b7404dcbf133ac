// Why tests were skipped, grouped: each skipped test carries `meta.skipReason` (see
// test/support/shared.ts); tests skipped without one are named by file so nothing hides.

/**
 * @param {{ reason?: string, file: string }[]} skipped
 * @returns {string[]} lines to print before the closing count, empty when nothing was skipped
 */
export function skipReasonLines(skipped) {
  if (skipped.length === 0) return [];
  const byReason = new Map();
  for (const { reason, file } of skipped) {
    const key = reason || `no reason stated (${file})`;
    byReason.set(key, (byReason.get(key) ?? 0) + 1);
  }
  const lines = [`${skipped.length} skipped:`];
  for (const [reason, count] of [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`  ${count} because ${reason}`);
  }
  return lines;
}
