import path from 'node:path';

/** The `path` input as a repository-relative POSIX prefix ('' for the repository root). */
export function repoPrefix(pathInput: string, workspace: string = process.cwd()): string {
  const abs = path.resolve(workspace, pathInput);
  const rel = path.relative(path.resolve(workspace), abs).split(path.sep).join('/');
  return rel === '' ? '' : rel;
}

/** A path relative to the analysed folder, made relative to the repository. */
export function repoPath(prefix: string, analysedRelative: string): string {
  const joined = path.posix.normalize(path.posix.join(prefix || '.', analysedRelative));
  return joined === '' ? '.' : joined;
}
