export interface LintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}
export function workflowFiles(repo?: string): string[];
export function readmeWorkflowSnippets(repo?: string): { name: string; line: number; content: string }[];
export function lint(content: string, name: string, lineOffset?: number): Promise<LintProblem[]>;
export function lintAll(repo?: string): Promise<{ name: string; problems: LintProblem[] }[]>;
