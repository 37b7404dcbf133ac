import { UsageError } from '../engine.js';

/** `--var name=value` flags; unlike the databricks CLI, a comma inside a value is kept. */
export function parseVarFlags(flags: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var expects name=value, got ${flag}`);
    const name = flag.slice(0, eq);
    if (name in vars) throw new UsageError(`--var ${name} is given twice`);
    vars[name] = flag.slice(eq + 1);
  }
  return vars;
}
