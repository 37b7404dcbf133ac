import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger, VerificationStep, VerifyOptions } from '../model.js';
import { exceptionLine, failureReason, outputNote, runProgram, type ProgramRun } from './program.js';
import type { PythonEnv } from './python-env.js';
import { displayCommand } from './runner.js';
import { makeTempDir, removeTempDir } from './temp.js';

// Step 3: a fresh venv per wheel, the wheel installed into it, each entry point a wheel task uses
// run with `--help` the way the job would start it. The venv is removed afterwards, whatever happened.

/** How a task's entry point is started. */
export type SmokeCall =
  | { mode: 'script'; name: string } // a console_scripts entry: the generated script
  | { mode: 'group'; name: string; group: string; distribution: string } // another group: importlib.metadata
  | { mode: 'attr'; name: string; module: string }; // no entry point: `package_name.entry_point()`

export function smokeCallKey(call: SmokeCall): string {
  return JSON.stringify(call);
}

export function describeCall(call: SmokeCall): string {
  if (call.mode === 'script') return `${call.name} --help`;
  if (call.mode === 'group') return `entry point ${call.name} (group ${call.group}) with sys.argv = [${JSON.stringify(call.name)}, "--help"]`;
  return `${call.module}.${call.name}() with sys.argv = [${JSON.stringify(call.name)}, "--help"]`;
}

// Starts an entry point as Databricks' wheel wrapper does: sys.argv set, the function called with no
// arguments. Exit code 3 and a `dab-ready:` line when the entry point does not exist at all.
const LOADER = `
import importlib, importlib.metadata as md, sys
mode, target, name, group = sys.argv[1:5]
sys.argv = [name, "--help"]
if mode == "attr":
    module = importlib.import_module(target)
    if not hasattr(module, name):
        print(f"dab-ready: module {target!r} has no attribute {name!r}", file=sys.stderr)
        sys.exit(3)
    func = getattr(module, name)
else:
    found = [ep for ep in md.distribution(target).entry_points if ep.name == name and (not group or ep.group == group)]
    if not found:
        print(f"dab-ready: distribution {target!r} has no entry point {name!r}", file=sys.stderr)
        sys.exit(3)
    func = found[0].load()
func()
`.trim();

export const ENTRY_NOT_FOUND_EXIT = 3;

export interface Venv {
  root: string;
  python: string;
  bin: string;
  /** An empty folder the entry points run in, so nothing next to them is importable by accident. */
  workDir: string;
  remove(): void;
}

export interface InstallOutcome {
  step: VerificationStep;
  venv?: Venv;
  ok: boolean;
  tail: string[];
  failure?: string;
  /** Processes pip (or a setup.py it ran) left running; dab-ready ended them. */
  leftovers: string[];
}

export async function installWheel(wheel: string, py: PythonEnv, options: VerifyOptions, log: Logger): Promise<InstallOutcome> {
  const started = Date.now();
  const root = makeTempDir('dab-ready-venv-');
  const venvDir = path.join(root, 'venv');
  const workDir = path.join(root, 'work');
  mkdirSync(workDir);
  const venv: Venv = {
    root,
    python: path.join(venvDir, 'bin', 'python'),
    bin: path.join(venvDir, 'bin'),
    workDir,
    remove: () => removeTempDir(root),
  };
  const commands: string[] = [];
  const leftovers: string[] = [];
  const pipArgs = ['install', ...(options.installDeps ? [] : ['--no-deps']), wheel];
  const exec = async (argv: string[]): Promise<ProgramRun> => {
    commands.push(displayCommand(argv));
    log.info(`$ ${displayCommand(argv)}`);
    const ran = await runProgram(argv, { cwd: workDir, env: py.cleanEnv, timeoutMs: options.timeoutMs, log, purpose: `installing ${path.basename(wheel)} into a clean venv` });
    leftovers.push(...ran.result.leftovers);
    return ran;
  };
  const outcome = await log.group(`dab-ready: install ${path.basename(wheel)} into a clean venv`, async () => {
    // Fast path: a venv without pip, filled by the configured Python's pip (pip >= 22.3 has --python).
    let ran = await exec([py.python, '-m', 'venv', '--without-pip', venvDir]);
    if (!failureReason(ran.result, options.timeoutMs)) {
      ran = await exec([py.python, '-m', 'pip', '--python', venv.python, ...pipArgs]);
      if (failureReason(ran.result, options.timeoutMs) && /no such option: --python|No module named pip/.test(ran.tail.join('\n'))) {
        rmSync(venvDir, { recursive: true, force: true });
        ran = await exec([py.python, '-m', 'venv', venvDir]);
        if (!failureReason(ran.result, options.timeoutMs)) ran = await exec([venv.python, '-m', 'pip', ...pipArgs]);
      }
    }
    return ran;
  });
  const reason = failureReason(outcome.result, options.timeoutMs);
  const step: VerificationStep = {
    step: 'smoke',
    subject: path.basename(wheel),
    status: reason ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    command: commands.join(' && '),
    detail: reason ? `the wheel could not be installed into a clean venv (${reason})` : `installed ${path.basename(wheel)}${options.installDeps ? ' with its dependencies' : ' (--no-deps)'} into a clean venv`,
    ...(reason ? { output: outcome.tail } : {}),
  };
  if (reason) {
    venv.remove();
    return { step, ok: false, tail: outcome.tail, failure: reason, leftovers };
  }
  return { step, venv, ok: true, tail: outcome.tail, leftovers };
}

export interface SmokeOutcome {
  step: VerificationStep;
  /** passed; failed (a finding); missing (the entry point does not exist); inconclusive (a dependency --no-deps left out). */
  status: 'passed' | 'failed' | 'missing' | 'inconclusive';
  tail: string[];
  reason?: string;
  /** The exception line of a traceback (`ModuleNotFoundError: No module named 'src'`). */
  error?: string;
  /** Processes the entry point left running; dab-ready ended them. */
  leftovers: string[];
}

export interface SmokeContext {
  /** Top-level names the wheel provides. */
  wheelTopLevel: string[];
  /** Absolute project folder: a missing module that lives there was left out of the wheel. */
  projectDir?: string;
}

export async function smokeEntryPoint(venv: Venv, call: SmokeCall, py: PythonEnv, options: VerifyOptions, log: Logger, context: SmokeContext): Promise<SmokeOutcome> {
  const argv =
    call.mode === 'script'
      ? [path.join(venv.bin, call.name), '--help']
      : [venv.python, '-I', '-c', LOADER, call.mode, call.mode === 'group' ? call.distribution : call.module, call.name, call.mode === 'group' ? call.group : ''];
  const started = Date.now();
  const ran = await log.group(`dab-ready: smoke ${describeCall(call)}`, () =>
    runProgram(argv, {
      cwd: venv.workDir,
      env: { ...py.cleanEnv, VIRTUAL_ENV: path.dirname(venv.bin), PATH: `${venv.bin}${path.delimiter}${py.cleanEnv.PATH ?? ''}` },
      timeoutMs: options.timeoutMs,
      log,
      purpose: `the smoke run ${describeCall(call)}`,
    }),
  );
  const shownArgv = argv.map((a) => (a === LOADER ? '<dab-ready entry-point loader>' : a));
  const command = displayCommand(shownArgv);
  const text = ran.tail.join('\n');
  const error = exceptionLine(ran.tail);
  let reason = failureReason(ran.result, options.timeoutMs);
  if (!reason && /Traceback \(most recent call last\):/.test(text)) reason = 'a traceback was printed';
  let status: SmokeOutcome['status'] = reason ? 'failed' : 'passed';
  const note = outputNote(ran.result);
  let detail = reason ? `${describeCall(call)} failed (${reason}${note ? `; ${note}` : ''})${error ? `: ${error}` : ''}` : `${describeCall(call)} exited 0`;
  if (status === 'failed' && ran.result.exitCode === ENTRY_NOT_FOUND_EXIT && /^dab-ready: /m.test(text)) {
    status = 'missing';
    detail = ran.tail.filter((l) => l.startsWith('dab-ready: ')).pop() ?? detail;
  } else if (status === 'failed' && !ran.result.timedOut) {
    const dependency = missingDependency(error, options, context);
    if (dependency) {
      status = 'inconclusive';
      detail = `skipped: ${describeCall(call)} needs ${dependency}, which --no-deps did not install`;
    }
  }
  if (call.mode === 'script' && !existsSync(argv[0]) && status === 'failed') detail = `the wheel installed no script ${call.name}`;
  return {
    step: {
      step: 'smoke',
      subject: call.name,
      status: status === 'passed' ? 'passed' : status === 'inconclusive' ? 'skipped' : 'failed',
      durationMs: Date.now() - started,
      command,
      detail,
      ...(status === 'passed' ? {} : { output: ran.tail }),
    },
    status,
    tail: ran.tail,
    reason: reason ?? undefined,
    error,
    leftovers: ran.result.leftovers,
  };
}

/** The module an import failed on, when it is a third-party dependency that --no-deps did not install. */
function missingDependency(error: string | undefined, options: VerifyOptions, context: SmokeContext): string | undefined {
  if (options.installDeps || !error) return undefined;
  const m = /^(?:ModuleNotFoundError|ImportError): No module named '([^']+)'/.exec(error);
  if (!m) return undefined;
  const top = m[1].split('.')[0];
  if (context.wheelTopLevel.includes(top)) return undefined;
  if (context.projectDir && (existsSync(path.join(context.projectDir, top)) || existsSync(path.join(context.projectDir, `${top}.py`)))) return undefined;
  return `module ${m[1]}`;
}

