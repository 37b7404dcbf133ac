import type { Check } from '../model.js';
import { validateCheckDocs } from '../verify/validate-docs.js';
import { wheelCheckDocs } from '../verify/wheel-docs.js';
import { checks } from './index.js';

/**
 * Every finding id dab-ready can report, with its docs: the static checks plus the ids that only
 * real runs produce (verify, validate). `dab-ready explain` and the deploy gate look ids up here.
 */
export const catalog: readonly Check[] = [...checks, ...wheelCheckDocs, ...validateCheckDocs];

export function describeCheck(id: string): Check | undefined {
  return catalog.find((c) => c.id === id);
}
