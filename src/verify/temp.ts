import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupStateChanged } from './lifecycle.js';

// Every temporary folder dab-ready makes comes from here and is removed on every exit path: by its
// owner when done, and whatever is still registered when the process exits (normally, on an error,
// or through the interrupt handler, which exits with process.exit and so runs the 'exit' hook too).

const live = new Set<string>();
let hooked = false;

export function makeTempDir(prefix: string, parent = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAllTempDirs);
  }
  cleanupStateChanged();
  return dir;
}

export function removeTempDir(dir: string): void {
  forceRemove(dir);
  if (live.delete(dir)) cleanupStateChanged();
}

/** Remove every folder still registered (synchronous: safe in an 'exit' handler). */
export function removeAllTempDirs(): number {
  const count = live.size;
  for (const dir of [...live]) removeTempDir(dir);
  return count;
}

export function liveTempDirs(): string[] {
  return [...live];
}

/** rm -rf that also gets through folders a build made read-only. */
function forceRemove(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    return;
  } catch {
    // a read-only folder inside: make everything writable and try again
  }
  const unlock = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return;
    }
    if (!st.isDirectory()) return;
    try {
      fs.chmodSync(p, 0o700);
    } catch {
      return;
    }
    for (const name of fs.readdirSync(p)) unlock(path.join(p, name));
  };
  unlock(dir);
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // left for the OS; nothing more can be done without privileges
  }
}
