// Include entries that point outside the bundle and match nothing (or lead outside the repository):
// the variables and targets they would have defined are then missing, which is the root cause of the
// unset-variable findings that follow.
import type { Bundle, Loc } from '../../model.js';
import { asSeq, asString, get } from './nodes.js';

export interface UnmatchedInclude {
  pattern: string;
  loc: Loc;
  /** The entry leads outside the repository: nothing there is read. */
  outsideRepository: boolean;
}

const memo = new WeakMap<Bundle, UnmatchedInclude[]>();

export function unmatchedOutsideIncludes(bundle: Bundle): UnmatchedInclude[] {
  let found = memo.get(bundle);
  if (!found) {
    found = scan(bundle);
    memo.set(bundle, found);
  }
  return found;
}

function scan(bundle: Bundle): UnmatchedInclude[] {
  const out: UnmatchedInclude[] = [];
  for (const item of asSeq(get(bundle.files.get(bundle.rootFile)?.root, 'include'))?.items ?? []) {
    const pattern = asString(item)?.trim();
    if (!pattern || !pattern.replace(/^\.\//, '').startsWith('../')) continue;
    const outsideRepository = bundle.notices.some(
      (n) => n.check === 'include-outside-repository' && n.loc?.file === item.loc.file && n.loc.line === item.loc.line,
    );
    if (!outsideRepository && bundle.fileIndex.glob(pattern).some((f) => /\.(ya?ml|json)$/i.test(f))) continue;
    out.push({ pattern, loc: item.loc, outsideRepository });
  }
  return out;
}

/** `; no file matches include `x` (databricks.yml:6), which may be meant to define it` (empty without such includes). */
export function includeRootCause(bundle: Bundle): { note: string; fix: string } | undefined {
  const includes = unmatchedOutsideIncludes(bundle);
  if (includes.length === 0) return undefined;
  const where = (i: UnmatchedInclude) => `\`${i.pattern}\` (${i.loc.file}:${i.loc.line})`;
  const matchesNothing = includes.filter((i) => !i.outsideRepository);
  const outside = includes.filter((i) => i.outsideRepository);
  const parts: string[] = [];
  if (matchesNothing.length > 0) parts.push(`no file matches include ${matchesNothing.map(where).join(', ')}`);
  if (outside.length > 0) parts.push(`include ${outside.map(where).join(', ')} leads outside the repository and is not read`);
  return {
    note: includes.length === 1 ? `; ${parts[0]}, which may be meant to define it` : `; ${parts.join(', and ')}: one of them may be meant to define it`,
    fix: `Make include ${includes.map(where).join(', ')} match the file meant to define it (include paths are relative to the bundle root, and the file must exist in every checkout, CI included).`,
  };
}
