import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { skipReasonLines } from '../../scripts/skip-reasons.mjs';

/** After vitest's own summary: how many tests were skipped, and why (their `meta.skipReason`). */
export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests('skipped')].map((test) => ({ reason: test.meta().skipReason, file: path.relative(process.cwd(), module.moduleId) })),
    );
    const lines = skipReasonLines(skipped);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  }
}
