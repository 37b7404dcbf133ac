import path from 'node:path';
import type { Loc } from '../../model.js';

/** Absolute workspace paths, URLs with a scheme and `${workspace.*}` paths are remote: the CLI does not translate them. */
export function isRemotePath(value: string): boolean {
  return (
    value.startsWith('/') ||
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) ||
    value.startsWith('${workspace.') ||
    value.startsWith('~')
  );
}

/** A library path is local when it starts with `.` or is a relative path with an extension (cli bundle/libraries/local_path.go). */
export function isLocalLibraryPath(value: string): boolean {
  if (isRemotePath(value)) return false;
  if (value.startsWith('.')) return true;
  return /[\\/]/.test(value) || /\.(whl|jar|egg)$/i.test(value) ? path.posix.extname(value.split(/[[]/)[0]) !== '' : false;
}

/** A relative path written in a YAML file, as a path relative to the bundle root (POSIX). */
export function resolveRelative(loc: Loc, value: string): string {
  const dir = path.posix.dirname(loc.file);
  return path.posix.normalize(path.posix.join(dir, value));
}

export function hasGlob(value: string): boolean {
  return /[*?[]/.test(value);
}
