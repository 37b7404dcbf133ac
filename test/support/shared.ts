import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `../shared` beside the repository root (corpus, CLI acceptance cases, references): present on a
// developer's machine and in CI, absent in a bare clone elsewhere. Tests that need it skip with the
// reason below, which the run's closing lines count and print (scripts/test-count.mjs).

declare module 'vitest' {
  interface TaskMeta {
    /** Why a skipIf/runIf test was skipped, for the closing count. */
    skipReason?: string;
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_ROOT = path.resolve(REPO_ROOT, '..', 'shared');

export interface SharedPart {
  /** Absolute path of the part. */
  path: string;
  present: boolean;
  /** Test options stating why the test is skipped when the part is absent. */
  options: { meta: { skipReason: string } };
}

/** A part of ../shared, e.g. `sharedPart('corpus', 'expectations.json')`. */
export function sharedPart(...segments: string[]): SharedPart {
  const full = path.join(SHARED_ROOT, ...segments);
  const shown = ['..', 'shared', ...segments].join('/');
  return { path: full, present: fs.existsSync(full), options: { meta: { skipReason: `${shown} is not beside the repository` } } };
}

/** The corpus of real bundle repositories, present when its expectations file is. */
export function sharedCorpus(): SharedPart & { root: string } {
  const part = sharedPart('corpus', 'expectations.json');
  return { ...part, root: path.dirname(part.path) };
}
