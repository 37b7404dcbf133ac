import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Bundle, Logger, VerificationStep, VerifyOptions } from '../model.js';
import { containedGlob } from '../project/goglob.js';
import type { BuildCopy } from './build-copy.js';
import { exceptionLine, failureReason, outputNote, runProgram } from './program.js';
import type { PythonEnv } from './python-env.js';
import { displayCommand } from './runner.js';
import { makeTempDir, removeTempDir } from './temp.js';
import { artifactWheelDirs, type BuildUnit } from './wheel-tasks.js';
import { newestWheelPerPackage, normalizeName } from './wheel-names.js';

// Step 1: build the wheel the way deploy would: the artifact's own `build` line (bash -c in its
// folder), else `python -m build --wheel`, both in the temporary copy of the repository (so the
// user's tree stays byte-identical), `python -m build` writing into a temporary output folder.

export interface BuildOutcome {
  step: VerificationStep;
  status: 'built' | 'failed' | 'skipped';
  /** Absolute path of the wheel to inspect. */
  wheel?: string;
  /** The tool's own last lines (for a failure). */
  tail: string[];
  /** Project fields setuptools says it ignores (or would ignore) because pyproject.toml has [project]: field -> value. */
  ignoredFields: Map<string, string>;
  failure?: string;
  /** Processes the build left running (dab-ready ended them). */
  leftovers: string[];
  cleanup(): void;
}

export async function buildUnit(bundle: Bundle, unit: BuildUnit, py: PythonEnv, options: VerifyOptions, log: Logger, copy: BuildCopy): Promise<BuildOutcome> {
  const copyRoot = copy.map(bundle.root);
  const cwd = path.resolve(copyRoot, unit.dir);
  const started = Date.now();
  const step = (status: VerificationStep['status'], command: string, detail: string, output?: string[]): VerificationStep => ({
    step: 'build',
    subject: unit.dir,
    status,
    durationMs: Date.now() - started,
    command,
    detail,
    ...(output ? { output } : {}),
  });
  const noop = () => {};
  const fromCopy = path.relative(copy.root, cwd);
  if (fromCopy === '..' || fromCopy.startsWith(`..${path.sep}`) || path.isAbsolute(fromCopy)) {
    // Never run a build outside the repository (its copy): that folder is not ours to write into.
    const detail = `build folder ${unit.dir} is outside the repository: not built`;
    return { step: step('failed', '', detail), status: 'failed', tail: [], ignoredFields: new Map(), failure: detail, leftovers: [], cleanup: noop };
  }
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    const detail = `build folder ${unit.dir} does not exist`;
    return { step: step('failed', '', detail), status: 'failed', tail: [], ignoredFields: new Map(), failure: detail, leftovers: [], cleanup: noop };
  }

  const outDir = unit.artifact ? undefined : makeTempDir('dab-ready-wheel-');
  const cleanup = () => {
    if (outDir) removeTempDir(outDir);
  };
  const argv = unit.artifact
    ? ['bash', '-c', options.isolation ? unit.artifact.build! : withoutIsolation(unit.artifact.build!)]
    : [py.python, '-m', 'build', '--wheel', ...(options.isolation ? [] : ['--no-isolation']), '--outdir', outDir!, '.'];
  const command = `${unit.dir === '.' ? '' : `cd ${displayCommand([unit.dir])} && `}${displayCommand(argv)}`;
  const ran = await log.group(`dab-ready: build wheel in ${unit.dir}`, async () => {
    log.info(`$ ${command}`);
    return runProgram(argv, { cwd, env: py.buildEnv, timeoutMs: options.timeoutMs, log, watch: isIgnoredFieldLine, purpose: `the wheel build in ${unit.dir}` });
  });
  const ignoredFields = parseIgnoredFields(ran.watched);
  const leftovers = ran.result.leftovers;

  const reason = failureReason(ran.result, options.timeoutMs);
  if (reason) {
    const environmentGap = missingBuildTooling(ran.tail, options) ?? missingBuildProgram(ran.result.exitCode, ran.tail, unit.artifact?.build);
    if (environmentGap) {
      const skipped = { ...step('skipped', command, `skipped: ${environmentGap.reason}`, ran.tail), missingTool: environmentGap.tool };
      return { step: skipped, status: 'skipped', tail: ran.tail, ignoredFields, leftovers, cleanup };
    }
    const note = outputNote(ran.result);
    const error = exceptionLine(ran.tail) ?? ran.tail.filter((l) => /\berror\b/i.test(l)).pop();
    const detail = `build failed (${reason}${note ? `; ${note}` : ''})${error ? `: ${error.trim()}` : ''}`;
    return { step: step('failed', command, detail, ran.tail), status: 'failed', tail: ran.tail, ignoredFields, failure: detail, leftovers, cleanup };
  }

  const candidates = unit.artifact ? artifactWheels(copyRoot, copy.root, unit) : wheelsIn(outDir!);
  const wheel = pickWheel(candidates, unit);
  if (!wheel) {
    const where = unit.artifact ? artifactWheelDirs(unit.artifact).map((d) => `${d}/*.whl`).join(', ') : 'the output folder';
    const detail = `the build succeeded but no wheel was found in ${where}`;
    return { step: step('failed', command, detail, ran.tail), status: 'failed', tail: ran.tail, ignoredFields, failure: detail, leftovers, cleanup };
  }
  const shown = unit.artifact ? path.relative(copyRoot, wheel).split(path.sep).join('/') : path.basename(wheel);
  return { step: step('passed', command, `built ${shown}`), status: 'built', wheel, tail: ran.tail, ignoredFields, leftovers, cleanup };
}

/** With isolation off (an offline runner), a `python -m build` in the artifact's own line gets
 *  `--no-isolation` too; the step's command shows the line exactly as it ran. */
export function withoutIsolation(line: string): string {
  return line.replace(/(^|[\s;&|(])((?:[\w./-]*\/)?python(?:3(?:\.\d+)?)?\s+-m\s+build)(?=\s|$|[;&|)])([^;&|)]*)/g, (all, lead, call, rest) =>
    /(^|\s)(--no-isolation|-n)(?=\s|$)/.test(rest) ? all : `${lead}${call} --no-isolation${rest}`,
  );
}

interface EnvironmentGap {
  reason: string;
  tool: NonNullable<VerificationStep['missingTool']>;
}

/** A build that cannot run here for lack of tooling is not the project's fault: skip, say why. */
function missingBuildTooling(tail: string[], options: VerifyOptions): EnvironmentGap | undefined {
  const text = tail.join('\n');
  if (/No module named build\b/.test(text)) {
    const install = 'python -m pip install build';
    return { reason: `${options.python} has no \`build\` module (${install})`, tool: { name: 'build', install } };
  }
  const missing = /ERROR Missing dependencies:\s*\n([\s\S]*)/.exec(text);
  if (missing && !options.isolation) {
    const deps = missing[1].split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 5);
    return {
      reason: `the build backend's requirements are not installed in ${options.python} (--no-isolation): ${deps.join(', ')}`,
      tool: { name: deps.join(', '), install: `python -m pip install ${deps.map((d) => displayCommand([d])).join(' ')}` },
    };
  }
  return undefined;
}

const INSTALL_HINTS: Record<string, string> = {
  uv: 'pip install uv or astral-sh/setup-uv',
  poetry: 'pipx install poetry or pip install poetry',
  hatch: 'pip install hatch',
  pdm: 'pip install pdm',
  flit: 'pip install flit',
  maturin: 'pip install maturin',
  pipx: 'pip install pipx',
};

/** The artifact's build line names a program this runner does not have (bash: exit 127, "uv: command not found"):
 *  the runner lacks a tool, the project is not at fault. Only a program that starts a command of the line counts. */
export function missingBuildProgram(exitCode: number | null, tail: string[], buildLine: string | undefined): EnvironmentGap | undefined {
  if (exitCode !== 127 || !buildLine) return undefined;
  const starters = new Set(commandWords(buildLine));
  for (const line of [...tail].reverse()) {
    const notFound = /(?:^|:\s)([\w.+-]+): (?:command )?not found\s*$/.exec(line.trim());
    if (!notFound || !starters.has(notFound[1])) continue;
    const name = notFound[1];
    const install = INSTALL_HINTS[name] ?? `install ${name} on the runner`;
    return { reason: `${name} not found on PATH; install it (${install})`, tool: { name, install } };
  }
  return undefined;
}

/** The first word of every command in a shell line (`cd pkg && uv build` gives cd, uv); env assignments skipped. */
function commandWords(line: string): string[] {
  return line
    .split(/&&|\|\||[;|\n()]/)
    .map((part) => part.trim().split(/\s+/).find((word) => !/^\w+=/.test(word)) ?? '')
    .filter(Boolean);
}

// setuptools >= 61: "`entry-points` defined outside of `pyproject.toml` would be ignored." (later: "is ignored"),
// followed by the value: "    `entry-points = {...}`". Read with string scans: every line of output passes here.
const DEFINED_OUTSIDE = ' defined outside of ';
const IGNORED_TAIL = /^`?pyproject\.toml`? (?:would be|is) ignored/;

/** The field a "defined outside of pyproject.toml ... ignored" line names. */
export function ignoredFieldOf(line: string): string | undefined {
  for (let at = line.indexOf(DEFINED_OUTSIDE); at !== -1; at = line.indexOf(DEFINED_OUTSIDE, at + 1)) {
    if (!IGNORED_TAIL.test(line.slice(at + DEFINED_OUTSIDE.length, at + DEFINED_OUTSIDE.length + 40))) continue;
    let end = at;
    if (end > 0 && '`\'"'.includes(line[end - 1])) end--;
    let start = end;
    while (start > 0 && /[\w-]/.test(line[start - 1])) start--;
    if (start < end) return line.slice(start, end);
  }
  return undefined;
}

/** `field = value` of a "    `field = value`" line. */
export function ignoredValueOf(line: string): [string, string] | undefined {
  const text = line.trim();
  if (text.length < 6 || text[0] !== '`' || text[text.length - 1] !== '`') return undefined;
  const inner = text.slice(1, -1);
  const eq = inner.indexOf(' = ');
  if (eq <= 0 || !/^[\w-]+$/.test(inner.slice(0, eq))) return undefined;
  return [inner.slice(0, eq), inner.slice(eq + 3)];
}

function isIgnoredFieldLine(line: string): boolean {
  return ignoredFieldOf(line) !== undefined || ignoredValueOf(line) !== undefined;
}

function parseIgnoredFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const value = ignoredValueOf(line);
    if (value) fields.set(value[0], value[1]);
    const field = ignoredFieldOf(line);
    if (field && !fields.has(field)) fields.set(field, '');
  }
  return fields;
}

function wheelsIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.whl')).map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Wheels an artifact build left where deploy looks for them: its `files` globs, else `<path>/dist/*.whl`
 *  (relative to the bundle root in the copy; never matched outside the repository's copy). */
function artifactWheels(copyBundleRoot: string, copyRoot: string, unit: BuildUnit): string[] {
  const artifact = unit.artifact!;
  const patterns = artifact.files.length > 0 ? artifact.files.map((f) => f.source) : [path.posix.join(artifact.path, 'dist', '*.whl')];
  const found: string[] = [];
  for (const pattern of patterns) {
    const matched = containedGlob(copyBundleRoot, pattern, copyRoot);
    if (matched.kind === 'matches') found.push(...matched.files.filter((f) => f.endsWith('.whl')));
  }
  return newestWheelPerPackage([...new Set(found)]);
}

/** The wheel the unit's tasks use: the one named like the project or a task's package, else the only one. */
function pickWheel(candidates: string[], unit: BuildUnit): string | undefined {
  if (candidates.length <= 1) return candidates[0];
  const wanted = new Set([unit.project?.name, ...unit.tasks.map((t) => t.packageName)].filter((n): n is string => !!n).map(normalizeName));
  return (
    candidates.find((c) => wanted.has(normalizeName(path.basename(c).split('-')[0]))) ??
    [...candidates].sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  );
}
