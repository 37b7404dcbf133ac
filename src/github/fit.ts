// Fit whole Markdown blocks into a size budget: required blocks always, optional ones in order
// while they fit (or their shorter fallback). A block is never cut, so a table is never halved.

export interface Block {
  text: string;
  required?: boolean;
  /** Shorter stand-in tried when `text` does not fit (e.g. one line per phase instead of the checklist). */
  fallback?: string;
}

export interface FitResult {
  text: string;
  dropped: number;
}

export const SEPARATOR = '\n\n';

export function fitBlocks(blocks: Block[], budget: number, measure: (text: string) => number = (t) => t.length): FitResult {
  const size = (parts: string[]) => measure(parts.join(SEPARATOR));
  const chosen: (string | undefined)[] = blocks.map((b) => (b.required ? b.text : undefined));
  let dropped = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.required) continue;
    for (const candidate of [block.text, block.fallback]) {
      if (candidate === undefined) continue;
      chosen[i] = candidate;
      if (size(chosen.filter((c): c is string => c !== undefined)) <= budget) break;
      chosen[i] = undefined;
    }
    if (chosen[i] === undefined) dropped++;
    else if (chosen[i] !== block.text) dropped++;
  }
  return { text: chosen.filter((c): c is string => c !== undefined).join(SEPARATOR), dropped };
}

/** `<details>` around as many items as fit in `budget`, with a line saying how many were left out. */
export function detailsBlock(
  summary: string,
  items: string[],
  budget: number,
  more: (left: number) => string,
  measure: (t: string) => number = (t) => t.length,
): { text: string; left: number } | undefined {
  const open = `<details>\n<summary>${summary}</summary>`;
  const close = '</details>';
  const kept: string[] = [];
  for (const [i, item] of items.entries()) {
    const left = items.length - i - 1;
    const candidate = [open, ...kept, item, ...(left > 0 ? [more(left)] : []), close].join(SEPARATOR);
    if (measure(candidate) > budget) break;
    kept.push(item);
  }
  if (kept.length === 0) return undefined;
  const left = items.length - kept.length;
  return { text: [open, ...kept, ...(left > 0 ? [more(left)] : []), close].join(SEPARATOR), left };
}
