import path from 'node:path';
import type { Loc } from '../model.js';

// Parses the diagnostics `databricks bundle validate` writes to stderr (cli libs/cmdio/render.go):
//
//   <Severity>: <summary, possibly several lines>
//     at <config path>
//        <more config paths>          (5 spaces)
//     in <file>:<line>:<col>
//        <more locations>             (5 spaces)
//   <blank>
//   <detail, possibly several paragraphs>
//
// In text mode the summary header (`Name:` ...) and the trailer (`Found ...`/`Validation OK!`)
// follow; they end the diagnostics.

export type DiagnosticSeverity = 'error' | 'warning' | 'recommendation';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  summary: string; // summary lines joined by a space
  paths: string[]; // config paths (`resources.jobs.x.tasks[0]`)
  locations: Loc[]; // relative to the bundle root when the CLI printed an absolute path inside it
  detail?: string;
  /** The diagnostic as the CLI printed it. */
  text: string;
}

export interface ParsedValidateOutput {
  diagnostics: Diagnostic[];
  /** `Error: N warnings were found. Warnings are not allowed in strict mode` was printed. */
  strictFailure: boolean;
}

const HEADER = /^(Error|Warning|Recommendation): (.*)$/;
const STRICT = /^\d+ warnings? (was|were) found\. Warnings are not allowed in strict mode/;
const END_OF_DIAGNOSTICS = [/^Name: /, /^Found \d+ (error|warning|recommendation)/, /^Validation OK!\s*$/];
const EXTRA = /^ {5}(\S.*)$/;
const LOCATION = /^(.+):(\d+):(\d+)$/;

export function parseValidateStderr(stderr: string, bundleRoot?: string): ParsedValidateOutput {
  const lines = stderr.replace(/\r\n/g, '\n').split('\n');
  const diagnostics: Diagnostic[] = [];
  let strictFailure = false;
  let i = 0;
  const isBoundary = (line: string) => HEADER.test(line) || END_OF_DIAGNOSTICS.some((r) => r.test(line));

  while (i < lines.length) {
    const header = HEADER.exec(lines[i]);
    if (!header) {
      i++;
      continue;
    }
    const start = i;
    const severity = header[1].toLowerCase() as DiagnosticSeverity;
    const summary = [header[2]];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !/^ {2}(at|in) /.test(lines[i]) && !isBoundary(lines[i])) {
      summary.push(lines[i]);
      i++;
    }
    const paths: string[] = [];
    const locations: Loc[] = [];
    while (i < lines.length && /^ {2}(at|in) /.test(lines[i])) {
      const kind = lines[i].slice(2, 4);
      const values = [lines[i].slice(5)];
      i++;
      for (let m = EXTRA.exec(lines[i] ?? ''); m && i < lines.length; m = EXTRA.exec(lines[i] ?? '')) {
        values.push(m[1]);
        i++;
      }
      if (kind === 'at') paths.push(...values);
      else for (const v of values) locations.push(...toLoc(v, bundleRoot));
    }
    const detailLines: string[] = [];
    while (i < lines.length && !isBoundary(lines[i])) {
      detailLines.push(lines[i]);
      i++;
    }
    while (detailLines.length && detailLines[detailLines.length - 1].trim() === '') detailLines.pop();
    while (detailLines.length && detailLines[0].trim() === '') detailLines.shift();
    const summaryText = summary.map((s) => s.trim()).join(' ');
    if (severity === 'error' && STRICT.test(summaryText)) {
      strictFailure = true;
      continue;
    }
    let end = i;
    while (end > start && lines[end - 1].trim() === '') end--;
    diagnostics.push({
      severity,
      summary: summaryText,
      paths,
      locations,
      detail: detailLines.length ? detailLines.join('\n') : undefined,
      text: lines.slice(start, end).join('\n'),
    });
  }
  return { diagnostics, strictFailure };
}

function toLoc(value: string, bundleRoot?: string): Loc[] {
  const m = LOCATION.exec(value.trim());
  if (!m) return [];
  let file = m[1];
  if (bundleRoot && path.isAbsolute(file)) {
    const rel = path.relative(bundleRoot, file);
    file = rel.split(path.sep).join('/');
  }
  return [{ file: path.posix.normalize(file.replace(/\\/g, '/')), line: Number(m[2]), column: Number(m[3]) }];
}

/** `resources.jobs.my_job.tasks[0]` -> `jobs.my_job`. */
export function resourceAddress(configPath: string): string | undefined {
  const m = /^resources\.([A-Za-z_]+)\.([^.[\]]+)/.exec(configPath);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/**
 * The part of a CLI message that names the thing it is about (a path, a reference, a variable), so
 * a static finding about the same thing can be recognised even when it sits at another line.
 */
export function messageSubjects(summary: string): string[] {
  const patterns: RegExp[] = [
    /^notebook "?(.+?)"? not found/,
    /^file "?(.+?)"? not found/,
    /^path (\S+) is not contained in sync root path/,
    /^path (\S+) is defined relative to/,
    /^expected a (?:file|notebook) for "[^"]+" but got a (?:file|notebook): file at (\S+) is/,
    /^reference does not exist: (\$\{[^}]+\})/,
    /^no value assigned to required variable (\S+?)\./,
    /^(\S+): no matching files/,
    /variable (\S+) is not defined but is assigned a value/,
    /^(?:job|pipeline|experiment|model|schema|volume) (\S+) is not defined/,
    /^unknown field: (\S+)/,
    /^job_cluster_key (\S+) is not defined/,
  ];
  const out: string[] = [];
  for (const p of patterns) {
    const m = p.exec(summary);
    if (m) out.push(m[1]);
  }
  return out;
}
