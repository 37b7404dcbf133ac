import type { Bundle, Loc, TargetView } from '../../model.js';
import { asString, get } from './nodes.js';

export interface Engine {
  /** `direct`, `terraform`, or undefined when neither the configuration nor the environment sets it. */
  name?: string;
  /** Where `bundle.engine` is written, when the configuration sets it. */
  loc?: Loc;
  from?: 'config' | 'env';
}

/**
 * The deployment engine as the CLI's validators see it: `bundle.engine` wins over
 * DATABRICKS_BUNDLE_ENGINE (cli bundle/config/validate/tf_only_references.go). Unset means the
 * CLI decides from the deployment state (direct for new deployments since v1.3.0).
 */
export function engineOf(bundle: Bundle, target: TargetView): Engine {
  const node = get(target.config, 'bundle', 'engine');
  const configured = asString(node);
  if (configured) return { name: configured, loc: node!.loc, from: 'config' };
  if (bundle.engineFromEnv) return { name: bundle.engineFromEnv, from: 'env' };
  return {};
}
