/** An error as one line for the log: its first line, with the HTTP status when there is one. */
export function oneLine(error: unknown): string {
  const e = error as { status?: number; message?: string };
  const message = (e?.message ?? String(error)).split('\n')[0].trim();
  return e?.status ? `HTTP ${e.status}: ${message}` : message;
}
