import { isMainThread } from 'node:worker_threads';

// A test that changes the working directory (process.chdir) cannot run in a worker thread: Node
// does not allow it there. `npm test` runs test files in forked processes (vitest.config.ts);
// Stryker's vitest runner runs them in threads, where such a test skips with this reason.

/** True where process.chdir() is available. */
export const canChangeDirectory = isMainThread;
export const CHANGES_DIRECTORY = { meta: { skipReason: 'it changes the working directory, which a worker thread cannot (Stryker runs tests in threads)' } };
