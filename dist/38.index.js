export const id = 38;
export const ids = [38];
export const modules = {

/***/ 6038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCheckMode: () => (/* binding */ runCheckMode)
});

// UNUSED EXPORTS: actionLogger, sarifFile, touchedBundles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/engine.ts + 21 modules
var engine = __webpack_require__(2598);
// EXTERNAL MODULE: ./src/readiness/gate.ts
var readiness_gate = __webpack_require__(453);
// EXTERNAL MODULE: ./src/readiness/check-info.ts
var check_info = __webpack_require__(9989);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/fingerprint.ts
// A finding's stable identity: the check, the file (relative to its bundle root, so it does not
// depend on the folder the analysis started from) and the message with every line number taken
// out, so moving code up or down keeps it. Baselines, the
// pull request delta, JSON `fingerprint` and SARIF `partialFingerprints` all use this one value.

const fingerprint_FINGERPRINT_VERSION = 1;
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

;// CONCATENATED MODULE: ./src/report/paths.ts

/** A bundle-relative file as a path relative to the analysed path (POSIX, normalised). */
function analysedPath(bundleRoot, file) {
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(toPosix(bundleRoot || '.'), toPosix(file)));
    return joined === '' ? '.' : joined;
}
function paths_locPath(bundle, loc) {
    if (!loc)
        return undefined;
    return analysedPath(bundle?.root ?? '.', loc.file);
}
function toPosix(p) {
    return p.replace(/\\/g, '/');
}

// EXTERNAL MODULE: ./src/checks/catalog.ts
var catalog = __webpack_require__(530);
;// CONCATENATED MODULE: ./src/report/rule-links.ts
// Where a check's rule page lives (docs/checks/<id>.md, generated from the check's metadata by
// `npm run rule-pages`). Every report links there instead of to documents users do not have.

const REPOSITORY_URL = 'https://github.com/dab-ready/dab-ready';
const RULE_PAGES_URL = `${REPOSITORY_URL}/blob/main/docs/checks`;
/** The rule page of a check id; ids without a page (internal notices) link to the index. */
function rule_links_rulePageUrl(id) {
    return (0,catalog/* describeCheck */.c)(id) ? `${RULE_PAGES_URL}/${id}.md` : `${RULE_PAGES_URL}/README.md`;
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
        rulePage: rule_links_rulePageUrl(f.check),
        ...(f.existing ? { existing: true } : {}),
        ...(f.verified !== undefined ? { verified: f.verified } : {}),
        ...(f.validateAgrees !== undefined ? { validateAgrees: f.validateAgrees } : {}),
    };
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
        helpUri: rule_links_rulePageUrl(rule.id),
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
    const file = f.loc ? analysedPath(bundle?.root ?? '.', f.loc.file) : analysedPath(bundle?.root ?? '.', bundle?.rootFile ?? 'databricks.yml');
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

// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/github/paths.ts
var paths = __webpack_require__(9679);
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
    const add = (finding, bundle) => located.push({ finding, file: finding.loc ? (0,paths/* repoPath */.qN)(prefix, analysedPath(bundle?.root ?? '.', finding.loc.file)) : undefined });
    for (const bundle of result.bundles)
        for (const finding of bundle.findings)
            add(finding, bundle);
    for (const notice of result.notices)
        add(notice);
    return located.sort((a, b) => (0,model/* severityRank */.qs)(a.finding.severity) - (0,model/* severityRank */.qs)(b.finding.severity) ||
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
            title: `${(0,check_info/* catalogFor */.xn)().info(finding.check, finding.severity).title} (dab-ready ${finding.check}, ${finding.severity}${finding.existing ? ', existing' : ''})`,
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
    return `${finding.message}${targets}${fix}\nRule: ${rule_links_rulePageUrl(finding.check)}`;
}

// EXTERNAL MODULE: ./src/github/one-line.ts
var one_line = __webpack_require__(1646);
// EXTERNAL MODULE: ./src/verify/environment.ts
var environment = __webpack_require__(3284);
// EXTERNAL MODULE: ./src/verify/runner.ts + 4 modules
var runner = __webpack_require__(5020);
// EXTERNAL MODULE: ./src/verify/temp.ts
var temp = __webpack_require__(4915);
;// CONCATENATED MODULE: ./src/github/base-checkout.ts
// Analyse the pull request's base commit in a temporary `git worktree` (real git, argument arrays),
// so the comment can say what this pull request changed. Needs the base commit in the checkout
// (actions/checkout with `fetch-depth: 0`); otherwise the caller falls back to the previous comment.






async function analyseBaseCommit(options) {
    if (!/^[0-9a-f]{7,64}$/i.test(options.sha))
        return { skipped: `not a commit id: ${options.sha}` };
    const git = (args, cwd) => (0,runner/* run */.eF)(['git', ...args], { cwd, env: { ...(0,environment/* toolEnv */.oW)(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' }, timeoutMs: options.timeoutMs ?? 120_000, maxBytes: 256 * 1024, purpose: 'the base-commit checkout' });
    const folder = external_node_path_default().resolve(options.path);
    const top = await git(['rev-parse', '--show-toplevel', '--show-prefix'], folder);
    if (top.exitCode !== 0)
        return { skipped: 'not a git checkout' };
    const [toplevel, rawPrefix = ''] = top.stdout.split('\n');
    const prefix = rawPrefix.trim().replace(/\/+$/, '');
    const present = await git(['cat-file', '-e', `${options.sha}^{commit}`], toplevel);
    if (present.exitCode !== 0)
        return { skipped: `base commit ${options.sha.slice(0, 12)} is not in the checkout (use actions/checkout with fetch-depth: 0)` };
    const parent = (0,temp/* makeTempDir */.mk)('dab-ready-base-', options.tempDir ?? external_node_os_default().tmpdir());
    const worktree = external_node_path_default().join(parent, 'base');
    try {
        const added = await git(['worktree', 'add', '--detach', worktree, options.sha], toplevel);
        if (added.exitCode !== 0)
            return { skipped: `git worktree add failed: ${(added.stderr.trim().split('\n').pop() ?? '').slice(0, 200)}` };
        const baseFolder = external_node_path_default().join(worktree, prefix);
        if (!external_node_fs_default().existsSync(baseFolder))
            return { skipped: `${prefix || '.'} does not exist at the base commit` };
        try {
            return { result: await options.analyse(baseFolder) };
        }
        catch (error) {
            return { skipped: `the base commit could not be analysed: ${error.message.split('\n')[0]}` };
        }
    }
    finally {
        await git(['worktree', 'remove', '--force', worktree], toplevel);
        (0,temp/* removeTempDir */.CT)(parent);
        await git(['worktree', 'prune'], toplevel);
    }
}
/** Repository-relative files that differ between the base commit and the checked-out head, or
 *  undefined when git cannot tell (no history, not a checkout). */
async function changedFiles(folder, baseSha, env = process.env) {
    if (!/^[0-9a-f]{7,64}$/i.test(baseSha))
        return undefined;
    const cwd = external_node_path_default().resolve(folder);
    const opts = { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeoutMs: 60_000, maxBytes: 4 * 1024 * 1024 };
    const top = await (0,runner/* run */.eF)(['git', 'rev-parse', '--show-toplevel'], opts);
    if (top.exitCode !== 0)
        return undefined;
    const diff = await (0,runner/* run */.eF)(['git', 'diff', '--name-only', '-z', baseSha, 'HEAD'], { ...opts, cwd: top.stdout.trim() });
    if (diff.exitCode !== 0)
        return undefined;
    return diff.stdout.split('\0').filter(Boolean);
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/retry.ts
// Bounded retries for GitHub API calls: 5xx, 429 and secondary rate limits (403 with
// `retry-after` or a "secondary rate limit" message). The wait the server asks for is honoured:
// when it is longer than `maxWaitMs` the call fails now rather than retrying too early.
const defaultRetryPolicy = {
    retries: 3,
    maxWaitMs: 60_000,
    baseDelayMs: 1_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** The wait before the next attempt, or undefined when the error must not be retried. */
function retryDelay(error, attempt, policy, now = Date.now()) {
    const e = error;
    const status = e?.status;
    if (typeof status !== 'number')
        return undefined;
    const headers = e.response?.headers ?? {};
    const rateLimited = status === 429 ||
        (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')));
    if (!rateLimited && status < 500)
        return undefined;
    const asked = requestedWaitMs(headers, now);
    if (asked !== undefined)
        return asked <= policy.maxWaitMs ? asked : undefined;
    return Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** attempt);
}
function requestedWaitMs(headers, now) {
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(String(retryAfter));
        if (Number.isFinite(date))
            return Math.max(0, date - now);
    }
    if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        if (Number.isFinite(reset))
            return Math.max(0, reset - now);
    }
    return undefined;
}
/** Make every request of `client` retry under `policy`. */
function installRetry(client, policy = defaultRetryPolicy) {
    client.hook.wrap('request', async (request, options) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(options);
            }
            catch (error) {
                const wait = attempt < policy.retries ? retryDelay(error, attempt, policy) : undefined;
                if (wait === undefined)
                    throw error;
                policy.onRetry?.({ status: error.status ?? 0, waitMs: wait, attempt: attempt + 1, method: options.method, url: options.url });
                await policy.sleep(wait);
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/github/client.ts


/** The real `@actions/github` client, with bounded retries. Passed to whoever needs it. */
function createClient(token, options = {}) {
    const client = (0,github/* getOctokit */.Q)(token, options.baseUrl ? { baseUrl: options.baseUrl } : {});
    installRetry(client, { ...defaultRetryPolicy, ...options.retry });
    return client;
}

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
function escapeHtml(text) {
    return breakMentions(htmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
}
/** Text for a Markdown paragraph or table cell: one line, HTML and Markdown syntax neutralised. */
function escape_escapeInline(text) {
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
            out += escape_escapeInline(line.slice(i, open + n));
            i = open + n;
            continue;
        }
        out += escape_escapeInline(line.slice(i, open));
        const body = line.slice(open + n, close);
        out += body.trim() ? escape_codeSpan(body.trim(), options) : escape_escapeInline(line.slice(open, close + n));
        i = close + n;
    }
    return out + escape_escapeInline(line.slice(i));
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




const finding_details_SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '🟢', info: 'ℹ️' };
/** `path:line` relative to the analysed folder, or undefined for a finding without a place. */
function findingWhere(finding, bundle) {
    const file = paths_locPath(bundle, finding.loc);
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
    const title = (0,check_info/* catalogFor */.xn)().info(finding.check, finding.severity).title;
    const parts = [`${finding_details_SEVERITY_ICON[finding.severity]} <b>${finding.severity}</b>`, escapeHtml(title)];
    const where = options.bundleRelative && finding.loc ? `${finding.loc.file}:${finding.loc.line}` : findingWhere(finding, bundle);
    if (where) {
        const code = `<code>${escapeHtml(where)}</code>`;
        parts.push(options.links ? `<a href="${escapeHtml(blobUrl(options.links, paths_locPath(bundle, finding.loc), finding.loc.line))}">${code}</a>` : code);
    }
    const tags = [options.isNew ? '🆕 new' : '', options.isExisting ? 'existing' : ''].filter(Boolean);
    return parts.join(' · ') + (tags.length ? ` · <i>${tags.join(', ')}</i>` : '');
}
/** The body: what is wrong, the lines at fault, the impact, the fix, and the check's id and page. */
function findingBody(finding, options = {}) {
    const parts = [escape_escapeLines(finding.message)];
    if (finding.evidence)
        parts.push(escape_fencedBlock(finding.evidence, escape_languageFor(finding.loc?.file)));
    if (finding.impact)
        parts.push(`**Impact:** ${escape_escapeLines(finding.impact)}`);
    if (finding.fix) {
        parts.push(`**Fix:** ${escape_escapeLines(finding.fix.text)}`);
        if (finding.fix.patch)
            parts.push(...finding_details_patchBlocks(finding.fix.patch, finding.loc?.file));
    }
    const facts = [`${escape_codeSpan(finding.check)} ([rule](${rule_links_rulePageUrl(finding.check)}))`];
    if (finding.targets.length > 0)
        facts.push(`targets ${finding.targets.map((t) => escape_codeSpan(t)).join(', ')}`);
    if (finding.phases.length > 0 && options.phaseNames)
        facts.push(finding.phases.map((id) => escape_escapeMessage(options.phaseNames.get(id) ?? id)).join(', '));
    if (finding.verified)
        facts.push('✅ confirmed by a real run');
    if (finding.validateAgrees)
        facts.push('`databricks bundle validate` agrees');
    facts.push(`suppress: ${escape_codeSpan(`# dab-ready-ignore: ${finding.check} <reason>`)}`);
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
function finding_details_patchBlocks(patch, findingFile) {
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

// EXTERNAL MODULE: ./src/readiness/plan.ts
var plan = __webpack_require__(9277);
// EXTERNAL MODULE: ./src/readiness/phases.ts
var readiness_phases = __webpack_require__(382);
;// CONCATENATED MODULE: ./src/report/duration.ts
/** `850 ms`, `12.3 s`, `2 min 5 s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const m = Math.floor(ms / 60_000);
    return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
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
const CATEGORY_ORDER = (/* unused pure expression or super */ null && ([
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
]));
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
            parts.push(`## Bundle ${escapeInline(bundle.name)} (${codeSpan(bundle.root)})`);
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
    const targets = bundle.targets.map((t) => codeSpan(t)).join(', ');
    const lines = [
        `**Project:** ${escapeInline(bundle.name)}`,
        `**Bundle root:** ${codeSpan(bundle.root)}`,
        `**Targets analysed:** ${targets || '_none_'}${bundle.defaultTarget ? ` (default ${codeSpan(bundle.defaultTarget)})` : ''}`,
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
    return ` (${entries.map(([t, s]) => `${codeSpan(t)} ${s}`).join(', ')})`;
}
/** Status line plus the counts per priority (the short head of the PR comment). */
function renderSummarySection(bundle, _options = {}) {
    const lines = [renderStatusLine(bundle), renderCounts(bundle)];
    if (bundle.suppressed > 0)
        lines.push(`_${plural(bundle.suppressed, 'finding')} suppressed by configuration or inline comments._`);
    return lines.join('\n\n');
}
function renderCounts(bundle) {
    return SEVERITIES.filter((s) => s !== 'info' || bundle.counts.info > 0)
        .map((s) => `**${PRIORITY_NAME[s]}:** ${bundle.counts[s]}`)
        .join('  \n');
}
function renderExecutiveSummary(bundle, options = {}) {
    const catalog = catalogFor(options.checks);
    const h = heading(options);
    const rows = categoryRows(bundle, catalog);
    const table = rows.length === 0
        ? '_No checks ran._'
        : [
            '| Category | Status | Priority | Impact |',
            '|----------|--------|----------|--------|',
            ...rows.map((r) => `| ${escapeInline(r.category)} | ${r.status} | ${r.priority} | ${escapeMessage(r.impact, { inTable: true })} |`),
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
        const severity = worst(findings.map((f) => f.severity));
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
    const catalog = catalogFor(options.checks);
    const h = heading(options);
    const out = [];
    let number = 0;
    for (const severity of SEVERITIES) {
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
    const catalog = catalogFor(options.checks);
    const info = catalog.info(check, findings[0]?.severity);
    const h = heading(options) + '#';
    const severity = findings.length > 0 ? worst(findings.map((f) => f.severity)) : info.severity;
    const parts = [`${h} Gap ${number}: ${gapName(check, findings, options.checks)}`, `**Check:** ${codeSpan(check)} ([rule page](${rulePageUrl(check)})) · **Category:** ${escapeInline(info.category)} · **Effort:** ${formatHours(info.effortHours)}`];
    if (findings.length === 1) {
        parts.push(renderFindingDetails(findings[0], { bundle }));
    }
    else {
        const shown = findings.slice(0, options.maxFindingsPerGap ?? findings.length);
        shown.forEach((f, i) => {
            parts.push(`${h}# ${number}.${i + 1} ${f.loc ? codeSpan(`${locPath(bundle, f.loc)}:${f.loc.line}`) : escapeInline(firstLine(f.message))}`);
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
        subject = ` (${resources.map((r) => codeSpan(r)).join(', ')})`;
    else if (resources.length > 2)
        subject = ` (${resources.length} resources)`;
    else if (findings.length > 1)
        subject = ` (${findings.length} places)`;
    return `${escapeInline(checkTitle(check, checks))}${subject}`;
}
/** Issue, Evidence, Impact, Required Fix and where it applies, for one finding. */
function renderFindingDetails(finding, options = {}) {
    const parts = [`**Issue:** ${escapeLines(finding.message)}`];
    const where = finding.loc ? `${locPath(options.bundle, finding.loc)}:${finding.loc.line}` : undefined;
    if (where || finding.evidence) {
        const evidence = ['**Evidence:**'];
        if (where)
            evidence.push(`- ${codeSpan(where)}`);
        if (finding.evidence)
            evidence.push(fencedBlock(finding.evidence, languageFor(finding.loc?.file)));
        parts.push(evidence.join('\n'));
    }
    if (finding.impact)
        parts.push(`**Impact:**\n${bulletLines(finding.impact)}`);
    if (finding.fix) {
        const fix = [`**Required Fix:**`, escapeLines(finding.fix.text)];
        if (finding.fix.patch)
            fix.push(...patchBlocks(finding.fix.patch, finding.loc?.file));
        parts.push(fix.join('\n\n'));
    }
    const facts = [];
    if (finding.targets.length > 0)
        facts.push(`**Targets:** ${finding.targets.map((t) => codeSpan(t)).join(', ')}`);
    if (finding.resources && finding.resources.length > 0)
        facts.push(`**Resources:** ${finding.resources.map((r) => codeSpan(r)).join(', ')}`);
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
    const where = finding.loc ? ` ${codeSpan(`${locPath(bundle, finding.loc)}:${finding.loc.line}`)}` : '';
    return `- ${SEVERITY_ICON[finding.severity]} **${SEVERITY_LABEL[finding.severity]}** ${codeSpan(finding.check)}${where}: ${escapeMessage(truncate(firstLine(finding.message), 200))}`;
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
        meta.push(`_Jobs:_ ${phase.jobs.map((j) => codeSpan(j)).join(', ')}`);
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
    const holder = heldBackBy(phase, bundle.phases);
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
    const names = failed.map((v) => `${escapeInline(v.step)}${v.subject ? ` ${codeSpan(v.subject)}` : ''}${v.target ? ` (${codeSpan(v.target)})` : ''}`);
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
        `${h} ${STEP_ICON[step.status]} ${escape_escapeInline(step.step)}${about ? ` · ${about}` : ''} · ${step.status} in ${formatDuration(step.durationMs)}`,
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
    const steps = buildActionPlan(bundle, options.checks);
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
                lines.push(`   - ${escapeMessage(action)}`);
        }
        parts.push(lines.join('\n'));
    });
    return parts.join('\n\n');
}
/** The failing checks in gap order (by severity, then the effort table's order), numbered from 1. */
function numberedGaps(bundle) {
    const out = [];
    for (const severity of SEVERITIES) {
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
                lines.push(`   - ${escapeMessage(action)}`);
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
        parts.push(`**${++step}. Local Testing**\n\n${fencedBlock(commands.join('\n'), 'bash')}`);
    }
    if (bundle.targets.length > 0) {
        const commands = bundle.targets.map((t) => `databricks bundle validate -t ${shellWord(t)}`);
        parts.push(`**${++step}. Bundle Validation**\n\n${fencedBlock(commands.join('\n'), 'bash')}`);
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
            const holder = heldBackBy(p, phases);
            if (holder)
                notes.push(`held back until ${holder.name} deploys`);
            const wheels = (p.wheelTasks ?? []).map((w) => w.task);
            if (wheels.length > 0)
                notes.push(`test wheel task${wheels.length === 1 ? '' : 's'} ${wheels.join(', ')}`);
            const note = notes.length > 0 ? `  # ${p.name} (${notes.join('; ')})` : `  # ${p.name}`;
            commands.push(`dab-ready deploy${path} --phase ${shellWord(p.id)} --target ${shellWord(target)}${oneLine(note)}`);
        }
        parts.push(`**${++step}. Incremental Deployment**\n\n${fencedBlock(commands.join('\n'), 'bash')}`);
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
        `**Deployment Readiness:** **${bundle.score}%**${differ ? ` (worst target ${worstTargets.map((t) => codeSpan(t)).join(', ')})` : ''}`,
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
    const held = phases.map((p) => ({ p, holder: heldBackBy(p, phases) })).filter((x) => x.holder);
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
    return catalogFor(checks).info(check).title;
}
function heading(options) {
    return '#'.repeat(Math.max(1, Math.min(4, options.depth ?? 2)));
}
function bulletLines(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(/^\s*[-*]\s+/, '').trim())
        .filter(Boolean)
        .map((l) => `- ${escapeMessage(l)}`)
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

;// CONCATENATED MODULE: ./src/report/phase-view.ts



const STATUS_ICON = { ready: '✅', partial: '🟡', blocked: '❌' };
function phaseFindings(bundle, phase) {
    return bundle.findings.filter((f) => f.phases.includes(phase.id));
}
/** "❌ blocked", "🟡 partial · 2 high", "⏸️ held back by Phase 2" (with its own state). */
function phaseStatusText(bundle, phase) {
    const mine = phaseFindings(bundle, phase);
    const open = ['high', 'medium']
        .map((s) => [s, mine.filter((f) => f.severity === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`);
    const base = `${STATUS_ICON[phase.status]} ${phase.status}${phase.status === 'partial' && open.length ? ` (${open.join(', ')})` : ''}`;
    return (0,readiness_phases/* heldBackBy */.It)(phase, bundle.phases) ? `${base}, ⏸️ held back` : base;
}
/** One line: "Phases: Phase 0: Setup ✅ → Phase 1: Data ✅ → Phase 2: Training ❌ → ...". */
function phaseLine(bundle) {
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    return phases.map((p) => `${escape_escapeMessage(p.name)} ${STATUS_ICON[p.status]}${(0,readiness_phases/* heldBackBy */.It)(p, phases) ? '⏸️' : ''}`).join(' → ');
}
function phaseTable(bundle) {
    const rows = [...bundle.phases]
        .sort((a, b) => a.order - b.order)
        .map((p) => {
        const blockers = phaseFindings(bundle, p).filter((f) => f.severity === 'critical').length;
        const jobs = p.jobs.length ? p.jobs.map((j) => escape_codeSpan(j, { inTable: true })).join(', ') : '–';
        return `| ${escape_escapeMessage(p.name, { inTable: true })} | ${phaseStatusText(bundle, p)} | ${blockers || '–'} | ${jobs} |`;
    });
    return ['| Phase | Status | Blockers | Jobs |', '|---|---|---|---|', ...rows].join('\n');
}
const CLASS_STYLE = {
    ready: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
    partial: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
    blocked: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
    held: 'fill:#eaeef2,stroke:#6e7781,color:#1f2328,stroke-dasharray:4 3',
};
/** The dependency chain, left to right, without the edges implied by others (transitive reduction). */
function phaseFlowchart(bundle) {
    const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
    if (phases.length < 2)
        return undefined;
    const index = new Map(phases.map((p, i) => [p.id, i]));
    const reaches = (from, to, seen = new Set()) => {
        const phase = phases[index.get(from)];
        for (const dep of phase?.dependsOn ?? []) {
            if (dep === to)
                return true;
            if (!seen.has(dep) && index.has(dep)) {
                seen.add(dep);
                if (reaches(dep, to, seen))
                    return true;
            }
        }
        return false;
    };
    const lines = ['flowchart LR'];
    for (const [i, p] of phases.entries()) {
        const held = (0,readiness_phases/* heldBackBy */.It)(p, phases) ? ' ⏸️' : '';
        lines.push(`  p${i}["${mermaidText(p.name)} ${STATUS_ICON[p.status]}${held}"]:::${(0,readiness_phases/* heldBackBy */.It)(p, phases) ? 'held' : p.status}`);
    }
    for (const [i, p] of phases.entries()) {
        for (const dep of p.dependsOn) {
            if (!index.has(dep))
                continue;
            const implied = p.dependsOn.some((other) => other !== dep && index.has(other) && reaches(other, dep));
            if (!implied)
                lines.push(`  p${index.get(dep)} --> p${i}`);
        }
    }
    for (const [name, style] of Object.entries(CLASS_STYLE))
        lines.push(`  classDef ${name} ${style}`);
    return escape_fencedBlock(lines.join('\n'), 'mermaid');
}
/** Label text that cannot leave its quotes or start Mermaid markup. */
function mermaidText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '#amp;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;')
        .slice(0, 60);
}
/** "2 critical · 1 high" (only the severities present), or "no findings". */
function countsText(counts) {
    const parts = model/* SEVERITIES */.oC.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
    return parts.length ? parts.join(' · ') : 'no findings';
}

;// CONCATENATED MODULE: ./src/github/delta.ts


function digestFinding(finding) {
    return { check: finding.check, severity: finding.severity, file: finding.loc?.file, line: finding.loc?.line, key: fingerprint_fingerprint(finding), message: finding.message };
}
function digestBundle(bundle) {
    return { root: bundle.root, score: bundle.score, findings: bundle.findings.map(digestFinding) };
}
function baselineFromResult(result, sha) {
    return { source: 'base', sha, bundles: result.bundles.map(digestBundle) };
}
function compareBundle(head, baseline) {
    const base = baseline?.bundles.find((b) => b.root === head.root);
    if (!baseline || !base)
        return undefined;
    const headFindings = head.findings.map(digestFinding);
    const order = (a, b) => (0,model/* severityRank */.qs)(a.severity) - (0,model/* severityRank */.qs)(b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
    return {
        source: baseline.source,
        sha: baseline.sha,
        baseScore: base.score,
        headScore: head.score,
        change: head.score - base.score,
        added: unmatched(headFindings, base.findings).sort(order),
        resolved: unmatched(base.findings, headFindings).sort(order),
    };
}
/** The findings of `these` left after pairing each with one of `those` of the same key: two equal
 *  findings in the head and one in the base are one new finding. */
function unmatched(these, those) {
    const left = new Map();
    for (const f of those)
        left.set(f.key, (left.get(f.key) ?? 0) + 1);
    return these.filter((f) => {
        const n = left.get(f.key) ?? 0;
        if (n > 0)
            left.set(f.key, n - 1);
        return n === 0;
    });
}
function signedChange(change) {
    return change > 0 ? `+${change}` : String(change);
}
// -------------------------------------------------------------------------------------------
// The compact JSON embedded in the sticky comment, read back when the base cannot be checked out.
const DATA_PREFIX = '<!-- dab-ready-data ';
const DATA_SUFFIX = ' -->';
const MAX_EMBEDDED_FINDINGS = 200;
/** An HTML comment carrying the bundles' digests (messages left out: keys are enough to match). */
function embedDigests(bundles) {
    let budget = MAX_EMBEDDED_FINDINGS;
    const rows = bundles.map((bundle) => {
        const findings = bundle.findings
            .map(digestFinding)
            .sort((a, b) => (0,model/* severityRank */.qs)(a.severity) - (0,model/* severityRank */.qs)(b.severity))
            .slice(0, Math.max(0, budget))
            .map((f) => [f.check, model/* SEVERITIES */.oC.indexOf(f.severity), f.file ?? '', f.line ?? 0, f.key]);
        budget -= findings.length;
        return { root: bundle.root, score: bundle.score, f: findings };
    });
    const json = JSON.stringify({ v: 2, b: rows });
    // `--` may only occur inside JSON strings; \u002d keeps the HTML comment from ending early.
    return DATA_PREFIX + json.replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e').replace(/</g, '\\u003c') + DATA_SUFFIX;
}
/** The digests embedded at the end of a previous comment ([] when absent or unreadable). The last
 *  occurrence is ours: anything earlier is quoted repository content. */
function readEmbeddedDigests(body) {
    if (!body)
        return [];
    const start = body.lastIndexOf(DATA_PREFIX);
    if (start < 0)
        return [];
    const end = body.indexOf(DATA_SUFFIX, start + DATA_PREFIX.length);
    if (end < 0)
        return [];
    try {
        const data = JSON.parse(body.slice(start + DATA_PREFIX.length, end));
        if (data.v !== 2 || !Array.isArray(data.b))
            return [];
        const digests = [];
        for (const raw of data.b) {
            if (typeof raw?.root !== 'string' || typeof raw.score !== 'number' || !Array.isArray(raw.f))
                continue;
            const findings = [];
            for (const row of raw.f) {
                if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[4] !== 'string')
                    continue;
                const severity = model/* SEVERITIES */.oC[Number(row[1])] ?? 'info';
                findings.push({ check: row[0], severity, file: row[2] ? String(row[2]) : undefined, line: Number(row[3]) || undefined, key: row[4] });
            }
            digests.push({ root: raw.root, score: raw.score, findings });
        }
        return digests;
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/github/fit.ts
// Fit whole Markdown blocks into a size budget: required blocks always, optional ones in order
// while they fit (or their shorter fallback). A block is never cut, so a table is never halved.
const SEPARATOR = '\n\n';
function fitBlocks(blocks, budget, measure = (t) => t.length) {
    const size = (parts) => measure(parts.join(SEPARATOR));
    const chosen = blocks.map((b) => (b.required ? b.text : undefined));
    let dropped = 0;
    for (const [i, block] of blocks.entries()) {
        if (block.required)
            continue;
        for (const candidate of [block.text, block.fallback]) {
            if (candidate === undefined)
                continue;
            chosen[i] = candidate;
            if (size(chosen.filter((c) => c !== undefined)) <= budget)
                break;
            chosen[i] = undefined;
        }
        if (chosen[i] === undefined)
            dropped++;
        else if (chosen[i] !== block.text)
            dropped++;
    }
    return { text: chosen.filter((c) => c !== undefined).join(SEPARATOR), dropped };
}

;// CONCATENATED MODULE: ./src/github/comment-body.ts










/** GitHub rejects bodies over 65,536 characters; this leaves room for what we cannot predict. */
const COMMENT_BUDGET = 60_000;
/** Findings shown as their own collapsed block per bundle; the rest share one block. */
const DETAILS_LIMIT = 15;
const CHANGE_LIST_LIMIT = 5;
const MORE_LIST_LIMIT = 50;
/** The hidden marker on the comment's first line: one sticky comment per pull request and `path`. */
function commentMarker(prefix) {
    const safe = (prefix || '.').replace(/[^\w./@+-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/-(?=-)/g, '%2d');
    return `<!-- dab-ready:comment path=${safe} -->`;
}
function renderPullRequestComment(input, options = {}) {
    const budget = options.budget ?? COMMENT_BUDGET;
    const sticky = options.sticky !== false;
    const { result } = input;
    const several = result.bundles.length > 1;
    const data = sticky ? embedDigests(result.bundles) : '';
    const footer = (dropped) => renderFooter(input, dropped);
    const head = [
        ...(sticky ? [{ text: commentMarker(input.prefix), required: true }] : []),
        { text: renderHeadline(input), required: true },
        ...(options.notes ?? []).map((n) => ({ text: `> ${escape_escapeInline(n)}`, required: true })),
    ];
    if (several)
        head.push({ text: renderBundleTable(input), required: true });
    else if (result.bundles.length === 1)
        head.push(...changeBlocks(input, result.bundles[0]));
    const sections = [];
    for (const bundle of result.bundles) {
        const expanded = !several || options.expandAll || isBlocking(bundle) || isTouched(input, bundle);
        if (!expanded)
            continue;
        if (several)
            sections.push({ text: bundleHeading(input, bundle), required: true }, ...changeBlocks(input, bundle, true));
        // In a monorepo a bundle the pull request did not touch shows only what blocks it.
        const compact = several && !options.expandAll && !isTouched(input, bundle);
        const elsewhere = options.elsewhere ?? (input.runUrl ? `the [job summary](${input.runUrl})` : 'the job summary');
        sections.push(...bundleBlocks(input, bundle, options.detailsLimit ?? DETAILS_LIMIT, { several, compact, elsewhere }));
    }
    if (several) {
        const quiet = result.bundles.filter((b) => !(options.expandAll || isBlocking(b) || isTouched(input, b))).length;
        if (quiet > 0)
            sections.push({ text: `<sub>${quiet} bundle${quiet === 1 ? '' : 's'} without blockers that this pull request did not touch: one row each in the table above.</sub>`, required: true });
    }
    if (result.notices.length > 0)
        sections.push({ text: comment_body_renderNotices(input), fallback: `_${result.notices.length} repository notices: see the job summary._` });
    const measure = options.measure ?? ((t) => t.length);
    // the footer, the data, the separators before them and the final newline
    const reserve = measure(footer(true)) + measure(data) + 2 * SEPARATOR.length + measure('\n');
    const fitted = fitBlocks([...head, ...sections], budget - reserve, measure);
    return [fitted.text, footer(fitted.dropped > 0), data].filter(Boolean).join(SEPARATOR) + '\n';
}
function bundleStatus(bundle) {
    if (!bundle.ready || bundle.counts.critical > 0)
        return 'blocked';
    return bundle.counts.high + bundle.counts.medium > 0 ? 'partial' : 'ready';
}
function isBlocking(bundle) {
    return bundleStatus(bundle) === 'blocked';
}
function isTouched(input, bundle) {
    if (input.touched)
        return input.touched.has(bundle.root);
    const delta = input.deltas.get(bundle.root);
    return Boolean(delta && (delta.added.length || delta.resolved.length || delta.change));
}
/** "65/100", "85/100 (+20 vs base)", "65/100 (−20 vs previous run)", "85/100 (unchanged)". */
function scoreText(score, delta) {
    if (!delta)
        return `${score}/100`;
    if (delta.change === 0)
        return `${score}/100 (unchanged)`;
    const against = delta.source === 'base' ? 'vs base' : 'vs previous run';
    return `${score}/100 (${delta.change > 0 ? '+' : '−'}${Math.abs(delta.change)} ${against})`;
}
function gateText(input) {
    if (input.gate.passed)
        return '✅ gate passed';
    const failing = input.result.bundles
        .flatMap((b) => b.findings)
        .concat(input.result.notices)
        .filter((f) => counts(input, f)).length;
    const what = failing > 0 ? `${failing} ${input.newOnly ? 'new ' : ''}finding${failing === 1 ? '' : 's'} at or above ${input.failOn}` : 'score below the minimum';
    return `❌ gate failed: ${what}`;
}
/** Whether a finding counts for the gate. */
function counts(input, f) {
    return (0,readiness_gate/* failsGate */.F)(f, input.failOn);
}
function renderHeadline(input) {
    const { result } = input;
    if (result.bundles.length === 0)
        return `### dab-ready · no bundle found · ${gateText(input)}`;
    const worst = result.bundles.reduce((w, b) => (b.score < w.score ? b : w), result.bundles[0]);
    const statuses = result.bundles.map(bundleStatus);
    const status = statuses.includes('blocked') ? 'blocked' : statuses.includes('partial') ? 'partial' : 'ready';
    const several = result.bundles.length > 1;
    const what = several
        ? `${statuses.filter((s) => s === 'blocked').length} of ${result.bundles.length} bundles blocked`
        : status;
    const score = several ? `lowest score ${scoreText(worst.score, input.deltas.get(worst.root))}` : `score ${scoreText(worst.score, input.deltas.get(worst.root))}`;
    const line = `### ${STATUS_ICON[status]} dab-ready: ${what} · ${score} · ${gateText(input)}`;
    const total = sumCounts(result.bundles);
    const facts = several
        ? [`${result.bundles.length} bundles`, countsText(total)]
        : [`**${escape_escapeInline(worst.name)}**${worst.root === '.' ? '' : ` ${escape_codeSpan(worst.root)}`}`, countsText(worst.counts), `targets ${worst.targets.map((t) => escape_codeSpan(t)).join(', ') || '–'}`];
    if (several) {
        const added = [...input.deltas.values()].reduce((n, d) => n + d.added.length, 0);
        const resolved = [...input.deltas.values()].reduce((n, d) => n + d.resolved.length, 0);
        if (input.deltas.size > 0)
            facts.push(`this pull request: 🆕 ${added} new · ✅ ${resolved} resolved`);
    }
    return `${line}\n\n${facts.join(' · ')}`;
}
function sumCounts(bundles) {
    const total = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const b of bundles)
        for (const s of Object.keys(total))
            total[s] += b.counts[s];
    return total;
}
/** "New in this pull request" with the new findings' titles, and the resolved ones. */
function changeBlocks(input, bundle, onlyChanges = false) {
    const delta = input.deltas.get(bundle.root);
    if (!delta || (onlyChanges && delta.added.length + delta.resolved.length === 0))
        return [];
    const label = delta.source === 'base' ? 'This pull request' : 'Since the previous run';
    const summary = `**${label}:** 🆕 ${delta.added.length} new · ✅ ${delta.resolved.length} resolved`;
    const lines = [
        ...delta.added.slice(0, CHANGE_LIST_LIMIT).map((d) => `- 🆕 ${digestLine(input, bundle, d, true, onlyChanges)}`),
        ...more(delta.added.length, CHANGE_LIST_LIMIT, 'new'),
        ...delta.resolved.slice(0, CHANGE_LIST_LIMIT).map((d) => `- ✅ resolved: ${digestLine(input, bundle, d, false, onlyChanges)}`),
        ...more(delta.resolved.length, CHANGE_LIST_LIMIT, 'resolved'),
    ];
    return [{ text: lines.length ? `${summary}\n\n${lines.join('\n')}` : summary, fallback: summary, required: false }];
}
function more(total, shown, what) {
    return total > shown ? [`- _…and ${total - shown} more ${what}_`] : [];
}
/** One line for a finding digest: severity, the check's title, file:line (linked when it still exists). */
function digestLine(input, bundle, d, link, bundleRelative) {
    const title = (0,check_info/* catalogFor */.xn)().info(d.check, d.severity).title;
    const file = d.file ? analysedPath(bundle.root, d.file) : undefined;
    const where = file ? `${bundleRelative ? d.file : file}${d.line ? `:${d.line}` : ''}` : '';
    const place = !where ? '' : link && input.links ? ` [${escape_codeSpan(where)}](${blobUrl(input.links, file, d.line)})` : ` ${escape_codeSpan(where)}`;
    return `${finding_details_SEVERITY_ICON[d.severity]} **${d.severity}** · ${escape_escapeMessage(title)}${place ? ` ·${place}` : ''}`;
}
function renderBundleTable(input) {
    const rows = [...input.result.bundles]
        .sort((a, b) => severityOrder(a) - severityOrder(b) || a.score - b.score || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0))
        .map((b) => {
        const delta = input.deltas.get(b.root);
        const change = delta ? (delta.change === 0 ? '0' : `${delta.change > 0 ? '+' : '−'}${Math.abs(delta.change)}`) : '–';
        const status = bundleStatus(b);
        const touched = isTouched(input, b) ? ' ✏️' : '';
        return `| ${escape_codeSpan(b.root, { inTable: true })}${touched} | ${b.score} | ${change} | ${STATUS_ICON[status]} ${status}${b.counts.critical ? ` (${b.counts.critical} critical)` : ''} |`;
    });
    return ['| Bundle | Score | Δ | Status |', '|---|---|---|---|', ...rows].join('\n') + '\n\n<sub>✏️ touched by this pull request</sub>';
}
function severityOrder(b) {
    return { blocked: 0, partial: 1, ready: 2 }[bundleStatus(b)];
}
function bundleHeading(input, bundle) {
    const status = bundleStatus(bundle);
    return `#### ${STATUS_ICON[status]} ${escape_codeSpan(bundle.root)} ${escape_escapeInline(bundle.name)} · ${scoreText(bundle.score, input.deltas.get(bundle.root))} · ${countsText(bundle.counts)}`;
}
/** The phase table (and chart), then one collapsed block per finding, most severe first. In a
 *  monorepo the phases fold into one line, and an untouched bundle shows only its blockers. */
function bundleBlocks(input, bundle, limit, shape) {
    const blocks = [];
    if (bundle.phases.length > 1) {
        const chart = phaseFlowchart(bundle) ?? '';
        const table = phaseTable(bundle);
        if (shape.several) {
            blocks.push({ text: `<details><summary>Phases: ${escapeHtml(phaseLine(bundle).replace(/\\(.)/g, '$1'))}</summary>\n\n${table}\n\n${chart}\n\n</details>`, fallback: `Phases: ${phaseLine(bundle)}` });
        }
        else {
            blocks.push({ text: table, required: false });
            if (chart)
                blocks.push({ text: chart, required: false });
        }
    }
    const delta = input.deltas.get(bundle.root);
    const added = new Set((delta?.added ?? []).map((d) => d.key));
    const phaseNames = new Map(bundle.phases.map((p) => [p.id, p.name]));
    const wanted = shape.compact ? bundle.findings.filter((f) => f.severity === 'critical' || added.has(fingerprint_fingerprint(f))) : bundle.findings;
    const shown = wanted.slice(0, limit);
    for (const f of shown) {
        const options = { links: input.links, isNew: added.has(fingerprint_fingerprint(f)), isExisting: f.existing, phaseNames, bundleRelative: shape.several };
        blocks.push({ text: findingDetails(f, bundle, options) });
    }
    const rest = bundle.findings.filter((f) => !shown.includes(f));
    if (rest.length > 0) {
        const lines = rest.slice(0, MORE_LIST_LIMIT).map((f) => `- ${findingLine(input, bundle.root, f)}`);
        if (rest.length > MORE_LIST_LIMIT)
            lines.push(`- _…and ${rest.length - MORE_LIST_LIMIT} more in ${shape.elsewhere}_`);
        blocks.push({
            text: `<details><summary>${shown.length ? `${rest.length} more` : rest.length} finding${rest.length === 1 ? '' : 's'} (${escapeHtml(countsText(countBy(rest)))})</summary>\n\n${lines.join('\n')}\n\n</details>`,
            fallback: `_…and ${rest.length} more findings: see ${shape.elsewhere}._`,
        });
    }
    if (bundle.findings.length === 0)
        blocks.push({ text: '✅ No findings.', required: true });
    if (bundle.verification.length > 0) {
        blocks.push({ text: `<details><summary>${verificationIcon(bundle.verification)} Verification runs</summary>\n\n${renderVerification(bundle, { depth: 4 })}\n\n</details>` });
    }
    return blocks;
}
function countBy(findings) {
    const c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of findings)
        c[f.severity]++;
    return c;
}
function findingLine(input, bundleRoot, f) {
    const file = f.loc ? analysedPath(bundleRoot, f.loc.file) : undefined;
    const where = file ? `${file}:${f.loc.line}` : undefined;
    const place = where ? (input.links ? ` · [${escape_codeSpan(where)}](${blobUrl(input.links, file, f.loc.line)})` : ` · ${escape_codeSpan(where)}`) : '';
    const title = (0,check_info/* catalogFor */.xn)().info(f.check, f.severity).title;
    return `${finding_details_SEVERITY_ICON[f.severity]} **${f.severity}** · ${escape_escapeMessage(title)}${place}: ${escape_escapeMessage(f.message.split('\n')[0].slice(0, 160))}`;
}
function comment_body_renderNotices(input) {
    const lines = input.result.notices.slice(0, 20).map((n) => `- ${findingLine(input, '.', n)}`);
    return `<details><summary>${input.result.notices.length} repository notice${input.result.notices.length === 1 ? '' : 's'}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}
function renderFooter(input, dropped) {
    const link = input.runUrl ? `[job summary](${input.runUrl})` : 'job summary';
    const sha = input.links?.sha ? ` · commit ${escape_codeSpan(input.links.sha.slice(0, 12))}` : '';
    const gate = input.failOn === 'none' ? 'gate off' : `fail-on ${input.failOn}${input.newOnly ? ' (new findings only)' : ''}`;
    const left = dropped ? `Some blocks were left out to stay within GitHub's size limit: everything is in the ${link}. ` : '';
    return `<sub>${left}Full report: ${link}${sha} · ${gate} · ${escape_escapeInline(input.result.tool.name)} ${escape_escapeInline(input.result.tool.version)}</sub>`;
}

;// CONCATENATED MODULE: ./src/github/identity.ts
async function resolveIdentity(client) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return { kind: 'user', login: data.login };
    }
    catch (error) {
        const status = error.status;
        if (status === 403 || status === 401 || status === 404)
            return { kind: 'installation' };
        throw error;
    }
}
const normalize = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
/** Whether a comment was written by this token's identity. Markers planted by people never count. */
function isAuthoredBy(comment, identity) {
    const login = comment.user?.login;
    if (!login)
        return false;
    if (identity.kind === 'user')
        return normalize(login) === normalize(identity.login);
    return comment.user?.type === 'Bot' && (normalize(login) === 'github-actions' || Boolean(comment.performed_via_github_app?.slug));
}

;// CONCATENATED MODULE: ./src/github/comment.ts

/** A 403 that is a permission refusal (fork PR's read-only token), not a rate limit. */
function isForbidden(error) {
    const e = error;
    return e?.status === 403 && !/rate limit/i.test(e.message ?? '');
}
const isNotFound = (error) => error?.status === 404;
async function upsertStickyComment(request) {
    const { client, owner, repo, issueNumber, marker } = request;
    const mode = request.mode ?? 'update';
    try {
        const identity = await resolveIdentity(client);
        const mine = await listOwnComments(client, { owner, repo, issueNumber, marker }, identity);
        const previous = mine[0];
        const body = request.render(previous);
        if (mode === 'update') {
            for (const candidate of mine) {
                try {
                    const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: candidate.id, body });
                    const removed = await deleteComments(client, owner, repo, mine.filter((c) => c.id !== candidate.id));
                    return { status: 'updated', id: data.id, url: data.html_url, duplicatesRemoved: removed };
                }
                catch (error) {
                    // Deleted meanwhile: try the next or create. Without GET /user the candidates are every
                    // app bot's comments; another app's refuses the edit (403), so it is not ours.
                    if (isNotFound(error) || (identity.kind === 'installation' && isForbidden(error)))
                        continue;
                    throw error;
                }
            }
        }
        const removedBefore = mode === 'recreate' ? await deleteComments(client, owner, repo, mine) : 0;
        const { data: created } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        const kept = await removeDuplicates(client, { owner, repo, issueNumber, marker }, created, body);
        const status = mode === 'recreate' && mine.length > 0 ? 'recreated' : 'created';
        return { status, id: kept.id, url: kept.url, duplicatesRemoved: removedBefore + kept.removed };
    }
    catch (error) {
        if (isForbidden(error))
            return { status: 'forbidden', message: error.message };
        throw error;
    }
}
/** This identity's comments that start with the marker, oldest first, over every page. Only the
 *  first line counts: repository content quoted further down (a marker in a code block) never does. */
async function listOwnComments(client, ref, identity) {
    const all = (await client.paginate(client.rest.issues.listComments, {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issueNumber,
        per_page: 100,
    }));
    return all
        .filter((c) => (c.body ?? '').startsWith(ref.marker) && isAuthoredBy(c, identity))
        .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}
/** After creating: if a concurrent run created one too, keep the oldest (with this run's body). */
async function removeDuplicates(client, ref, created, body) {
    // The created comment names the identity for certain (an installation token cannot ask GET /user).
    const identity = created.user?.login ? { kind: 'user', login: created.user.login } : { kind: 'installation' };
    const mine = await listOwnComments(client, ref, identity);
    if (mine.length <= 1)
        return { id: created.id, url: created.html_url, removed: 0 };
    let keep = mine[0];
    if (keep.id !== created.id) {
        try {
            await client.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: keep.id, body });
        }
        catch (error) {
            if (!isNotFound(error))
                throw error;
            keep = mine.find((c) => c.id === created.id) ?? keep;
        }
    }
    const removed = await deleteComments(client, ref.owner, ref.repo, mine.filter((c) => c.id !== keep.id));
    return { id: keep.id, url: keep.html_url, removed };
}
/** Delete comments; one already gone (another run deleted it) or not ours to delete is skipped. */
async function deleteComments(client, owner, repo, comments) {
    let removed = 0;
    for (const comment of comments) {
        try {
            await client.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
            removed++;
        }
        catch (error) {
            if (!isNotFound(error) && !isForbidden(error))
                throw error;
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/github/context.ts
// What the runner tells the action about this run: the repository, the pull request (from the
// event payload at GITHUB_EVENT_PATH) and the run page that holds the job summary.

function readRunContext(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH && external_node_fs_default().existsSync(env.GITHUB_EVENT_PATH)) {
        try {
            payload = JSON.parse(external_node_fs_default().readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    const fullName = env.GITHUB_REPOSITORY || payload.repository?.full_name || '';
    const [owner, repo] = fullName.includes('/') ? fullName.split('/', 2) : [undefined, undefined];
    const pr = payload.pull_request;
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        owner,
        repo,
        pullRequest: pr && typeof pr.number === 'number'
            ? {
                number: pr.number,
                baseSha: pr.base?.sha,
                headSha: pr.head?.sha,
                fromFork: Boolean(pr.head?.repo?.full_name && pr.base?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name),
            }
            : undefined,
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        runUrl: fullName && env.GITHUB_RUN_ID ? `${serverUrl}/${fullName}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        sha: pr?.head?.sha ?? env.GITHUB_SHA,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir: env.RUNNER_TEMP || undefined,
    };
}

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
            const fp = fingerprint(f);
            const key = `${bundle.root}\u0000${fp}`;
            const row = rows.get(key);
            if (row)
                row.count++;
            else
                rows.set(key, { fingerprint: fp, check: f.check, bundle: bundle.root, file: f.loc?.file ?? null, count: 1 });
        }
    }
    const findings = [...rows.values()].sort((a, b) => cmp(a.bundle, b.bundle) || cmp(a.file ?? '', b.file ?? '') || cmp(a.check, b.check) || cmp(a.fingerprint, b.fingerprint));
    return { tool: TOOL_NAME, toolVersion: TOOL_VERSION, format: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION, findings };
}
function renderBaselineFile(result) {
    return JSON.stringify(baselineFile(result), null, 2) + '\n';
}
/** Reads a baseline file; a file that is not one (not JSON, another tool, another format) is a
 *  one-line problem naming the file, never an exception. */
function readBaselineFile(file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
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
    if (!data || typeof data !== 'object' || data.tool !== TOOL_NAME) {
        return { problem: `${file}: not a dab-ready baseline (write one with dab-ready check --write-baseline ${file})` };
    }
    if (data.format !== BASELINE_FORMAT || data.fingerprintVersion !== FINGERPRINT_VERSION || !Array.isArray(data.findings)) {
        return {
            problem: `${file}: baseline format ${String(data.format)} from dab-ready ${String(data.toolVersion)}; this dab-ready ${TOOL_VERSION} reads format ${BASELINE_FORMAT}: write it again with --write-baseline`,
        };
    }
    const counts = new Map();
    for (const row of data.findings) {
        if (typeof row?.fingerprint !== 'string')
            continue;
        const n = Number.isInteger(row.count) && row.count > 0 ? row.count : 1;
        counts.set(row.fingerprint, (counts.get(row.fingerprint) ?? 0) + n);
    }
    const note = data.toolVersion !== TOOL_VERSION ? `${file} was written by dab-ready ${String(data.toolVersion)} (same format: used)` : undefined;
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
            counts.set(fingerprint_fingerprint(f), (counts.get(fingerprint_fingerprint(f)) ?? 0) + 1);
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

// EXTERNAL MODULE: ./src/github/inputs.ts
var github_inputs = __webpack_require__(5446);
;// CONCATENATED MODULE: ./src/github/outputs.ts
/** The overall score: the lowest bundle score (a repository is as ready as its least ready bundle). */
function overallScore(result) {
    return result.bundles.length ? Math.min(...result.bundles.map((b) => b.score)) : 0;
}
function resultOutputs(result) {
    const count = (s) => result.bundles.reduce((n, b) => n + b.counts[s], 0) + result.notices.filter((f) => f.severity === s).length;
    const several = result.bundles.length > 1;
    const blocked = result.bundles.flatMap((b) => b.phases.filter((p) => p.status === 'blocked').map((p) => (several ? `${b.root}:${p.id}` : p.id)));
    return {
        ready: String(result.bundles.length > 0 && result.bundles.every((b) => b.ready)),
        score: String(overallScore(result)),
        critical: String(count('critical')),
        high: String(count('high')),
        medium: String(count('medium')),
        low: String(count('low')),
        'blocked-phases': JSON.stringify(blocked),
    };
}

;// CONCATENATED MODULE: ./src/github/summary.ts
// The job summary: always written (it needs no token, so fork pull requests get it too). The same
// structure as the pull request comment, every bundle expanded, with the gate's reasons and the
// run's notes on top, bounded under the runner's 1 MiB per-step limit.

/** The runner refuses step summaries over 1 MiB; stay clearly below. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/** Findings shown as their own block per bundle in the summary. */
const SUMMARY_DETAILS_LIMIT = 300;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function renderJobSummary(input) {
    const notes = [...(input.notes ?? [])];
    if (!input.gate.passed)
        notes.unshift(...input.gate.reasons.map((r) => `gate: ${r}`));
    const body = renderPullRequestComment(input, {
        budget: (input.budgetBytes ?? SUMMARY_BUDGET_BYTES) - 400,
        measure: bytes,
        expandAll: true,
        sticky: false,
        notes,
        detailsLimit: SUMMARY_DETAILS_LIMIT,
        elsewhere: input.elsewhere ?? 'the JSON report (the report-json output)',
    });
    const comments = input.commentUrls?.length ? `\n${input.commentUrls.map((u) => `[Pull request comment](${u})`).join(' · ')}\n` : '';
    return body + comments;
}

;// CONCATENATED MODULE: ./src/github/suggestion-edits.ts
// Mechanical fixes as line edits a reviewer can accept with one click (GitHub suggestions): attach
// the built wheel to a wheel task, declare an entry point whose function exists, pin `%pip`
// requirements to their lower bound. Derived from the findings and the lines the loader read;
// anything that needs a judgement (a new module, a version to choose) gets no suggestion.




function suggestedEdits(result, project, prefix) {
    const edits = [];
    for (const bundleResult of result.bundles) {
        const bundle = project.bundles.find((b) => b.relRoot === bundleResult.root);
        if (!bundle)
            continue;
        for (const finding of bundleResult.findings) {
            const edit = editFor(bundle, finding);
            if (edit)
                edits.push({ ...edit, finding, file: (0,paths/* repoPath */.qN)(prefix, analysedPath(bundleResult.root, edit.file)) });
        }
    }
    return edits;
}
function editFor(bundle, finding) {
    switch (finding.check) {
        case 'wheel-not-built':
            return attachWheel(bundle, finding);
        case 'entry-point-missing':
            return declareEntryPoint(bundle, finding);
        case 'library-deps-inconsistent':
            return pinPipInstall(bundle, finding);
        default:
            return undefined;
    }
}
function fileLines(bundle, file) {
    return bundle.files.get(file)?.lines ?? bundle.fileIndex.lines(file);
}
const indentOf = (line) => /^ */.exec(line)[0].length;
/** `libraries: [- whl: ...]` from the fix, added to the task after its python_wheel_task block. */
function attachWheel(bundle, finding) {
    const loc = finding.loc;
    if (!loc || !finding.fix?.patch)
        return undefined;
    const section = splitPatch(finding.fix.patch).find((s) => s.file === loc.file && /^libraries:\s*$/m.test(s.body.split('\n')[0]));
    const lines = fileLines(bundle, loc.file);
    if (!section || !lines)
        return undefined;
    const at = lines[loc.line - 1];
    if (!at || !/^\s*python_wheel_task:\s*(#.*)?$/.test(at))
        return undefined;
    const indent = indentOf(at);
    let end = loc.line;
    for (let i = loc.line; i < lines.length; i++) {
        if (!lines[i].trim() || lines[i].trim().startsWith('#'))
            continue;
        if (indentOf(lines[i]) <= indent)
            break;
        end = i + 1;
    }
    // the task must not have a libraries key already (siblings at the same indentation)
    const siblings = taskSiblings(lines, loc.line - 1, indent);
    if (siblings.some((l) => /^\s*libraries:/.test(l)))
        return undefined;
    const pad = ' '.repeat(indent);
    const added = section.body.split('\n').map((l) => (l ? pad + l : l));
    return { file: loc.file, startLine: end, endLine: end, replacement: [lines[end - 1], ...added].join('\n') };
}
function taskSiblings(lines, index, indent) {
    const out = [];
    const same = (l) => l.trim() && indentOf(l) === indent;
    for (let i = index - 1; i >= 0; i--) {
        if (!lines[i].trim())
            continue;
        if (indentOf(lines[i]) < indent || /^\s*-\s/.test(lines[i].slice(0, indent + 2)))
            break;
        if (same(lines[i]))
            out.push(lines[i]);
    }
    for (let i = index + 1; i < lines.length; i++) {
        if (!lines[i].trim())
            continue;
        if (indentOf(lines[i]) < indent)
            break;
        if (same(lines[i]))
            out.push(lines[i]);
    }
    return out;
}
/** `[project.scripts]` from the fix, when the function it names already exists (no new module). */
function declareEntryPoint(bundle, finding) {
    if (!finding.fix?.patch)
        return undefined;
    const sections = splitPatch(finding.fix.patch);
    if (sections.some((s) => /\(new\)/.test(s.caption ?? '')))
        return undefined;
    const section = sections.find((s) => s.file && external_node_path_default().posix.basename(s.file) === 'pyproject.toml' && /^\[project\.scripts\]\s*$/m.test(s.body));
    if (!section?.file)
        return undefined;
    const lines = fileLines(bundle, section.file);
    if (!lines)
        return undefined;
    const entries = section.body.split('\n').filter((l) => /^\s*[\w.-]+\s*=/.test(l));
    if (entries.length === 0)
        return undefined;
    const existing = lines.findIndex((l) => /^\s*\[project\.scripts\]\s*(#.*)?$/.test(l));
    if (existing >= 0)
        return { file: section.file, startLine: existing + 1, endLine: existing + 1, replacement: [lines[existing], ...entries].join('\n') };
    const project = lines.findIndex((l) => /^\s*\[project\]\s*(#.*)?$/.test(l));
    if (project < 0)
        return undefined;
    let last = project;
    for (let i = project + 1; i < lines.length; i++) {
        if (/^\s*\[/.test(lines[i]))
            break;
        if (lines[i].trim())
            last = i;
    }
    // a multi-line value (`dependencies = [`) ends with its closing bracket, which `last` already is
    return { file: section.file, startLine: last + 1, endLine: last + 1, replacement: [lines[last], '', '[project.scripts]', ...entries].join('\n') };
}
/** `%pip install pkg>=1.2` → `pkg==1.2` on the line the finding points at. */
function pinPipInstall(bundle, finding) {
    const loc = finding.loc;
    if (!loc)
        return undefined;
    const line = fileLines(bundle, loc.file)?.[loc.line - 1];
    if (!line || !/%pip\s+install\b/.test(line))
        return undefined;
    const pinned = line.replace(/(^|\s)([A-Za-z0-9][\w.-]*(?:\[[\w,.-]+\])?)>=([0-9][\w.+-]*)(?=\s|$)/g, '$1$2==$3');
    if (pinned === line)
        return undefined;
    return { file: loc.file, startLine: loc.line, endLine: loc.line, replacement: pinned };
}

;// CONCATENATED MODULE: ./src/github/suggestions.ts





function suggestionMarker(edit, headSha) {
    return `<!-- dab-ready:suggestion ${fingerprint_fingerprint(edit.finding)} ${headSha} -->`;
}
function suggestionBody(edit, headSha) {
    const title = (0,check_info/* catalogFor */.xn)().info(edit.finding.check, edit.finding.severity).title;
    let fence = '```';
    while (edit.replacement.includes(fence))
        fence += '`';
    return [
        suggestionMarker(edit, headSha),
        `**dab-ready** · ${escape_escapeMessage(title)} ([\`${edit.finding.check}\`](${rule_links_rulePageUrl(edit.finding.check)}))`,
        '',
        escape_escapeMessage(edit.finding.message.split('\n')[0]),
        '',
        `${fence}suggestion`,
        edit.replacement,
        fence,
    ].join('\n');
}
async function postSuggestions(request) {
    const outcome = { posted: 0, alreadyPosted: 0, outsideDiff: 0, capped: 0 };
    if (request.fromFork)
        return { ...outcome, skipped: 'the pull request comes from a fork' };
    if (request.edits.length === 0 || request.max <= 0)
        return outcome;
    const { client, owner, repo, pullNumber: pull_number } = request;
    const files = (await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number, per_page: 100 }));
    const diffLines = new Map(files.map((f) => [f.filename, rightSideHunks(f.patch ?? '')]));
    const identity = await resolveIdentity(client);
    const existing = (await client.paginate(client.rest.pulls.listReviewComments, { owner, repo, pull_number, per_page: 100 }));
    const posted = new Set(existing.filter((c) => isAuthoredBy(c, identity)).map((c) => /<!-- dab-ready:suggestion \S+ \S+ -->/.exec(c.body ?? '')?.[0]));
    for (const edit of request.edits) {
        if (posted.has(suggestionMarker(edit, request.headSha))) {
            outcome.alreadyPosted++;
            continue;
        }
        const hunks = diffLines.get(edit.file) ?? [];
        if (!hunks.some(([from, to]) => edit.startLine >= from && edit.endLine <= to)) {
            outcome.outsideDiff++;
            continue;
        }
        if (outcome.posted >= request.max) {
            outcome.capped++;
            continue;
        }
        await client.rest.pulls.createReviewComment({
            owner,
            repo,
            pull_number,
            commit_id: request.headSha,
            path: edit.file,
            body: suggestionBody(edit, request.headSha),
            line: edit.endLine,
            side: 'RIGHT',
            ...(edit.startLine < edit.endLine ? { start_line: edit.startLine, start_side: 'RIGHT' } : {}),
        });
        posted.add(suggestionMarker(edit, request.headSha));
        outcome.posted++;
    }
    return outcome;
}
/** The right-hand line ranges of a unified diff's hunks: where review comments may go. */
function rightSideHunks(patch) {
    const ranges = [];
    for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        if (count > 0)
            ranges.push([start, start + count - 1]);
    }
    return ranges;
}

// EXTERNAL MODULE: ./src/verify/missing-tools.ts
var missing_tools = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/heartbeat.ts
// A long step in a CI log says it is still alive: one line every 10 s with the elapsed time.

const HEARTBEAT_MS = 10_000;
/** Runs `fn`; while it runs, `print`s `… still running: <name> (<elapsed>)` every `intervalMs`, and
 *  `done: <name> (<elapsed>)` at the end when it printed any. */
async function withHeartbeat(name, fn, print, intervalMs = HEARTBEAT_MS, now = Date.now) {
    const started = now();
    let beats = 0;
    const timer = setInterval(() => {
        beats++;
        print(`  … still running: ${name} (${formatDuration(now() - started)})`);
    }, intervalMs);
    try {
        return await fn();
    }
    finally {
        clearInterval(timer);
        if (beats > 0)
            print(`  done: ${name} (${formatDuration(now() - started)})`);
    }
}

;// CONCATENATED MODULE: ./src/github/check-mode.ts
// `mode: check`: analyse, then act in the order the runner needs: report files and outputs, the
// sticky comment(s) with the delta, the job summary, annotations, and last the gate.

























const actionLogger = {
    info: (message) => core/* info */.pq(message),
    // Annotations are scarce (10 per level per step): they are kept for findings.
    warn: (message) => core/* info */.pq(`warning: ${message}`),
    // CI logs: a long step (wheel build, pip, validate) prints a heartbeat every 10 s.
    group: (name, fn) => core/* group */.Os(name, () => withHeartbeat(name, fn, (line) => core/* info */.pq(line))),
    output: (line) => core/* info */.pq(line),
};
async function runCheckMode(inputs, options = {}) {
    const env = options.env ?? process.env;
    const ctx = readRunContext(env);
    const timeoutMs = options.timeoutMs ?? 600_000;
    const verify = (0,github_inputs/* toVerifyOptions */.bt)(inputs, timeoutMs);
    const validate = (0,github_inputs/* toValidateOptions */.Yt)(inputs, timeoutMs);
    const analyseFolder = (folder) => (0,engine/* analyse */.KH)({ path: folder, repoRoot: env.GITHUB_WORKSPACE, target: inputs.target, configFile: inputs.configFile, vars: inputs.vars, env, verify, validate, log: actionLogger });
    const { result, config, project } = await analyseFolder(inputs.path);
    const failOn = inputs.failOn ?? config.failOn ?? 'critical';
    const prefix = (0,paths/* repoPrefix */.xI)(inputs.path);
    const notes = [];
    let warnings = 0;
    const warnOnce = (message) => {
        warnings++;
        core/* warning */.$e(message);
        notes.push(message);
    };
    const missingTools = (0,missing_tools/* missingToolsWarning */.s)(result);
    if (missingTools)
        warnOnce(missingTools);
    // The baseline: the pull request's base commit, when the history is there.
    const wantsComment = inputs.commentMode !== 'off' && (inputs.comment === 'true' || (inputs.comment === 'auto' && Boolean(ctx.pullRequest)));
    let baseline;
    let touched;
    const baseSha = ctx.pullRequest?.baseSha;
    if (baseSha && (wantsComment || inputs.summary || inputs.failOnNewOnly)) {
        core/* info */.pq(`Analysing the base commit ${baseSha.slice(0, 12)} for the comparison`);
        const base = await analyseBaseCommit({ path: inputs.path, sha: baseSha, analyse: async (folder) => (await analyseFolder(folder)).result, tempDir: ctx.tempDir, env });
        if (base.result) {
            baseline = baselineFromResult(base.result, baseSha);
            if (inputs.failOnNewOnly)
                markExisting(result, base.result);
        }
        else
            core/* info */.pq(`No base comparison from git: ${base.skipped}`);
        const changed = await changedFiles(inputs.path, baseSha, env);
        if (changed)
            touched = touchedBundles(result, prefix, changed);
    }
    if (inputs.failOnNewOnly && !baseline) {
        warnOnce('dab-ready: fail-on-new-only needs the base commit (actions/checkout with fetch-depth: 0); every finding counts for the gate.');
    }
    const gate = (0,readiness_gate/* evaluateGate */.D)(result, { failOn, minScore: inputs.minScore ?? config.minScore ?? 0 });
    // Report files and the outputs that depend only on the result.
    const reportDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(ctx.tempDir ?? external_node_os_default().tmpdir(), 'dab-ready-'));
    const reportJson = external_node_path_default().join(reportDir, 'report.json');
    external_node_fs_default().writeFileSync(reportJson, renderJson(result));
    const sarifPath = sarifFile(inputs.sarif, ctx.workspace, reportDir);
    if (sarifPath) {
        external_node_fs_default().mkdirSync(external_node_path_default().dirname(sarifPath), { recursive: true });
        external_node_fs_default().writeFileSync(sarifPath, renderSarif(result, { pathPrefix: prefix }));
    }
    const sarifNamed = sarifPath ? 'the SARIF file (output sarif)' : '';
    for (const [name, value] of Object.entries(resultOutputs(result)))
        core/* setOutput */.uH(name, value);
    core/* setOutput */.uH('report-json', reportJson);
    core/* setOutput */.uH('sarif', sarifPath);
    const deltas = new Map();
    for (const bundle of result.bundles) {
        const delta = compareBundle(bundle, baseline);
        if (delta)
            deltas.set(bundle.root, delta);
    }
    const links = ctx.owner && ctx.repo && ctx.sha ? { repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`, sha: ctx.sha, prefix } : undefined;
    const view = { result, gate, failOn, deltas, prefix, links, runUrl: ctx.runUrl, touched, newOnly: inputs.failOnNewOnly && Boolean(baseline) };
    // The sticky comment: one per pull request (and `path`).
    const commentUrls = [];
    if (inputs.comment === 'true' && !ctx.pullRequest)
        core/* info */.pq('comment: true, but this run is not for a pull request: no comment.');
    if (wantsComment && ctx.pullRequest && ctx.owner && ctx.repo) {
        if (!inputs.token) {
            warnOnce('dab-ready: no github-token, so no pull request comment; the report is in the job summary.');
        }
        else {
            const client = options.client ?? createClient(inputs.token, { baseUrl: ctx.apiUrl, retry: options.retry });
            await postComment({ client, ctx, inputs, view, commentUrls, warnOnce });
        }
    }
    const headSha = ctx.pullRequest?.headSha;
    // Suggestions are review comments: they go with the comment (off when commenting is off).
    if (inputs.suggestions && wantsComment && inputs.token && ctx.pullRequest && ctx.owner && ctx.repo && headSha) {
        const client = options.client ?? createClient(inputs.token, { baseUrl: ctx.apiUrl, retry: options.retry });
        try {
            const outcome = await postSuggestions({
                client,
                owner: ctx.owner,
                repo: ctx.repo,
                pullNumber: ctx.pullRequest.number,
                headSha,
                fromFork: ctx.pullRequest.fromFork,
                edits: suggestedEdits(result, project, prefix),
                max: inputs.suggestionsMax,
            });
            if (outcome.skipped)
                core/* info */.pq(`No suggestions: ${outcome.skipped}.`);
            else
                core/* info */.pq(`Suggestions: ${outcome.posted} posted, ${outcome.alreadyPosted} already there, ${outcome.outsideDiff} outside the diff, ${outcome.capped} over the limit of ${inputs.suggestionsMax}.`);
        }
        catch (error) {
            core/* info */.pq(`No suggestions: ${(0,one_line/* oneLine */.T)(error)}`);
        }
    }
    if (inputs.summary) {
        const text = renderJobSummary({ ...view, commentUrls, notes, elsewhere: [sarifNamed, 'the report-json output'].filter(Boolean).join(' and ') });
        try {
            await core/* summary */.z.addRaw(text, true).write({ overwrite: false });
        }
        catch (error) {
            core/* info */.pq(`No job summary written: ${error.message.split('\n')[0]}`);
        }
    }
    if (inputs.annotations) {
        annotate(result, {
            sink: { error: core/* error */.z3, warning: core/* warning */.$e, notice: core/* notice */.lm },
            prefix,
            failOn,
            // core.setFailed writes one error annotation for the gate; warnings above took their slots.
            budget: { error: STEP_LIMIT - (gate.passed ? 0 : 1), warning: Math.max(0, STEP_LIMIT - warnings), notice: STEP_LIMIT },
            elsewhere: [inputs.summary ? 'the job summary' : '', sarifNamed].filter(Boolean).join(' and ') || 'the report-json output',
        });
    }
    core/* setOutput */.uH('comment-url', commentUrls[0] ?? '');
    core/* setOutput */.uH('score-delta', scoreDelta(result, deltas));
    if (!gate.passed)
        core/* setFailed */.C1(`dab-ready gate failed: ${gate.reasons.join('; ')}`);
    return { result, gate, commentUrls, deltas };
}
/** The SARIF file to write: none (`off`), the given path (relative to the workspace), or by default
 *  the report folder under RUNNER_TEMP, so the checkout stays as it was. */
function sarifFile(input, workspace, reportDir) {
    if (input === false)
        return '';
    return input ? external_node_path_default().resolve(workspace, input) : external_node_path_default().join(reportDir, 'dab-ready.sarif');
}
/** Bundle roots (relative to the analysed folder) holding a changed file. */
function touchedBundles(result, prefix, changed) {
    const touched = new Set();
    for (const bundle of result.bundles) {
        const root = (0,paths/* repoPath */.qN)(prefix, bundle.root);
        if (changed.some((file) => root === '.' || file === root || file.startsWith(`${root}/`)))
            touched.add(bundle.root);
    }
    return touched;
}
async function postComment(input) {
    const { client, ctx, inputs, view } = input;
    try {
        const outcome = await upsertStickyComment({
            client,
            owner: ctx.owner,
            repo: ctx.repo,
            issueNumber: ctx.pullRequest.number,
            marker: commentMarker(view.prefix),
            mode: inputs.commentMode === 'recreate' ? 'recreate' : 'update',
            render: (previous) => {
                // Without the base commit, compare with the data the previous comment carries.
                const digests = readEmbeddedDigests(previous?.body);
                for (const bundle of view.result.bundles) {
                    if (view.deltas.has(bundle.root))
                        continue;
                    const digest = digests.find((d) => d.root === bundle.root);
                    const delta = digest && compareBundle(bundle, { source: 'previous-comment', bundles: [digest] });
                    if (delta)
                        view.deltas.set(bundle.root, delta);
                }
                return renderPullRequestComment(view);
            },
        });
        if (outcome.status === 'forbidden') {
            const why = ctx.pullRequest.fromFork
                ? 'this pull request comes from a fork, whose GITHUB_TOKEN is read-only'
                : 'the token may not write to this pull request (it needs pull-requests: write)';
            input.warnOnce(`dab-ready could not comment: ${why}. The report is in the job summary.`);
            return;
        }
        core/* info */.pq(`Comment ${outcome.status}: ${outcome.url}${outcome.duplicatesRemoved ? ` (${outcome.duplicatesRemoved} duplicate removed)` : ''}`);
        input.commentUrls.push(outcome.url);
    }
    catch (error) {
        input.warnOnce(`dab-ready could not comment: ${(0,one_line/* oneLine */.T)(error)}. The report is in the job summary.`);
    }
}
function scoreDelta(result, deltas) {
    if (result.bundles.length === 0 || !result.bundles.every((b) => deltas.has(b.root)))
        return '';
    const baseOverall = Math.min(...result.bundles.map((b) => deltas.get(b.root).baseScore));
    return signedChange(overallScore(result) - baseOverall);
}


/***/ })

};
