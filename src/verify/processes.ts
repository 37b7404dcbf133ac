import fs from 'node:fs';
import { RUN_MARKER } from './environment.js';

// Finding and ending what a program left behind. On Linux /proc tells us every process's group,
// session, parent and start time, and (for our own user's processes) its environment: a process
// that left the program's group (setpgid) still has its session; one that left the session too
// (setsid, a double-forked daemon) still carries the run's marker in its environment, or was seen
// as a descendant while it ran. Elsewhere only the process group can be ended, and we say so.

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Start time in clock ticks since boot: a pid that was reused has another one. */
  start: string;
  state: string;
}

export const PROC_AVAILABLE = process.platform === 'linux' && fs.existsSync('/proc/self/stat');

/** `/proc/<pid>/stat`; undefined when the process is gone (or /proc is not there). */
export function readProcess(pid: number): ProcessInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may itself contain spaces and parentheses.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 of stat(5): state, ppid, pgrp, session, ..., starttime is field 22.
  return { pid, state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), sid: Number(fields[3]), start: fields[19] };
}

export function listProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const name of names) {
    const code = name.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    const info = readProcess(Number(name));
    if (info) out.push(info);
  }
  return out;
}

function carriesMarker(pid: number, marker: string): boolean {
  let environ: Buffer;
  try {
    environ = fs.readFileSync(`/proc/${pid}/environ`);
  } catch {
    return false; // another user's process, or gone
  }
  const needle = Buffer.from(`${RUN_MARKER}=${marker}\0`);
  const at = environ.indexOf(needle);
  return at === 0 || (at > 0 && environ[at - 1] === 0);
}

/** A process's command line for a finding, with the given folders named by placeholders, cut at 100 characters. */
export function describeProcess(pid: number, places: [string, string][] = []): string {
  let text = '';
  try {
    text = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch {
    // gone, or not Linux
  }
  text = text.replace(/[\x00-\x1f\x7f]/g, ' ').trim();
  for (const [dir, name] of places) if (dir) text = text.split(dir).join(name);
  if (text.length > 100) text = `${text.slice(0, 97)}...`;
  return text || `process ${pid}`;
}

const alive = (p: ProcessInfo | undefined) => p !== undefined && p.state !== 'Z' && p.state !== 'X';

/** Everything that belongs to one program run: what dab-ready must end when it is over. */
export class ProcessTracker {
  /** Processes seen as the program's descendants while it ran: pid -> start time. */
  private readonly seen = new Map<number, string>();

  constructor(
    readonly pid: number,
    readonly marker: string,
  ) {}

  /** Record the program's current descendants (called periodically while it runs). */
  observe(): void {
    if (!PROC_AVAILABLE) return;
    const all = listProcesses();
    const children = new Map<number, ProcessInfo[]>();
    for (const p of all) {
      const list = children.get(p.ppid);
      if (list) list.push(p);
      else children.set(p.ppid, [p]);
    }
    const queue = [this.pid, ...this.seen.keys()];
    for (let i = 0; i < queue.length; i++) {
      for (const child of children.get(queue[i]) ?? []) {
        if (child.pid === process.pid || this.seen.has(child.pid)) continue;
        this.seen.set(child.pid, child.start);
        queue.push(child.pid);
      }
    }
    for (const p of all) if ((p.pgid === this.pid || p.sid === this.pid) && p.pid !== process.pid && alive(p)) this.seen.set(p.pid, p.start);
  }

  /** Live processes of this run (its group, its session, its marker, its recorded descendants). */
  remaining(): ProcessInfo[] {
    if (!PROC_AVAILABLE) return [];
    const out: ProcessInfo[] = [];
    for (const p of listProcesses()) {
      if (p.pid === process.pid || !alive(p)) continue;
      const ours = p.pgid === this.pid || p.sid === this.pid || this.seen.get(p.pid) === p.start || carriesMarker(p.pid, this.marker);
      if (ours) out.push(p);
    }
    return out;
  }

  /** Whether anything is left in the program's process group (the only test without /proc). */
  groupAlive(): boolean {
    if (PROC_AVAILABLE) return this.remaining().length > 0;
    try {
      process.kill(-this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Send `signal` to the group and to every process of the run. */
  signal(signal: NodeJS.Signals, processes: ProcessInfo[] = this.remaining()): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // the group is gone
    }
    for (const p of processes) {
      const now = readProcess(p.pid);
      if (!alive(now) || now!.start !== p.start) continue; // gone, or the pid was reused
      try {
        process.kill(p.pid, signal);
      } catch {
        // gone meanwhile
      }
    }
  }

  /** TERM, then KILL after `graceMs`: resolves when nothing of the run is left (or after the KILL). */
  async end(graceMs: number): Promise<void> {
    this.signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && this.groupAlive()) await sleep(50);
    if (!this.groupAlive()) return;
    this.signal('SIGKILL');
    const hard = Date.now() + 1000;
    while (Date.now() < hard && this.groupAlive()) await sleep(20);
  }

  /** KILL everything now, synchronously (a second interrupt). */
  killNow(): void {
    this.signal('SIGKILL');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
