// The action's entry (ncc bundles it into dist/index.js). Thin: read the inputs, run the mode,
// and end any error in core.setFailed with a one-line reason.
import * as core from '@actions/core';
import { readInputs, toValidateOptions, toVerifyOptions } from './github/inputs.js';
import { oneLine } from './github/one-line.js';
import { assertPathInWorkspace } from './github/paths.js';
import { installInterruptHandlers } from './interrupt.js';

const PROGRAM_TIMEOUT_MS = 600_000;

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    assertPathInWorkspace(inputs.path);
    // The mode's code is loaded once the inputs are known to be good.
    if (inputs.mode === 'check') {
      const { runCheckMode } = await import('./github/check-mode.js');
      await runCheckMode(inputs, { timeoutMs: PROGRAM_TIMEOUT_MS });
    } else {
      const deployInputs = {
        path: inputs.path,
        target: inputs.target,
        configFile: inputs.configFile,
        phase: inputs.phase,
        deploy: inputs.deploy,
        run: inputs.run,
        autoApprove: inputs.autoApprove,
        failOnActiveRuns: inputs.failOnActiveRuns,
        vars: inputs.vars,
        verifyOptions: toVerifyOptions(inputs, PROGRAM_TIMEOUT_MS),
        validateOptions: toValidateOptions(inputs, PROGRAM_TIMEOUT_MS),
        timeoutMs: PROGRAM_TIMEOUT_MS,
        summary: inputs.summary,
      };
      const { runDeployMode, runPlanMode } = await import('./github/deploy-mode.js');
      if (inputs.mode === 'plan') await runPlanMode(deployInputs);
      else await runDeployMode(deployInputs);
    }
  } catch (error) {
    core.setFailed(oneLine(error));
  }
}

installInterruptHandlers((line) => core.setFailed(line));
await run();
