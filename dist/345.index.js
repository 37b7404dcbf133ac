export const id = 345;
export const ids = [345];
export const modules = {

/***/ 4345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeployMode: () => (/* binding */ runDeployMode),
  runPlanMode: () => (/* binding */ runPlanMode)
});

// UNUSED EXPORTS: actionLogger, renderOutcomeMarkdown

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/verify/environment.ts
var environment = __webpack_require__(3284);
// EXTERNAL MODULE: ./src/verify/runner.ts + 4 modules
var runner = __webpack_require__(5020);
// EXTERNAL MODULE: ./src/checks/catalog.ts
var catalog = __webpack_require__(530);
// EXTERNAL MODULE: ./src/verify/validate-docs.ts
var validate_docs = __webpack_require__(9147);
;// CONCATENATED MODULE: ./src/deploy/breaks-deploy.ts


// Which findings make `databricks bundle deploy` itself fail. Deploy applies the whole bundle, so
// one such finding anywhere refuses every phase's deploy for that target.
/** Finding ids produced by verify (not in the check registry) and whether they break `bundle deploy`. */
const VERIFY_IDS_BREAK_DEPLOY = {
    'bundle-validate-error': true,
    'wheel-build-failed': true,
    'bundle-validate-warning': false,
    'bundle-validate-recommendation': false,
    'bundle-validate-unavailable': false,
    'entry-point-smoke-failed': false,
};
/**
 * Whether a finding makes `databricks bundle deploy` itself fail. An id nobody declares (a load-time
 * notice such as a YAML syntax error) breaks deploy when it is critical: better refuse than destroy.
 */
function findingBreaksDeploy(f) {
    if (f.breaksDeploy !== undefined)
        return f.breaksDeploy;
    const check = (0,catalog/* describeCheck */.c)(f.check) ?? validate_docs/* validateCheckDocs */.o.find((c) => c.id === f.check);
    if (check)
        return check.breaksDeploy;
    if (f.check in VERIFY_IDS_BREAK_DEPLOY)
        return VERIFY_IDS_BREAK_DEPLOY[f.check];
    return f.severity === 'critical';
}
/** One line per finding that breaks deploy for the target (all targets when none is given). */
function deployBreakingFindings(findings, target) {
    const out = [];
    for (const f of findings) {
        if (target !== undefined && f.targets.length > 0 && !f.targets.includes(target))
            continue;
        if (!findingBreaksDeploy(f))
            continue;
        const where = f.loc ? ` at ${f.loc.file}:${f.loc.line}` : '';
        out.push(`${f.check}${where}: ${f.message} (breaks databricks bundle deploy${target ? ` for target ${target}` : ''})`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/deploy/plan.ts

function planDeploy(bundle, options = {}) {
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    const verdicts = phaseVerdicts(phases);
    const include = [];
    const blocked = [];
    for (const p of phases) {
        const reason = verdicts.get(p.id);
        if (reason === undefined)
            include.push({ phase: p.id, name: p.name, jobs: [...p.jobs], status: p.status, order: p.order });
        else
            blocked.push({ phase: p.id, name: p.name, reason });
    }
    return { matrix: { include }, blocked, hasPhases: include.length > 0, deployBlockers: deployBreakingFindings(bundle.findings, options.target) };
}
/** undefined = may run; otherwise why not (a held-back phase names the blocked phase behind it). */
function phaseVerdicts(phases) {
    const byRef = new Map();
    for (const p of phases)
        byRef.set(p.id, p);
    for (const p of phases)
        if (!byRef.has(p.name))
            byRef.set(p.name, p);
    const roots = new Map(); // phase id -> id of the blocked phase stopping it
    const visiting = new Set();
    const rootOf = (p) => {
        if (roots.has(p.id))
            return roots.get(p.id);
        if (visiting.has(p.id))
            return p.id; // a dependency cycle can never be satisfied
        visiting.add(p.id);
        let root = p.status === 'blocked' ? p.id : undefined;
        for (const ref of p.dependsOn) {
            if (root !== undefined)
                break;
            const dep = byRef.get(ref);
            if (dep && dep.id !== p.id)
                root = rootOf(dep);
        }
        visiting.delete(p.id);
        roots.set(p.id, root);
        return root;
    };
    const verdicts = new Map();
    for (const p of phases) {
        const root = rootOf(p);
        if (root === undefined)
            verdicts.set(p.id, undefined);
        else if (root === p.id)
            verdicts.set(p.id, p.status === 'blocked' ? `blocked: ${blockingChecks(p)}` : `held back: dependency cycle through phase ${p.id}`);
        else if (byRef.get(root)?.status === 'blocked')
            verdicts.set(p.id, `held back: depends on blocked phase ${root}`);
        else
            verdicts.set(p.id, `held back: dependency cycle through phase ${root}`);
    }
    return verdicts;
}
function blockingChecks(p) {
    const items = p.checklist.filter((c) => !c.ok && c.severity === 'critical');
    if (items.length === 0)
        return 'critical findings';
    return items.map((c) => {
        const text = c.text.replace(/ → [A-Z]+( \(\d+ findings\))?$/, '');
        return c.check ? `${c.check} (${text})` : text;
    }).join('; ');
}
/** Plans of several bundles as one matrix: legs carry their bundle folder. */
function combinePlans(plans) {
    if (plans.length === 1)
        return plans[0].plan;
    const include = [];
    const blocked = [];
    const deployBlockers = [];
    for (const { root, plan } of plans) {
        include.push(...plan.matrix.include.map((leg) => ({ ...leg, bundle: root })));
        blocked.push(...plan.blocked.map((b) => ({ ...b, bundle: root })));
        deployBlockers.push(...plan.deployBlockers.map((d) => `${root}: ${d}`));
    }
    return { matrix: { include }, blocked, hasPhases: include.length > 0, deployBlockers };
}

;// CONCATENATED MODULE: ./src/deploy/deploy.ts





/** What a refusal means, for the one place that reports it (the action's error, the CLI's stderr). */
const REFUSED_MEANS = 'nothing was deployed or run';
const DEFAULT_TIMEOUT_MS = 6 * 60 * 60 * 1000;
/** Why the phase may not deploy now (empty = it may). */
function deployBlockers(result, phase, target, targetExists) {
    const blockers = [];
    if (!targetExists)
        blockers.push(`target ${target} is not defined in bundle ${result.name}`);
    const p = findPhase(result.phases, phase);
    if (!p) {
        blockers.push(`phase ${phase} does not exist; phases: ${result.phases.map((x) => x.id).join(', ') || 'none'}`);
    }
    else {
        const reason = phaseVerdicts(result.phases).get(p.id);
        if (reason !== undefined)
            blockers.push(`phase ${p.id} (${p.name}) is ${reason}`);
    }
    blockers.push(...deployBreakingFindings(result.findings, target));
    return blockers;
}
/** A phase named by its id, its name, or its order number (as in the plan's matrix). */
function findPhase(phases, ref) {
    const wanted = ref.trim();
    return (phases.find((p) => p.id === wanted) ??
        phases.find((p) => p.name === wanted) ??
        (/^\d+$/.test(wanted) ? phases.find((p) => p.order === Number(wanted)) : undefined));
}
async function deployPhase(input) {
    const { bundle, result, target, env, log } = input;
    const outcome = { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [], blockers: [] };
    outcome.blockers = deployBlockers(result, input.phase, target, bundle.targets.has(target));
    // The caller reports a refusal once (an error in the action, stderr in the CLI); no warning here too.
    if (outcome.blockers.length > 0)
        return outcome;
    const phase = findPhase(result.phases, input.phase);
    outcome.phaseStatus = 'failed';
    const badVar = Object.keys(input.vars).find((name) => !/^[A-Za-z_][\w-]*$/.test(name));
    if (badVar !== undefined) {
        outcome.errors.push(`variable name ${JSON.stringify(badVar)} is not a valid bundle variable name`);
        return outcome;
    }
    if (!input.deploy && !input.run) {
        log.info(`phase ${phase.id} (${phase.name}) may deploy to ${target}: deploy and run are both off, so nothing to do`);
        outcome.phaseStatus = 'succeeded';
        outcome.nothingToDo = true;
        return outcome;
    }
    const cli = (0,runner/* which */.K7)('databricks', env);
    if (!cli) {
        outcome.errors.push('databricks CLI not found; install with databricks/setup-cli');
        return outcome;
    }
    // Variables travel as BUNDLE_VAR_<name>: `--var` splits values at commas (reference §3).
    const childEnv = (0,environment/* databricksEnv */.il)(env);
    for (const [name, value] of Object.entries(input.vars))
        childEnv[`BUNDLE_VAR_${name}`] = value;
    const call = (args) => runCli(cli, args, bundle.root, childEnv, env, log, input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (input.deploy) {
        const args = ['bundle', 'deploy', '-t', target];
        if (input.autoApprove)
            args.push('--auto-approve');
        if (input.failOnActiveRuns)
            args.push('--fail-on-active-runs');
        const r = await call(args);
        if (!succeeded(r)) {
            outcome.errors.push(`databricks bundle deploy -t ${target} failed${exitNote(r)}:\n${cliErrorLines(r, env).join('\n')}`);
            return outcome;
        }
        outcome.deployed = true;
    }
    if (input.run) {
        for (const job of phase.jobs) {
            const r = await call(['bundle', 'run', '-t', target, job]);
            outcome.runUrls.push(...runUrls(r));
            if (!succeeded(r)) {
                outcome.errors.push(`job ${job} (phase ${phase.id}, target ${target}) failed${exitNote(r)}:\n${cliErrorLines(r, env).join('\n')}`);
                return outcome;
            }
        }
    }
    outcome.phaseStatus = 'succeeded';
    return outcome;
}
async function runCli(cli, args, cwd, childEnv, env, log, timeoutMs) {
    const title = (0,runner/* displayCommand */.kc)(['databricks', ...args]);
    return log.group(title, () => (0,runner/* run */.eF)([cli, ...args], { cwd, env: childEnv, timeoutMs, purpose: title, onLine: (line) => log.output((0,redact/* redactSecrets */.fp)(line, env)) }));
}
function succeeded(r) {
    return r.exitCode === 0 && !r.timedOut && !r.spawnError;
}
function exitNote(r) {
    if (r.timedOut)
        return ` (timed out after ${Math.round(r.durationMs / 1000)}s)`;
    if (r.spawnError)
        return ` (${r.spawnError})`;
    return ` (exit code ${r.exitCode ?? r.signal})`;
}
/** Every `Run URL:` the CLI printed. */
function runUrls(r) {
    const out = [];
    for (const m of `${r.stdout}\n${r.stderr}`.matchAll(/^Run URL: (\S+)/gm))
        out.push(m[1]);
    return out;
}
/** The CLI's own error blocks (`Error: ...` up to the next blank line), else its last lines. */
function cliErrorLines(r, env) {
    const lines = `${r.stdout}\n${r.stderr}`.split(/\r?\n/);
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith('Error: '))
            continue;
        for (let j = i; j < lines.length && lines[j].trim() !== '' && (j === i || !lines[j].startsWith('Error: ')); j++)
            out.push(lines[j]);
    }
    const chosen = out.length > 0 ? out : lines.filter((l) => l.trim() !== '').slice(-10);
    return chosen.map((l) => (0,redact/* redactSecrets */.fp)(l, env));
}

;// CONCATENATED MODULE: ./src/deploy/render.ts
// The deploy plan for people: text for a terminal, Markdown for a summary. JSON is the plan itself.
function renderPlanText(plan, target) {
    const lines = [];
    lines.push(`Deploy plan${target ? ` for target ${target}` : ''}: ${plan.matrix.include.length} phase(s) may deploy now, ${plan.blocked.length} held back`);
    for (const leg of plan.matrix.include) {
        const jobs = leg.jobs.length ? `jobs: ${leg.jobs.join(', ')}` : 'no jobs to run';
        lines.push(`  ✓ ${prefix(leg.bundle)}${leg.phase}  ${leg.name}  [${leg.status}]  ${jobs}`);
    }
    for (const b of plan.blocked)
        lines.push(`  ✗ ${prefix(b.bundle)}${b.phase}  ${b.name}  ${b.reason}`);
    if (!plan.hasPhases)
        lines.push('Nothing may deploy: fix the blocking findings first (dab-ready check).');
    if (plan.deployBlockers.length) {
        lines.push('bundle deploy applies the whole bundle and would fail; dab-ready deploy refuses every phase until these are fixed:');
        for (const d of plan.deployBlockers)
            lines.push(`  ! ${d}`);
    }
    return lines.join('\n') + '\n';
}
function renderPlanMarkdown(plan, target) {
    const lines = [];
    lines.push(`### Deploy plan${target ? ` (target \`${target}\`)` : ''}`, '');
    lines.push('| Phase | Name | Status | Jobs |', '| --- | --- | --- | --- |');
    for (const leg of plan.matrix.include) {
        lines.push(`| ${cell(prefix(leg.bundle) + leg.phase)} | ${cell(leg.name)} | ✅ ${leg.status} | ${cell(leg.jobs.map((j) => `\`${j}\``).join(', ') || '—')} |`);
    }
    for (const b of plan.blocked) {
        lines.push(`| ${cell(prefix(b.bundle) + b.phase)} | ${cell(b.name)} | ⛔ ${cell(b.reason)} | — |`);
    }
    if (!plan.hasPhases)
        lines.push('', 'Nothing may deploy yet: fix the blocking findings first.');
    if (plan.deployBlockers.length) {
        lines.push('', '`bundle deploy` applies the whole bundle and would fail; `dab-ready deploy` refuses every phase until these are fixed:', '');
        for (const d of plan.deployBlockers)
            lines.push(`- ${cell(d)}`);
    }
    return lines.join('\n') + '\n';
}
function prefix(bundle) {
    return bundle ? `${bundle}:` : '';
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/deploy/single-bundle.ts
/** The analysed bundle to deploy with its loaded model; undefined unless the analysis holds exactly one bundle. */
function singleBundle(result, project) {
    if (result.bundles.length !== 1)
        return undefined;
    const bundleResult = result.bundles[0];
    const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root) ?? project.bundles[0];
    return { bundle, result: bundleResult };
}

// EXTERNAL MODULE: ./src/engine.ts + 21 modules
var engine = __webpack_require__(2598);
// EXTERNAL MODULE: ./src/verify/missing-tools.ts
var missing_tools = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/github/deploy-mode.ts







function actionLogger() {
    return {
        info: (m) => core/* info */.pq(m),
        warn: (m) => core/* warning */.$e(m),
        group: (name, fn) => core/* group */.Os(name, fn),
        output: (line) => core/* info */.pq(line),
    };
}
async function runPlanMode(inputs) {
    const env = inputs.env ?? process.env;
    const log = inputs.log ?? actionLogger();
    const { result } = await analyseInputs(inputs, env, log);
    const missingTools = warnMissingTools(result);
    if (!inputs.target) {
        const targets = [...new Set(result.bundles.flatMap((b) => b.targets))].join(', ');
        log.info(`target: all: the plan combines every target (${targets}): a phase is held back when it is blocked on any of them; mode: deploy still needs one target`);
    }
    const plan = combinePlans(result.bundles.map((b) => ({ root: b.root, plan: planDeploy(b, { target: inputs.target }) })));
    core/* setOutput */.uH('matrix', JSON.stringify(plan.matrix));
    core/* setOutput */.uH('blocked', JSON.stringify(plan.blocked));
    core/* setOutput */.uH('has-phases', String(plan.hasPhases));
    // Held-back phases are annotations on the run, not only log lines: nobody reads the log of a green plan job.
    for (const b of plan.blocked) {
        core/* warning */.$e(`phase ${b.bundle ? `${b.bundle}:` : ''}${b.phase} (${b.name}) does not deploy${inputs.target ? ` to ${inputs.target}` : ''}: ${b.reason}`, { title: 'dab-ready phase held back' });
    }
    if (wantsSummary(inputs, env))
        await core/* summary */.z.addRaw(renderPlanMarkdown(plan, inputs.target) + warningNote(missingTools)).write();
    return plan;
}
async function runDeployMode(inputs) {
    const env = inputs.env ?? process.env;
    const log = inputs.log ?? actionLogger();
    const setOutputs = (o) => {
        core/* setOutput */.uH('run-urls', JSON.stringify(o.runUrls));
        core/* setOutput */.uH('deployed', String(o.deployed));
        core/* setOutput */.uH('phase-status', o.phaseStatus);
    };
    if (!inputs.phase || !inputs.target || inputs.target === 'all') {
        const missing = !inputs.phase ? 'phase' : 'target (a single target, not all)';
        setOutputs({ deployed: false, runUrls: [], phaseStatus: 'refused' });
        core/* setFailed */.C1(`mode: deploy needs the ${missing} input`);
        return { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [`mode: deploy needs the ${missing} input`], blockers: [] };
    }
    const { result, project } = await analyseInputs(inputs, env, log);
    const missingTools = warnMissingTools(result);
    const only = singleBundle(result, project);
    if (!only) {
        const message = `mode: deploy works on one bundle; ${inputs.path} holds ${result.bundles.length} (${result.bundles.map((b) => b.root).join(', ')}): set path to the bundle's folder`;
        setOutputs({ deployed: false, runUrls: [], phaseStatus: 'refused' });
        core/* setFailed */.C1(message);
        return { deployed: false, runUrls: [], phaseStatus: 'refused', errors: [message], blockers: [] };
    }
    const outcome = await deployPhase({
        ...only,
        phase: inputs.phase,
        target: inputs.target,
        deploy: inputs.deploy,
        run: inputs.run,
        autoApprove: inputs.autoApprove,
        failOnActiveRuns: inputs.failOnActiveRuns,
        vars: inputs.vars,
        env,
        log,
        timeoutMs: inputs.timeoutMs,
    });
    setOutputs(outcome);
    for (const url of outcome.runUrls)
        log.info(`Run URL: ${url}`);
    if (wantsSummary(inputs, env))
        await core/* summary */.z.addRaw(renderOutcomeMarkdown(inputs.phase, inputs.target, outcome) + warningNote(missingTools)).write();
    if (outcome.phaseStatus === 'refused') {
        core/* setFailed */.C1(`deploy of phase ${inputs.phase} to ${inputs.target} refused (${REFUSED_MEANS}):\n${outcome.blockers.map((b) => `- ${b}`).join('\n')}`);
    }
    else if (outcome.phaseStatus === 'failed') {
        core/* setFailed */.C1(outcome.errors.join('\n'));
    }
    return outcome;
}
function analyseInputs(inputs, env, log) {
    return (0,engine/* analyse */.KH)({
        path: inputs.path,
        repoRoot: env.GITHUB_WORKSPACE,
        target: inputs.target,
        configFile: inputs.configFile,
        vars: inputs.vars,
        env,
        verify: inputs.verifyOptions,
        validate: inputs.validateOptions,
        log,
    });
}
/** One warning naming the tools this runner lacks (also returned, for the job summary). */
function warnMissingTools(result) {
    const message = (0,missing_tools/* missingToolsWarning */.s)(result);
    if (message)
        core/* warning */.$e(message);
    return message;
}
/** A GitHub-flavoured warning block for the job summary ('' without a message). */
function warningNote(message) {
    return message ? `\n> [!WARNING]\n> ${message}\n` : '';
}
function wantsSummary(inputs, env) {
    return (inputs.summary ?? true) && Boolean(env.GITHUB_STEP_SUMMARY);
}
function renderOutcomeMarkdown(phase, target, o) {
    const icon = o.phaseStatus === 'succeeded' ? '✅' : o.phaseStatus === 'refused' ? '⛔' : '❌';
    const status = o.nothingToDo ? 'nothing to do (deploy and run are off; the phase may deploy)' : o.phaseStatus;
    const lines = [`### ${icon} Phase ${phase} on \`${target}\`: ${status}`, '', `Deployed: ${o.deployed ? 'yes' : 'no'}`];
    if (o.runUrls.length)
        lines.push('', 'Runs:', ...o.runUrls.map((u) => `- ${u}`));
    if (o.blockers.length)
        lines.push('', 'Refused because:', ...o.blockers.map((b) => `- ${b}`));
    if (o.errors.length)
        lines.push('', '```', ...o.errors, '```');
    return lines.join('\n') + '\n';
}


/***/ })

};
