// The root file's `include:` list, expanded like cli bundle/config/loader/process_root_includes.go:
// Go filepath.Glob relative to the bundle root, matches sorted per entry, first match wins,
// non-glob entries must exist, only YAML/JSON files. Nothing outside the analysed repository is read.
import fs from 'node:fs';
import path from 'node:path';
import type { Loc, MapNode, RawFinding } from '../model.js';
import { ROOT_FILE_NAMES } from './discover.js';
import { byteOrder, containedGlob, hasGlobMeta } from './goglob.js';
import { asSeq } from './merge.js';
import { configInvalid } from './yaml.js';

export interface IncludedFile {
  abs: string;
  rel: string; // relative to the bundle root, POSIX
  entryLoc: Loc; // where the include entry that matched it is written
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, or `p` itself when it cannot be resolved (it does not exist). */
export function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** realpath(p) with the folders' real paths remembered: one lstat per matched file, not one per path component. */
function realpathInFolders(p: string, folders: Map<string, string>): string {
  try {
    if (fs.lstatSync(p).isSymbolicLink()) return realpathOrSelf(p);
  } catch {
    return p;
  }
  const dir = path.dirname(p);
  let real = folders.get(dir);
  if (real === undefined) {
    real = realpathOrSelf(dir);
    folders.set(dir, real);
  }
  return path.join(real, path.basename(p));
}

export function resolveIncludes(root: MapNode, bundleRoot: string, repoRoot: string): { files: IncludedFile[]; notices: RawFinding[] } {
  const files: IncludedFile[] = [];
  const notices: RawFinding[] = [];
  const node = root.entries.get('include');
  if (!node || (node.kind === 'scalar' && node.value === null)) return { files, notices };
  const seq = asSeq(node);
  if (!seq) {
    notices.push(configInvalid(`include must be a list of file paths or globs`, node.loc));
    return { files, notices };
  }
  const realRepo = realpathOrSelf(repoRoot);
  const realFolders = new Map<string, string>();
  const seen = new Set<string>(ROOT_FILE_NAMES);
  for (const item of seq.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') {
      notices.push(configInvalid(`include entries must be strings`, item.loc));
      continue;
    }
    const entry = item.value;
    if (path.posix.isAbsolute(entry) || path.isAbsolute(entry)) {
      notices.push(configInvalid(`${entry}: includes must be relative paths`, item.loc));
      continue;
    }
    const globbed = containedGlob(bundleRoot, entry, repoRoot);
    if (globbed.kind === 'bad-pattern') {
      notices.push(configInvalid(`${entry}: syntax error in pattern`, item.loc));
      continue;
    }
    if (globbed.kind === 'outside') {
      // Decided from the pattern alone: no folder outside the repository is listed, no name of one reported.
      notices.push(pointsOutside(entry, item.loc));
      continue;
    }
    const matches = globbed.files;
    if (matches.length === 0 && !hasGlobMeta(entry)) {
      notices.push(configInvalid(`${entry} defined in 'include' section does not match any files`, item.loc));
      continue;
    }
    const rels = matches.map((m) => path.relative(bundleRoot, m).split(path.sep).join('/')).sort(byteOrder);
    const outside: string[] = [];
    for (const rel of rels) {
      if (seen.has(rel)) continue;
      seen.add(rel);
      const abs = path.join(bundleRoot, rel);
      // Checked first: nothing outside the repository is read or judged (not even its extension).
      if (!isInside(repoRoot, abs) || !isInside(realRepo, realpathInFolders(abs, realFolders))) {
        outside.push(rel);
        continue;
      }
      const ext = path.posix.extname(rel);
      if (ext !== '.yml' && ext !== '.yaml' && ext !== '.json') {
        notices.push(
          configInvalid(
            `Files in the 'include' configuration section must be YAML or JSON files. The file ${rel} in the 'include' configuration ` +
              `section is not a YAML or JSON file, and only such files are supported. To include files to sync, specify them in the ` +
              `'sync.include' configuration section instead.`,
            item.loc,
          ),
        );
        continue;
      }
      let isDir = false;
      try {
        isDir = fs.statSync(abs).isDirectory();
      } catch {
        notices.push(configInvalid(`${rel} (matched by include '${entry}') cannot be read`, item.loc));
        continue;
      }
      if (isDir) continue;
      files.push({ abs, rel, entryLoc: item.loc });
    }
    for (const dir of globbed.refused) {
      const link = path.relative(bundleRoot, dir).split(path.sep).join('/');
      notices.push({ check: 'include-outside-repository', message: `include \`${entry}\` goes through ${link}, a symbolic link out of the repository: not read`, loc: item.loc });
    }
    if (outside.length > 0) notices.push(linkedOutside(entry, outside, item.loc));
  }
  return { files, notices };
}

function pointsOutside(entry: string, loc: Loc): RawFinding {
  return { check: 'include-outside-repository', message: `include \`${entry}\` points outside the repository: not read, so its resources are not analysed`, loc };
}

/** Matches inside the repository that are symbolic links leading out of it (named by their place inside). */
function linkedOutside(entry: string, matched: string[], loc: Loc): RawFinding {
  const what =
    matched.length === 1
      ? `${matched[0]} (matched by include \`${entry}\`) is a symbolic link out of the repository`
      : `include \`${entry}\` matches ${matched.length} symbolic links out of the repository (${matched.slice(0, 3).join(', ')}${matched.length > 3 ? ', ...' : ''})`;
  return { check: 'include-outside-repository', message: `${what}: not read, so its resources are not analysed`, loc };
}
