import { describe, expect, it } from 'vitest';
import { installInterruptHandlers, interruptLine } from '../src/interrupt.js';
import { makeTempDir, removeTempDir } from '../src/verify/temp.js';

describe('the interrupt handler', () => {
  it('is installed only while there is something to clean up, so a signal during the static analysis ends dab-ready at once', () => {
    const before = process.listenerCount('SIGINT');
    installInterruptHandlers(() => {});
    expect(process.listenerCount('SIGINT')).toBe(before);
    const dir = makeTempDir('dab-ready-interrupt-test-');
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([before + 1, before + 1]);
    removeTempDir(dir);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('says what was interrupted in one line', () => {
    expect(interruptLine('SIGINT', ['the wheel build in pkg'], 3)).toBe('dab-ready: interrupted by SIGINT while running the wheel build in pkg; it was stopped, 3 temporary folders removed');
    expect(interruptLine('SIGTERM', [], 1)).toBe('dab-ready: interrupted by SIGTERM between programs (none was running), 1 temporary folder removed');
    expect(interruptLine('SIGTERM', ['a', 'b'], 0)).toBe('dab-ready: interrupted by SIGTERM while running a and b; they were stopped');
  });
});
