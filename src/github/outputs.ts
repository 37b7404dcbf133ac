// The step outputs, as strings, from the result (and the comment/delta once known).
import type { Result, Severity } from '../model.js';

export interface OutputValues {
  ready: string;
  score: string;
  critical: string;
  high: string;
  medium: string;
  low: string;
  'blocked-phases': string;
  'report-json': string;
  sarif: string;
  'comment-url': string;
  'score-delta': string;
}

/** The overall score: the lowest bundle score (a repository is as ready as its least ready bundle). */
export function overallScore(result: Result): number {
  return result.bundles.length ? Math.min(...result.bundles.map((b) => b.score)) : 0;
}

export function resultOutputs(result: Result): Pick<OutputValues, 'ready' | 'score' | 'critical' | 'high' | 'medium' | 'low' | 'blocked-phases'> {
  const count = (s: Severity) => result.bundles.reduce((n, b) => n + b.counts[s], 0) + result.notices.filter((f) => f.severity === s).length;
  const several = result.bundles.length > 1;
  const blocked = result.bundles.flatMap((b) => b.phases.filter((p) => p.status === 'blocked').map((p) => (several ? `${b.root}:${p.id}` : p.id)));
  return {
    ready: String(result.bundles.length > 0 && result.bundles.every((b) => b.ready)),
    score: String(overallScore(result)),
    critical: String(count('critical')),
    high: String(count('high')),
    medium: String(count('medium')),
    low: String(count('low')),
    'blocked-phases': JSON.stringify(blocked),
  };
}
