// Resource files whose every line is commented out: what they would define (resource addresses) and,
// for pipelines, the sources their libraries would run. Shared by dlt-pipeline-disabled (files that
// define pipelines) and resource-file-disabled (files that define anything else).
import path from 'node:path';
import { parse } from 'yaml';
import type { Bundle, Loc } from '../../model.js';
import { asSeq, asString, get } from './nodes.js';
import { isRemotePath } from './paths.js';

export interface CommentedResourceFile {
  file: string;
  /** The (first) `# resources:` line. */
  loc: Loc;
  /** `pipelines.orders_dlt`, `jobs.nightly`, ... (empty when the commented YAML cannot be read). */
  addresses: string[];
  /** Paths (relative to the bundle root) the commented pipelines' libraries name; a `/**` suffix is a folder glob. */
  pipelineSources: string[];
  evidence: string;
}

const memo = new WeakMap<Bundle, CommentedResourceFile[]>();

export function commentedResourceFiles(bundle: Bundle): CommentedResourceFile[] {
  let found = memo.get(bundle);
  if (!found) {
    found = resourceYamlFiles(bundle).flatMap((file) => commentedFile(bundle, file) ?? []);
    memo.set(bundle, found);
  }
  return found;
}

/** The .yml files an include glob matches or that sit in resources/. */
function resourceYamlFiles(bundle: Bundle): string[] {
  const files = new Set<string>();
  const include = asSeq(get(bundle.files.get(bundle.rootFile)?.root, 'include'))?.items ?? [];
  for (const item of include) {
    const pattern = asString(item);
    if (pattern) for (const f of bundle.fileIndex.glob(pattern)) files.add(f);
  }
  for (const f of bundle.fileIndex.list('resources')) files.add(f);
  return [...files].filter((f) => /\.ya?ml$/i.test(f)).sort();
}

/** Whether a line of `text` (split as a config file's lines are) holds more than a comment: most files answer on their first line. */
function hasUncommentedLine(text: string): boolean {
  const breaks = /\r?\n|\r/g;
  let start = 0;
  for (;;) {
    const found = breaks.exec(text);
    const line = text.slice(start, found ? found.index : text.length).trim();
    if (line !== '' && !line.startsWith('#')) return true;
    if (!found) return false;
    start = breaks.lastIndex;
  }
}

function commentedFile(bundle: Bundle, file: string): CommentedResourceFile | undefined {
  const config = bundle.files.get(file);
  if (config && hasUncommentedLine(config.text)) return undefined;
  const lines = config?.lines ?? bundle.fileIndex.lines(file) ?? [];
  const content = lines.map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((l) => l.text !== '');
  if (content.length === 0 || !content.every((l) => l.text.startsWith('#'))) return undefined;
  const uncommentedLines = lines.map((l) => l.replace(/^\s*# ?/, ''));
  const start = uncommentedLines.findIndex((l) => /^resources\s*:/.test(l));
  if (start < 0) return undefined; // a file of notes, not a disabled resource
  const doc = readYaml(uncommentedLines.slice(start).join('\n'));
  // found: the line `start` names is one (`# resources:` with its mark and spaces)
  const first = content.find((l) => /^#\s*resources\s*:/.test(l.text))!;
  return {
    file,
    loc: { file, line: first.line, column: 1 },
    addresses: resourceAddresses(doc),
    pipelineSources: pipelineLibraryPaths(doc, file),
    evidence: lines.slice(first.line - 1, first.line + 4).join('\n'),
  };
}

function readYaml(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

type Doc = { resources?: Record<string, Record<string, unknown> | null> } | null | undefined;

function resourceAddresses(doc: unknown): string[] {
  const resources = (doc as Doc)?.resources;
  if (!resources || typeof resources !== 'object') return [];
  const out: string[] = [];
  for (const [type, byKey] of Object.entries(resources)) {
    if (byKey && typeof byKey === 'object') for (const key of Object.keys(byKey)) out.push(`${type}.${key}`);
  }
  return out;
}

function pipelineLibraryPaths(doc: unknown, file: string): string[] {
  const pipelines = (doc as Doc)?.resources?.pipelines;
  if (!pipelines || typeof pipelines !== 'object') return [];
  const out: string[] = [];
  for (const pipeline of Object.values(pipelines)) {
    const libraries = (pipeline as { libraries?: unknown } | null)?.libraries;
    if (!Array.isArray(libraries)) continue;
    for (const lib of libraries as Record<string, { path?: unknown; include?: unknown } | undefined>[]) {
      const value = lib?.notebook?.path ?? lib?.file?.path ?? lib?.glob?.include;
      if (typeof value !== 'string' || !value.trim() || isRemotePath(value)) continue;
      out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), value.trim())));
    }
  }
  return out;
}
