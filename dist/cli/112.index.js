export const id = 112;
export const ids = [112];
export const modules = {

/***/ 3112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PLAN_USAGE: () => (/* binding */ PLAN_USAGE),
  planCommand: () => (/* binding */ planCommand)
});

// EXTERNAL MODULE: ./src/deploy/plan.ts
var deploy_plan = __webpack_require__(5448);
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

// EXTERNAL MODULE: ./src/engine.ts + 18 modules
var engine = __webpack_require__(1666);
// EXTERNAL MODULE: ./src/cli/command-line.ts
var command_line = __webpack_require__(6898);
// EXTERNAL MODULE: ./src/cli/io.ts + 1 modules
var cli_io = __webpack_require__(7723);
// EXTERNAL MODULE: ./src/cli/vars.ts
var vars = __webpack_require__(9242);
;// CONCATENATED MODULE: ./src/cli/plan.ts






const PLAN_USAGE = `Usage: dab-ready plan [path] [options]

The phases that may deploy now, in order: ready (or partial) phases up to the first blocked one;
every phase depending on a blocked phase is held back. JSON is the GitHub Actions matrix.

Options:
  -t, --target T        plan for target T (default: the bundle's default target)
  -f, --format F        text | markdown | json (default text)
  -c, --config FILE     dab-ready configuration (default .dab-ready.yml in path)
      --var name=value  set a bundle variable (repeatable; commas are kept)
`;
const FORMATS = ['text', 'markdown', 'json'];
async function planCommand(args, io) {
    const commandLine = (0,command_line.parseCommandLine)('plan', PLAN_USAGE, args, io, {
        format: { type: 'string', short: 'f', default: 'text' },
    });
    if (!commandLine)
        return 0;
    const { values, path } = commandLine;
    const format = (0,command_line.parseFormat)(values.format, FORMATS);
    const { result } = await (0,engine/* analyse */.KH)((0,command_line.engineRequest)(path, values, (0,vars/* parseVarFlags */.Y)(values.var ?? []), io, (0,cli_io/* stderrLogger */.D7)(io, false)));
    const plan = (0,deploy_plan/* combinePlans */.W7)(result.bundles.map((b) => ({ root: b.root, plan: (0,deploy_plan/* planDeploy */.bJ)(b, { target: values.target }) })));
    if (format === 'json')
        io.stdout(JSON.stringify(plan, null, 2) + '\n');
    else if (format === 'markdown')
        io.stdout(renderPlanMarkdown(plan, values.target));
    else
        io.stdout(renderPlanText(plan, values.target));
    return 0;
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
