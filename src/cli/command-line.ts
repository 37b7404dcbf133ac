// The command line shared by the analysing commands (check, plan, deploy): `[path]`, the bundle
// options `--target`, `--config`, `--var`, `--help`, and the engine request they describe.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type EngineOptions } from '../engine.js';
import type { Logger } from '../model.js';
import type { CliIo } from './io.js';

const BUNDLE_OPTIONS = {
  target: { type: 'string', short: 't' },
  config: { type: 'string', short: 'c' },
  var: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof BUNDLE_OPTIONS & O }>>;

/** Parses `[path] [options]` with the bundle options plus `options`; undefined after printing `usage` for --help. */
export function parseCommandLine<const O extends Options>(
  command: string,
  usage: string,
  args: string[],
  io: CliIo,
  options: O,
): { values: Parsed<O>['values']; path: string } | undefined {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...BUNDLE_OPTIONS, ...options } }) as Parsed<O>;
  if ((values as { help?: boolean }).help) {
    io.stdout(usage);
    return undefined;
  }
  if (positionals.length > 1) throw new UsageError(`${command} takes one path, got ${positionals.length}`);
  return { values, path: positionals[0] ?? '.' };
}

export function parseFormat<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (!(formats as readonly (string | undefined)[]).includes(value)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  return value as F;
}

export function parseTimeoutMs(seconds: string | undefined): number {
  const n = Number(seconds);
  if (!(n > 0)) throw new UsageError('--timeout takes a positive number of seconds');
  return n * 1000;
}

/** The engine request for the path and bundle options of a parsed command line. */
export function engineRequest(
  path: string,
  values: { target?: string; config?: string },
  vars: Record<string, string>,
  io: CliIo,
  log: Logger,
): EngineOptions {
  return { path, target: values.target, configFile: values.config && configFromCwd(values.config), vars, env: io.env, log };
}

/** `--config` names a file as a shell user means it: relative to the current folder, and it must exist. */
function configFromCwd(file: string): string {
  const abs = resolve(file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`--config ${file}: no such file`);
  return abs;
}
