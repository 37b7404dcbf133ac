import fs from 'node:fs';
import path from 'node:path';
import { realpathOrSelf } from '../project/include.js';
import { makeTempDir, removeTempDir } from './temp.js';

// Builds run in a temporary copy of the repository, so the analysed tree stays byte-identical
// whatever the build writes next to itself (build/, dist/, *.egg-info, caches) and whether it
// succeeds, fails, times out or is interrupted. The copy is made without following links: a
// symbolic link that stays inside the repository is recreated inside the copy, one that leaves it
// is left out (the analysis treats it as missing too). Sockets and FIFOs are not copied. `.git` is
// copied (version-from-git build backends need it) unless it is larger than MAX_GIT_BYTES.

export const MAX_GIT_BYTES = 256 * 1024 * 1024;

export interface BuildCopy {
  /** The copy of the repository root. */
  root: string;
  /** The copy of an absolute path inside the repository. */
  map(abs: string): string;
  remove(): void;
}

export function copyRepository(repoRoot: string): BuildCopy {
  const source = path.resolve(repoRoot);
  const realSource = realpathOrSelf(source);
  const holder = makeTempDir('dab-ready-build-');
  const root = path.join(holder, path.basename(source) || 'repository');
  try {
    copyTree(source, realSource, root);
  } catch (error) {
    removeTempDir(holder);
    throw error;
  }
  return {
    root,
    map: (abs) => path.join(root, path.relative(source, abs)),
    remove: () => removeTempDir(holder),
  };
}

function copyTree(source: string, realSource: string, target: string): void {
  // Iterative: a deep tree must not exhaust the stack.
  const pending: [string, string][] = [[source, target]];
  fs.mkdirSync(target);
  while (pending.length > 0) {
    const [fromDir, toDir] = pending.pop()!;
    for (const entry of readable(fromDir)) {
      const from = path.join(fromDir, entry.name);
      const to = path.join(toDir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.git' && fromDir === source && sizeOf(from) > MAX_GIT_BYTES) continue;
        fs.mkdirSync(to, { mode: (fs.statSync(from).mode & 0o777) | 0o700 });
        pending.push([from, to]);
      } else if (entry.isFile()) {
        // A `.git` file points at the original's git folder (worktrees, submodules): git in the copy would write there.
        if (entry.name === '.git') continue;
        try {
          fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
        } catch {
          // unreadable: the build sees it missing, as it would without read permission
        }
      } else if (entry.isSymbolicLink()) {
        copyLink(from, to, source, realSource, target);
      }
    }
  }
}

/** A link whose target lies inside the repository, recreated as a relative link inside the copy. */
function copyLink(from: string, to: string, source: string, realSource: string, target: string): void {
  let real: string;
  try {
    real = fs.realpathSync(from);
  } catch {
    return; // dangling
  }
  const inside = path.relative(realSource, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return;
  const copied = path.join(target, inside);
  fs.symlinkSync(path.relative(path.dirname(to), copied) || '.', to);
}

function readable(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function sizeOf(dir: string): number {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= MAX_GIT_BYTES) {
    const d = pending.pop()!;
    for (const e of readable(d)) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) pending.push(p);
      else if (e.isFile()) total += fs.statSync(p).size;
    }
  }
  return total;
}
