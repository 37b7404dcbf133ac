import type { Bundle, RawFinding } from '../../model.js';

/**
 * For checks that do not look at the target: the findings are computed on the first target and
 * handed out again (as a new array) for the others, which the engine merges into one finding.
 */
export function oncePerBundle(run: (bundle: Bundle) => RawFinding[]): (bundle: Bundle) => RawFinding[] {
  const cache = new WeakMap<Bundle, RawFinding[]>();
  return (bundle) => {
    let findings = cache.get(bundle);
    if (!findings) {
      findings = run(bundle);
      cache.set(bundle, findings);
    }
    return [...findings];
  };
}
