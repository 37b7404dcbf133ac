// The CLI's `${...}` reference grammar (libs/dyn/dynvar/ref.go): segments start with a letter (any
// Unicode letter), `-`/`_` only between letters and digits, `[n]` indexes.

// SEG = \p{L}+([-_]*[\p{L}\p{N}]+)* written without nested ambiguity (no catastrophic backtracking).
const SEG = String.raw`\p{L}(?:[\p{L}\p{N}]|[-_]+[\p{L}\p{N}])*`;
const INDEX = String.raw`(?:\[[0-9]+\])`;
export const REFERENCE_SOURCE = String.raw`\$\{(${SEG}${INDEX}*(?:\.${SEG}${INDEX}*)*)\}`;

/** Every reference in a text (a fresh global RegExp: callers may iterate it). */
export function referencePattern(): RegExp {
  return new RegExp(REFERENCE_SOURCE, 'gu');
}

const PURE = new RegExp(`^${REFERENCE_SOURCE}$`, 'u');
const ANY = new RegExp(REFERENCE_SOURCE, 'u');

/** The path of a string that is exactly one reference (`${var.x}` -> `var.x`), like dynvar.IsPureVariableReference. */
export function pureReferencePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('${')) return undefined;
  return PURE.exec(value)?.[1];
}

export function isPureReference(value: unknown): boolean {
  return pureReferencePath(value) !== undefined;
}

/** Like dynvar.ContainsVariableReference. */
export function containsReference(value: string): boolean {
  return value.includes('${') && ANY.test(value);
}
