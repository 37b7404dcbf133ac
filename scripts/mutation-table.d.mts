export const DEFAULT_REPORT: string;
export interface MutationRow {
  module: string;
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  score: number | null;
}
export function mutationRows(report: { files: Record<string, { mutants: { status: string }[] }> }): MutationRow[];
export function mutationTable(report: { files: Record<string, { mutants: { status: string }[] }> }): string;
export function percent(score: number | null): string;
export function markdownTable(header: string[], cells: string[][]): string;
