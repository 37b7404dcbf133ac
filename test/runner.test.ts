import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../src/verify/environment.js';
import { LineSplitter, MAX_LINE_CHARS } from '../src/verify/line-splitter.js';
import { listProcesses, PROC_AVAILABLE } from '../src/verify/processes.js';
import { displayCommand, lastLines, run, runningPrograms, which } from '../src/verify/runner.js';
import { liveTempDirs } from '../src/verify/temp.js';
import { BUILD_PYTHON } from './support/python.js';

const PY = BUILD_PYTHON;
const linux = PROC_AVAILABLE;
const NEEDS_PROC = { meta: { skipReason: 'no /proc here (Linux only): only the process group can be tracked' } };

/** Processes whose environment carries this run's dab-ready marker prefix and `tag` on their command line. */
function survivors(tag: string): number[] {
  return listProcesses()
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes(tag) && p.state !== 'Z';
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/** A Python daemon (double fork + setsid) that sleeps with `tag` in its command line; `keepStdout` decides whether it holds the pipe. */
function daemonScript(tag: string, keepStdout: boolean): string {
  return [
    'import os, sys, time',
    'if os.fork() == 0:',
    '    os.setsid()',
    '    if os.fork() == 0:',
    keepStdout ? '        pass' : '        fd = os.open(os.devnull, os.O_RDWR)\n        [os.dup2(fd, n) for n in (0, 1, 2)]',
    `        os.execv(sys.executable, [sys.executable, "-c", "import time\\nwhile True: time.sleep(1)", ${JSON.stringify(tag)}])`,
    '    os._exit(0)',
    'print("parent done", flush=True)',
  ].join('\n');
}

describe('the program runner', () => {
  it('passes arguments as an array: shell syntax arrives literally', async () => {
    const r = await run(['/bin/echo', 'a b', '$(id)', ';', 'rm -rf /']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('a b $(id) ; rm -rf /\n');
    expect(r.command).toBe(`/bin/echo 'a b' '$(id)' ';' 'rm -rf /'`);
  });

  it('keeps the exit code and both streams', async () => {
    const r = await run(['/bin/sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\n');
    expect(lastLines(r)).toEqual(['out', 'err']);
    expect(r.leftovers).toEqual([]);
  });

  it('kills the whole process group on timeout and says so', async () => {
    const started = Date.now();
    const r = await run(['/bin/sh', '-c', 'sleep 30 & sleep 30; echo never'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.stdout).not.toContain('never');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a program that ignores TERM gets KILL after the grace period', async () => {
    const tag = `ignores-term-${process.pid}-${Date.now()}`;
    const script = `import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint("ready", flush=True)\nwhile True: time.sleep(1)\n`;
    const started = Date.now();
    const r = await run([PY, '-c', script, tag], { timeoutMs: 500, graceMs: 700 });
    const took = Date.now() - started;
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(took).toBeGreaterThanOrEqual(1200);
    expect(took).toBeLessThan(5000);
    expect(survivors(tag)).toEqual([]);
  });

  it('reports a missing program instead of throwing', async () => {
    const r = await run(['/nonexistent/program', '--help']);
    expect(r.spawnError).toBe('/nonexistent/program: not found');
    expect(r.exitCode).toBeNull();
  });

  it('bounds captured output to the tail', async () => {
    const r = await run([PY, '-c', 'print("x" * 100000); print("last")'], { maxBytes: 1024 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(1024);
    expect(r.stdout.trimEnd().endsWith('last')).toBe(true);
  });

  it('streams complete lines as they come, each capped', async () => {
    const seen: string[] = [];
    await run(['/bin/sh', '-c', 'printf "one\\r\\ntwo\\nthree"'], { onLine: (line) => seen.push(line) });
    expect(seen).toEqual(['one', 'two', 'three']);

    const long: string[] = [];
    const r = await run([PY, '-c', 'print("a" * 200000); print("b")'], { onLine: (line) => long.push(line) });
    expect(long).toHaveLength(2);
    expect(long[0]).toBe(`${'a'.repeat(MAX_LINE_CHARS)} [... ${(200000 - MAX_LINE_CHARS).toLocaleString('en-US')} more characters cut by dab-ready]`);
    expect(long[1]).toBe('b');
    expect(r.output).toEqual({ bytes: 200003, lines: 2, cutLines: 1, longestLine: 200000 });
  });

  it('finds programs on PATH without a shell', () => {
    expect(which('sh', { PATH: '/nonexistent:/bin' })).toBe('/bin/sh');
    expect(which('definitely-not-a-program-xyz', { PATH: '/bin:/usr/bin' })).toBeUndefined();
    expect(displayCommand(['python3', '-m', 'build', '--wheel'])).toBe('python3 -m build --wheel');
  });

  it('by default a program gets the tool environment: no secret, a marker', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { DATABRICKS_TOKEN: 'dapi-runner-test', MY_SERVICE_PASSWORD: 'pw-runner-test', LANG: 'C.UTF-8' });
    try {
      const r = await run(['/usr/bin/env']);
      expect(r.stdout).not.toContain('dapi-runner-test');
      expect(r.stdout).not.toContain('pw-runner-test');
      expect(r.stdout).toContain('LANG=C.UTF-8');
      expect(r.stdout).toMatch(new RegExp(`^${RUN_MARKER}=${process.pid}\\.\\d+\\.[0-9a-f]{12}$`, 'm'));
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('an environment without HOME gets a fresh, empty HOME and TMPDIR, removed afterwards', async () => {
    const script = 'import os, json; print(json.dumps([os.environ["HOME"], os.environ["TMPDIR"], os.listdir(os.environ["HOME"]), os.listdir(os.environ["TMPDIR"])]))';
    const r = await run([PY, '-c', script], { env: { PATH: '/usr/bin:/bin' } });
    const [home, tmp, inHome, inTmp] = JSON.parse(r.stdout) as [string, string, string[], string[]];
    expect(home).not.toBe(process.env.HOME);
    expect(home).toMatch(/dab-ready-run-\w+\/home$/);
    expect(tmp).toMatch(/dab-ready-run-\w+\/tmp$/);
    expect([inHome, inTmp]).toEqual([[], []]);
    expect(existsSync(home)).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    expect(liveTempDirs()).toEqual([]);
  });

  it.skipIf(!linux)('does not wait for pipes a setsid daemon keeps open: it ends the daemon and reports it', NEEDS_PROC, async () => {
    const tag = `keeps-stdout-${process.pid}-${Date.now()}`;
    const started = Date.now();
    const r = await run([PY, '-c', daemonScript(tag, true)], { timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('parent done\n');
    expect(r.leftovers).toHaveLength(1);
    expect(r.leftovers[0]).toContain(tag);
    expect(survivors(tag)).toEqual([]);
    expect(runningPrograms()).toEqual([]);
  });

  it.skipIf(!linux)('finds a setsid daemon that closed its output through the marker in its environment, and ends it', NEEDS_PROC, async () => {
    const tag = `closes-stdout-${process.pid}-${Date.now()}`;
    const r = await run([PY, '-c', daemonScript(tag, false)], { timeoutMs: 60_000 });
    expect(r.exitCode).toBe(0);
    expect(r.leftovers).toEqual([expect.stringContaining(tag)]);
    expect(survivors(tag)).toEqual([]);
  });

  it.skipIf(!linux)('finds a daemon that cleared its environment through the descendants it saw while the program ran', NEEDS_PROC, async () => {
    const tag = `env-cleared-${process.pid}-${Date.now()}`;
    // The program waits long enough for the runner to see the daemon, then exits; the daemon re-execs without any environment.
    const script = [
      'import os, sys, time',
      'if os.fork() == 0:',
      '    os.setsid()',
      '    fd = os.open(os.devnull, os.O_RDWR)',
      '    [os.dup2(fd, n) for n in (0, 1, 2)]',
      `    os.execve(sys.executable, [sys.executable, "-c", "import time\\nwhile True: time.sleep(1)", ${JSON.stringify(tag)}], {})`,
      'time.sleep(1.5)',
    ].join('\n');
    const r = await run([PY, '-c', script], { timeoutMs: 60_000 });
    expect(r.leftovers).toEqual([expect.stringContaining(tag)]);
    expect(survivors(tag)).toEqual([]);
  });

  it.skipIf(!linux)('a daemon escaping at the timeout is reported too', NEEDS_PROC, async () => {
    const tag = `timeout-daemon-${process.pid}-${Date.now()}`;
    const script = `${daemonScript(tag, false)}\nimport time\ntime.sleep(60)`;
    const r = await run([PY, '-c', script], { timeoutMs: 800 });
    expect(r.timedOut).toBe(true);
    expect(r.leftovers).toEqual([expect.stringContaining(tag)]);
    expect(survivors(tag)).toEqual([]);
  });

  it('refuses arguments Node cannot pass (a NUL byte) with a spawn error, and removes the sandbox', async () => {
    const r = await run([PY, '-c', 'print(1)\0'], { env: { PATH: '/usr/bin' } });
    expect(r.spawnError).toMatch(/^\/usr\/bin\/python3: /);
    expect(liveTempDirs()).toEqual([]);
  });
});

describe('the line splitter', () => {
  it('cuts a line that never ends at the cap and counts what it dropped, in bounded memory', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l), 10);
    const chunk = Buffer.alloc(64 * 1024, 'z');
    for (let i = 0; i < 256; i++) splitter.push(chunk); // 16 MB without a newline
    splitter.push(Buffer.from('\nnext\n'));
    splitter.end();
    expect(lines).toEqual([`zzzzzzzzzz [... ${(16 * 1024 * 1024 - 10).toLocaleString('en-US')} more characters cut by dab-ready]`, 'next']);
    expect(splitter.stats).toEqual({ bytes: 16 * 1024 * 1024 + 6, lines: 2, cutLines: 1, longestLine: 16 * 1024 * 1024 });
  });

  it('keeps a multi-byte character split across chunks whole', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('grüße\n');
    splitter.push(bytes.subarray(0, 3));
    splitter.push(bytes.subarray(3));
    splitter.end();
    expect(lines).toEqual(['grüße']);
  });

  it('takes time linear in the output: a 40 MB single line costs about what 4 MB costs, times ten', () => {
    const time = (mb: number) => {
      const splitter = new LineSplitter(() => {});
      const chunk = Buffer.alloc(64 * 1024, 'q');
      const started = process.hrtime.bigint();
      for (let i = 0; i < mb * 16; i++) splitter.push(chunk);
      splitter.end();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    time(4); // warm up
    const small = time(4);
    const large = time(40);
    // Quadratic would be 100x; allow generous noise around 10x.
    expect(large / Math.max(small, 1)).toBeLessThan(40);
  });
});
