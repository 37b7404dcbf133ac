// Readiness: fold a bundle's findings into phases, scores, effort and the lists the reports show.
import path from 'node:path';
import type { Bundle, BundleResult, Check, DabReadyConfig, Finding, VerificationStep } from '../model.js';
import { catalogFor } from './check-info.js';
import { buildPhases } from './phases.js';
import { compareFindings, effortTable, headlineScore, isReady, passedChecks, severityCounts, targetScores } from './score.js';

export { evaluateGate } from './gate.js';
export type { GateOptions, GateOutcome } from './gate.js';
export { applySuppressions, parseInlineSuppression, suppressionNotices } from './suppress.js';
export { buildActionPlan } from './plan.js';
export { CheckCatalog, catalogFor } from './check-info.js';

export interface BundleResultInput {
  bundle: Bundle;
  findings: Finding[];
  config: DabReadyConfig;
  verification: VerificationStep[];
  analysedTargets: string[];
  suppressed: number;
  /** The check registry (defaults to src/checks); tests pass their own. */
  checks?: readonly Check[];
}

export function buildBundleResult(input: BundleResultInput): BundleResult {
  const { bundle, config, analysedTargets } = input;
  const catalog = catalogFor(input.checks);
  const findings = [...input.findings].sort(compareFindings);
  const passed = passedChecks(findings, catalog, config.severity ?? {});
  const { phases, findings: withPhases } = buildPhases(bundle, findings, config, analysedTargets, catalog, passed.length);
  const scores = targetScores(withPhases, analysedTargets);
  return {
    root: bundle.relRoot || '.',
    rootFile: rootFileOf(bundle),
    name: bundle.name,
    targets: [...analysedTargets],
    defaultTarget: bundle.defaultTarget,
    score: headlineScore(scores, withPhases),
    targetScores: scores,
    ready: isReady(withPhases, analysedTargets),
    counts: severityCounts(withPhases),
    phases,
    findings: withPhases,
    passed,
    effort: effortTable(withPhases, catalog),
    verification: [...input.verification],
    suppressed: input.suppressed,
  };
}

function rootFileOf(bundle: Bundle): string {
  const file = bundle.rootFile || 'databricks.yml';
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  return path.relative(bundle.root, file).split(path.sep).join('/');
}
