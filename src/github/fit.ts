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
