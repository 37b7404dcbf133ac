import os from 'node:os';
import path from 'node:path';
import { errorExcerpt } from '../report/error-lines.js';
import { findCheck } from '../checks/index.js';
import type { Bundle, Finding, Logger, TargetView, VerificationStep, VerifyOptions } from '../model.js';
import { exceptionLine, formatSeconds } from './program.js';
import { preparePython, type PythonEnv } from './python-env.js';
import { copyRepository, type BuildCopy } from './build-copy.js';
import { wheelCheckDocs } from './wheel-docs.js';
import { buildUnit, type BuildOutcome } from './wheel-build.js';
import { inspectTask, type Problem, type TaskInspection, type WheelCheck } from './wheel-inspect.js';
import { readWheel, topLevelNames, type WheelContents } from './wheel-read.js';
import { describeCall, installWheel, smokeCallKey, smokeEntryPoint, type SmokeCall, type SmokeOutcome } from './wheel-smoke.js';
import { planWheelBuilds, type BuildUnit, type WheelTaskRef } from './wheel-tasks.js';

// The wheel part of `--verify`: build (1), inspect (2) and smoke-test (3) every wheel a wheel task of
// the analysed targets needs; confirm or overrule the static findings for the same task.

/** Static checks a wheel verification settles. */
const SETTLED_CHECKS: ReadonlySet<string> = new Set<WheelCheck>(['package-name-mismatch', 'entry-point-missing', 'entry-point-unresolvable']);

/** A static finding is also confirmed by these verdicts: an entry point the static check says cannot
 *  be called (wrong module, missing function, required arguments) is confirmed by its failing smoke run. */
const CONFIRMED_BY: Partial<Record<WheelCheck, WheelCheck[]>> = {
  'entry-point-unresolvable': ['entry-point-unresolvable', 'entry-point-smoke-failed'],
};

interface TaskResult {
  ref: WheelTaskRef;
  /** Checks verification settled for this task: a problem confirms, no problem overrules. */
  answered: Set<WheelCheck>;
  problems: Problem[];
}

export async function verifyWheels(
  bundle: Bundle,
  targets: TargetView[],
  findings: Finding[],
  options: VerifyOptions,
  log: Logger,
): Promise<{ findings: Finding[]; steps: VerificationStep[] }> {
  const plan = planWheelBuilds(bundle, targets);
  const steps: VerificationStep[] = [];
  const allTargets = targets.map((t) => t.name);
  const seen = new Set<string>();
  for (const { ref, reason } of plan.unplaced) {
    const key = `${ref.loc.file}:${ref.loc.line}:${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ step: 'build', subject: `${ref.address} task ${ref.task.key}`, status: 'skipped', durationMs: 0, command: '', detail: `skipped: ${reason}` });
  }
  if (plan.units.length === 0) return { findings, steps };

  const py = preparePython(options.python);
  if (!py) {
    const missingTool = { name: options.python, install: 'set up Python (actions/setup-python) or name one with --python / the python input' };
    steps.push({ step: 'build', status: 'skipped', durationMs: 0, command: '', detail: `skipped: ${options.python} not found`, missingTool });
    log.warn(`dab-ready: ${options.python} not found: wheels are not built, inspected or smoke-tested (set the Python with --python)`);
    return { findings, steps };
  }
  const results: TaskResult[] = [];
  const unitFindings: Finding[] = [];
  let copy: BuildCopy | undefined;
  try {
    copy = copyRepository(bundle.repoRoot ?? bundle.root);
    for (const unit of plan.units) {
      const label = unit.targets.length === allTargets.length ? undefined : unit.targets.join(', ');
      const unitSteps: VerificationStep[] = [];
      try {
        await verifyUnit(bundle, unit, py, options, log, copy, unitSteps, results, unitFindings);
      } catch (error) {
        // A bug or an unwritable temp folder must not end the whole run: say so, keep the static findings.
        const detail = `skipped: verification of ${unit.dir} stopped: ${(error as Error).message}`;
        log.warn(`dab-ready: ${detail}`);
        unitSteps.push({ step: 'build', subject: unit.dir, status: 'skipped', durationMs: 0, command: '', detail });
      }
      for (const step of unitSteps) steps.push(label ? { ...step, target: label } : step);
    }
  } catch (error) {
    // The copy could not be made (disk full, unreadable repository): no build runs, the static findings stay.
    const detail = `skipped: the repository could not be copied for the build: ${(error as Error).message}`;
    log.warn(`dab-ready: ${detail}`);
    steps.push({ step: 'build', status: 'skipped', durationMs: 0, command: '', detail });
  } finally {
    copy?.remove();
    py.cleanup();
  }
  const stable = stablePaths(bundle.root, copy?.map(bundle.root));
  for (const problem of results.flatMap((r) => r.problems)) {
    problem.message = stable(problem.message);
    problem.evidence = stable(problem.evidence);
  }
  for (const finding of unitFindings) {
    finding.message = stable(finding.message);
    if (finding.evidence) finding.evidence = stable(finding.evidence);
  }
  for (const step of steps) {
    step.command = stable(step.command);
    step.detail = stable(step.detail);
    if (step.output) step.output = step.output.map(stable);
  }
  return { findings: mergeFindings(findings, results, unitFindings), steps };
}

/** Findings must not depend on temp folder names or where the repository is checked out (same repo, same JSON). */
function stablePaths(root: string, copyRoot?: string): (text: string) => string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tmp = escape(os.tmpdir());
  const replacements: [RegExp, string][] = [
    [new RegExp(`${tmp}/dab-ready-venv-[\\w-]+/venv`, 'g'), '<venv>'],
    [new RegExp(`${tmp}/dab-ready-venv-[\\w-]+`, 'g'), '<venv>'],
    [new RegExp(`${tmp}/dab-ready-wheel-[\\w-]+`, 'g'), '<build-output>'],
    [new RegExp(`${tmp}/dab-ready-python-[\\w-]+`, 'g'), '<python-shims>'],
    [new RegExp(`${tmp}/dab-ready-run-[\\w-]+/home`, 'g'), '<home>'],
    [new RegExp(`${tmp}/dab-ready-run-[\\w-]+/tmp`, 'g'), '<tmp>'],
    ...(copyRoot ? ([[new RegExp(`${escape(copyRoot)}(?=/|\\b|$)`, 'g'), '.']] as [RegExp, string][]) : []),
    [new RegExp(`${tmp}/dab-ready-build-[\\w-]+/[^/\\s]+`, 'g'), '<repository copy>'],
    [new RegExp(`${escape(root)}(?=/|\\b|$)`, 'g'), '.'],
  ];
  return (text) => replacements.reduce((t, [re, by]) => t.replace(re, by), text);
}

async function verifyUnit(
  bundle: Bundle,
  unit: BuildUnit,
  py: PythonEnv,
  options: VerifyOptions,
  log: Logger,
  copy: BuildCopy,
  steps: VerificationStep[],
  results: TaskResult[],
  unitFindings: Finding[],
): Promise<void> {
  const build = await buildUnit(bundle, unit, py, options, log, copy);
  steps.push(build.step);
  const buildCommand = unit.artifact ? `\`${unit.artifact.build}\`` : '`python -m build --wheel`';
  if (build.leftovers.length > 0) unitFindings.push(leftoverFinding(unit, `the wheel build in ${unit.dir} (${buildCommand})`, build.leftovers));
  try {
    if (build.status === 'skipped') return;
    if (build.status === 'failed' || !build.wheel) {
      unitFindings.push(unitFinding(unit, 'wheel-build-failed', buildFailureMessage(unit, build), build.tail, buildFix(unit, build)));
      return;
    }
    const started = Date.now();
    let wheel: WheelContents;
    try {
      wheel = await readWheel(build.wheel);
    } catch (error) {
      const detail = `${path.basename(build.wheel)} is not a readable wheel: ${(error as Error).message}`;
      steps.push({ step: 'inspect', subject: path.basename(build.wheel), status: 'failed', durationMs: Date.now() - started, command: `read ${build.wheel}`, detail });
      unitFindings.push(unitFinding(unit, 'wheel-build-failed', `the build in ${unit.dir} produced ${detail}`, [], 'Rebuild the wheel; check the build backend configuration.'));
      return;
    }
    const inspections = new Map<WheelTaskRef, TaskInspection>();
    for (const ref of unit.tasks) inspections.set(ref, await inspectTask(wheel, ref, build.ignoredFields));
    steps.push(inspectStep(wheel, inspections, Date.now() - started));

    const calls = new Map<string, SmokeCall>();
    for (const inspection of inspections.values()) if (inspection.call) calls.set(smokeCallKey(inspection.call), inspection.call);
    const outcomes = new Map<string, SmokeOutcome>();
    if (calls.size > 0) {
      const install = await installWheel(build.wheel, py, options, log);
      steps.push(install.step);
      if (install.leftovers.length > 0) unitFindings.push(leftoverFinding(unit, `installing ${path.basename(build.wheel)}`, install.leftovers));
      if (!install.ok || !install.venv) {
        unitFindings.push(
          unitFinding(
            unit,
            'entry-point-smoke-failed',
            `${path.basename(build.wheel)} could not be installed into a clean venv (${install.failure}): no entry point of it can run`,
            install.tail,
            'Make the wheel installable with pip (requires-python, dependency pins), then rebuild.',
          ),
        );
      } else {
        try {
          const context = { wheelTopLevel: topLevelNames(wheel.files), projectDir: path.resolve(bundle.root, unit.dir) };
          for (const [key, call] of calls) {
            const outcome = await smokeEntryPoint(install.venv, call, py, options, log, context);
            steps.push(outcome.step);
            if (outcome.leftovers.length > 0) unitFindings.push(leftoverFinding(unit, `the smoke run \`${describeCall(call)}\``, outcome.leftovers));
            outcomes.set(key, outcome);
          }
        } finally {
          install.venv.remove();
        }
      }
    }
    for (const [ref, inspection] of inspections) results.push(combine(ref, inspection, inspection.call ? outcomes.get(smokeCallKey(inspection.call)) : undefined, options));
  } finally {
    build.cleanup();
  }
}

/** A task's verdicts from inspection plus its smoke run. */
function combine(ref: WheelTaskRef, inspection: TaskInspection, outcome: SmokeOutcome | undefined, options: VerifyOptions): TaskResult {
  const answered = new Set(inspection.answered);
  const problems = [...inspection.problems];
  const call = inspection.call;
  if (!call || !outcome) return { ref, answered, problems };
  const tail = outcome.tail.slice(-15).join('\n');
  if (outcome.status === 'passed') {
    answered.add('entry-point-smoke-failed');
    answered.add('entry-point-missing');
    if (!problems.some((p) => p.check === 'entry-point-unresolvable')) answered.add('entry-point-unresolvable');
  } else if (outcome.status === 'missing') {
    answered.add('entry-point-missing');
    problems.push({
      check: 'entry-point-missing',
      message: `entry point "${call.name}" of task ${ref.task.key} does not exist in the installed wheel: no entry point of that name and ${call.mode === 'attr' ? `${call.module}.${call.name} is not defined` : 'the distribution does not list it'}`,
      evidence: tail,
      fix: `Declare it in pyproject.toml: \`[project.scripts]\` ${call.name} = "<module>:<function>" (a function that takes no arguments and reads sys.argv), then rebuild.`,
    });
  } else if (outcome.status === 'failed') {
    answered.add('entry-point-smoke-failed');
    const unresolvable = problems.find((p) => p.check === 'entry-point-unresolvable');
    if (unresolvable) {
      unresolvable.evidence = `${unresolvable.evidence}\n\n${outcome.step.command}\n${tail}`;
    } else {
      problems.push({
        check: 'entry-point-smoke-failed',
        message: `${smokeSubject(call)} of task ${ref.task.key} fails in a clean venv (${outcome.reason})${outcome.error ? `: ${outcome.error}` : ''}`,
        evidence: `$ ${outcome.step.command}\n${tail}`,
        fix: smokeFix(outcome, call, options),
      });
    }
  }
  return { ref, answered, problems };
}

function smokeSubject(call: SmokeCall): string {
  if (call.mode === 'script') return `\`${call.name} --help\``;
  if (call.mode === 'group') return `entry point ${call.name} (group ${call.group}) called with --help`;
  return `${call.module}.${call.name}() called with --help`;
}

function smokeFix(outcome: SmokeOutcome, call: SmokeCall, options: VerifyOptions): string {
  const error = outcome.error ?? '';
  if (/missing \d+ required (positional|keyword-only) argument/.test(error)) {
    return `The job calls ${call.name} with no arguments (task parameters arrive in sys.argv): give every parameter a default and parse sys.argv with argparse.`;
  }
  const missing = /No module named '([^']+)'/.exec(error);
  if (missing) return `Module ${missing[1]} is not importable from the installed wheel: package it (the build backend's packages/find settings), or fix the import (a wheel has no \`src.\` prefix unless it packages \`src\`).`;
  if (/timed out/.test(outcome.reason ?? '')) {
    return `\`--help\` did not return within ${formatSeconds(options.timeoutMs)}: parse the arguments (argparse) before doing any work, so --help exits at once.`;
  }
  return `Run \`${call.name} --help\` in a clean venv with the wheel installed and fix the error it prints.`;
}

function inspectStep(wheel: WheelContents, inspections: Map<WheelTaskRef, TaskInspection>, durationMs: number): VerificationStep {
  const groups = new Map<string, string[]>();
  for (const ep of wheel.entryPoints) groups.set(ep.group, [...(groups.get(ep.group) ?? []), ep.name]);
  const eps = [...groups].map(([g, names]) => `${g}: ${names.join(', ')}`).join('; ') || 'none';
  const problems = [...new Set([...inspections.values()].flatMap((i) => i.problems.map((p) => `${p.check}: ${p.message}`)))];
  const summary = `${wheel.name ?? '?'} ${wheel.version ?? '?'}, ${wheel.files.length} files, entry points: ${eps}`;
  return {
    step: 'inspect',
    subject: path.basename(wheel.file),
    status: problems.length > 0 ? 'failed' : 'passed',
    durationMs,
    command: `read ${path.basename(wheel.file)} (zip: METADATA, entry_points.txt, file list)`,
    detail: problems.length > 0 ? `${summary}; ${problems.join('; ')}` : summary,
  };
}

function buildFailureMessage(unit: BuildUnit, build: BuildOutcome): string {
  const how = unit.artifact ? `artifact ${unit.artifact.name} (\`${unit.artifact.build}\`)` : `\`python -m build --wheel\``;
  const users = [...new Set(unit.tasks.map((t) => `${t.address} task ${t.task.key}`))].join(', ');
  const last = exceptionLine(build.tail) ?? build.tail.filter((l) => /error|Error|ERROR|failed/.test(l)).pop() ?? build.tail[build.tail.length - 1];
  const failure = build.failure ?? 'failed';
  return `the wheel for ${users} does not build: ${how} in ${unit.dir}: ${failure}${last && !failure.includes(last.trim()) ? `: ${last.trim()}` : ''}`;
}

function buildFix(unit: BuildUnit, build: BuildOutcome): string {
  const cd = unit.dir === '.' ? '' : `cd ${unit.dir} && `;
  const local = `\`${cd}${unit.artifact ? unit.artifact.build : 'python -m build --wheel'}\``;
  if (/timed out/.test(build.failure ?? '')) return `The build did not finish in time: run it locally (${local}) and remove what waits (prompts, network).`;
  return `Run the build locally (${local}) and fix the error it prints; \`databricks bundle deploy\` runs the same build and stops there.`;
}

const LEFTOVER_SEVERITY = wheelCheckDocs.find((c) => c.id === 'background-process-left')!.severity;

/** Processes a build, an install or a smoke run left behind: named, and ended by the runner already. */
function leftoverFinding(unit: BuildUnit, what: string, leftovers: string[]): Finding {
  const n = leftovers.length;
  const shown = [...new Set(leftovers)].slice(0, 3).map((c) => `\`${c}\``).join(', ');
  const message = `${what} left ${n === 1 ? 'a background process' : `${n} background processes`} running (${shown}${new Set(leftovers).size > 3 ? ', ...' : ''}); dab-ready ended ${n === 1 ? 'it' : 'them'}`;
  const fix =
    'Do not start daemons or background services from setup.py, a build line or an entry point called with --help: `databricks bundle deploy` waits for a build whose output a background process still holds, and a CI runner keeps whatever it leaves behind.';
  return unitFinding(unit, 'background-process-left', message, leftovers, fix, LEFTOVER_SEVERITY);
}

function unitFinding(unit: BuildUnit, check: string, message: string, tail: string[], fix: string, severity: Finding['severity'] = 'critical'): Finding {
  const first = unit.tasks[0];
  return {
    check,
    severity,
    message,
    loc: unit.artifact && !unit.artifact.implicit ? unit.artifact.loc : first.loc,
    resources: [...new Set(unit.tasks.map((t) => t.address))].sort(),
    evidence: errorExcerpt(tail).join('\n') || undefined,
    fix: { text: fix },
    verified: true,
    targets: [...unit.targets],
    phases: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Merging: one finding per task and check. A static finding the run confirms is marked verified;
// one it contradicts loses the targets it was contradicted on (and goes when none is left).

function mergeFindings(staticFindings: Finding[], results: TaskResult[], unitFindings: Finding[]): Finding[] {
  const absorbed = new Set<string>(); // `${check}|${target}|${task loc}` verdicts already carried by a static finding
  const out: Finding[] = [];
  for (const finding of staticFindings) {
    if (!SETTLED_CHECKS.has(finding.check)) {
      out.push(finding);
      continue;
    }
    const check = finding.check as WheelCheck;
    const confirming = CONFIRMED_BY[check] ?? [check];
    const concerned = results.filter((r) => finding.targets.includes(r.ref.target) && concerns(finding, r.ref, results));
    const confirmedBy = concerned.filter((r) => r.problems.some((p) => confirming.includes(p.check)));
    const overruledTargets = new Set(concerned.filter((r) => r.answered.has(check) && !r.problems.some((p) => confirming.includes(p.check))).map((r) => r.ref.target));
    for (const r of confirmedBy) {
      for (const c of confirming) absorbed.add(verdictKey(c, r.ref));
      overruledTargets.delete(r.ref.target);
    }
    const targets = finding.targets.filter((t) => !overruledTargets.has(t));
    if (targets.length === 0) continue;
    if (confirmedBy.length === 0) {
      out.push({ ...finding, targets });
      continue;
    }
    const evidence = [...new Set(confirmedBy.flatMap((r) => r.problems.filter((p) => confirming.includes(p.check)).map((p) => p.evidence)))].join('\n\n');
    out.push({ ...finding, targets, verified: true, evidence: finding.evidence ? `${finding.evidence}\n\n${evidence}` : evidence });
  }

  const fresh = new Map<string, Finding>();
  for (const result of results) {
    for (const problem of result.problems) {
      if (absorbed.has(verdictKey(problem.check, result.ref))) continue;
      const key = JSON.stringify([problem.check, result.ref.loc.file, result.ref.loc.line, problem.message]);
      const existing = fresh.get(key);
      if (existing) {
        if (!existing.targets.includes(result.ref.target)) existing.targets.push(result.ref.target);
        continue;
      }
      fresh.set(key, {
        check: problem.check,
        severity: findCheck(problem.check)?.severity ?? 'critical',
        message: problem.message,
        loc: result.ref.loc,
        resources: [result.ref.address],
        evidence: problem.evidence,
        fix: { text: problem.fix },
        verified: true,
        targets: [result.ref.target],
        phases: [],
      });
    }
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byPlace = (a: Finding, b: Finding) => text(a.loc?.file ?? '', b.loc?.file ?? '') || (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || text(a.check, b.check);
  return [...out, ...[...unitFindings, ...fresh.values()].sort(byPlace)];
}

function verdictKey(check: string, ref: WheelTaskRef): string {
  return `${check}|${ref.target}|${ref.loc.file}:${ref.loc.line}`;
}

/** Whether a static finding is about this task: written inside it, or inside another task it stands for
 *  too (one finding per root cause: the same package and entry point, the task's job among its
 *  resources); or, when written elsewhere (the entry point's line in pyproject.toml), naming the task's
 *  job and its entry point (package for a name check). */
function concerns(finding: Finding, ref: WheelTaskRef, all: TaskResult[]): boolean {
  const loc = finding.loc;
  const inside = (r: WheelTaskRef) => !!loc && loc.file === r.span.file && loc.line >= r.span.from && loc.line <= r.span.to;
  if (inside(ref)) return true;
  const home = all.find((r) => inside(r.ref))?.ref;
  if (home) {
    const sameSubject = home.packageName === ref.packageName && (finding.check === 'package-name-mismatch' || home.entryPoint === ref.entryPoint);
    return sameSubject && !!finding.resources?.includes(ref.address);
  }
  if (!finding.resources?.includes(ref.address)) return false;
  const word = finding.check === 'package-name-mismatch' ? ref.packageName : ref.entryPoint;
  if (!word) return false;
  return new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(finding.message);
}
