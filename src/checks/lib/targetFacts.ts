import type { TargetView } from '../../model.js';

/** Whether anything in the target may build files before deploy (an explicit or implicit artifact). */
export function hasArtifacts(target: TargetView): boolean {
  return target.artifacts.length > 0;
}
