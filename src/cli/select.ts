// `--select` / `--ignore`, like ruff's: check ids or categories (by name or slug, e.g.
// `entry-points` or "Entry Points"), comma-separated or repeated. An unknown one is a usage error
// that suggests the nearest.
import { catalog } from '../checks/catalog.js';
import { UsageError } from '../engine.js';
import { didYouMean } from './command-line.js';

export function categorySlug(category: string): string {
  return category.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The check ids a list of selectors names. */
function expand(flag: string, selectors: string[]): Set<string> {
  const ids = new Set<string>();
  for (const raw of selectors.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const slug = categorySlug(raw);
    const byCategory = catalog.filter((c) => categorySlug(c.category) === slug);
    const byId = catalog.filter((c) => c.id === raw);
    if (byId.length === 0 && byCategory.length === 0) {
      const names = [...catalog.map((c) => c.id), ...new Set(catalog.map((c) => categorySlug(c.category)))];
      throw new UsageError(`${flag} ${raw}: no such check or category${didYouMean(raw, names)} (dab-ready checks lists them)`);
    }
    for (const c of [...byId, ...byCategory]) ids.add(c.id);
  }
  return ids;
}

/** A filter on check ids, or undefined when neither flag is given. */
export function checkFilter(select: string[] = [], ignore: string[] = []): ((check: string) => boolean) | undefined {
  if (select.length === 0 && ignore.length === 0) return undefined;
  const selected = select.length ? expand('--select', select) : undefined;
  const ignored = expand('--ignore', ignore);
  return (check) => (!selected || selected.has(check)) && !ignored.has(check);
}
