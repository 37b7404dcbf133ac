// Where a check's rule page lives (docs/checks/<id>.md, generated from the check's metadata by
// `npm run rule-pages`). Every report links there instead of to documents users do not have.
import { describeCheck } from '../checks/catalog.js';

export const REPOSITORY_URL = 'https://github.com/dab-ready/dab-ready';
export const RULE_PAGES_URL = `${REPOSITORY_URL}/blob/main/docs/checks`;

/** The rule page of a check id; ids without a page (internal notices) link to the index. */
export function rulePageUrl(id: string): string {
  return describeCheck(id) ? `${RULE_PAGES_URL}/${id}.md` : `${RULE_PAGES_URL}/README.md`;
}
