// Mechanical fixes as line edits a reviewer can accept with one click (GitHub suggestions): attach
// the built wheel to a wheel task, declare an entry point whose function exists, pin `%pip`
// requirements to their lower bound. Derived from the findings and the lines the loader read;
// anything that needs a judgement (a new module, a version to choose) gets no suggestion.
import path from 'node:path';
import type { Bundle, Finding, Project, Result } from '../model.js';
import { splitPatch } from '../report/finding-details.js';
import { analysedPath } from '../report/paths.js';
import { repoPath } from './paths.js';

export interface SuggestedEdit {
  finding: Finding;
  /** Repository-relative file. */
  file: string;
  /** 1-based, inclusive: the lines the replacement stands for. */
  startLine: number;
  endLine: number;
  replacement: string;
}

export function suggestedEdits(result: Result, project: Project, prefix: string): SuggestedEdit[] {
  const edits: SuggestedEdit[] = [];
  for (const bundleResult of result.bundles) {
    const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root);
    if (!bundle) continue;
    for (const finding of bundleResult.findings) {
      const edit = editFor(bundle, finding);
      if (edit) edits.push({ ...edit, finding, file: repoPath(prefix, analysedPath(bundleResult.root, edit.file)) });
    }
  }
  return edits;
}

type LocalEdit = Omit<SuggestedEdit, 'finding'>;

function editFor(bundle: Bundle, finding: Finding): LocalEdit | undefined {
  switch (finding.check) {
    case 'wheel-not-built':
      return attachWheel(bundle, finding);
    case 'entry-point-missing':
      return declareEntryPoint(bundle, finding);
    case 'library-deps-inconsistent':
      return pinPipInstall(bundle, finding);
    default:
      return undefined;
  }
}

function fileLines(bundle: Bundle, file: string): string[] | undefined {
  return bundle.files.get(file)?.lines ?? bundle.fileIndex.lines(file);
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** `libraries: [- whl: ...]` from the fix, added to the task after its python_wheel_task block. */
function attachWheel(bundle: Bundle, finding: Finding): LocalEdit | undefined {
  const loc = finding.loc;
  if (!loc || !finding.fix?.patch) return undefined;
  const section = splitPatch(finding.fix.patch).find((s) => s.file === loc.file && /^libraries:\s*$/m.test(s.body.split('\n')[0]));
  const lines = fileLines(bundle, loc.file);
  if (!section || !lines) return undefined;
  const at = lines[loc.line - 1];
  if (!at || !/^\s*python_wheel_task:\s*(#.*)?$/.test(at)) return undefined;
  const indent = indentOf(at);
  let end = loc.line;
  for (let i = loc.line; i < lines.length; i++) {
    if (!lines[i].trim() || lines[i].trim().startsWith('#')) continue;
    if (indentOf(lines[i]) <= indent) break;
    end = i + 1;
  }
  // the task must not have a libraries key already (siblings at the same indentation)
  const siblings = taskSiblings(lines, loc.line - 1, indent);
  if (siblings.some((l) => /^\s*libraries:/.test(l))) return undefined;
  const pad = ' '.repeat(indent);
  const added = section.body.split('\n').map((l) => (l ? pad + l : l));
  return { file: loc.file, startLine: end, endLine: end, replacement: [lines[end - 1], ...added].join('\n') };
}

function taskSiblings(lines: string[], index: number, indent: number): string[] {
  const out: string[] = [];
  const same = (l: string) => l.trim() && indentOf(l) === indent;
  for (let i = index - 1; i >= 0; i--) {
    if (!lines[i].trim()) continue;
    if (indentOf(lines[i]) < indent || /^\s*-\s/.test(lines[i].slice(0, indent + 2))) break;
    if (same(lines[i])) out.push(lines[i]);
  }
  for (let i = index + 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (indentOf(lines[i]) < indent) break;
    if (same(lines[i])) out.push(lines[i]);
  }
  return out;
}

/** `[project.scripts]` from the fix, when the function it names already exists (no new module). */
function declareEntryPoint(bundle: Bundle, finding: Finding): LocalEdit | undefined {
  if (!finding.fix?.patch) return undefined;
  const sections = splitPatch(finding.fix.patch);
  if (sections.some((s) => /\(new\)/.test(s.caption ?? ''))) return undefined;
  const section = sections.find((s) => s.file && path.posix.basename(s.file) === 'pyproject.toml' && /^\[project\.scripts\]\s*$/m.test(s.body));
  if (!section?.file) return undefined;
  const lines = fileLines(bundle, section.file);
  if (!lines) return undefined;
  const entries = section.body.split('\n').filter((l) => /^\s*[\w.-]+\s*=/.test(l));
  if (entries.length === 0) return undefined;
  const existing = lines.findIndex((l) => /^\s*\[project\.scripts\]\s*(#.*)?$/.test(l));
  if (existing >= 0) return { file: section.file, startLine: existing + 1, endLine: existing + 1, replacement: [lines[existing], ...entries].join('\n') };
  const project = lines.findIndex((l) => /^\s*\[project\]\s*(#.*)?$/.test(l));
  if (project < 0) return undefined;
  let last = project;
  for (let i = project + 1; i < lines.length; i++) {
    if (/^\s*\[/.test(lines[i])) break;
    if (lines[i].trim()) last = i;
  }
  // a multi-line value (`dependencies = [`) ends with its closing bracket, which `last` already is
  return { file: section.file, startLine: last + 1, endLine: last + 1, replacement: [lines[last], '', '[project.scripts]', ...entries].join('\n') };
}

/** `%pip install pkg>=1.2` → `pkg==1.2` on the line the finding points at. */
function pinPipInstall(bundle: Bundle, finding: Finding): LocalEdit | undefined {
  const loc = finding.loc;
  if (!loc) return undefined;
  const line = fileLines(bundle, loc.file)?.[loc.line - 1];
  if (!line || !/%pip\s+install\b/.test(line)) return undefined;
  const pinned = line.replace(/(^|\s)([A-Za-z0-9][\w.-]*(?:\[[\w,.-]+\])?)>=([0-9][\w.+-]*)(?=\s|$)/g, '$1$2==$3');
  if (pinned === line) return undefined;
  return { file: loc.file, startLine: loc.line, endLine: loc.line, replacement: pinned };
}
