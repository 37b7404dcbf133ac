export const id = 969;
export const ids = [969];
export const modules = {

/***/ 1969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_USAGE: () => (/* binding */ DEPLOY_USAGE),
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/verify/environment.ts
var environment = __webpack_require__(3284);
// EXTERNAL MODULE: ./src/verify/runner.ts + 4 modules
var runner = __webpack_require__(5020);
// EXTERNAL MODULE: ./src/deploy/breaks-deploy.ts
var breaks_deploy = __webpack_require__(1603);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var plan = __webpack_require__(5448);
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
        const reason = (0,plan/* phaseVerdicts */.sG)(result.phases).get(p.id);
        if (reason !== undefined)
            blockers.push(`phase ${p.id} (${p.name}) is ${reason}`);
    }
    blockers.push(...(0,breaks_deploy/* deployBreakingFindings */.H)(result.findings, target));
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

;// CONCATENATED MODULE: ./src/deploy/single-bundle.ts
/** The analysed bundle to deploy with its loaded model; undefined unless the analysis holds exactly one bundle. */
function singleBundle(result, project) {
    if (result.bundles.length !== 1)
        return undefined;
    const bundleResult = result.bundles[0];
    const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root) ?? project.bundles[0];
    return { bundle, result: bundleResult };
}

// EXTERNAL MODULE: ./src/engine.ts + 18 modules
var engine = __webpack_require__(1666);
// EXTERNAL MODULE: ./src/cli/command-line.ts
var command_line = __webpack_require__(6898);
// EXTERNAL MODULE: ./src/cli/io.ts + 1 modules
var cli_io = __webpack_require__(7723);
// EXTERNAL MODULE: ./src/cli/vars.ts
var cli_vars = __webpack_require__(9242);
;// CONCATENATED MODULE: ./src/cli/deploy.ts






const DEPLOY_USAGE = `Usage: dab-ready deploy [path] --phase N --target T [options]

Re-checks readiness, then deploys the WHOLE bundle for target T (databricks bundle deploy -t T) and
runs phase N's jobs in order (databricks bundle run -t T <job>). Refuses, without calling the CLI,
when phase N or a phase it depends on is blocked, or when any finding for T breaks bundle deploy.

Options:
      --phase N              the phase id (as shown by dab-ready plan)
  -t, --target T             the bundle target
      --no-deploy            skip bundle deploy (already deployed by an earlier step)
      --no-run               deploy only, run no job
      --auto-approve         pass --auto-approve (destructive changes go ahead without a prompt)
      --fail-on-active-runs  pass --fail-on-active-runs
      --var name=value       set a bundle variable (repeatable); passed as BUNDLE_VAR_name, commas kept
  -c, --config FILE          dab-ready configuration (default .dab-ready.yml in path)
      --timeout SECONDS      per databricks call (default 21600)

Exit codes: 0 deployed and every job succeeded, 1 refused or failed, 2 could not run.
`;
async function deployCommand(args, io) {
    const commandLine = (0,command_line.parseCommandLine)('deploy', DEPLOY_USAGE, args, io, {
        phase: { type: 'string' },
        'no-deploy': { type: 'boolean', default: false },
        'no-run': { type: 'boolean', default: false },
        'auto-approve': { type: 'boolean', default: false },
        'fail-on-active-runs': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '21600' },
    });
    if (!commandLine)
        return 0;
    const { values, path } = commandLine;
    if (!values.phase)
        throw new engine/* UsageError */.eb('deploy needs --phase N (see dab-ready plan)');
    if (!values.target)
        throw new engine/* UsageError */.eb('deploy needs --target T');
    const timeoutMs = (0,command_line.parseTimeoutMs)(values.timeout);
    const vars = (0,cli_vars/* parseVarFlags */.Y)(values.var ?? []);
    const log = (0,cli_io/* stderrLogger */.D7)(io, true);
    const { result, project } = await (0,engine/* analyse */.KH)((0,command_line.engineRequest)(path, values, vars, io, log));
    const only = singleBundle(result, project);
    if (!only) {
        const roots = result.bundles.map((b) => b.root).join(', ');
        throw new engine/* UsageError */.eb(`deploy works on one bundle; ${path} holds ${result.bundles.length} (${roots}): give the bundle's folder`);
    }
    const outcome = await deployPhase({
        ...only,
        phase: values.phase,
        target: values.target,
        deploy: !values['no-deploy'],
        run: !values['no-run'],
        autoApprove: values['auto-approve'],
        failOnActiveRuns: values['fail-on-active-runs'],
        vars,
        env: io.env,
        log,
        timeoutMs,
    });
    if (outcome.phaseStatus === 'refused') {
        io.stderr(`dab-ready: deploy of phase ${values.phase} to ${values.target} refused (${REFUSED_MEANS}):\n`);
        for (const b of outcome.blockers)
            io.stderr(`  - ${b}\n`);
        return 1;
    }
    for (const e of outcome.errors)
        io.stderr(`dab-ready: ${e}\n`);
    const status = outcome.nothingToDo ? 'nothing to do (--no-deploy and --no-run; the phase may deploy)' : outcome.phaseStatus;
    io.stdout(`phase ${values.phase} on ${values.target}: ${status}; deployed: ${outcome.deployed}\n`);
    for (const url of outcome.runUrls)
        io.stdout(`Run URL: ${url}\n`);
    return outcome.phaseStatus === 'succeeded' ? 0 : 1;
}


/***/ }),

/***/ 9242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parseVarFlags)
/* harmony export */ });
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1666);

/** `--var name=value` flags; unlike the databricks CLI, a comma inside a value is kept. */
function parseVarFlags(flags) {
    const vars = {};
    for (const flag of flags) {
        const eq = flag.indexOf('=');
        if (eq <= 0)
            throw new _engine_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--var expects name=value, got ${flag}`);
        const name = flag.slice(0, eq);
        if (name in vars)
            throw new _engine_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--var ${name} is given twice`);
        vars[name] = flag.slice(eq + 1);
    }
    return vars;
}


/***/ }),

/***/ 1603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ deployBreakingFindings)
/* harmony export */ });
/* unused harmony export findingBreaksDeploy */
/* harmony import */ var _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(530);
/* harmony import */ var _verify_validate_docs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9147);


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
    const check = (0,_checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCheck */ .c)(f.check) ?? _verify_validate_docs_js__WEBPACK_IMPORTED_MODULE_1__/* .validateCheckDocs */ .o.find((c) => c.id === f.check);
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


/***/ }),

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W7: () => (/* binding */ combinePlans),
/* harmony export */   bJ: () => (/* binding */ planDeploy),
/* harmony export */   sG: () => (/* binding */ phaseVerdicts)
/* harmony export */ });
/* harmony import */ var _breaks_deploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1603);

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
    return { matrix: { include }, blocked, hasPhases: include.length > 0, deployBlockers: (0,_breaks_deploy_js__WEBPACK_IMPORTED_MODULE_0__/* .deployBreakingFindings */ .H)(bundle.findings, options.target) };
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


/***/ })

};
