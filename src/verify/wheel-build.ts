import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle, Logger, VerificationStep, VerifyOptions } from '../model.js';
import { goGlob } from '../project/goglob.js';
import { exceptionLine, failureReason, runProgram } from './program.js';
import type { PythonEnv } from './python-env.js';
import { displayCommand } from './runner.js';
import { artifactWheelDirs, type BuildUnit } from './wheel-tasks.js';
import { newestWheelPerPackage, normalizeName } from './wheel-names.js';

// Step 1: build the wheel the way deploy would: the artifact's own `build` line (bash -c in its
// folder), else `python -m build --wheel` into a temporary folder so the user's tree stays clean.

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
  cleanup(): void;
}

// setuptools >= 61: "`entry-points` defined outside of `pyproject.toml` would be ignored." (later: "is ignored")
const IGNORED_FIELD = /[`'"]?([\w-]+)[`'"]? defined outside of `?pyproject\.toml`? (?:would be|is) ignored/;
const IGNORED_VALUE = /^\s*`([\w-]+) = (.*)`\s*$/;

export async function buildUnit(bundle: Bundle, unit: BuildUnit, py: PythonEnv, options: VerifyOptions, log: Logger): Promise<BuildOutcome> {
  const cwd = path.resolve(bundle.root, unit.dir);
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
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    const detail = `build folder ${unit.dir} does not exist`;
    return { step: step('failed', '', detail), status: 'failed', tail: [], ignoredFields: new Map(), failure: detail, cleanup: noop };
  }

  const outDir = unit.artifact ? undefined : mkdtempSync(path.join(os.tmpdir(), 'dab-ready-wheel-'));
  const cleanup = () => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  };
  const argv = unit.artifact
    ? ['bash', '-c', options.isolation ? unit.artifact.build! : withoutIsolation(unit.artifact.build!)]
    : [py.python, '-m', 'build', '--wheel', ...(options.isolation ? [] : ['--no-isolation']), '--outdir', outDir!, '.'];
  const command = `${unit.dir === '.' ? '' : `cd ${displayCommand([unit.dir])} && `}${displayCommand(argv)}`;
  const before = unit.artifact ? undefined : buildLitter(cwd);
  const watched: string[] = [];
  const ran = await log.group(`dab-ready: build wheel in ${unit.dir}`, async () => {
    log.info(`$ ${command}`);
    const r = await runProgram(argv, {
      cwd,
      env: py.buildEnv,
      timeoutMs: options.timeoutMs,
      log,
      watch: new RegExp(`${IGNORED_FIELD.source}|${IGNORED_VALUE.source}`),
    });
    watched.push(...r.watched);
    return r;
  });
  if (before) removeNewLitter(cwd, before);
  const ignoredFields = parseIgnoredFields(watched);

  const reason = failureReason(ran.result, options.timeoutMs);
  if (reason) {
    const environmentGap = missingBuildTooling(ran.tail, options) ?? missingBuildProgram(ran.result.exitCode, ran.tail, unit.artifact?.build);
    if (environmentGap) {
      const skipped = { ...step('skipped', command, `skipped: ${environmentGap.reason}`, ran.tail), missingTool: environmentGap.tool };
      return { step: skipped, status: 'skipped', tail: ran.tail, ignoredFields, cleanup };
    }
    const error = exceptionLine(ran.tail) ?? ran.tail.filter((l) => /\berror\b/i.test(l)).pop();
    const detail = `build failed (${reason})${error ? `: ${error.trim()}` : ''}`;
    return { step: step('failed', command, detail, ran.tail), status: 'failed', tail: ran.tail, ignoredFields, failure: detail, cleanup };
  }

  const candidates = unit.artifact ? artifactWheels(bundle, unit) : wheelsIn(outDir!);
  const wheel = pickWheel(candidates, unit);
  if (!wheel) {
    const where = unit.artifact ? artifactWheelDirs(unit.artifact).map((d) => `${d}/*.whl`).join(', ') : 'the output folder';
    const detail = `the build succeeded but no wheel was found in ${where}`;
    return { step: step('failed', command, detail, ran.tail), status: 'failed', tail: ran.tail, ignoredFields, failure: detail, cleanup };
  }
  const shown = unit.artifact ? path.relative(bundle.root, wheel).split(path.sep).join('/') : path.basename(wheel);
  return { step: step('passed', command, `built ${shown}`), status: 'built', wheel, tail: ran.tail, ignoredFields, cleanup };
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

function parseIgnoredFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const value = IGNORED_VALUE.exec(line);
    if (value) fields.set(value[1], value[2]);
    const field = IGNORED_FIELD.exec(line);
    if (field && !fields.has(field[1])) fields.set(field[1], '');
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

/** Wheels an artifact build left where deploy looks for them: its `files` globs, else `<path>/dist/*.whl`. */
function artifactWheels(bundle: Bundle, unit: BuildUnit): string[] {
  const artifact = unit.artifact!;
  const patterns = artifact.files.length > 0 ? artifact.files.map((f) => f.source) : [path.posix.join(artifact.path, 'dist', '*.whl')];
  const found: string[] = [];
  for (const pattern of patterns) {
    const absolute = path.posix.join(bundle.root.split(path.sep).join('/'), pattern);
    try {
      found.push(...goGlob(path.posix.normalize(absolute)).filter((f) => f.endsWith('.whl')));
    } catch {
      // a malformed glob is reported by the static checks
    }
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

/** What setuptools writes into the source tree during an in-place build: build/ and *.egg-info (also one level down, src/ layouts). */
function buildLitter(dir: string): Set<string> {
  const found = new Set<string>();
  const look = (d: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(d, name);
      if ((depth === 0 && name === 'build') || name.endsWith('.egg-info')) found.add(full);
      else if (depth === 0 && !name.startsWith('.') && safeIsDir(full)) look(full, 1);
    }
  };
  look(dir, 0);
  return found;
}

function removeNewLitter(dir: string, before: Set<string>): void {
  for (const p of buildLitter(dir)) if (!before.has(p)) rmSync(p, { recursive: true, force: true });
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
