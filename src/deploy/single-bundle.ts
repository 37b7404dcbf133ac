import type { Project, Result } from '../model.js';
import type { DeployInput } from './deploy.js';

/** The analysed bundle to deploy with its loaded model; undefined unless the analysis holds exactly one bundle. */
export function singleBundle(result: Result, project: Project): Pick<DeployInput, 'bundle' | 'result'> | undefined {
  if (result.bundles.length !== 1) return undefined;
  const bundleResult = result.bundles[0];
  const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root) ?? project.bundles[0];
  return { bundle, result: bundleResult };
}
