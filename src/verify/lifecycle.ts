// Whether dab-ready has something to clean up (a program in flight, a temporary folder): the
// interrupt handler is installed only then, so a Ctrl-C during the static analysis (synchronous
// code, where no handler could run) still ends dab-ready at once, as the default action does.

const listeners = new Set<() => void>();

export function onCleanupStateChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function cleanupStateChanged(): void {
  for (const listener of listeners) listener();
}
