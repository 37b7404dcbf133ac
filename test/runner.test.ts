import { describe, expect, it } from 'vitest';
import { displayCommand, lastLines, run, which } from '../src/verify/runner.js';

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
  });

  it('kills the whole process group on timeout and says so', async () => {
    const started = Date.now();
    const r = await run(['/bin/sh', '-c', 'sleep 30 & sleep 30; echo never'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.stdout).not.toContain('never');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a missing program instead of throwing', async () => {
    const r = await run(['/nonexistent/program', '--help']);
    expect(r.spawnError).toBe('/nonexistent/program: not found');
    expect(r.exitCode).toBeNull();
  });

  it('bounds captured output to the tail', async () => {
    const r = await run(['/usr/bin/python3', '-c', 'print("x" * 100000); print("last")'], { maxBytes: 1024 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(1024);
    expect(r.stdout.trimEnd().endsWith('last')).toBe(true);
  });

  it('streams complete lines as they come', async () => {
    const seen: string[] = [];
    await run(['/bin/sh', '-c', 'printf "one\\ntwo\\nthree"'], { onLine: (line) => seen.push(line) });
    expect(seen).toEqual(['one', 'two', 'three']);
  });

  it('finds programs on PATH without a shell', () => {
    expect(which('sh', { PATH: '/nonexistent:/bin' })).toBe('/bin/sh');
    expect(which('definitely-not-a-program-xyz', { PATH: '/bin:/usr/bin' })).toBeUndefined();
    expect(displayCommand(['python3', '-m', 'build', '--wheel'])).toBe('python3 -m build --wheel');
  });
});
