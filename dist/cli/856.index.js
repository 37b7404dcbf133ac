export const id = 856;
export const ids = [856];
export const modules = {

/***/ 8856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECK_USAGE: () => (/* binding */ CHECK_USAGE),
  bundleAbove: () => (/* binding */ bundleAbove),
  checkCommand: () => (/* binding */ checkCommand),
  parseFailOn: () => (/* binding */ check_parseFailOn),
  parseMinScore: () => (/* binding */ check_parseMinScore),
  summaryLine: () => (/* binding */ summaryLine)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engine.ts + 18 modules
var src_engine = __webpack_require__(1666);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/project/discover.ts
var discover = __webpack_require__(1242);
// EXTERNAL MODULE: ./src/project/load.ts + 4 modules
var load = __webpack_require__(3169);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/fingerprint.ts
// A finding's stable identity: the check, the file (relative to its bundle root, so it does not
// depend on the folder the analysis started from) and the message with every line number taken
// out, so moving code up or down keeps it. Baselines, the
// pull request delta, JSON `fingerprint` and SARIF `partialFingerprints` all use this one value.

const FINGERPRINT_VERSION = 1;
/** Line and column numbers in a message ("file.py:30", "line 12", "lines 3-5") become N. */
function withoutLineNumbers(message) {
    return message
        .replace(/(\S):\d+(?::\d+)?(?=\b|$)/g, '$1:N')
        .replace(/\b(lines?|column|col)\s+\d+(?:\s*[-–]\s*\d+)?/gi, '$1 N');
}
function fingerprint_fingerprint(finding) {
    const file = finding.loc?.file ?? '';
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${finding.check}\u0000${file}\u0000${withoutLineNumbers(finding.message)}`)
        .digest('hex')
        .slice(0, 24);
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/readiness/baseline.ts
// Baselines: findings that already existed are reported as "existing" and do not fail the gate.
// Matched by fingerprint (report/fingerprint.ts), as a multiset: two equal findings against one in
// the baseline leave one new. The baseline is a file (`check --write-baseline` / `--baseline`) or
// the pull request's base commit (the action's `fail-on-new-only`).



const BASELINE_FORMAT = 1;
function baselineFile(result) {
    const rows = new Map();
    for (const bundle of result.bundles) {
        for (const f of bundle.findings) {
            const fp = fingerprint_fingerprint(f);
            const key = `${bundle.root}\u0000${fp}`;
            const row = rows.get(key);
            if (row)
                row.count++;
            else
                rows.set(key, { fingerprint: fp, check: f.check, bundle: bundle.root, file: f.loc?.file ?? null, count: 1 });
        }
    }
    const findings = [...rows.values()].sort((a, b) => cmp(a.bundle, b.bundle) || cmp(a.file ?? '', b.file ?? '') || cmp(a.check, b.check) || cmp(a.fingerprint, b.fingerprint));
    return { tool: version/* TOOL_NAME */.l, toolVersion: version/* TOOL_VERSION */.w, format: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION, findings };
}
function renderBaselineFile(result) {
    return JSON.stringify(baselineFile(result), null, 2) + '\n';
}
/** Reads a baseline file; a file that is not one (not JSON, another tool, another format) is a
 *  one-line problem naming the file, never an exception. */
function readBaselineFile(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        return { problem: `${file}: cannot read it (${error.code ?? error.message})` };
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const at = /position (\d+)/.exec(error.message);
        const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
        return { problem: `${file}:${line}: not a JSON baseline (${error.message.split('\n')[0]})` };
    }
    if (!data || typeof data !== 'object' || data.tool !== version/* TOOL_NAME */.l) {
        return { problem: `${file}: not a dab-ready baseline (write one with dab-ready check --write-baseline ${file})` };
    }
    if (data.format !== BASELINE_FORMAT || data.fingerprintVersion !== FINGERPRINT_VERSION || !Array.isArray(data.findings)) {
        return {
            problem: `${file}: baseline format ${String(data.format)} from dab-ready ${String(data.toolVersion)}; this dab-ready ${version/* TOOL_VERSION */.w} reads format ${BASELINE_FORMAT}: write it again with --write-baseline`,
        };
    }
    const counts = new Map();
    for (const row of data.findings) {
        if (typeof row?.fingerprint !== 'string')
            continue;
        const n = Number.isInteger(row.count) && row.count > 0 ? row.count : 1;
        counts.set(row.fingerprint, (counts.get(row.fingerprint) ?? 0) + n);
    }
    const note = data.toolVersion !== version/* TOOL_VERSION */.w ? `${file} was written by dab-ready ${String(data.toolVersion)} (same format: used)` : undefined;
    return { counts, note };
}
/** Marks as `existing` each finding paired with one baseline entry; returns how many. */
function applyBaseline(result, counts) {
    const left = new Map(counts);
    let marked = 0;
    for (const bundle of result.bundles)
        marked += markFrom(bundle.findings, left);
    marked += markFrom(result.notices, left);
    return marked;
}
/** The action's `fail-on-new-only`: findings the base commit's analysis also had, per bundle root. */
function markExisting(head, base) {
    let marked = 0;
    for (const bundle of head.bundles) {
        const before = base.bundles.find((b) => b.root === bundle.root);
        if (!before)
            continue;
        const counts = new Map();
        for (const f of before.findings)
            counts.set(fingerprint(f), (counts.get(fingerprint(f)) ?? 0) + 1);
        marked += markFrom(bundle.findings, counts);
    }
    return marked;
}
function markFrom(findings, left) {
    let marked = 0;
    for (const f of findings) {
        const fp = fingerprint_fingerprint(f);
        const n = left.get(fp) ?? 0;
        if (n <= 0)
            continue;
        left.set(fp, n - 1);
        f.existing = true;
        marked++;
    }
    return marked;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./src/readiness/gate.ts
var readiness_gate = __webpack_require__(453);
// EXTERNAL MODULE: ./src/readiness/check-info.ts
var check_info = __webpack_require__(9989);
;// CONCATENATED MODULE: ./src/report/paths.ts

/** A bundle-relative file as a path relative to the analysed path (POSIX, normalised). */
function paths_analysedPath(bundleRoot, file) {
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(toPosix(bundleRoot || '.'), toPosix(file)));
    return joined === '' ? '.' : joined;
}
function paths_locPath(bundle, loc) {
    if (!loc)
        return undefined;
    return paths_analysedPath(bundle?.root ?? '.', loc.file);
}
function toPosix(p) {
    return p.replace(/\\/g, '/');
}

// EXTERNAL MODULE: ./src/report/rule-links.ts
var rule_links = __webpack_require__(8154);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var lib_core = __webpack_require__(6811);
;// CONCATENATED MODULE: ./src/github/inputs.ts
// The action's inputs, read once, checked, typed. A wrong value is a one-line error naming the
// input; secrets (the token, secret-looking variables) are masked before anything is logged.


class inputs_InputError extends (/* unused pure expression or super */ null && (Error)) {
}
const SECRET_NAME = /token|secret|password|passwd|credential|private|api[_-]?key|client[_-]?secret|pat$/i;
/** Read and check every input. `read` defaults to `core.getInput` (tests may pass their own). */
function readInputs(read = (name) => core.getInput(name)) {
    const token = read('github-token');
    if (token)
        core.setSecret(token);
    const vars = parseVars(read('vars'));
    for (const [name, value] of Object.entries(vars))
        if (value && SECRET_NAME.test(name))
            core.setSecret(value);
    const target = read('target');
    const failOn = read('fail-on');
    const minScore = read('min-score');
    return {
        mode: oneOf(read, 'mode', ['check', 'plan', 'deploy'], 'check'),
        path: read('path') || '.',
        target: target && target !== 'all' ? target : undefined,
        configFile: read('config') || undefined,
        verify: bool(read, 'verify', true),
        validate: oneOf(read, 'validate', ['auto', 'required', 'off'], 'auto'),
        python: read('python') || 'python3',
        buildIsolation: bool(read, 'build-isolation', true),
        installDeps: bool(read, 'install-deps', true),
        failOn: failOn ? parseFailOn(failOn) : undefined,
        minScore: minScore ? parseMinScore(minScore) : undefined,
        comment: oneOf(read, 'comment', ['auto', 'true', 'false'], 'auto'),
        commentMode: oneOf(read, 'comment-mode', ['update', 'recreate', 'off'], 'update'),
        summary: bool(read, 'summary', true),
        annotations: bool(read, 'annotations', true),
        sarif: parseSarif(read('sarif')),
        token,
        phase: read('phase') || undefined,
        deploy: bool(read, 'deploy', true),
        run: bool(read, 'run', true),
        autoApprove: bool(read, 'auto-approve', false),
        failOnActiveRuns: bool(read, 'fail-on-active-runs', false),
        vars,
        failOnNewOnly: bool(read, 'fail-on-new-only', false),
        suggestions: bool(read, 'suggestions', true),
        suggestionsMax: count(read, 'suggestions-max', 5),
    };
}
function count(read, name, fallback) {
    const value = read(name).trim();
    if (!value)
        return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 50)
        throw new inputs_InputError(`input ${name} must be a whole number from 0 to 50 (got ${JSON.stringify(value)})`);
    return n;
}
function oneOf(read, name, allowed, fallback) {
    const value = read(name).trim().toLowerCase();
    if (!value)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new inputs_InputError(`input ${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}
function bool(read, name, fallback) {
    const value = read(name).trim().toLowerCase();
    if (!value)
        return fallback;
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new inputs_InputError(`input ${name} must be true or false (got ${JSON.stringify(value)})`);
}
function parseFailOn(value) {
    const v = value.trim().toLowerCase();
    if (v === 'none' || SEVERITIES.includes(v))
        return v;
    throw new inputs_InputError(`input fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')} (got ${JSON.stringify(value)})`);
}
/** `off` = no SARIF file; anything else is the path ('' = the default place under RUNNER_TEMP). */
function parseSarif(value) {
    const v = value.trim();
    return v.toLowerCase() === 'off' ? false : v;
}
function parseMinScore(value) {
    const n = Number(value.trim());
    if (!Number.isFinite(n) || n < 0 || n > 100)
        throw new inputs_InputError(`input min-score must be a number from 0 to 100 (got ${JSON.stringify(value)})`);
    return n;
}
/** `name=value` per line; blank lines and `#` comments skipped; commas inside values kept. */
function parseVars(text) {
    const vars = {};
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        const name = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!/^[A-Za-z_][\w-]*$/.test(name))
            throw new inputs_InputError(`input vars, line ${index + 1}: expected name=value`);
        if (name in vars)
            throw new inputs_InputError(`input vars, line ${index + 1}: ${name} is given twice`);
        vars[name] = line.slice(eq + 1).trim();
    }
    return vars;
}
/** The engine's verify options from the inputs (undefined when `verify: false`). */
function toVerifyOptions(inputs, timeoutMs) {
    return inputs.verify ? { python: inputs.python, isolation: inputs.buildIsolation, installDeps: inputs.installDeps, timeoutMs } : undefined;
}
/** The engine's validate options from the inputs (undefined when `validate: off`). */
function toValidateOptions(inputs, timeoutMs) {
    return inputs.validate === 'off' ? undefined : { mode: inputs.validate, strict: false, timeoutMs, vars: inputs.vars };
}

;// CONCATENATED MODULE: ./src/github/paths.ts



/** Refuse a `path` input that resolves outside the checkout: its annotations and links would point
 *  at `../` files GitHub cannot show, and the action has no business reading there. */
function assertPathInWorkspace(pathInput, env = process.env, cwd = process.cwd()) {
    const workspace = realOrResolved(path.resolve(env.GITHUB_WORKSPACE || cwd));
    const target = realOrResolved(path.resolve(cwd, pathInput));
    const rel = path.relative(workspace, target);
    if (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
        return;
    throw new InputError(`path: ${pathInput} is outside the workspace (${workspace}); give a folder inside the repository checkout`);
}
function realOrResolved(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return p;
    }
}
/** The `path` input as a repository-relative POSIX prefix ('' for the repository root). */
function repoPrefix(pathInput, workspace = process.cwd()) {
    const abs = path.resolve(workspace, pathInput);
    const rel = path.relative(path.resolve(workspace), abs).split(path.sep).join('/');
    return rel === '' ? '' : rel;
}
/** A path relative to the analysed folder, made relative to the repository. */
function paths_repoPath(prefix, analysedRelative) {
    const joined = path.posix.normalize(path.posix.join(prefix || '.', analysedRelative));
    return joined === '' ? '.' : joined;
}

;// CONCATENATED MODULE: ./src/github/annotations.ts






const STEP_LIMIT = 10;
function levelFor(finding, failOn = 'critical') {
    if ((0,readiness_gate/* failsGate */.F)(finding, failOn))
        return 'error';
    return (0,model/* severityRank */.qs)(finding.severity) <= (0,model/* severityRank */.qs)('medium') ? 'warning' : 'notice';
}
/** Every finding of the result with its repository-relative file, most severe first. */
function orderedFindings(result, prefix) {
    const located = [];
    const add = (finding, bundle) => located.push({ finding, file: finding.loc ? repoPath(prefix, analysedPath(bundle?.root ?? '.', finding.loc.file)) : undefined });
    for (const bundle of result.bundles)
        for (const finding of bundle.findings)
            add(finding, bundle);
    for (const notice of result.notices)
        add(notice);
    return located.sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
        (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.finding.loc?.line ?? 0) - (b.finding.loc?.line ?? 0) ||
        a.finding.check.localeCompare(b.finding.check));
}
function annotate(result, options) {
    const left = {
        error: options.budget?.error ?? STEP_LIMIT,
        warning: options.budget?.warning ?? STEP_LIMIT,
        notice: options.budget?.notice ?? STEP_LIMIT,
    };
    const all = orderedFindings(result, options.prefix);
    // If anything will be left over, keep one notice slot for the pointer to the rest.
    const fits = ['error', 'warning', 'notice'].every((level) => all.filter((l) => levelFor(l.finding, options.failOn) === level).length <= left[level]);
    if (!fits)
        left.notice = Math.max(0, left.notice - 1);
    let emitted = 0;
    let omitted = 0;
    for (const { finding, file } of all) {
        const level = levelFor(finding, options.failOn);
        if (left[level] <= 0) {
            omitted++;
            continue;
        }
        left[level]--;
        emitted++;
        options.sink[level](annotationMessage(finding), {
            title: `${catalogFor().info(finding.check, finding.severity).title} (dab-ready ${finding.check}, ${finding.severity}${finding.existing ? ', existing' : ''})`,
            file,
            startLine: file ? Math.max(1, finding.loc?.line ?? 1) : undefined,
            startColumn: file && finding.loc?.column ? finding.loc.column : undefined,
        });
    }
    if (omitted > 0) {
        const where = options.elsewhere ?? 'the job summary';
        options.sink.notice(`${omitted} more dab-ready finding${omitted === 1 ? ' is' : 's are'} not annotated (GitHub shows ${STEP_LIMIT} per level per step): see ${where}.`, {
            title: 'dab-ready: more findings',
        });
    }
    return { emitted, omitted };
}
function annotationMessage(finding) {
    const targets = finding.targets.length ? ` [targets: ${finding.targets.join(', ')}]` : '';
    const fix = finding.fix?.text ? `\nFix: ${finding.fix.text}` : '';
    return `${finding.message}${targets}${fix}\nRule: ${rulePageUrl(finding.check)}`;
}

;// CONCATENATED MODULE: ./src/report/github-commands.ts




const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function renderGithubCommands(result, options) {
    const lines = [];
    const add = (f, bundleRoot) => {
        const props = [];
        if (f.loc) {
            const file = [options.prefix, paths_analysedPath(bundleRoot, f.loc.file)].filter((p) => p && p !== '.').join('/');
            props.push(`file=${escapeProperty(file)}`, `line=${Math.max(1, f.loc.line)}`, `col=${Math.max(1, f.loc.column)}`);
        }
        const title = (0,check_info/* catalogFor */.xn)().info(f.check, f.severity).title;
        props.push(`title=${escapeProperty(`${title} (dab-ready ${f.check}, ${f.severity}${f.existing ? ', existing' : ''})`)}`);
        const fix = f.fix?.text ? `\nFix: ${f.fix.text}` : '';
        lines.push(`::${levelFor(f, options.failOn)} ${props.join(',')}::${escapeData(`${f.message}${fix}\nRule: ${(0,rule_links/* rulePageUrl */.Pd)(f.check)}`)}`);
    };
    for (const bundle of result.bundles)
        for (const f of bundle.findings)
            add(f, bundle.root);
    for (const f of result.notices)
        add(f, '.');
    return lines.length ? lines.join('\n') + '\n' : '';
}

;// CONCATENATED MODULE: ./src/report/json.ts




function renderJson(result, options = {}) {
    return JSON.stringify(toJson(result, options), null, 2) + '\n';
}
/** The object `renderJson` serialises (exported for callers that embed it). */
function toJson(result, options = {}) {
    const catalog = (0,check_info/* catalogFor */.xn)(options.checks);
    return {
        schemaVersion: result.schemaVersion,
        tool: { name: result.tool.name, version: result.tool.version },
        bundles: result.bundles.map((b) => bundleJson(b, catalog)),
        notices: result.notices.map((f) => findingJson(f, undefined, catalog)),
    };
}
function bundleJson(b, catalog) {
    return {
        root: b.root,
        name: b.name,
        targets: [...b.targets],
        defaultTarget: b.defaultTarget,
        score: b.score,
        targetScores: Object.fromEntries(Object.keys(b.targetScores).sort().map((t) => [t, b.targetScores[t]])),
        ready: b.ready,
        counts: {
            critical: b.counts.critical,
            high: b.counts.high,
            medium: b.counts.medium,
            low: b.counts.low,
            info: b.counts.info,
        },
        phases: b.phases.map((p) => ({ id: p.id, name: p.name, status: p.status, jobs: [...p.jobs], dependsOn: [...p.dependsOn] })),
        findings: b.findings.map((f) => findingJson(f, b, catalog)),
        passed: b.passed.map((p) => ({ check: p.check, title: p.title, message: p.message, category: p.category })),
        effort: {
            rows: b.effort.rows.map((r) => ({ check: r.check, title: r.title, severity: r.severity, hours: r.hours })),
            criticalPath: b.effort.criticalPath,
            withHigh: b.effort.withHigh,
            full: b.effort.full,
        },
        verification: b.verification.map((v) => ({
            step: v.step,
            ...(v.target !== undefined ? { target: v.target } : {}),
            ...(v.subject !== undefined ? { subject: v.subject } : {}),
            status: v.status,
            durationMs: v.durationMs,
            command: v.command,
            detail: v.detail,
        })),
        suppressed: b.suppressed,
    };
}
function findingJson(f, bundle, catalog) {
    const info = catalog.info(f.check, f.severity);
    return {
        check: f.check,
        severity: f.severity,
        category: info.category,
        message: f.message,
        file: paths_locPath(bundle, f.loc) ?? null,
        line: f.loc?.line ?? null,
        column: f.loc?.column ?? null,
        targets: [...f.targets],
        resource: f.resources?.[0] ?? null,
        resources: [...(f.resources ?? [])],
        phases: [...f.phases],
        evidence: f.evidence ?? null,
        impact: f.impact ?? null,
        fix: f.fix ? { text: f.fix.text, patch: f.fix.patch ?? null } : null,
        effortHours: info.effortHours,
        fingerprint: fingerprint_fingerprint(f),
        rulePage: (0,rule_links/* rulePageUrl */.Pd)(f.check),
        ...(f.existing ? { existing: true } : {}),
        ...(f.verified !== undefined ? { verified: f.verified } : {}),
        ...(f.validateAgrees !== undefined ? { validateAgrees: f.validateAgrees } : {}),
    };
}

;// CONCATENATED MODULE: ./src/report/junit.ts




/** XML text: entities, and no character XML 1.0 forbids. */
function xml(text) {
    return text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
function renderJunit(result, options) {
    const suites = [];
    let tests = 0;
    let failures = 0;
    const suite = (name, root, findings, passed) => {
        const cases = [];
        let suiteFailures = 0;
        for (const f of findings) {
            const title = (0,check_info/* catalogFor */.xn)().info(f.check, f.severity).title;
            const file = f.loc ? paths_analysedPath(root, f.loc.file) : undefined;
            const where = file ? `${file}:${f.loc.line}` : '';
            const attrs = `classname="${xml(`dab-ready.${f.check}`)}" name="${xml(`${title}${where ? ` (${where})` : ''}`)}"${file ? ` file="${xml(file)}" line="${f.loc.line}"` : ''}`;
            const body = [f.message, where && `at ${where}`, f.fix?.text && `Fix: ${f.fix.text}`, `Rule: ${(0,rule_links/* rulePageUrl */.Pd)(f.check)}`].filter(Boolean).join('\n');
            if ((0,readiness_gate/* failsGate */.F)(f, options.failOn)) {
                suiteFailures++;
                cases.push(`    <testcase ${attrs}>\n      <failure type="${f.severity}" message="${xml(f.message.split('\n')[0])}">${xml(body)}</failure>\n    </testcase>`);
            }
            else {
                const why = f.existing ? 'existing (in the baseline)' : `${f.severity}, below fail-on ${options.failOn}`;
                cases.push(`    <testcase ${attrs}>\n      <system-out>${xml(`${why}: ${body}`)}</system-out>\n    </testcase>`);
            }
        }
        for (const p of passed)
            cases.push(`    <testcase classname="${xml(`dab-ready.${p.check}`)}" name="${xml(p.title)}"/>`);
        tests += cases.length;
        failures += suiteFailures;
        suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
    };
    for (const b of result.bundles)
        suite(`${b.name} (${b.root})`, b.root, b.findings, b.passed);
    if (result.notices.length)
        suite('repository notices', '.', result.notices, []);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dab-ready" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

// EXTERNAL MODULE: ./src/readiness/plan.ts
var plan = __webpack_require__(9277);
// EXTERNAL MODULE: ./src/readiness/phases.ts
var readiness_phases = __webpack_require__(382);
// EXTERNAL MODULE: ./src/report/duration.ts
var duration = __webpack_require__(6132);
;// CONCATENATED MODULE: ./src/report/escape.ts
// Everything that comes from the repository (file names, messages, evidence, resource names) goes
// through here before it reaches Markdown: no raw HTML, no @mentions, no breaking out of code.
const ZWJ = '\u200D';
/** One line with `&`, `<` and `>` as entities. */
function htmlText(text) {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `@name` with a zero-width joiner after the `@`: shown the same, pings nobody. */
function breakMentions(text) {
    return text.replace(/@(?=[A-Za-z0-9_-])/g, '@' + ZWJ);
}
/** Text inside raw HTML (a `<summary>`, an attribute): entities for HTML, mentions broken, one line. */
function escape_escapeHtml(text) {
    return breakMentions(htmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
}
/** Text for a Markdown paragraph or table cell: one line, HTML and Markdown syntax neutralised. */
function escapeInline(text) {
    return breakMentions(htmlText(text).replace(/[\\`*_[\]|~]/g, (c) => '\\' + c)).replace(/^(\s*)([#+-]|\d+[.)])(\s)/, '$1\\$2$3');
}
/** A message that may quote code between backticks (`entry_point`): the quoted parts become safe
 *  code spans, everything else is escaped. One line. */
function escape_escapeMessage(text, options = {}) {
    const line = text.replace(/\r\n|\r|\n/g, ' ');
    let out = '';
    let i = 0;
    while (i < line.length) {
        const open = line.indexOf('`', i);
        if (open === -1)
            break;
        let n = 1;
        while (line[open + n] === '`')
            n++;
        const close = findRun(line, open + n, n);
        if (close === -1) {
            out += escapeInline(line.slice(i, open + n));
            i = open + n;
            continue;
        }
        out += escapeInline(line.slice(i, open));
        const body = line.slice(open + n, close);
        out += body.trim() ? escape_codeSpan(body.trim(), options) : escapeInline(line.slice(open, close + n));
        i = close + n;
    }
    return out + escapeInline(line.slice(i));
}
/** The next run of exactly `n` backticks at or after `from`, or -1. */
function findRun(text, from, n) {
    let i = from;
    while (i < text.length) {
        const at = text.indexOf('`', i);
        if (at === -1)
            return -1;
        let m = 1;
        while (text[at + m] === '`')
            m++;
        if (m === n)
            return at;
        i = at + m;
    }
    return -1;
}
/** Several lines of text, each escaped; the line breaks are kept as Markdown hard breaks. */
function escape_escapeLines(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((line) => escape_escapeMessage(line))
        .join('  \n');
}
/** An inline code span that cannot be broken out of; in a table cell `|` is escaped as GFM requires. */
function escape_codeSpan(text, options = {}) {
    let body = text.replace(/\r\n|\r|\n/g, ' ');
    const longest = longestRun(body, '`');
    const fence = '`'.repeat(longest + 1);
    if (body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim()))
        body = ` ${body} `;
    if (options.inTable)
        body = body.replace(/\|/g, '\\|');
    return fence + body + fence;
}
/** A fenced code block whose fence is longer than any backtick run inside. */
function escape_fencedBlock(content, language = '') {
    const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
    const lang = /^[A-Za-z0-9_+.-]{1,20}$/.test(language) ? language : '';
    const body = content.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '');
    return `${fence}${lang}\n${body}\n${fence}`;
}
function longestRun(text, ch) {
    let longest = 0;
    let run = 0;
    for (const c of text) {
        run = c === ch ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}
const LANGUAGES = {
    yml: 'yaml',
    yaml: 'yaml',
    json: 'json',
    py: 'python',
    toml: 'toml',
    cfg: 'ini',
    ini: 'ini',
    sql: 'sql',
    scala: 'scala',
    r: 'r',
    sh: 'bash',
    txt: 'text',
    ipynb: 'json',
};
/** The fence language for a file name (`yaml` for `.yml`, ...). */
function escape_languageFor(file) {
    if (!file)
        return '';
    const m = /\.([A-Za-z0-9]+)$/.exec(file);
    return m ? (LANGUAGES[m[1].toLowerCase()] ?? '') : '';
}
/** ANSI styling for the terminal; identity when colour is off. Strips control characters from input. */
function ansi(color) {
    const wrap = (code) => (s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
    return {
        red: wrap('31'),
        yellow: wrap('33'),
        green: wrap('32'),
        blue: wrap('34'),
        magenta: wrap('35'),
        dim: wrap('2'),
        bold: wrap('1'),
    };
}
/** Terminal-safe text: control characters (escape sequences from a crafted file name) are removed. */
function plain(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

;// CONCATENATED MODULE: ./src/report/finding-details.ts




const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '🟢', info: 'ℹ️' };
/** `path:line` relative to the analysed folder, or undefined for a finding without a place. */
function findingWhere(finding, bundle) {
    const file = locPath(bundle, finding.loc);
    return file ? `${file}:${finding.loc.line}` : undefined;
}
/** The blob URL of a finding's line at the head commit. */
function blobUrl(links, analysedFile, line) {
    const file = [links.prefix, analysedFile].filter((p) => p && p !== '.').join('/');
    const encoded = file
        .split('/')
        .filter((s) => s !== '.')
        .map(encodeURIComponent)
        .join('/');
    return `${links.repoUrl}/blob/${encodeURIComponent(links.sha)}/${encoded}${line ? `#L${line}` : ''}`;
}
/** The summary line, as HTML (Markdown is not rendered inside `<summary>`). */
function findingSummaryHtml(finding, bundle, options = {}) {
    const title = catalogFor().info(finding.check, finding.severity).title;
    const parts = [`${SEVERITY_ICON[finding.severity]} <b>${finding.severity}</b>`, escapeHtml(title)];
    const where = options.bundleRelative && finding.loc ? `${finding.loc.file}:${finding.loc.line}` : findingWhere(finding, bundle);
    if (where) {
        const code = `<code>${escapeHtml(where)}</code>`;
        parts.push(options.links ? `<a href="${escapeHtml(blobUrl(options.links, locPath(bundle, finding.loc), finding.loc.line))}">${code}</a>` : code);
    }
    const tags = [options.isNew ? '🆕 new' : '', options.isExisting ? 'existing' : ''].filter(Boolean);
    return parts.join(' · ') + (tags.length ? ` · <i>${tags.join(', ')}</i>` : '');
}
/** The body: what is wrong, the lines at fault, the impact, the fix, and the check's id and page. */
function findingBody(finding, options = {}) {
    const parts = [escapeLines(finding.message)];
    if (finding.evidence)
        parts.push(fencedBlock(finding.evidence, languageFor(finding.loc?.file)));
    if (finding.impact)
        parts.push(`**Impact:** ${escapeLines(finding.impact)}`);
    if (finding.fix) {
        parts.push(`**Fix:** ${escapeLines(finding.fix.text)}`);
        if (finding.fix.patch)
            parts.push(...patchBlocks(finding.fix.patch, finding.loc?.file));
    }
    const facts = [`${codeSpan(finding.check)} ([rule](${rulePageUrl(finding.check)}))`];
    if (finding.targets.length > 0)
        facts.push(`targets ${finding.targets.map((t) => codeSpan(t)).join(', ')}`);
    if (finding.phases.length > 0 && options.phaseNames)
        facts.push(finding.phases.map((id) => escapeMessage(options.phaseNames.get(id) ?? id)).join(', '));
    if (finding.verified)
        facts.push('✅ confirmed by a real run');
    if (finding.validateAgrees)
        facts.push('`databricks bundle validate` agrees');
    facts.push(`suppress: ${codeSpan(`# dab-ready-ignore: ${finding.check} <reason>`)}`);
    parts.push(`<sub>${facts.join(' · ')}</sub>`);
    return parts.join('\n\n');
}
/** The whole collapsed block. */
function findingDetails(finding, bundle, options = {}) {
    return `<details><summary>${findingSummaryHtml(finding, bundle, options)}</summary>\n\n${findingBody(finding, options)}\n\n</details>`;
}
// ---------------------------------------------------------------------------------------------
// Fix snippets: a patch may hold several files (`# databricks.yml` ... `# pyproject.toml` ...).
// Each becomes its own fence in its own language, captioned with the file it goes to.
const FILE_HEADER = /^#\s+((?:[\w.-]+\/)*[\w.-]+\.[A-Za-z0-9]+)\b(.*)$/;
function splitPatch(patch) {
    const lines = patch.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '').split('\n');
    const sections = [];
    let current = { lines: [] };
    lines.forEach((line, i) => {
        const header = FILE_HEADER.exec(line);
        const startsSection = header && (i === 0 || lines[i - 1].trim() === '') && escape_languageFor(header[1]) !== '';
        if (startsSection) {
            if (current.lines.some((l) => l.trim()))
                sections.push(finish(current));
            current = { caption: line.replace(/^#\s+/, '').trim(), file: header[1], lines: [] };
        }
        else {
            current.lines.push(line);
        }
    });
    if (current.lines.some((l) => l.trim()) || current.caption)
        sections.push(finish(current));
    return sections;
}
function finish(section) {
    const lines = [...section.lines];
    while (lines.length && !lines[lines.length - 1].trim())
        lines.pop();
    return { caption: section.caption, file: section.file, body: lines.join('\n') };
}
function patchBlocks(patch, findingFile) {
    return splitPatch(patch).map((s) => {
        const language = s.file ? escape_languageFor(s.file) : patchLanguage(s.body, findingFile);
        const fence = escape_fencedBlock(s.body, language);
        return s.caption ? `${escape_codeSpan(s.caption)}\n${fence}` : fence;
    });
}
/** The language of a snippet without a file header. */
function patchLanguage(patch, file) {
    if (/^#!.*\b(ba|z)?sh\b/.test(patch))
        return 'bash';
    if (/^(---|\+\+\+|@@) /m.test(patch))
        return 'diff';
    if (/^\s*\[[A-Za-z0-9_.\- "]+\]\s*$/m.test(patch) && /^\s*[\w.-]+\s*=/m.test(patch))
        return 'toml';
    if (/^\s*(def |import |from \S+ import |entry_points\s*=)/m.test(patch))
        return 'python';
    if (/^\s*(%pip|pip|python3?|databricks|uv|export)\s/m.test(patch) && !/^\s*[\w.-]+:\s/m.test(patch))
        return 'bash';
    if (/^\s*[\w.-]+:(\s|$)/m.test(patch) && !/^\s*(def|class|if|for|while|with|try)\b.*:\s*$/m.test(patch))
        return 'yaml';
    return escape_languageFor(file);
}

;// CONCATENATED MODULE: ./src/report/markdown.ts










const DEFAULT_TITLE = 'Databricks Asset Bundle Deployment Readiness';

const SEVERITY_LABEL = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };
const GAP_HEADING = {
    critical: '🔴 CRITICAL GAPS',
    high: '🟠 HIGH PRIORITY GAPS',
    medium: '🟡 MEDIUM PRIORITY GAPS',
    low: '🟢 LOW PRIORITY / OPTIONAL',
    info: 'ℹ️ INFORMATIONAL',
};
const GAP_STATUS = {
    critical: '❌ **BLOCKER** - Must fix before deployment',
    high: '🟠 **HIGH** - Will fail or is not production-ready',
    medium: '🟡 **MEDIUM** - Works but suboptimal',
    low: '🟢 **LOW** - Nice to have, not blocking deployment',
    info: 'ℹ️ **INFO** - For your information',
};
const PRIORITY_NAME = {
    critical: 'Critical Blockers',
    high: 'High Priority',
    medium: 'Medium Priority',
    low: 'Low Priority',
    info: 'Informational',
};
const CATEGORY_ORDER = [
    'Bundle Configuration',
    'Python Package Build',
    'Entry Points',
    'Vector Search Integration',
    'Vector Search Endpoints',
    'File Sync Configuration',
    'Library Dependencies',
    'Model Registry Integration',
    'DLT Pipeline',
    'Developer Setup',
    'Verification',
];
function renderMarkdown(result, options = {}) {
    const title = escapeInline(options.title ?? DEFAULT_TITLE);
    const several = result.bundles.length > 1;
    const depth = several ? 3 : 2;
    const parts = [`# ${title}`];
    if (result.bundles.length === 0) {
        parts.push('No Databricks Asset Bundle (`databricks.yml`) was found under the analysed path.');
    }
    for (const bundle of result.bundles) {
        if (several)
            parts.push(`## Bundle ${escapeInline(bundle.name)} (${escape_codeSpan(bundle.root)})`);
        const opts = { depth, checks: options.checks, maxFindingsPerGap: options.maxFindingsPerGap };
        parts.push(options.detail === 'summary' ? renderBundleSummary(bundle, { ...opts, topGaps: options.topGaps }) : renderBundleFull(bundle, opts));
    }
    if (result.notices.length > 0)
        parts.push(renderNotices(result.notices, { depth: 2 }));
    parts.push(`_Generated by ${escapeInline(result.tool.name)} ${escapeInline(result.tool.version)}._`);
    return parts.join('\n\n') + '\n';
}
/** The whole seed-shaped report for one bundle. */
function renderBundleFull(bundle, options = {}) {
    return [
        renderHeader(bundle),
        '---',
        renderExecutiveSummary(bundle, options),
        '---',
        renderGaps(bundle, options),
        renderRequiredChanges(bundle, options),
        renderPhaseChecklist(bundle, options),
        bundle.verification.length > 0 ? renderVerification(bundle, options) : '',
        renderEffort(bundle, options),
        renderActionPlan(bundle, options),
        renderTestingStrategy(bundle, options),
        renderConclusion(bundle, options),
    ]
        .filter(Boolean)
        .join('\n\n');
}
/** The short form: status and score, blockers, the phase checklist and the top gaps. */
function renderBundleSummary(bundle, options = {}) {
    return [
        renderHeader(bundle),
        renderSummarySection(bundle, options),
        bundle.verification.length > 0 ? renderVerificationSummary(bundle) : '',
        renderPhaseChecklist(bundle, options),
        renderTopGaps(bundle, options.topGaps ?? 10, options),
    ]
        .filter(Boolean)
        .join('\n\n');
}
function renderHeader(bundle) {
    const targets = bundle.targets.map((t) => escape_codeSpan(t)).join(', ');
    const lines = [
        `**Project:** ${escapeInline(bundle.name)}`,
        `**Bundle root:** ${escape_codeSpan(bundle.root)}`,
        `**Targets analysed:** ${targets || '_none_'}${bundle.defaultTarget ? ` (default ${escape_codeSpan(bundle.defaultTarget)})` : ''}`,
        '**Deployment Method:** Databricks Asset Bundles (DABs)',
    ];
    return lines.join('  \n');
}
/** One line: the overall status, blocker count and score. */
function renderStatusLine(bundle) {
    const c = bundle.counts;
    let status;
    if (c.critical > 0)
        status = `🔴 **Blocked** - ${plural(c.critical, 'critical blocker')}`;
    else if (c.high + c.medium > 0)
        status = `🟡 **Partially Ready** - ${plural(c.high + c.medium, 'gap')} to close before production`;
    else if (c.low + c.info > 0)
        status = '🟢 **Ready** - only optional improvements left';
    else
        status = '✅ **Ready** - no gaps found';
    return `**Overall Status:** ${status} · Readiness score **${bundle.score}/100**${targetScoreSuffix(bundle)}`;
}
function targetScoreSuffix(bundle) {
    const entries = Object.entries(bundle.targetScores);
    if (entries.length < 2)
        return '';
    return ` (${entries.map(([t, s]) => `${escape_codeSpan(t)} ${s}`).join(', ')})`;
}
/** Status line plus the counts per priority (the short head of the PR comment). */
function renderSummarySection(bundle, _options = {}) {
    const lines = [renderStatusLine(bundle), renderCounts(bundle)];
    if (bundle.suppressed > 0)
        lines.push(`_${plural(bundle.suppressed, 'finding')} suppressed by configuration or inline comments._`);
    return lines.join('\n\n');
}
function renderCounts(bundle) {
    return model/* SEVERITIES */.oC.filter((s) => s !== 'info' || bundle.counts.info > 0)
        .map((s) => `**${PRIORITY_NAME[s]}:** ${bundle.counts[s]}`)
        .join('  \n');
}
function renderExecutiveSummary(bundle, options = {}) {
    const catalog = (0,check_info/* catalogFor */.xn)(options.checks);
    const h = heading(options);
    const rows = categoryRows(bundle, catalog);
    const table = rows.length === 0
        ? '_No checks ran._'
        : [
            '| Category | Status | Priority | Impact |',
            '|----------|--------|----------|--------|',
            ...rows.map((r) => `| ${escapeInline(r.category)} | ${r.status} | ${r.priority} | ${escape_escapeMessage(r.impact, { inTable: true })} |`),
        ].join('\n');
    return [`${h} Executive Summary`, renderStatusLine(bundle), table, renderCounts(bundle)].join('\n\n');
}
function categoryRows(bundle, catalog) {
    const byCategory = new Map();
    for (const f of bundle.findings) {
        const c = catalog.info(f.check, f.severity).category;
        byCategory.set(c, [...(byCategory.get(c) ?? []), f]);
    }
    const passedBy = new Map();
    for (const p of bundle.passed)
        passedBy.set(p.category, [...(passedBy.get(p.category) ?? []), p.message]);
    const categories = [...new Set([...byCategory.keys(), ...passedBy.keys()])].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return categories.map((category) => {
        const findings = byCategory.get(category);
        if (!findings) {
            return { category, status: '✅ Complete', priority: 'N/A', impact: passedBy.get(category)?.[0] ?? 'All checks passed' };
        }
        const severity = (0,readiness_phases/* worst */.QZ)(findings.map((f) => f.severity));
        const top = findings.find((f) => f.severity === severity);
        const checksFailing = new Set(findings.map((f) => f.check)).size;
        return {
            category,
            status: `${SEVERITY_ICON[severity]} ${plural(checksFailing, 'gap')}`,
            priority: severity === 'low' || severity === 'info' ? SEVERITY_LABEL[severity] : `**${SEVERITY_LABEL[severity]}**`,
            impact: truncate(firstLine(top.impact ?? top.message), 140),
        };
    });
}
function rank(category) {
    const i = CATEGORY_ORDER.indexOf(category);
    return i === -1 ? CATEGORY_ORDER.length : i;
}
/** The gaps grouped by severity, one gap per failing check, numbered in report order. */
function renderGaps(bundle, options = {}) {
    const catalog = (0,check_info/* catalogFor */.xn)(options.checks);
    const h = heading(options);
    const out = [];
    let number = 0;
    for (const severity of model/* SEVERITIES */.oC) {
        const rows = bundle.effort.rows.filter((r) => r.severity === severity);
        if (rows.length === 0)
            continue;
        out.push(`${h} ${GAP_HEADING[severity]}`);
        for (const row of rows) {
            number++;
            const findings = bundle.findings.filter((f) => f.check === row.check);
            out.push(renderGap(row.check, findings, number, bundle, { ...options, checks: catalog.checks }));
            out.push('---');
        }
    }
    if (out.length === 0)
        return `${h} Gaps\n\n✅ No gaps found.`;
    return out.join('\n\n');
}
/** One gap: a failing check with each of its findings. */
function renderGap(check, findings, number, bundle, options = {}) {
    const catalog = (0,check_info/* catalogFor */.xn)(options.checks);
    const info = catalog.info(check, findings[0]?.severity);
    const h = heading(options) + '#';
    const severity = findings.length > 0 ? (0,readiness_phases/* worst */.QZ)(findings.map((f) => f.severity)) : info.severity;
    const parts = [`${h} Gap ${number}: ${gapName(check, findings, options.checks)}`, `**Check:** ${escape_codeSpan(check)} ([rule page](${(0,rule_links/* rulePageUrl */.Pd)(check)})) · **Category:** ${escapeInline(info.category)} · **Effort:** ${formatHours(info.effortHours)}`];
    if (findings.length === 1) {
        parts.push(renderFindingDetails(findings[0], { bundle }));
    }
    else {
        const shown = findings.slice(0, options.maxFindingsPerGap ?? findings.length);
        shown.forEach((f, i) => {
            parts.push(`${h}# ${number}.${i + 1} ${f.loc ? escape_codeSpan(`${paths_locPath(bundle, f.loc)}:${f.loc.line}`) : escapeInline(firstLine(f.message))}`);
            parts.push(renderFindingDetails(f, { bundle }));
        });
        if (shown.length < findings.length)
            parts.push(`_…and ${plural(findings.length - shown.length, 'more finding')} of this check, not shown here._`);
    }
    parts.push(`**Status:** ${GAP_STATUS[severity]}`);
    return parts.join('\n\n');
}
/** The gap heading: the check's problem-phrased name and what it concerns ("Python Package Not
 *  Built (`jobs.train`)"), or how many places when it concerns many. */
function gapName(check, findings, checks) {
    const resources = [...new Set(findings.flatMap((f) => f.resources ?? []))];
    let subject = '';
    if (resources.length > 0 && resources.length <= 2)
        subject = ` (${resources.map((r) => escape_codeSpan(r)).join(', ')})`;
    else if (resources.length > 2)
        subject = ` (${resources.length} resources)`;
    else if (findings.length > 1)
        subject = ` (${findings.length} places)`;
    return `${escapeInline(checkTitle(check, checks))}${subject}`;
}
/** Issue, Evidence, Impact, Required Fix and where it applies, for one finding. */
function renderFindingDetails(finding, options = {}) {
    const parts = [`**Issue:** ${escape_escapeLines(finding.message)}`];
    const where = finding.loc ? `${paths_locPath(options.bundle, finding.loc)}:${finding.loc.line}` : undefined;
    if (where || finding.evidence) {
        const evidence = ['**Evidence:**'];
        if (where)
            evidence.push(`- ${escape_codeSpan(where)}`);
        if (finding.evidence)
            evidence.push(escape_fencedBlock(finding.evidence, escape_languageFor(finding.loc?.file)));
        parts.push(evidence.join('\n'));
    }
    if (finding.impact)
        parts.push(`**Impact:**\n${bulletLines(finding.impact)}`);
    if (finding.fix) {
        const fix = [`**Required Fix:**`, escape_escapeLines(finding.fix.text)];
        if (finding.fix.patch)
            fix.push(...patchBlocks(finding.fix.patch, finding.loc?.file));
        parts.push(fix.join('\n\n'));
    }
    const facts = [];
    if (finding.targets.length > 0)
        facts.push(`**Targets:** ${finding.targets.map((t) => escape_codeSpan(t)).join(', ')}`);
    if (finding.resources && finding.resources.length > 0)
        facts.push(`**Resources:** ${finding.resources.map((r) => escape_codeSpan(r)).join(', ')}`);
    if (finding.phases.length > 0 && options.bundle) {
        const names = finding.phases.map((id) => options.bundle.phases.find((p) => p.id === id)?.name ?? id);
        facts.push(`**Phases:** ${names.map(escapeInline).join(', ')}`);
    }
    if (finding.verified)
        facts.push('**Verified:** ✅ confirmed by a real run');
    if (finding.validateAgrees)
        facts.push('`databricks bundle validate` reports it too');
    if (facts.length > 0)
        parts.push(facts.join(' · '));
    return parts.join('\n\n');
}
/** One list line per finding: for the summary and for trimmed comments. */
function renderFindingLine(finding, bundle, options = {}) {
    const where = finding.loc ? ` ${escape_codeSpan(`${paths_locPath(bundle, finding.loc)}:${finding.loc.line}`)}` : '';
    return `- ${SEVERITY_ICON[finding.severity]} **${SEVERITY_LABEL[finding.severity]}** ${escape_codeSpan(finding.check)}${where}: ${escape_escapeMessage(truncate(firstLine(finding.message), 200))}`;
}
function renderTopGaps(bundle, limit = 10, options = {}) {
    const h = heading(options);
    if (bundle.findings.length === 0)
        return `${h} Top Gaps\n\n✅ No gaps found.`;
    const shown = bundle.findings.slice(0, limit).map((f) => renderFindingLine(f, bundle, options));
    const more = bundle.findings.length - shown.length;
    if (more > 0)
        shown.push(`- _…and ${plural(more, 'more finding')}_`);
    return `${h} Top Gaps\n\n${shown.join('\n')}`;
}
function renderPhaseChecklist(bundle, options = {}) {
    const h = heading(options);
    return [`${h} Deployment Readiness Checklist`, ...bundle.phases.map((p) => renderPhase(p, bundle, options))].join('\n\n');
}
function renderPhase(phase, bundle, options = {}) {
    const h = heading(options) + '#';
    const lines = [`${h} ${escapeInline(phase.name)}`, ''];
    const meta = [];
    if (phase.jobs.length > 0)
        meta.push(`_Jobs:_ ${phase.jobs.map((j) => escape_codeSpan(j)).join(', ')}`);
    else if (phase.resources.length === 0)
        meta.push('_No resources._');
    if (phase.dependsOn.length > 0) {
        meta.push(`_Depends on:_ ${phase.dependsOn.map((id) => escapeInline(bundle.phases.find((p) => p.id === id)?.name ?? id)).join(', ')}`);
    }
    if (meta.length > 0)
        lines.push(meta.join(' · '), '');
    for (const item of phase.checklist) {
        const icon = item.ok && !item.severity ? '✅' : item.severity === 'critical' ? '❌' : '⚠️';
        const text = escapeInline(item.text);
        lines.push(`- ${icon} ${item.ok ? text : `**${text}**`}`);
    }
    const holder = (0,readiness_phases/* heldBackBy */.It)(phase, bundle.phases);
    const held = holder ? ` · ⏸️ held back: depends on blocked ${escapeInline(holder.name)}` : '';
    lines.push(`- **Status:** ${PHASE_STATUS[phase.status]}${held}`);
    return lines.join('\n');
}
const PHASE_STATUS = {
    ready: '✅ **READY**',
    partial: '🟡 **PARTIAL**',
    blocked: '❌ **BLOCKED**',
};
const STEP_ICON = { passed: '✅', failed: '❌', skipped: '⏭️' };
function renderVerification(bundle, options = {}) {
    const h = heading(options);
    const parts = [`${h} Verification`];
    for (const step of bundle.verification)
        parts.push(renderVerificationStep(step, options));
    return parts.join('\n\n');
}
/** One line: how many verification steps passed, failed and were skipped, naming the failures. */
function renderVerificationSummary(bundle) {
    const by = (status) => bundle.verification.filter((v) => v.status === status);
    const failed = by('failed');
    const parts = [`${by('passed').length} passed`, `${failed.length} failed`];
    if (by('skipped').length > 0)
        parts.push(`${by('skipped').length} skipped`);
    const names = failed.map((v) => `${escapeInline(v.step)}${v.subject ? ` ${escape_codeSpan(v.subject)}` : ''}${v.target ? ` (${escape_codeSpan(v.target)})` : ''}`);
    const nothingRan = failed.length === 0 && by('passed').length === 0 ? ': nothing was verified' : '';
    return `**Verification:** ${verificationIcon(bundle.verification)} ${parts.join(', ')}${names.length > 0 ? `: ${names.join(', ')}` : nothingRan}`;
}
/** ❌ when a step failed; ✅ only when something actually ran and passed; ⚠️ when every step was skipped. */
function verificationIcon(steps) {
    if (steps.some((v) => v.status === 'failed'))
        return '❌';
    return steps.some((v) => v.status === 'passed') ? '✅' : '⚠️';
}
function renderVerificationStep(step, options = {}) {
    const h = heading(options) + '#';
    const about = [step.target ? `target ${escape_codeSpan(step.target)}` : '', step.subject ? escape_codeSpan(step.subject) : ''].filter(Boolean).join(' · ');
    const parts = [
        `${h} ${STEP_ICON[step.status]} ${escapeInline(step.step)}${about ? ` · ${about}` : ''} · ${step.status} in ${(0,duration/* formatDuration */.a)(step.durationMs)}`,
    ];
    if (step.detail)
        parts.push(escape_escapeLines(step.detail));
    if (step.command)
        parts.push(escape_fencedBlock(`$ ${step.command}`, 'console'));
    if (step.status === 'failed' && step.output && step.output.length > 0) {
        parts.push(`Last lines of output:\n\n${escape_fencedBlock(step.output.join('\n'), 'text')}`);
    }
    return parts.join('\n\n');
}
function renderEffort(bundle, options = {}) {
    const h = heading(options);
    const e = bundle.effort;
    if (e.rows.length === 0)
        return `${h} Estimated Effort to Fix\n\nNothing to fix.`;
    const table = [
        '| Gap | Priority | Effort | Findings |',
        '|-----|----------|--------|----------|',
        ...e.rows.map((r, i) => {
            const n = bundle.findings.filter((f) => f.check === r.check).length;
            return `| ${i + 1}. ${escapeInline(checkTitle(r.check, options.checks))} | ${SEVERITY_LABEL[r.severity]} | ${formatHours(r.hours)} | ${n} |`;
        }),
    ].join('\n');
    const totals = [
        `**Total Critical Path:** ~${formatHours(e.criticalPath)}`,
        `**Total with High Priority:** ~${formatHours(e.withHigh)}`,
        `**Full Implementation:** ~${formatHours(e.full)}`,
    ].join('  \n');
    return [`${h} Estimated Effort to Fix`, table, totals].join('\n\n');
}
function renderActionPlan(bundle, options = {}) {
    const h = heading(options);
    const steps = (0,plan/* buildActionPlan */.I)(bundle, options.checks);
    if (steps.length === 0)
        return `${h} Recommended Action Plan\n\n✅ Nothing to do: deploy.`;
    const parts = [`${h} Recommended Action Plan`];
    let n = 0;
    steps.forEach((step, i) => {
        const lines = [`${h}# Step ${i + 1}: ${step.title} (${formatHours(step.hours)}) - ${step.when}`, ''];
        for (const item of step.items) {
            n++;
            const count = item.findings > 1 ? `, ${item.findings} findings` : '';
            lines.push(`${n}. **${escapeInline(item.title)}** (${formatHoursShort(item.hours)}${count})`);
            for (const action of item.actions)
                lines.push(`   - ${escape_escapeMessage(action)}`);
        }
        parts.push(lines.join('\n'));
    });
    return parts.join('\n\n');
}
/** The failing checks in gap order (by severity, then the effort table's order), numbered from 1. */
function numberedGaps(bundle) {
    const out = [];
    for (const severity of model/* SEVERITIES */.oC) {
        for (const row of bundle.effort.rows.filter((r) => r.severity === severity))
            out.push({ number: out.length + 1, row });
    }
    return out;
}
const CHANGE_GROUPS = [
    { title: 'Must Fix Before Deployment (CRITICAL)', severities: ['critical'] },
    { title: 'Should Fix for Production (HIGH/MEDIUM)', severities: ['high', 'medium'] },
    { title: 'Optional Enhancements (LOW)', severities: ['low', 'info'] },
];
/** The gaps again, one line each with the first lines of their fix, grouped by how urgent they are. */
function renderRequiredChanges(bundle, options = {}) {
    const h = heading(options);
    const gaps = numberedGaps(bundle);
    if (gaps.length === 0)
        return `${h} Summary of Required Changes\n\n✅ Nothing to change.`;
    const parts = [`${h} Summary of Required Changes`];
    for (const group of CHANGE_GROUPS) {
        const mine = gaps.filter((g) => group.severities.includes(g.row.severity));
        if (mine.length === 0)
            continue;
        const lines = [`${h}# ${group.title}`, ''];
        for (const { number, row } of mine) {
            const findings = bundle.findings.filter((f) => f.check === row.check);
            const count = findings.length > 1 ? ` (${findings.length} findings)` : '';
            lines.push(`${number}. **${gapName(row.check, findings, options.checks)}**${count}`);
            const fixText = findings.find((f) => f.fix?.text)?.fix?.text ?? '';
            const actions = fixText
                .split(/\r\n|\r|\n/)
                .map((l) => l.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').trim())
                .filter(Boolean)
                .slice(0, 2);
            for (const action of actions)
                lines.push(`   - ${escape_escapeMessage(action)}`);
        }
        parts.push(lines.join('\n'));
    }
    return parts.join('\n\n');
}
/** How to test the fixes, from what the bundle holds: build and smoke-test each wheel-task entry
 *  point, validate every analysed target, then deploy phase by phase in dependency order. */
function renderTestingStrategy(bundle, options = {}) {
    const h = heading(options);
    const parts = [`${h} Testing Strategy`, 'After fixes are implemented:'];
    let step = 0;
    const wheelTasks = bundle.phases.flatMap((p) => p.wheelTasks ?? []);
    if (wheelTasks.length > 0) {
        const byDir = new Map();
        const unplaced = new Set();
        for (const w of wheelTasks) {
            if (w.projectDir === undefined) {
                if (w.packageName)
                    unplaced.add(w.packageName);
                continue;
            }
            const eps = byDir.get(w.projectDir) ?? [];
            if (w.entryPoint && !eps.includes(w.entryPoint))
                eps.push(w.entryPoint);
            byDir.set(w.projectDir, eps);
        }
        const commands = [];
        for (const [dir, entryPoints] of [...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const dist = dir === '.' ? 'dist' : `${dir.replace(/\/+$/, '')}/dist`;
            if (commands.length > 0)
                commands.push('');
            commands.push('# Build wheel', dir === '.' ? 'python -m build' : `python -m build ${shellWord(dir)}`, '');
            commands.push('# Test entry point' + (entryPoints.length === 1 ? '' : 's'), `pip install ${shellWord(dist)}/*.whl`);
            for (const ep of entryPoints)
                commands.push(`${shellWord(ep)} --help`);
        }
        for (const name of [...unplaced].sort()) {
            if (commands.length > 0)
                commands.push('');
            commands.push(oneLine(`# No Python project in the repository is named ${name}: build the one that provides it`));
        }
        parts.push(`**${++step}. Local Testing**\n\n${escape_fencedBlock(commands.join('\n'), 'bash')}`);
    }
    if (bundle.targets.length > 0) {
        const commands = bundle.targets.map((t) => `databricks bundle validate -t ${shellWord(t)}`);
        parts.push(`**${++step}. Bundle Validation**\n\n${escape_fencedBlock(commands.join('\n'), 'bash')}`);
    }
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    const target = bundle.targets.includes(bundle.defaultTarget) ? bundle.defaultTarget : bundle.targets[0];
    if (phases.length > 0 && target !== undefined) {
        const path = bundle.root === '.' ? '' : ` ${shellWord(bundle.root)}`;
        const commands = ['# Deploy and test each phase in order'];
        for (const p of phases) {
            const notes = [];
            if (p.status === 'blocked')
                notes.push('blocked until its critical gaps are fixed');
            const holder = (0,readiness_phases/* heldBackBy */.It)(p, phases);
            if (holder)
                notes.push(`held back until ${holder.name} deploys`);
            const wheels = (p.wheelTasks ?? []).map((w) => w.task);
            if (wheels.length > 0)
                notes.push(`test wheel task${wheels.length === 1 ? '' : 's'} ${wheels.join(', ')}`);
            const note = notes.length > 0 ? `  # ${p.name} (${notes.join('; ')})` : `  # ${p.name}`;
            commands.push(`dab-ready deploy${path} --phase ${shellWord(p.id)} --target ${shellWord(target)}${oneLine(note)}`);
        }
        parts.push(`**${++step}. Incremental Deployment**\n\n${escape_fencedBlock(commands.join('\n'), 'bash')}`);
    }
    if (step === 0)
        return '';
    return parts.join('\n\n');
}
function renderConclusion(bundle, options = {}) {
    const h = heading(options);
    const blockers = bundle.effort.rows.filter((r) => r.severity === 'critical');
    const scores = Object.entries(bundle.targetScores);
    const worstTargets = scores.filter(([, s]) => s === bundle.score).map(([t]) => t);
    const differ = worstTargets.length < scores.length;
    const lines = [
        `**Deployment Readiness:** **${bundle.score}%**${differ ? ` (worst target ${worstTargets.map((t) => escape_codeSpan(t)).join(', ')})` : ''}`,
        blockers.length === 0
            ? '**Critical Blockers:** ✅ **0**'
            : `**Critical Blockers:** ❌ **${bundle.counts.critical}** (${blockers.map((b) => escapeInline(checkTitle(b.check, options.checks))).join(', ')})`,
        `**Time to Production:** ~${formatHours(bundle.effort.withHigh)} (critical and high priority gaps)`,
        `**Next Step:** ${nextStep(bundle, options.checks)}`,
    ];
    return [`${h} Conclusion`, `**Current State:**\n${currentState(bundle)}`, lines.join('  \n')].join('\n\n');
}
/** What is true now: what passed, which phases are ready, blocked or held back. */
function currentState(bundle) {
    const lines = [];
    if (bundle.passed.length > 0)
        lines.push(`- ✅ ${plural(bundle.passed.length, 'check')} passed`);
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    const names = (ps) => ps.map((p) => escapeInline(p.name)).join(', ');
    const blocked = phases.filter((p) => p.status === 'blocked');
    const held = phases.map((p) => ({ p, holder: (0,readiness_phases/* heldBackBy */.It)(p, phases) })).filter((x) => x.holder);
    const heldIds = new Set(held.map((x) => x.p.id));
    const ready = phases.filter((p) => p.status === 'ready' && !heldIds.has(p.id));
    const partial = phases.filter((p) => p.status === 'partial' && !heldIds.has(p.id));
    if (ready.length > 0)
        lines.push(`- ✅ Ready to deploy: ${names(ready)}`);
    if (partial.length > 0)
        lines.push(`- 🟡 Deployable with open gaps: ${names(partial)}`);
    if (blocked.length > 0)
        lines.push(`- ❌ Blocked: ${names(blocked)}`);
    if (held.length > 0) {
        const holders = [...new Set(held.map((x) => x.holder.name))];
        lines.push(`- ⏸️ Held back: ${names(held.map((x) => x.p))} (${holders.length === 1 ? 'depend' + (held.length === 1 ? 's' : '') : 'depending'} on blocked ${holders.map(escapeInline).join(', ')})`);
    }
    const failed = bundle.verification.filter((v) => v.status === 'failed').length;
    const passedRuns = bundle.verification.filter((v) => v.status === 'passed').length;
    const skippedRuns = bundle.verification.length - failed - passedRuns;
    if (bundle.verification.length > 0) {
        const skippedText = skippedRuns > 0 ? `, ${skippedRuns} skipped${failed + passedRuns === 0 ? ': nothing was verified' : ''}` : '';
        lines.push(`- ${verificationIcon(bundle.verification)} Verification: ${passedRuns} passed, ${failed} failed${skippedText}`);
    }
    if (lines.length === 0)
        lines.push('- No checks ran.');
    return lines.join('\n');
}
function nextStep(bundle, checks) {
    const gaps = numberedGaps(bundle);
    const first = gaps[0]?.row;
    if (!first)
        return 'Deploy: every check passed.';
    if (!bundle.ready) {
        const critical = gaps.filter((g) => g.row.severity === 'critical').map((g) => escapeInline(checkTitle(g.row.check, checks)));
        const blocked = bundle.phases.filter((p) => p.status === 'blocked').map((p) => escapeInline(p.name));
        const then = blocked.length > 0 && blocked.length < bundle.phases.length ? `deploy ${blocked.join(', ')}` : 'deploy';
        return critical.length > 0 ? `Fix ${critical.join(', ')}, then ${then}.` : `Fix the critical gaps, then ${then}.`;
    }
    if (first.severity === 'high' || first.severity === 'medium')
        return `Deploy, then close the remaining gaps, starting with ${escapeInline(checkTitle(first.check, checks))}.`;
    return 'Deploy; the remaining gaps are optional.';
}
function renderNotices(notices, options = {}) {
    const h = heading(options);
    return [`${h} Repository Notices`, notices.map((n) => renderFindingLine(n, undefined, options)).join('\n')].join('\n\n');
}
// ---------------------------------------------------------------------------------------------
/** A word for a shell command shown in the report: plain when safe, single-quoted otherwise. */
function shellWord(word) {
    return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ');
}
/** The check's title: the one name a finding has in every report. */
function checkTitle(check, checks) {
    return (0,check_info/* catalogFor */.xn)(checks).info(check).title;
}
function heading(options) {
    return '#'.repeat(Math.max(1, Math.min(4, options.depth ?? 2)));
}
function bulletLines(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(/^\s*[-*]\s+/, '').trim())
        .filter(Boolean)
        .map((l) => `- ${escape_escapeMessage(l)}`)
        .join('\n');
}
function formatHours(hours) {
    if (hours > 0 && hours < 1)
        return `${Math.round(hours * 60)} min`;
    return `${trimNumber(hours)} hour${hours === 1 ? '' : 's'}`;
}
function formatHoursShort(hours) {
    return `${trimNumber(hours)}h`;
}
function trimNumber(n) {
    return String(Math.round(n * 100) / 100);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function firstLine(text) {
    return text.split(/\r\n|\r|\n/).find((l) => l.trim())?.trim() ?? '';
}
function truncate(text, max) {
    return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for GitHub code scanning: every check is a rule, every finding a result with a stable
// partial fingerprint. No `security-severity`: these are deployment problems, not vulnerabilities.





const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/dab-ready/dab-ready';
function sarifLevel(severity) {
    return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}
function renderSarif(result, options = {}) {
    return JSON.stringify(toSarif(result, options), null, 2) + '\n';
}
function toSarif(result, options = {}) {
    const catalog = (0,check_info/* catalogFor */.xn)(options.checks);
    const rules = [...catalog.all()];
    const all = [
        ...result.bundles.flatMap((bundle) => bundle.findings.map((finding) => ({ finding, bundle }))),
        ...result.notices.map((finding) => ({ finding })),
    ];
    for (const { finding } of all) {
        if (!rules.some((r) => r.id === finding.check))
            rules.push(catalog.info(finding.check, finding.severity));
    }
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const prefix = options.pathPrefix ? normalisePrefix(options.pathPrefix) : '';
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'dab-ready',
                        version: result.tool.version,
                        informationUri: options.informationUri ?? INFORMATION_URI,
                        rules: rules.map(ruleJson),
                    },
                },
                results: all.map(({ finding, bundle }) => resultJson(finding, bundle, index.get(finding.check), prefix)),
            },
        ],
    };
}
function ruleJson(rule) {
    const docs = rule.docs.trim();
    const full = docs ? docs.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim() : rule.title;
    return {
        id: rule.id,
        name: pascalCase(rule.id),
        shortDescription: { text: rule.title },
        fullDescription: { text: full || rule.title },
        helpUri: (0,rule_links/* rulePageUrl */.Pd)(rule.id),
        help: {
            text: docs || `${rule.title}. Run \`dab-ready explain ${rule.id}\` for details.`,
            markdown: docs ? `**${rule.title}**\n\n${docs}` : `**${rule.title}**`,
        },
        defaultConfiguration: { level: sarifLevel(rule.severity) },
        properties: {
            category: rule.category,
            tags: ['databricks', 'asset-bundle', slug(rule.category)],
        },
    };
}
function resultJson(f, bundle, ruleIndex, prefix) {
    const file = f.loc ? paths_analysedPath(bundle?.root ?? '.', f.loc.file) : paths_analysedPath(bundle?.root ?? '.', bundle?.rootFile ?? 'databricks.yml');
    const uri = toUri(prefix ? external_node_path_default().posix.normalize(external_node_path_default().posix.join(prefix, file)) : file);
    const line = f.loc ? Math.max(1, f.loc.line) : 1;
    const column = f.loc ? Math.max(1, f.loc.column) : 1;
    const text = f.fix?.text ? `${f.message}\nFix: ${f.fix.text}` : f.message;
    return {
        ruleId: f.check,
        ruleIndex,
        level: sarifLevel(f.severity),
        message: { text },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri },
                    region: { startLine: line, startColumn: column },
                },
            },
        ],
        partialFingerprints: { 'dabReady/v2': fingerprint_fingerprint(f) },
        ...(f.existing ? { baselineState: 'unchanged' } : {}),
        properties: { severity: f.severity, targets: [...f.targets] },
    };
}
function toUri(file) {
    return file
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}
function normalisePrefix(prefix) {
    const p = external_node_path_default().posix.normalize(toPosix(prefix)).replace(/^\.\/?$/, '').replace(/\/+$/, '');
    return p.startsWith('/') ? p.slice(1) : p;
}
function pascalCase(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
}
function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// EXTERNAL MODULE: ./src/report/error-lines.ts
var error_lines = __webpack_require__(4998);
;// CONCATENATED MODULE: ./src/report/text.ts








function renderText(result, options = {}) {
    const c = ansi(options.color === true);
    const display = options.display ?? ((root, file) => paths_analysedPath(root, file));
    const out = [];
    if (options.quiet) {
        const failing = (f) => (0,readiness_gate/* failsGate */.F)(f, options.failOn ?? 'critical');
        for (const bundle of result.bundles)
            for (const f of bundle.findings.filter(failing))
                out.push(findingText(f, bundle, c, display)[0]);
        for (const n of result.notices.filter(failing))
            out.push(findingText(n, undefined, c, display)[0]);
        if (options.summary)
            out.push(options.summary);
        return out.length ? out.join('\n') + '\n' : '';
    }
    if (result.bundles.length === 0)
        out.push('No Databricks Asset Bundle found.');
    for (const bundle of result.bundles) {
        out.push(...bundleText(bundle, c, display));
        out.push('');
    }
    if (result.notices.length > 0) {
        out.push(c.bold('Notices'));
        for (const n of result.notices)
            out.push(...findingText(n, undefined, c, display));
        out.push('');
    }
    if (options.summary)
        out.push(c.bold(options.summary));
    return out.join('\n').replace(/\n+$/, '') + '\n';
}
function severityPaint(c, s) {
    return s === 'critical' ? (t) => c.bold(c.red(t)) : s === 'high' ? c.red : s === 'medium' ? c.yellow : s === 'low' ? c.blue : c.dim;
}
function bundleText(b, c, display) {
    const out = [];
    const root = b.root === '.' ? '' : ` (${plain(b.root)})`;
    out.push(c.bold(`${plain(b.name)}${root}`));
    const perTarget = Object.entries(b.targetScores);
    const targets = perTarget.length > 1 ? ` (${perTarget.map(([t, s]) => `${plain(t)} ${s}`).join(', ')})` : perTarget.length === 1 ? ` (${plain(perTarget[0][0])})` : '';
    const scoreColor = b.score >= 90 ? c.green : b.score >= 70 ? c.yellow : c.red;
    const state = b.counts.critical > 0 ? c.red(`BLOCKED: ${b.counts.critical} critical blocker${b.counts.critical === 1 ? '' : 's'}`) : c.green('no critical blockers');
    out.push(`Readiness score ${scoreColor(`${b.score}/100`)}${targets} · ${state}`);
    out.push(model/* SEVERITIES */.oC.map((s) => `${cap(s)} ${b.counts[s]}`).join(' · '));
    out.push('');
    if (b.findings.length === 0)
        out.push(c.green('✔ No findings.'));
    for (const f of b.findings)
        out.push(...findingText(f, b, c, display));
    if (b.findings.length > 0)
        out.push('');
    out.push(c.bold('Phases'));
    for (const p of b.phases) {
        const mark = p.status === 'blocked' ? c.red('✘') : p.status === 'partial' ? c.yellow('⚠') : c.green('✔');
        const deps = p.dependsOn.length > 0 ? c.dim(` (after ${p.dependsOn.map(plain).join(', ')})`) : '';
        const holder = (0,readiness_phases/* heldBackBy */.It)(p, b.phases);
        const held = holder ? ` · ${c.yellow(`held back: depends on blocked ${plain(holder.name)}`)}` : '';
        out.push(`  ${mark} ${plain(p.name)}  ${p.status.toUpperCase()}${deps}${held}`);
        // the terminal lists what is wrong; the Markdown report also lists what passed
        for (const item of p.checklist.filter((i) => i.severity)) {
            const m = item.severity === 'critical' ? c.red('✘') : c.yellow('⚠');
            out.push(`      ${m} ${plain(item.text)}`);
        }
    }
    if (b.verification.length > 0) {
        out.push('');
        out.push(c.bold('Verification'));
        for (const v of b.verification) {
            const m = v.status === 'passed' ? c.green('✔') : v.status === 'failed' ? c.red('✘') : c.dim('-');
            const about = [v.target, v.subject].filter(Boolean).map((s) => plain(s)).join(' ');
            out.push(`  ${m} ${v.step}${about ? ` ${about}` : ''}  ${v.status} in ${(0,duration/* formatDuration */.a)(v.durationMs)}: ${plain(v.detail)}`);
            if (v.command)
                out.push(c.dim(`      $ ${plain(v.command)}`));
            if (v.status === 'failed')
                for (const line of (0,error_lines/* errorExcerpt */.M)(v.output ?? [], 25))
                    out.push(c.dim(`      | ${plain(line)}`));
        }
    }
    out.push('');
    const e = b.effort;
    out.push(`Effort: critical path ~${hours(e.criticalPath)} · with high ~${hours(e.withHigh)} · full ~${hours(e.full)}`);
    if (b.suppressed > 0)
        out.push(c.dim(`${b.suppressed} finding${b.suppressed === 1 ? '' : 's'} suppressed.`));
    return out;
}
function findingText(f, bundle, c, display) {
    const root = bundle?.root ?? '.';
    const where = f.loc ? `${display(root, f.loc.file)}:${f.loc.line}:${f.loc.column}` : bundle ? display(root, bundle.rootFile ?? 'databricks.yml') : '-';
    const paint = severityPaint(c, f.severity);
    const existing = f.existing ? c.dim(' (existing)') : '';
    const lines = [`${plain(where)}  ${paint(f.severity)}  ${c.magenta(f.check)}  ${plain(f.message.split('\n')[0])}${existing}`];
    for (const extra of f.message.split('\n').slice(1))
        if (extra.trim())
            lines.push(`    ${plain(extra)}`);
    if (f.fix?.text)
        lines.push(`    ${c.green('fix:')} ${plain(f.fix.text.split('\n').filter((l) => l.trim()).join(' / '))}`);
    const targets = f.targets.length > 0 ? `targets: ${f.targets.map(plain).join(', ')} · ` : '';
    lines.push(c.dim(`    ${targets}rule: ${(0,rule_links/* rulePageUrl */.Pd)(f.check)}`));
    return lines;
}
function hours(h) {
    return `${Math.round(h * 100) / 100} h`;
}
function cap(s) {
    return s[0].toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./src/verify/missing-tools.ts
// Verification skipped because the runner lacks a program (uv, poetry, Python's `build` module) is
// silent in the report's step list: one warning line names each missing tool and how to install it.
function missingToolsWarning(result) {
    const tools = new Map();
    for (const bundle of result.bundles) {
        for (const step of bundle.verification) {
            if (step.status !== 'skipped' || !step.missingTool)
                continue;
            const known = tools.get(step.missingTool.name);
            if (known)
                known.steps++;
            else
                tools.set(step.missingTool.name, { install: step.missingTool.install, steps: 1 });
        }
    }
    if (tools.size === 0)
        return undefined;
    const total = [...tools.values()].reduce((n, t) => n + t.steps, 0);
    const named = [...tools].map(([name, t]) => `${name} (fix: ${t.install})`).join('; ');
    return `dab-ready: ${total} verification step${total === 1 ? ' was' : 's were'} skipped because a tool is missing on this runner: ${named}. Nothing was built or tested for ${total === 1 ? 'it' : 'them'}.`;
}

// EXTERNAL MODULE: ./src/cli/command-line.ts
var command_line = __webpack_require__(6898);
// EXTERNAL MODULE: ./src/cli/io.ts + 1 modules
var cli_io = __webpack_require__(7723);
// EXTERNAL MODULE: ./src/checks/catalog.ts
var catalog = __webpack_require__(530);
;// CONCATENATED MODULE: ./src/cli/select.ts
// `--select` / `--ignore`, like ruff's: check ids or categories (by name or slug, e.g.
// `entry-points` or "Entry Points"), comma-separated or repeated. An unknown one is a usage error
// that suggests the nearest.



function categorySlug(category) {
    return category.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
/** The check ids a list of selectors names. */
function expand(flag, selectors) {
    const ids = new Set();
    for (const raw of selectors.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)) {
        const slug = categorySlug(raw);
        const byCategory = catalog/* catalog */.U.filter((c) => categorySlug(c.category) === slug);
        const byId = catalog/* catalog */.U.filter((c) => c.id === raw);
        if (byId.length === 0 && byCategory.length === 0) {
            const names = [...catalog/* catalog */.U.map((c) => c.id), ...new Set(catalog/* catalog */.U.map((c) => categorySlug(c.category)))];
            throw new src_engine/* UsageError */.eb(`${flag} ${raw}: no such check or category${(0,command_line.didYouMean)(raw, names)} (dab-ready checks lists them)`);
        }
        for (const c of [...byId, ...byCategory])
            ids.add(c.id);
    }
    return ids;
}
/** A filter on check ids, or undefined when neither flag is given. */
function checkFilter(select = [], ignore = []) {
    if (select.length === 0 && ignore.length === 0)
        return undefined;
    const selected = select.length ? expand('--select', select) : undefined;
    const ignored = expand('--ignore', ignore);
    return (check) => (!selected || selected.has(check)) && !ignored.has(check);
}

// EXTERNAL MODULE: ./src/cli/vars.ts
var cli_vars = __webpack_require__(9242);
;// CONCATENATED MODULE: ./src/cli/check.ts



















const CHECK_USAGE = `Usage: dab-ready check [path] [options]

Analyse every Databricks Asset Bundle below [path] (default .; when there is none below it, the
bundle in the nearest folder above, like databricks bundle) and report its deploy readiness.

Options:
  -t, --target T            analyse only target T (default: every target)
  -f, --format F            text | markdown | json | sarif | github | junit (default text)
  -o, --output FILE         write the report to FILE instead of stdout (never coloured)
  -q, --quiet               print only the findings that fail the gate, and the summary line
      --select IDS          only these checks: ids or categories, comma-separated (repeatable)
      --ignore IDS          leave out these checks or categories (repeatable)
      --fail-on S           critical | high | medium | low | info | none (default critical)
      --min-score N         fail when the score is below N (default 0)
      --baseline FILE       findings in FILE are reported as existing and do not fail the gate
      --write-baseline FILE write the findings of this run to FILE as the baseline
  -c, --config FILE         dab-ready configuration (default .dab-ready.yml in path)
      --var name=value      set a bundle variable (repeatable), like databricks bundle --var
      --verify              build each needed wheel, inspect it, run entry points with --help
      --validate            run databricks bundle validate when the CLI and credentials are there
      --require-validate    fail when validate cannot run
      --strict              pass --strict to databricks bundle validate
      --python PATH         Python for builds and venvs (default python3)
      --no-isolation        build with python -m build --no-isolation (offline runners)
      --no-deps             install the wheel with pip --no-deps (offline runners)
      --timeout SECONDS     per program run by --verify/--validate (default 600)
      --verbose             stream the output of programs to stderr
      --color WHEN          auto | always | never (default auto: a terminal, unless NO_COLOR;
                            FORCE_COLOR forces it); --no-color is --color never
  -h, --help                this help
  -V, --version             the version

Paths print relative to the current folder; JSON paths are relative to [path], SARIF and github
paths to the repository root. Rule pages: dab-ready explain <check-id>.

Exit codes: 0 gate passed, 1 gate failed, 2 could not run (usage, no bundle).
`;
const FORMATS = ['text', 'markdown', 'json', 'sarif', 'github', 'junit'];
async function checkCommand(args, io) {
    const commandLine = (0,command_line.parseCommandLine)('check', CHECK_USAGE, args, io, {
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: undefined },
        'min-score': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        verify: { type: 'boolean', default: false },
        validate: { type: 'boolean', default: false },
        'require-validate': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        python: { type: 'string', default: 'python3' },
        'no-isolation': { type: 'boolean', default: false },
        'no-deps': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '600' },
        verbose: { type: 'boolean', default: false },
        color: { type: 'string', default: 'auto' },
        'no-color': { type: 'boolean', default: false },
    });
    if (!commandLine)
        return 0;
    const { values } = commandLine;
    const format = (0,command_line.parseFormat)(values.format, FORMATS);
    const color = values['no-color'] ? 'never' : parseColor(values.color);
    const failOnFlag = values['fail-on'] === undefined ? undefined : check_parseFailOn(values['fail-on']);
    const minScoreFlag = values['min-score'] === undefined ? undefined : check_parseMinScore(values['min-score']);
    const timeoutMs = (0,command_line.parseTimeoutMs)(values.timeout);
    const vars = (0,cli_vars/* parseVarFlags */.Y)(values.var ?? []);
    const only = checkFilter(values.select, values.ignore);
    const cwd = io.cwd ?? process.cwd();
    const verify = values.verify
        ? { python: values.python, isolation: !values['no-isolation'], installDeps: !values['no-deps'], timeoutMs }
        : undefined;
    const wantsValidate = values.validate || values['require-validate'];
    const validate = wantsValidate
        ? { mode: values['require-validate'] ? 'required' : 'auto', strict: values.strict, timeoutMs, vars }
        : undefined;
    const log = (0,cli_io/* stderrLogger */.D7)(io, { verbose: values.verbose, tty: io.stderrIsTty === true });
    const run = (target) => (0,src_engine/* analyse */.KH)({ ...(0,command_line.engineRequest)(external_node_path_default().resolve(cwd, target), values, vars, io, log), verify, validate, only });
    let analysedPath = commandLine.path;
    let engine;
    try {
        engine = await run(analysedPath);
    }
    catch (error) {
        const above = error instanceof src_engine/* UsageError */.eb && /^no bundle found/.test(error.message) ? bundleAbove(external_node_path_default().resolve(cwd, analysedPath)) : undefined;
        if (!above)
            throw error;
        analysedPath = external_node_path_default().relative(cwd, above) || '.';
        io.stderr(`dab-ready: no bundle below ${commandLine.path}; using the bundle in ${analysedPath}\n`);
        engine = await run(analysedPath);
    }
    const { result, config } = engine;
    const failOn = failOnFlag ?? config.failOn ?? 'critical';
    const minScore = minScoreFlag ?? config.minScore ?? 0;
    if (values.baseline) {
        const read = readBaselineFile(values.baseline);
        if ('problem' in read)
            io.stderr(`warning: --baseline ${read.problem}; every finding counts as new\n`);
        else {
            if (read.note)
                io.stderr(`dab-ready: ${read.note}\n`);
            applyBaseline(result, read.counts);
        }
    }
    if (values['write-baseline']) {
        (0,external_node_fs_.writeFileSync)(values['write-baseline'], renderBaselineFile(result));
        io.stderr(`baseline of ${result.bundles.reduce((n, b) => n + b.findings.length, 0)} findings written to ${values['write-baseline']}\n`);
    }
    const gate = (0,src_engine/* evaluateGate */.DR)(result, { failOn, minScore });
    const analysedAbs = external_node_path_default().resolve(cwd, analysedPath);
    const repoPrefix = check_toPosix(external_node_path_default().relative((0,load/* repositoryRoot */.Hn)(analysedAbs), analysedAbs));
    const summary = summaryLine(result, gate, failOn);
    const toFile = Boolean(values.output);
    const report = render(result, format, {
        color: (0,cli_io/* useColor */.by)(color, io, toFile),
        failOn,
        quiet: values.quiet,
        summary,
        repoPrefix,
        display: (root, file) => check_toPosix(external_node_path_default().relative(cwd, external_node_path_default().resolve(analysedAbs, root, file))) || '.',
    });
    if (values.output) {
        (0,external_node_fs_.writeFileSync)(values.output, report);
        if (!values.quiet)
            io.stderr(`report written to ${values.output}\n`);
    }
    else {
        io.stdout(report);
    }
    const missingTools = missingToolsWarning(result);
    if (missingTools)
        io.stderr(`warning: ${missingTools}\n`);
    if (!values.quiet)
        for (const reason of gate.reasons)
            io.stderr(`gate: ${reason}\n`);
    // The summary line closes the text report; with another format (or a file) it goes to stderr.
    if (format !== 'text' || toFile)
        io.stderr(`${summary}\n`);
    return gate.passed ? 0 : 1;
}
function render(result, format, options) {
    switch (format) {
        case 'json':
            return renderJson(result);
        case 'sarif':
            return renderSarif(result, { pathPrefix: options.repoPrefix });
        case 'markdown':
            return renderMarkdown(result);
        case 'github':
            return renderGithubCommands(result, { failOn: options.failOn, prefix: options.repoPrefix });
        case 'junit':
            return renderJunit(result, { failOn: options.failOn });
        default:
            return renderText(result, { color: options.color, display: options.display, quiet: options.quiet, failOn: options.failOn, summary: options.summary });
    }
}
/** One line across every bundle: "dab-ready: 2 bundles · 14 findings (4 critical, ...) · 3 existing · lowest score 65 · gate failed". */
function summaryLine(result, gate, failOn) {
    const all = [...result.bundles.flatMap((b) => b.findings), ...result.notices];
    const bySeverity = model/* SEVERITIES */.oC.map((s) => [s, all.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0);
    const findings = all.length ? `${all.length} finding${all.length === 1 ? '' : 's'} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')})` : 'no findings';
    const existing = all.filter((f) => f.existing).length;
    const failing = all.filter((f) => (0,readiness_gate/* failsGate */.F)(f, failOn)).length;
    const bundles = `${result.bundles.length} bundle${result.bundles.length === 1 ? '' : 's'}`;
    const score = result.bundles.length ? `${result.bundles.length > 1 ? 'lowest score' : 'score'} ${Math.min(...result.bundles.map((b) => b.score))}` : '';
    const verdict = gate.passed ? `gate passed (fail-on ${failOn})` : `gate failed: ${failing ? `${failing} at or above ${failOn}` : 'score below the minimum'}`;
    return ['dab-ready:', [bundles, findings, existing ? `${existing} existing` : '', score, verdict].filter(Boolean).join(' · ')].join(' ');
}
/** The nearest folder above `start` that holds a bundle root file (databricks bundle does the same). */
function bundleAbove(start) {
    if (!(0,external_node_fs_.existsSync)(start) || !(0,external_node_fs_.statSync)(start).isDirectory())
        return undefined;
    for (let dir = external_node_path_default().dirname(start);; dir = external_node_path_default().dirname(dir)) {
        if (discover/* ROOT_FILE_NAMES */.xz.some((name) => (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, name))))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return undefined;
    }
}
function check_toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
function parseColor(value) {
    if (value === 'auto' || value === 'always' || value === 'never')
        return value;
    throw new src_engine/* UsageError */.eb(`--color must be one of auto, always, never${(0,command_line.didYouMean)(value ?? '', ['auto', 'always', 'never'])}`);
}
function check_parseFailOn(value) {
    if (value === 'none' || model/* SEVERITIES */.oC.includes(value))
        return value;
    throw new src_engine/* UsageError */.eb(`--fail-on must be one of ${[...model/* SEVERITIES */.oC, 'none'].join(', ')}${(0,command_line.didYouMean)(value, [...model/* SEVERITIES */.oC, 'none'])}`);
}
function check_parseMinScore(value) {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 100)
        throw new src_engine/* UsageError */.eb('--min-score takes a number from 0 to 100');
    return n;
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

/***/ 8154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pd: () => (/* binding */ rulePageUrl)
/* harmony export */ });
/* unused harmony exports REPOSITORY_URL, RULE_PAGES_URL */
/* harmony import */ var _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(530);
// Where a check's rule page lives (docs/checks/<id>.md, generated from the check's metadata by
// `npm run rule-pages`). Every report links there instead of to documents users do not have.

const REPOSITORY_URL = 'https://github.com/dab-ready/dab-ready';
const RULE_PAGES_URL = `${REPOSITORY_URL}/blob/main/docs/checks`;
/** The rule page of a check id; ids without a page (internal notices) link to the index. */
function rulePageUrl(id) {
    return (0,_checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCheck */ .c)(id) ? `${RULE_PAGES_URL}/${id}.md` : `${RULE_PAGES_URL}/README.md`;
}


/***/ })

};
