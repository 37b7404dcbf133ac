import path from 'node:path';
import { checks } from './checks/index.js';
import { loadConfig } from './config.js';
import type {
  Bundle,
  BundleResult,
  Check,
  DabReadyConfig,
  Finding,
  Logger,
  Project,
  RawFinding,
  Result,
  TargetView,
  ValidateOptions,
  VerificationStep,
  VerifyOptions,
} from './model.js';
import { silentLogger } from './model.js';
import { portableFinding, portablePaths } from './portable-paths.js';
import { loadProject } from './project/load.js';
import { buildBundleResult } from './readiness/index.js';
import { applySuppressions, suppressionNotices } from './readiness/suppress.js';
import { validateBundle } from './verify/validate.js';
import { verifyWheels } from './verify/wheels.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { UsageError } from './usage-error.js';

export { evaluateGate } from './readiness/index.js';

export interface EngineOptions {
  path: string;
  target?: string;
  configFile?: string;
  /** The repository boundary (the action passes GITHUB_WORKSPACE); default: the enclosing git work tree. */
  repoRoot?: string;
  vars?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  verify?: VerifyOptions;
  validate?: ValidateOptions;
  log?: Logger;
  /** Keep only the findings of these checks (`--select` / `--ignore`); the score counts only them. */
  only?: (check: string) => boolean;
}

export interface EngineOutput {
  result: Result;
  project: Project;
  config: DabReadyConfig;
}

export { UsageError };

/** The one pipeline both faces call: load -> checks -> verify -> readiness. */
export async function analyse(options: EngineOptions): Promise<EngineOutput> {
  const log = options.log ?? silentLogger;
  const env = options.env ?? process.env;
  const root = path.resolve(options.path);
  const { config, notices: configNotices } = loadConfig(root, options.configFile);
  const project = loadProject(root, { vars: options.vars, env, target: options.target, repoRoot: options.repoRoot });
  if (project.bundles.length === 0) {
    throw new UsageError(`no bundle found below ${options.path} (looked for databricks.yml, databricks.yaml, bundle.yml, bundle.yaml)`);
  }
  const withTarget = project.bundles.filter((b) => !options.target || b.targets.has(options.target));
  if (options.target && withTarget.length === 0) {
    const available = [...new Set(project.bundles.flatMap((b) => [...b.targets.keys()]))].join(', ');
    throw new UsageError(`${options.target}: no such target. Available targets: ${available}`);
  }

  const bundles: BundleResult[] = [];
  const portable = portablePaths(root, [project.bundles[0]?.repoRoot]);
  const notices: Finding[] = [...project.notices, ...configNotices].map((n) => portableFinding(asFinding(n, undefined, []), portable));
  for (const bundle of project.bundles) {
    if (!withTarget.includes(bundle)) {
      notices.push(asFinding({ check: 'target-not-in-bundle', severity: 'info', message: `bundle ${bundle.relRoot} has no target ${options.target}: not analysed` }, undefined, []));
      continue;
    }
    const analysed = await analyseBundle(bundle, config, options, env, log);
    bundles.push(analysed.result);
    notices.push(...analysed.notices.map((n) => portableFinding(asFinding(n, undefined, []), portable)));
  }
  return {
    result: { schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, path: options.path, bundles, notices },
    project,
    config,
  };
}

async function analyseBundle(
  bundle: Bundle,
  config: DabReadyConfig,
  options: EngineOptions,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<{ result: BundleResult; notices: RawFinding[] }> {
  const targets = [...bundle.targets.values()].filter((t) => !options.target || t.name === options.target);
  const targetNames = targets.map((t) => t.name);
  let findings = runChecks(bundle, targets, log);
  const verification: VerificationStep[] = [];
  if (options.verify) {
    const verified = await verifyWheels(bundle, targets, findings, options.verify, log);
    findings = verified.findings;
    verification.push(...verified.steps);
  }
  if (options.validate) {
    const validated = await validateBundle(bundle, targets, findings, options.validate, env, log);
    findings = validated.findings;
    verification.push(...validated.steps);
  }
  // No absolute path of this machine in any text: the same repository elsewhere gives the same result.
  const portable = portablePaths(bundle.root, [bundle.repoRoot, path.resolve(options.path)]);
  findings = findings.map((f) => portableFinding(f, portable));
  for (const step of verification) {
    step.command = portable(step.command);
    step.detail = portable(step.detail);
    if (step.output) step.output = step.output.map(portable);
  }
  if (options.only) findings = findings.filter((f) => options.only!(f.check));
  // Suppressions apply last, so a finding confirmed by a real run stays suppressed too.
  const suppression = applySuppressions(bundle, findings, config);
  const result = buildBundleResult({ bundle, findings: suppression.kept, config, verification, analysedTargets: targetNames, suppressed: suppression.suppressed });
  const notices = suppressionNotices(suppression, config.file).map((n) => (n.loc ? { ...n, loc: { ...n.loc, file: path.posix.join(bundle.relRoot, n.loc.file) } } : n));
  return { result, notices };
}

/** Every check on every target; equal findings on several targets become one finding listing them. */
export function runChecks(bundle: Bundle, targets: TargetView[], log: Logger = silentLogger, registry: readonly Check[] = checks): Finding[] {
  const merged = new Map<string, Finding>();
  const add = (raw: RawFinding, check: Check | undefined, target: string) => {
    const finding = asFinding(raw, check, raw.targets ?? [target]);
    if (raw.targets && !raw.targets.includes(target)) return;
    const key = findingKey(finding);
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...finding, targets: [target] });
    else if (!existing.targets.includes(target)) existing.targets.push(target);
  };
  for (const target of targets) {
    for (const check of registry) {
      let raw: RawFinding[];
      try {
        raw = check.run(bundle, target);
      } catch (error) {
        log.warn(`check ${check.id} could not run on target ${target.name}: ${(error as Error).message}`);
        raw = [{ check: 'internal-error', severity: 'info', message: `check ${check.id} could not run: ${(error as Error).message}` }];
      }
      for (const finding of raw) add(finding, check.id === finding.check ? check : registry.find((c) => c.id === finding.check), target.name);
    }
    // Load-time problems whose id no check owns; read after the checks, which fill the file index.
    for (const notice of loadTimeNotices(bundle)) {
      if (!registry.some((c) => c.id === notice.check)) add(notice, undefined, target.name);
    }
  }
  return [...merged.values()];
}

function loadTimeNotices(bundle: Bundle): RawFinding[] {
  return [...bundle.notices, ...bundle.fileIndex.notices, ...bundle.python.flatMap((p) => p.notes)];
}

function asFinding(raw: RawFinding, check: Check | undefined, targets: string[]): Finding {
  return { ...raw, severity: raw.severity ?? check?.severity ?? 'info', targets: [...targets], phases: [] };
}

function findingKey(f: Finding): string {
  return JSON.stringify([f.check, f.severity, f.message, f.loc?.file, f.loc?.line, f.loc?.column, f.resources ?? []]);
}
