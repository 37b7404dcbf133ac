export interface Location {
  line: number;
  column: number;
}
export interface Mutant {
  id: string;
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: Location; end: Location };
}
export interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
export function applyMutant(source: string, mutant: Pick<Mutant, 'location' | 'replacement'>): string;
export function typecheckSurvivors<R extends Report>(
  report: R,
  options?: { root?: string; tsconfig?: string },
): { report: R; compileErrors: number; checked: number; skipped: string[] };
export function typecheckedTable(before: Report, after: Report): string;
export function survivorLines(report: Report): string[];
export function printTypechecked(report: Report, options?: { root?: string; tsconfig?: string }, print?: { list?: boolean }): void;
