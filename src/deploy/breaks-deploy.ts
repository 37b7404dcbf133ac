import { describeCheck as findCheck } from '../checks/catalog.js';
import type { Finding } from '../model.js';
import { validateCheckDocs } from '../verify/validate-docs.js';

// Which findings make `databricks bundle deploy` itself fail. Deploy applies the whole bundle, so
// one such finding anywhere refuses every phase's deploy for that target.

/** Finding ids produced by verify (not in the check registry) and whether they break `bundle deploy`. */
const VERIFY_IDS_BREAK_DEPLOY: Record<string, boolean> = {
  'bundle-validate-error': true,
  'wheel-build-failed': true,
  'bundle-validate-warning': false,
  'bundle-validate-recommendation': false,
  'bundle-validate-unavailable': false,
  'entry-point-smoke-failed': false,
};

/**
 * Whether a finding makes `databricks bundle deploy` itself fail. An id nobody declares (a load-time
 * notice such as a YAML syntax error) breaks deploy when it is critical: better refuse than destroy.
 */
export function findingBreaksDeploy(f: Pick<Finding, 'check' | 'severity' | 'breaksDeploy'>): boolean {
  if (f.breaksDeploy !== undefined) return f.breaksDeploy;
  const check = findCheck(f.check) ?? validateCheckDocs.find((c) => c.id === f.check);
  if (check) return check.breaksDeploy;
  if (f.check in VERIFY_IDS_BREAK_DEPLOY) return VERIFY_IDS_BREAK_DEPLOY[f.check];
  return f.severity === 'critical';
}

/** One line per finding that breaks deploy for the target (all targets when none is given). */
export function deployBreakingFindings(findings: readonly Finding[], target?: string): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (target !== undefined && f.targets.length > 0 && !f.targets.includes(target)) continue;
    if (!findingBreaksDeploy(f)) continue;
    const where = f.loc ? ` at ${f.loc.file}:${f.loc.line}` : '';
    out.push(`${f.check}${where}: ${f.message} (breaks databricks bundle deploy${target ? ` for target ${target}` : ''})`);
  }
  return out;
}
