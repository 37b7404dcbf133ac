import type { Bundle, Check, FileKind, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { collectPaths, isInside, syncRoot, type PathRef } from './lib/localPaths.js';
import { NodeKeyCache } from './lib/node-memo.js';

export const pathKindMismatch: Check = {
  id: 'path-kind-mismatch',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Notebook and file paths point at the right kind of file',
  successMessage: 'Every notebook path names a notebook and every file path a plain file.',
  docs: `The CLI tells notebooks from files by extension and first line: a .py/.r file whose first line is
exactly \`# Databricks notebook source\` (\`// ...\` for .scala, \`-- ...\` for .sql) or a .ipynb is a
notebook; anything else is a file. \`notebook_task.notebook_path\` and pipeline \`notebook.path\` must
name notebooks; \`spark_python_task.python_file\`, pipeline \`file.path\`, \`sql_task.file.path\` and
\`requirements\` must name plain files. Otherwise \`bundle validate\` fails with
\`expected a file for "<path>" but got a notebook\` or \`expected a notebook for "<path>" but got a file\`.
A BOM or a blank first line hides the notebook header.
Fix: use the task type that matches the file (notebook_task for notebooks), or add/remove the header.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#paths ; https://docs.databricks.com/notebooks/notebook-export-import.html`,
  breaksDeploy: true,
  run(bundle, target) {
    const root = syncRoot(target);
    const refs = collectPaths(bundle, target);
    // Targets with the same paths (the same list) and the same sync root get the same findings.
    return [...byPaths.get(refs, root, () => mismatches(bundle, refs, root))];
  },
};

const byPaths = new NodeKeyCache<readonly RawFinding[], readonly PathRef[]>();

function mismatches(bundle: Bundle, refs: readonly PathRef[], root: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const ref of refs) {
    if (ref.remote || ref.resolved === undefined || !isInside(root, ref.resolved)) continue;
    if (ref.expect !== 'notebook' && ref.expect !== 'file' && ref.expect !== 'dir') continue;
    const files = ref.glob && ref.globAllowed ? bundle.fileIndex.glob(ref.resolved) : [ref.resolved];
    for (const file of files) {
      const kind = bundle.fileIndex.kind(file);
      const message = mismatch(ref, file, kind);
      if (message) findings.push(finding(bundle, ref, message, file, kind));
    }
  }
  return findings;
}

function mismatch(ref: PathRef, file: string, kind: FileKind): string | undefined {
  if (kind === 'missing' || kind === ref.expect) return undefined;
  const wanted = ref.expect === 'dir' ? 'directory' : ref.expect;
  if (ref.expect === 'file' && kind === 'notebook') {
    return `expected a file for "${ref.field}" but got a notebook: file at ${file} is a notebook`;
  }
  if (ref.expect === 'notebook' && kind === 'file') {
    return `expected a notebook for "${ref.field}" but got a file: file at ${file} is not a notebook`;
  }
  const got = kind === 'dir' ? 'a directory' : kind === 'notebook' ? 'a notebook' : 'a file';
  return `expected a ${wanted} for "${ref.field}" but got ${got}: ${file}`;
}

function finding(bundle: Bundle, ref: PathRef, message: string, file: string, kind: FileKind): RawFinding {
  const fix =
    ref.expect === 'file' && kind === 'notebook'
      ? `${file} starts with the notebook header: run it with a notebook_task (or a pipeline \`notebook:\` library), or remove the header line to keep it a plain file.`
      : ref.expect === 'notebook' && kind === 'file'
        ? `${file} has no \`Databricks notebook source\` header: run it with spark_python_task (or a pipeline \`file:\` library), or make its first line the notebook header.`
        : `Point ${ref.field} at a ${ref.expect === 'dir' ? 'directory' : ref.expect}.`;
  return {
    check: 'path-kind-mismatch',
    message,
    loc: ref.node.loc,
    ...(ref.resource ? { resources: [ref.resource] } : {}),
    evidence: evidenceAt(bundle, ref.node.loc, 0, 0),
    impact: `\`bundle validate\` and \`bundle deploy\` fail at ${ref.field}.`,
    fix: { text: fix },
  };
}
