import path from 'node:path';
import type { BundleResult, Loc } from '../model.js';

/** A bundle-relative file as a path relative to the analysed path (POSIX, normalised). */
export function analysedPath(bundleRoot: string, file: string): string {
  const joined = path.posix.normalize(path.posix.join(toPosix(bundleRoot || '.'), toPosix(file)));
  return joined === '' ? '.' : joined;
}

export function locPath(bundle: Pick<BundleResult, 'root'> | undefined, loc: Loc | undefined): string | undefined {
  if (!loc) return undefined;
  return analysedPath(bundle?.root ?? '.', loc.file);
}

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}
