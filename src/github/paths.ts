import { realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './inputs.js';

/** Refuse a `path` input that resolves outside the checkout: its annotations and links would point
 *  at `../` files GitHub cannot show, and the action has no business reading there. */
export function assertPathInWorkspace(pathInput: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): void {
  const workspace = realOrResolved(path.resolve(env.GITHUB_WORKSPACE || cwd));
  const target = realOrResolved(path.resolve(cwd, pathInput));
  const rel = path.relative(workspace, target);
  if (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) return;
  throw new InputError(`path: ${pathInput} is outside the workspace (${workspace}); give a folder inside the repository checkout`);
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

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
