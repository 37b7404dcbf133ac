import { statSync } from 'node:fs';
import path from 'node:path';

// Names and versions of wheels: PEP 503 normalisation, PEP 427 file names, PEP 440 ordering
// (enough of it to pick the newest wheel per package as the CLI does since v0.256.0).

export function normalizeName(name: string): string {
  return name.trim().replace(/[-_.]+/g, '-').toLowerCase();
}

export interface WheelFileName {
  distribution: string;
  version: string;
}

/** `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; undefined when not a wheel name. */
export function parseWheelFileName(file: string): WheelFileName | undefined {
  const base = path.basename(file);
  if (!base.toLowerCase().endsWith('.whl')) return undefined;
  const parts = base.slice(0, -4).split('-');
  if (parts.length < 5 || parts.length > 6) return undefined;
  return { distribution: parts[0], version: parts[1] };
}

interface ParsedVersion {
  epoch: number;
  release: number[];
  pre?: [number, number]; // a=0, b=1, rc=2
  post?: number;
  dev?: number;
}

function parseVersion(version: string): ParsedVersion | undefined {
  const m = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i.exec(
    version.trim(),
  );
  if (!m) return undefined;
  const preKind = m[3]?.toLowerCase();
  const preRank = preKind === undefined ? undefined : preKind.startsWith('a') ? 0 : preKind.startsWith('b') ? 1 : 2;
  return {
    epoch: Number(m[1] ?? 0),
    release: m[2].split('.').map(Number),
    pre: preRank === undefined ? undefined : [preRank, Number(m[4] || 0)],
    post: m[5] !== undefined ? Number(m[5]) : m[6] !== undefined ? Number(m[6] || 0) : undefined,
    dev: m[7] !== undefined ? Number(m[7] || 0) : undefined,
  };
}

/** PEP 440 order; versions that do not parse sort before those that do, among themselves by text. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : a < b ? -1 : a > b ? 1 : 0;
  if (pa.epoch !== pb.epoch) return pa.epoch - pb.epoch;
  const len = Math.max(pa.release.length, pb.release.length);
  for (let i = 0; i < len; i++) {
    const d = (pa.release[i] ?? 0) - (pb.release[i] ?? 0);
    if (d !== 0) return d;
  }
  // Within one release: dev-only < pre < final < post.
  const phase = (v: ParsedVersion): [number, number, number, number] => {
    if (v.pre) return [1, v.pre[0], v.pre[1], v.dev === undefined ? 1 : 0];
    if (v.post !== undefined) return [3, v.post, 0, v.dev === undefined ? 1 : 0];
    if (v.dev !== undefined) return [0, v.dev, 0, 0];
    return [2, 0, 0, 0];
  };
  const fa = phase(pa);
  const fb = phase(pb);
  for (let i = 0; i < 4; i++) if (fa[i] !== fb[i]) return fa[i] - fb[i];
  return (pa.dev ?? 0) - (pb.dev ?? 0);
}

/** The newest wheel per distribution: highest version, then the most recently written file. */
export function newestWheelPerPackage(files: string[]): string[] {
  const best = new Map<string, { file: string; version: string; mtime: number }>();
  for (const file of files) {
    const parsed = parseWheelFileName(file);
    if (!parsed) continue;
    const key = normalizeName(parsed.distribution);
    let mtime = 0;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    const current = best.get(key);
    const order = current ? compareVersions(parsed.version, current.version) : 1;
    if (!current || order > 0 || (order === 0 && mtime > current.mtime)) best.set(key, { file, version: parsed.version, mtime });
  }
  return [...best.values()].map((b) => b.file).sort();
}
