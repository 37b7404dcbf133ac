// The command line shared by the analysing commands (check, plan, deploy): `[path]`, the bundle
// options `--target`, `--config`, `--var`, `--help`, and the engine request they describe.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type EngineOptions } from '../engine.js';
import type { Logger } from '../model.js';
import type { CliIo } from './io.js';
import { closeMatches, editDistance } from '../checks/lib/suggest.js';
import { TOOL_VERSION } from '../version.js';

const BUNDLE_OPTIONS = {
  target: { type: 'string', short: 't' },
  config: { type: 'string', short: 'c' },
  var: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

/** The options every subcommand understands without a path: --help and --version. */
export const HELP_OPTIONS = { help: BUNDLE_OPTIONS.help, version: BUNDLE_OPTIONS.version } as const;

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof BUNDLE_OPTIONS & O }>>;

/** Parses `[path] [options]` with the bundle options plus `options`; undefined after printing `usage`
 *  for --help or the version for --version. */
export function parseCommandLine<const O extends Options>(
  command: string,
  usage: string,
  args: string[],
  io: CliIo,
  options: O,
): { values: Parsed<O>['values']; path: string } | undefined {
  const { values, positionals } = parseKnown(command, args, { ...BUNDLE_OPTIONS, ...options }) as Parsed<O>;
  if (helpOrVersion(values as { help?: boolean; version?: boolean }, usage, io)) return undefined;
  if (positionals.length > 1) throw new UsageError(`${command} takes one path, got ${positionals.length}`);
  return { values, path: positionals[0] ?? '.' };
}

/** node:util parseArgs, with an unknown option turned into a usage error that suggests the nearest. */
export function parseKnown(command: string, args: string[], options: Options, allowPositionals = true) {
  try {
    return parseArgs({ args, allowPositionals, options, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const unknown = /'(-{1,2}[^'=]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const names = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
      throw new UsageError(`unknown option ${unknown}${didYouMean(unknown, names)} (see dab-ready ${command} --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`${command} takes no argument ${JSON.stringify(args.find((a) => !a.startsWith('-')))} (see dab-ready ${command} --help)`);
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${(error as Error).message.split('.')[0]} (see dab-ready ${command} --help)`);
    throw error;
  }
}

/** Prints the usage for --help or the version for --version; true when it did. */
export function helpOrVersion(values: { help?: boolean; version?: boolean }, usage: string, io: CliIo): boolean {
  if (values.help) io.stdout(usage);
  else if (values.version) io.stdout(`${TOOL_VERSION}\n`);
  return Boolean(values.help || values.version);
}

/** "; did you mean --format?" for the nearest candidate, or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closeMatches(word, candidates, Math.max(2, Math.floor(word.length / 3))).sort((a, b) => editDistance(word, a) - editDistance(word, b));
  return best.length ? `; did you mean ${best.slice(0, 3).join(' or ')}?` : '';
}

export function parseFormat<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (!(formats as readonly (string | undefined)[]).includes(value)) throw new UsageError(`--format must be one of ${formats.join(', ')}${didYouMean(value ?? '', formats)}`);
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
