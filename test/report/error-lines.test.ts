// A failed build shows its real error lines, not only the tool's last words.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorExcerpt } from '../../src/report/error-lines.js';

describe('errorExcerpt', () => {
  it('keeps the block from the first error or traceback, even far above a long epilogue', () => {
    const output = [
      '* Creating isolated environment: venv+pip...',
      '* Getting build dependencies for wheel...',
      'Traceback (most recent call last):',
      '  File "setup.py", line 3, in <module>',
      "FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'",
      ...Array.from({ length: 30 }, (_, i) => `  note: epilogue line ${i}`),
      'ERROR Backend subprocess exited when trying to invoke get_requires_for_build_wheel',
    ];
    const excerpt = errorExcerpt(output, 15);
    expect(excerpt).toEqual([
      'Traceback (most recent call last):',
      '  File "setup.py", line 3, in <module>',
      "FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'",
      '…',
      'ERROR Backend subprocess exited when trying to invoke get_requires_for_build_wheel',
    ]);
    // the last 15 lines alone would have shown only the epilogue
    expect(output.slice(-15).some((l) => l.includes('FileNotFoundError'))).toBe(false);
  });

  it('without an error line, the last lines; a short output whole; an error line without traceback anchors too', () => {
    expect(errorExcerpt(['a', 'b', 'c'], 2)).toEqual(['b', 'c']);
    const npm = [...Array.from({ length: 20 }, (_, i) => `step ${i}`), 'error: could not find uv', 'hint 1', 'hint 2', 'hint 3', 'done'];
    expect(errorExcerpt(npm, 6)).toEqual(['step 17', 'step 18', 'step 19', 'error: could not find uv', '…', 'done']);
    expect(errorExcerpt(['x', 'error: boom', 'y'], 15)).toEqual(['x', 'error: boom', 'y']);
  });

  it.skipIf(!fs.existsSync('/usr/bin/python3'))('on a real failing build (python -m build), keeps the traceback and the exception', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-err-'));
    try {
      fs.cpSync(path.join(__dirname, '..', 'fixtures', 'wheels', 'build-fails'), dir, { recursive: true });
      // stdout and stderr into one file, interleaved as a terminal or the runner sees them
      const log = path.join(dir, 'build.log');
      const fd = fs.openSync(log, 'w');
      const ran = spawnSync('/usr/bin/python3', ['-m', 'build', '--wheel', '--no-isolation', '--outdir', path.join(dir, 'out'), '.'], { cwd: dir, stdio: ['ignore', fd, fd] });
      fs.closeSync(fd);
      expect(ran.status).not.toBe(0);
      const output = fs.readFileSync(log, 'utf8');
      const lines = output.split('\n');
      const excerpt = errorExcerpt(lines);
      expect(lines.length).toBeGreaterThan(15); // a long traceback: the tail alone would cut its start
      expect(excerpt.length).toBeLessThanOrEqual(15);
      expect(excerpt[0]).toBe('Traceback (most recent call last):');
      expect(excerpt).toContain('  File "<string>", line 3, in <module>');
      expect(excerpt).toContain("FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'");
      expect(excerpt.at(-1)).toBe('ERROR Backend subprocess exited when trying to invoke get_requires_for_build_wheel');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
