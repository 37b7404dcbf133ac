import type { TargetView } from '../../model.js';

/**
 * A list computed once per target and shared (frozen) by every check that asks for it. When its
 * items are the very objects (in the same order) of a list another target got, that list is handed
 * out instead: targets share the nodes they leave as written, so what is memoised on the list
 * (a check's findings for the same settings) is computed once for all of them.
 */
export function oncePerTarget<T extends object>(compute: (target: TargetView) => T[]): (target: TargetView) => readonly T[] {
  const cache = new WeakMap<TargetView, readonly T[]>();
  const byFirstItem = new WeakMap<T, (readonly T[])[]>();
  const share = (list: T[]): readonly T[] => {
    if (list.length === 0) return Object.freeze(list);
    let known = byFirstItem.get(list[0]);
    const same = known?.find((other) => other.length === list.length && other.every((item, i) => item === list[i]));
    if (same) return same;
    const frozen = Object.freeze(list);
    if (!known) byFirstItem.set(list[0], (known = []));
    known.push(frozen);
    return frozen;
  };
  return (target) => {
    let list = cache.get(target);
    if (!list) {
      list = share(compute(target));
      cache.set(target, list);
    }
    return list;
  };
}
