export function skipReasonLines(skipped: { reason?: string; file: string }[]): string[];
