import type { TargetView } from '../../model.js';

/** A list computed once per target and shared (frozen) by every check that asks for it. */
export function oncePerTarget<T>(compute: (target: TargetView) => T[]): (target: TargetView) => readonly T[] {
  const cache = new WeakMap<TargetView, readonly T[]>();
  return (target) => {
    let list = cache.get(target);
    if (!list) {
      list = Object.freeze(compute(target));
      cache.set(target, list);
    }
    return list;
  };
}
