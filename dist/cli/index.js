#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7723);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2957);
/* harmony import */ var _interrupt_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8476);



(0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .installInterruptHandlers */ .cE)((line) => process.stderr.write(`${line}\n`));
// `dab-ready checks | head`: the reader went away; stop quietly with the code so far.
(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .quietOnEpipe */ .Vc)(process.stdout, (code) => process.exit(process.exitCode ?? code));
const io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTty: process.stdout.isTTY,
    stderrIsTty: process.stderr.isTTY,
};
// Awaited at the top level: the entry module stays loading until the command is done (its code is
// imported on demand, which test/support/run-cli.mjs can serve only while the entry is loading).
process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), io);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7723:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vc: () => (/* binding */ quietOnEpipe),
  D7: () => (/* binding */ stderrLogger),
  by: () => (/* binding */ useColor)
});

// EXTERNAL MODULE: ./src/report/duration.ts
var duration = __nccwpck_require__(6132);
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
        print(`  … still running: ${name} (${(0,duration/* formatDuration */.a)(now() - started)})`);
    }, intervalMs);
    try {
        return await fn();
    }
    finally {
        clearInterval(timer);
        if (beats > 0)
            print(`  done: ${name} (${(0,duration/* formatDuration */.a)(now() - started)})`);
    }
}

;// CONCATENATED MODULE: ./src/cli/io.ts


/** Progress and notices go to stderr so machine formats stay alone on stdout. A long step shows its
 *  elapsed time: redrawn in place on a terminal, a heartbeat line every 10 s in a CI log. */
function stderrLogger(io, options) {
    const opts = typeof options === 'boolean' ? { verbose: options, tty: io.stderrIsTty === true } : options;
    const now = opts.now ?? Date.now;
    const inPlace = opts.tty && !opts.verbose; // streamed output would be overwritten
    return {
        info: (message) => io.stderr(`${message}\n`),
        warn: (message) => io.stderr(`warning: ${message}\n`),
        async group(name, fn) {
            if (!inPlace) {
                io.stderr(`▸ ${name}\n`);
                return withHeartbeat(name, fn, (line) => io.stderr(`${line}\n`), opts.heartbeatMs, now);
            }
            const started = now();
            const elapsed = () => (0,duration/* formatDuration */.a)(now() - started);
            io.stderr(`▸ ${name}`);
            const timer = setInterval(() => io.stderr(`\r\u001b[2K▸ ${name} … ${elapsed()}`), opts.redrawMs ?? 1000);
            try {
                return await fn();
            }
            finally {
                clearInterval(timer);
                io.stderr(`\r\u001b[2K▸ ${name} (${elapsed()})\n`);
            }
        },
        output: (line) => {
            if (opts.verbose)
                io.stderr(`  │ ${line}\n`);
        },
    };
}
/** Colour by destination: never into a file; --color wins, then NO_COLOR, then FORCE_COLOR, then
 *  whether stdout is a terminal. */
function useColor(choice, io, toFile) {
    if (toFile || choice === 'never')
        return false;
    if (choice === 'always')
        return true;
    if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')
        return false;
    const force = io.env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force !== 'false';
    return io.isTty === true;
}
/** Ends the process quietly when the reader of stdout goes away (`dab-ready checks | head`). */
function quietOnEpipe(stream, exit) {
    stream.on('error', (error) => {
        if (error.code === 'EPIPE')
            exit(0);
        else
            throw error;
    });
}


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8287);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(311);


const USAGE = `dab-ready ${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_VERSION */ .w}: is this Databricks Asset Bundle repository ready to deploy?

Usage:
  dab-ready check [path] [options]     analyse, verify and report (dab-ready check --help)
  dab-ready plan [path] [options]      the phases that may deploy now, as a GitHub Actions matrix
  dab-ready deploy [path] --phase N --target T [options]
                                       deploy the bundle and run one phase's jobs, if it is ready
  dab-ready explain <check-id>         why a check fails on Databricks and how to fix it
  dab-ready checks [--format F]        list every check (text, markdown or json)
  dab-ready pre-commit [files...]      static checks of the bundles holding these files (a git hook)
  dab-ready help [command]             this help, or a command's
  dab-ready -V, --version              the version
`;
// Each command is loaded when it runs: `dab-ready --version` and `help` load none of the analysis.
const COMMANDS = {
    check: async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(811), __nccwpck_require__.e(898), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8856))).checkCommand(args, io),
    plan: async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(898), __nccwpck_require__.e(112)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3112))).planCommand(args, io),
    deploy: async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(898), __nccwpck_require__.e(969)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1969))).deployCommand(args, io),
    explain: async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(898), __nccwpck_require__.e(497)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8497))).explainCommand(args, io),
    checks: async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(898), __nccwpck_require__.e(497)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8497))).listChecksCommand(args, io),
    'pre-commit': async (args, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(811), __nccwpck_require__.e(898), __nccwpck_require__.e(856), __nccwpck_require__.e(829)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9210))).preCommitCommand(args, io),
};
async function didYouMean(word, candidates) {
    return (await Promise.all(/* import() */[__nccwpck_require__.e(343), __nccwpck_require__.e(898)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6898))).didYouMean(word, candidates);
}
async function main(argv, io) {
    const [command, ...rest] = argv;
    try {
        if (command !== undefined && command in COMMANDS)
            return await COMMANDS[command](rest, io);
        switch (command) {
            case '--version':
            case '-V':
            case '-v':
                io.stdout(`${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_VERSION */ .w}\n`);
                return 0;
            case 'help':
                if (rest[0] && rest[0] in COMMANDS)
                    return await COMMANDS[rest[0]](['--help'], io);
                if (rest[0])
                    throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unknown command ${rest[0]}${await didYouMean(rest[0], Object.keys(COMMANDS))}`);
                io.stdout(USAGE);
                return 0;
            case '--help':
            case '-h':
                io.stdout(USAGE);
                return 0;
            case undefined:
                io.stderr(USAGE);
                return 2;
            default:
                throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unknown command ${command}${await didYouMean(command, [...Object.keys(COMMANDS), 'help'])} (dab-ready --help lists them)`);
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const usage = error instanceof _usage_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e || error.code?.startsWith('ERR_PARSE_ARGS');
        io.stderr(`dab-ready: ${usage ? message : `could not run: ${message}`}\n`);
        return 2;
    }
}


/***/ }),

/***/ 8476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cE: () => (/* binding */ installInterruptHandlers)
/* harmony export */ });
/* unused harmony exports EXIT_CODES, interruptLine */
/* harmony import */ var _verify_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4905);
/* harmony import */ var _verify_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5020);
/* harmony import */ var _verify_temp_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4915);



// SIGINT/SIGTERM of dab-ready (Ctrl-C, a cancelled CI job) while it has programs running or
// temporary folders: end every program (TERM, then KILL after the grace period), remove every
// temporary folder, print one line that says what was interrupted, exit 130 (SIGINT) or 143
// (SIGTERM). A second signal while that runs kills at once. When there is nothing to clean up the
// handler is not installed, so the signal's default action ends dab-ready at once (also in the
// middle of the synchronous static analysis, where no handler could run).
// Installed by the two entry points only (src/cli.ts, src/main.ts), never by library code.
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
function installInterruptHandlers(report) {
    let stopping = false;
    let installed = false;
    const onSignal = (signal) => {
        const code = EXIT_CODES[signal];
        if (stopping) {
            (0,_verify_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .killAllPrograms */ .Zw)();
            (0,_verify_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .removeAllTempDirs */ .G7)();
            process.exit(code);
        }
        stopping = true;
        const running = (0,_verify_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .runningPrograms */ .D5)();
        // However the programs behave, dab-ready is gone shortly after the grace period.
        setTimeout(() => process.exit(code), _verify_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_GRACE_MS */ .uh + 3000);
        void (0,_verify_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .stopAllPrograms */ .rx)().finally(() => {
            const removed = (0,_verify_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .removeAllTempDirs */ .G7)();
            report(interruptLine(signal, running, removed));
            process.exit(code);
        });
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    const update = () => {
        const needed = stopping || (0,_verify_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .runningPrograms */ .D5)().length > 0 || (0,_verify_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .liveTempDirs */ .pU)().length > 0;
        if (needed === installed)
            return;
        installed = needed;
        if (needed) {
            process.on('SIGINT', onInt);
            process.on('SIGTERM', onTerm);
        }
        else {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        }
    };
    (0,_verify_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .onCleanupStateChange */ .J)(update);
    update();
}
function interruptLine(signal, running, removedTempDirs) {
    const what = running.length === 0
        ? 'between programs (none was running)'
        : `while running ${running.join(' and ')}; ${running.length === 1 ? 'it was' : 'they were'} stopped`;
    const temp = removedTempDirs === 0 ? '' : `, ${removedTempDirs} temporary folder${removedTempDirs === 1 ? '' : 's'} removed`;
    return `dab-ready: interrupted by ${signal} ${what}${temp}`;
}


/***/ }),

/***/ 6132:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** `850 ms`, `12.3 s`, `2 min 5 s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const m = Math.floor(ms / 60_000);
    return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}


/***/ }),

/***/ 8287:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/** A problem with how dab-ready was asked to run (no bundle, unknown target): exit code 2. */
class UsageError extends Error {
}


/***/ }),

/***/ 3284:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   il: () => (/* binding */ databricksEnv),
/* harmony export */   oW: () => (/* binding */ toolEnv),
/* harmony export */   uC: () => (/* binding */ repositoryEnv),
/* harmony export */   xO: () => (/* binding */ RUN_MARKER)
/* harmony export */ });
/* unused harmony exports isDenied, SANDBOXED */
// The environments programs get. Repository code (wheel builds, pip, entry-point smoke runs, an
// artifact's own build line) gets an allow-list: PATH, locale, temp, proxy and certificate settings,
// pip/uv index settings, PYTHON*, VIRTUAL_ENV, and a throwaway HOME. The Databricks CLI gets the
// same safe base plus the variables its authentication reads. Nothing else ever crosses.
/** Set in every program's environment: how dab-ready finds what a program left running. */
const RUN_MARKER = 'DAB_READY_RUN';
const BASE_NAMES = new Set([
    'PATH',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TMP',
    'TEMP',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'all_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
]);
const BASE_PATTERNS = [/^LC_[A-Z]+$/];
const PYTHON_NAMES = new Set([
    'VIRTUAL_ENV',
    'PIP_INDEX_URL',
    'PIP_EXTRA_INDEX_URL',
    'PIP_TRUSTED_HOST',
    'PIP_FIND_LINKS',
    'PIP_NO_INDEX',
    'PIP_CERT',
    'PIP_DEFAULT_TIMEOUT',
    'PIP_RETRIES',
    'UV_INDEX',
    'UV_INDEX_URL',
    'UV_EXTRA_INDEX_URL',
    'UV_DEFAULT_INDEX',
    'UV_FIND_LINKS',
    'UV_NO_INDEX',
    'UV_OFFLINE',
    'UV_INDEX_STRATEGY',
    'UV_NATIVE_TLS',
    'UV_PYTHON',
    'PYENV_ROOT',
    'PYENV_VERSION',
]);
const PYTHON_PATTERNS = [/^PYTHON[A-Z0-9_]*$/];
/** Never passed to repository code, whatever the allow-list says (a PYTHON_API_KEY stays home). */
const DENIED = [
    /^DATABRICKS_/,
    /^GITHUB_/,
    /^GH_/,
    /^ACTIONS_/,
    /^INPUT_/,
    /^RUNNER_/,
    /^ARM_/,
    /^AWS_/,
    /^AZURE_/,
    /^GOOGLE_/,
    /^GCP_/,
    /^BUNDLE_VAR_/,
    /_TOKEN$/i,
    /_SECRET$/i,
    /_SECRET_/i,
    /_PASSWORD$/i,
    /_PASSWD$/i,
    /_KEY$/i,
    /_CREDENTIALS?$/i,
    /_AUTH$/i,
];
/** What the Databricks CLI's unified authentication, bundle variables and deploy read (reference §11). */
const DATABRICKS_PATTERNS = [
    /^DATABRICKS_/,
    /^BUNDLE_VAR_/,
    /^ARM_/,
    /^AZURE_/,
    /^GOOGLE_/,
    /^ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)$/,
    /^TF_/,
];
function isDenied(name) {
    return DENIED.some((re) => re.test(name));
}
function pick(source, keep) {
    const out = {};
    for (const [name, value] of Object.entries(source))
        if (value !== undefined && keep(name))
            out[name] = value;
    return out;
}
const inBase = (name) => BASE_NAMES.has(name) || BASE_PATTERNS.some((re) => re.test(name));
/**
 * For programs started from repository content. It has no HOME and no temp folder of its own: the
 * runner gives each such program a fresh, empty HOME and TMPDIR (so ~/.databrickscfg, ~/.netrc,
 * ~/.pypirc and ~/.git-credentials are out of reach) and removes them afterwards.
 */
function repositoryEnv(source, extra = {}) {
    const keep = (name) => !isDenied(name) && (inBase(name) || PYTHON_NAMES.has(name) || PYTHON_PATTERNS.some((re) => re.test(name)));
    const env = { ...pick(source, keep), ...pick(extra, (name) => !isDenied(name)) };
    for (const name of SANDBOXED)
        delete env[name];
    return env;
}
/** Set by the runner per program (see RunOptions.sandbox). */
const SANDBOXED = ['HOME', 'TMPDIR', 'TMP', 'TEMP'];
/** For the Databricks CLI (`bundle validate/deploy/run`): the safe base, the real HOME (profiles), its own variables. */
function databricksEnv(source) {
    return pick(source, (name) => inBase(name) || name === 'HOME' || name === 'USER' || DATABRICKS_PATTERNS.some((re) => re.test(name)));
}
/** For dab-ready's own tools (git): the safe base and the real HOME, no secret. */
function toolEnv(source) {
    return pick(source, (name) => !isDenied(name) && (inBase(name) || name === 'HOME' || name === 'USER'));
}


/***/ }),

/***/ 4905:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ onCleanupStateChange),
/* harmony export */   q: () => (/* binding */ cleanupStateChanged)
/* harmony export */ });
// Whether dab-ready has something to clean up (a program in flight, a temporary folder): the
// interrupt handler is installed only then, so a Ctrl-C during the static analysis (synchronous
// code, where no handler could run) still ends dab-ready at once, as the default action does.
const listeners = new Set();
function onCleanupStateChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}
function cleanupStateChanged() {
    for (const listener of listeners)
        listener();
}


/***/ }),

/***/ 5020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uh: () => (/* binding */ DEFAULT_GRACE_MS),
  kc: () => (/* binding */ displayCommand),
  Zw: () => (/* binding */ killAllPrograms),
  X1: () => (/* binding */ quoteArg),
  eF: () => (/* binding */ run),
  D5: () => (/* binding */ runningPrograms),
  rx: () => (/* binding */ stopAllPrograms),
  K7: () => (/* binding */ which)
});

// UNUSED EXPORTS: lastLines

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/verify/environment.ts
var environment = __nccwpck_require__(3284);
// EXTERNAL MODULE: ./src/verify/lifecycle.ts
var lifecycle = __nccwpck_require__(4905);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/verify/line-splitter.ts

// Splits a program's output into lines in linear time and bounded memory: a line longer than
// `maxLineChars` keeps its first characters and says how many were cut, whether or not its newline
// ever comes (1 GB without a newline costs `maxLineChars`, not 1 GB).
const MAX_LINE_CHARS = 4096;
class LineSplitter {
    emit;
    maxLineChars;
    decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    pieces = [];
    kept = 0;
    dropped = 0;
    stats = { bytes: 0, lines: 0, cutLines: 0, longestLine: 0 };
    constructor(emit, maxLineChars = MAX_LINE_CHARS) {
        this.emit = emit;
        this.maxLineChars = maxLineChars;
    }
    push(chunk) {
        this.stats.bytes += chunk.length;
        this.feed(this.decoder.write(chunk));
    }
    /** The last, unterminated line (if any). */
    end() {
        this.feed(this.decoder.end());
        if (this.kept > 0 || this.dropped > 0)
            this.flush();
    }
    feed(text) {
        let start = 0;
        for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
            this.take(text, start, nl);
            this.flush();
            start = nl + 1;
        }
        this.take(text, start, text.length);
    }
    take(text, from, to) {
        const room = this.maxLineChars - this.kept;
        const keep = Math.max(0, Math.min(room, to - from));
        if (keep > 0) {
            this.pieces.push(text.slice(from, from + keep));
            this.kept += keep;
        }
        this.dropped += to - from - keep;
    }
    flush() {
        let line = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
        if (line.endsWith('\r') && this.dropped === 0)
            line = line.slice(0, -1);
        const length = this.kept + this.dropped;
        this.stats.lines++;
        if (length > this.stats.longestLine)
            this.stats.longestLine = length;
        if (this.dropped > 0) {
            this.stats.cutLines++;
            line += ` [... ${this.dropped.toLocaleString('en-US')} more characters cut by dab-ready]`;
        }
        this.pieces = [];
        this.kept = 0;
        this.dropped = 0;
        this.emit(line);
    }
}

;// CONCATENATED MODULE: ./src/verify/processes.ts


const PROC_AVAILABLE = process.platform === 'linux' && external_node_fs_default().existsSync('/proc/self/stat');
/** `/proc/<pid>/stat`; undefined when the process is gone (or /proc is not there). */
function readProcess(pid) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(`/proc/${pid}/stat`, 'latin1');
    }
    catch {
        return undefined;
    }
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const close = text.lastIndexOf(')');
    if (close < 0)
        return undefined;
    const fields = text.slice(close + 2).split(' ');
    // fields[0] is field 3 of stat(5): state, ppid, pgrp, session, ..., starttime is field 22.
    return { pid, state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), sid: Number(fields[3]), start: fields[19] };
}
function listProcesses() {
    let names;
    try {
        names = external_node_fs_default().readdirSync('/proc');
    }
    catch {
        return [];
    }
    const out = [];
    for (const name of names) {
        const code = name.charCodeAt(0);
        if (code < 48 || code > 57)
            continue;
        const info = readProcess(Number(name));
        if (info)
            out.push(info);
    }
    return out;
}
function carriesMarker(pid, marker) {
    let environ;
    try {
        environ = external_node_fs_default().readFileSync(`/proc/${pid}/environ`);
    }
    catch {
        return false; // another user's process, or gone
    }
    const needle = Buffer.from(`${environment/* RUN_MARKER */.xO}=${marker}\0`);
    const at = environ.indexOf(needle);
    return at === 0 || (at > 0 && environ[at - 1] === 0);
}
/** A process's command line for a finding, with the given folders named by placeholders, cut at 100 characters. */
function describeProcess(pid, places = []) {
    let text = '';
    try {
        text = external_node_fs_default().readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
    }
    catch {
        // gone, or not Linux
    }
    text = text.replace(/[\x00-\x1f\x7f]/g, ' ').trim();
    for (const [dir, name] of places)
        if (dir)
            text = text.split(dir).join(name);
    if (text.length > 100)
        text = `${text.slice(0, 97)}...`;
    return text || `process ${pid}`;
}
const alive = (p) => p !== undefined && p.state !== 'Z' && p.state !== 'X';
/** Everything that belongs to one program run: what dab-ready must end when it is over. */
class ProcessTracker {
    pid;
    marker;
    /** Processes seen as the program's descendants while it ran: pid -> start time. */
    seen = new Map();
    constructor(pid, marker) {
        this.pid = pid;
        this.marker = marker;
    }
    /** Record the program's current descendants (called periodically while it runs). */
    observe() {
        if (!PROC_AVAILABLE)
            return;
        const all = listProcesses();
        const children = new Map();
        for (const p of all) {
            const list = children.get(p.ppid);
            if (list)
                list.push(p);
            else
                children.set(p.ppid, [p]);
        }
        const queue = [this.pid, ...this.seen.keys()];
        for (let i = 0; i < queue.length; i++) {
            for (const child of children.get(queue[i]) ?? []) {
                if (child.pid === process.pid || this.seen.has(child.pid))
                    continue;
                this.seen.set(child.pid, child.start);
                queue.push(child.pid);
            }
        }
        for (const p of all)
            if ((p.pgid === this.pid || p.sid === this.pid) && p.pid !== process.pid && alive(p))
                this.seen.set(p.pid, p.start);
    }
    /** Live processes of this run (its group, its session, its marker, its recorded descendants). */
    remaining() {
        if (!PROC_AVAILABLE)
            return [];
        const out = [];
        for (const p of listProcesses()) {
            if (p.pid === process.pid || !alive(p))
                continue;
            const ours = p.pgid === this.pid || p.sid === this.pid || this.seen.get(p.pid) === p.start || carriesMarker(p.pid, this.marker);
            if (ours)
                out.push(p);
        }
        return out;
    }
    /** Whether anything is left in the program's process group (the only test without /proc). */
    groupAlive() {
        if (PROC_AVAILABLE)
            return this.remaining().length > 0;
        try {
            process.kill(-this.pid, 0);
            return true;
        }
        catch {
            return false;
        }
    }
    /** Send `signal` to the group and to every process of the run. */
    signal(signal, processes = this.remaining()) {
        try {
            process.kill(-this.pid, signal);
        }
        catch {
            // the group is gone
        }
        for (const p of processes) {
            const now = readProcess(p.pid);
            if (!alive(now) || now.start !== p.start)
                continue; // gone, or the pid was reused
            try {
                process.kill(p.pid, signal);
            }
            catch {
                // gone meanwhile
            }
        }
    }
    /** TERM, then KILL after `graceMs`: resolves when nothing of the run is left (or after the KILL). */
    async end(graceMs) {
        this.signal('SIGTERM');
        const deadline = Date.now() + graceMs;
        while (Date.now() < deadline && this.groupAlive())
            await sleep(50);
        if (!this.groupAlive())
            return;
        this.signal('SIGKILL');
        const hard = Date.now() + 1000;
        while (Date.now() < hard && this.groupAlive())
            await sleep(20);
    }
    /** KILL everything now, synchronously (a second interrupt). */
    killNow() {
        this.signal('SIGKILL');
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// EXTERNAL MODULE: ./src/verify/temp.ts
var temp = __nccwpck_require__(4915);
;// CONCATENATED MODULE: ./src/verify/runner.ts









const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
const DEFAULT_GRACE_MS = 2000;
/** How long the pipes may stay open after the program exited (a daemon holding them). */
const DRAIN_MS = 1000;
const OBSERVE_EVERY_MS = 250;
function quoteArg(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function displayCommand(argv) {
    return argv.map(quoteArg).join(' ');
}
/** The last `max` bytes of a stream, as whole chunks plus a trimmed first one. */
class TailBuffer {
    max;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - this.chunks[0].length >= this.max) {
            this.size -= this.chunks.shift().length;
            this.truncated = true;
        }
    }
    text() {
        let buf = Buffer.concat(this.chunks);
        if (buf.length > this.max) {
            buf = buf.subarray(buf.length - this.max);
            this.truncated = true;
        }
        return buf.toString('utf8');
    }
}
const active = new Set();
let counter = 0;
let exitHooked = false;
function register(entry) {
    active.add(entry);
    (0,lifecycle/* cleanupStateChanged */.q)();
    if (!exitHooked) {
        exitHooked = true;
        // Whatever ends dab-ready (an uncaught error, process.exit), no program outlives it.
        process.once('exit', killAllPrograms);
    }
}
/** Set once dab-ready is being interrupted: runs that end then never resolve, so nothing downstream
 *  (a report built from a killed build) happens before the interrupt handler exits. */
let interrupted = false;
/** What is running now, in words, for the one line an interrupt prints. */
function runningPrograms() {
    return [...active].map((r) => r.purpose ?? r.command);
}
/** End every program in flight (TERM, KILL after the grace period): for SIGINT/SIGTERM of dab-ready.
 *  No run resolves afterwards: the caller is expected to exit. */
async function stopAllPrograms(graceMs = DEFAULT_GRACE_MS) {
    interrupted = true;
    const runs = [...active];
    await Promise.all(runs.map((r) => r.tracker.end(graceMs)));
    return runs.length;
}
/** KILL every program in flight at once (a second interrupt). */
function killAllPrograms() {
    for (const r of active)
        r.tracker.killNow();
}
function run(argv, options = {}) {
    if (interrupted)
        return new Promise(() => { }); // dab-ready is exiting: start nothing new
    const started = Date.now();
    const command = displayCommand(argv);
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    const tails = { stdout: new TailBuffer(max), stderr: new TailBuffer(max) };
    const splitters = {
        stdout: new LineSplitter((line) => options.onLine?.(line, 'stdout')),
        stderr: new LineSplitter((line) => options.onLine?.(line, 'stderr')),
    };
    const marker = `${process.pid}.${++counter}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const env = { ...(options.env ?? (0,environment/* toolEnv */.oW)(process.env)), [environment/* RUN_MARKER */.xO]: marker };
    const sandbox = (options.sandbox ?? env.HOME === undefined) ? makeSandbox(env) : undefined;
    return new Promise((resolve) => {
        let timedOut = false;
        let exit;
        let spawnError;
        let finishing = false;
        const timers = [];
        const later = (ms, fn) => timers.push(setTimeout(fn, ms));
        let child;
        try {
            child = (0,external_node_child_process_namespaceObject.spawn)(argv[0], argv.slice(1), {
                cwd: options.cwd,
                env,
                stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                detached: process.platform !== 'win32',
                shell: false,
            });
        }
        catch (error) {
            // Arguments Node refuses (a NUL byte): nothing started.
            if (sandbox)
                (0,temp/* removeTempDir */.CT)(sandbox);
            if (interrupted)
                return;
            const output = { bytes: 0, lines: 0, cutLines: 0, longestLine: 0 };
            const spawnError = `${argv[0]}: ${error.message}`;
            resolve({ command, exitCode: null, signal: null, timedOut: false, spawnError, stdout: '', stderr: '', truncated: false, durationMs: 0, output, leftovers: [] });
            return;
        }
        const tracker = child.pid !== undefined ? new ProcessTracker(child.pid, marker) : undefined;
        const entry = tracker && { command, purpose: options.purpose, tracker };
        if (entry)
            register(entry);
        const observer = tracker && PROC_AVAILABLE ? setInterval(() => tracker.observe(), OBSERVE_EVERY_MS) : undefined;
        observer?.unref();
        // Processes still running when the program ended, and those that left its process group (a
        // daemon) seen at the timeout: pid -> command line.
        const leftovers = new Map();
        const places = sandbox ? [[external_node_path_default().join(sandbox, 'home'), '<home>'], [external_node_path_default().join(sandbox, 'tmp'), '<tmp>']] : [];
        if (options.cwd)
            places.push([external_node_path_default().resolve(options.cwd), '.']);
        const describe = (pid) => describeProcess(pid, places);
        const finish = async () => {
            if (finishing)
                return;
            finishing = true;
            for (const t of timers)
                clearTimeout(t);
            if (observer)
                clearInterval(observer);
            child.stdout?.destroy();
            child.stderr?.destroy();
            splitters.stdout.end();
            splitters.stderr.end();
            if (tracker) {
                const remaining = tracker.remaining();
                for (const p of remaining)
                    leftovers.set(p.pid, describe(p.pid));
                if (remaining.length === 0 && !PROC_AVAILABLE && tracker.groupAlive())
                    leftovers.set(-tracker.pid, `a process in group ${tracker.pid}`);
                if (remaining.length > 0 || leftovers.has(-tracker.pid))
                    await tracker.end(graceMs);
            }
            if (entry && active.delete(entry))
                (0,lifecycle/* cleanupStateChanged */.q)();
            if (sandbox)
                (0,temp/* removeTempDir */.CT)(sandbox);
            if (interrupted)
                return;
            const out = splitters.stdout.stats;
            const err = splitters.stderr.stats;
            resolve({
                command,
                exitCode: exit?.code ?? null,
                signal: exit?.signal ?? null,
                timedOut,
                ...(spawnError ? { spawnError } : {}),
                stdout: tails.stdout.text(),
                stderr: tails.stderr.text(),
                truncated: tails.stdout.truncated || tails.stderr.truncated || out.cutLines + err.cutLines > 0,
                durationMs: Date.now() - started,
                output: {
                    bytes: out.bytes + err.bytes,
                    lines: out.lines + err.lines,
                    cutLines: out.cutLines + err.cutLines,
                    longestLine: Math.max(out.longestLine, err.longestLine),
                },
                leftovers: [...leftovers.values()],
            });
        };
        child.stdout.on('data', (c) => {
            tails.stdout.push(c);
            splitters.stdout.push(c);
        });
        child.stderr.on('data', (c) => {
            tails.stderr.push(c);
            splitters.stderr.push(c);
        });
        if (options.input !== undefined) {
            child.stdin.on('error', () => { }); // the program closed its input early: not our failure
            child.stdin.end(options.input);
        }
        child.on('error', (e) => {
            spawnError = `${argv[0]}: ${e.code === 'ENOENT' ? 'not found' : e.message}`;
            void finish();
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            // A grandchild may hold the pipes open forever: read what is buffered, then stop waiting.
            later(DRAIN_MS, () => void finish());
        });
        child.on('close', (code, signal) => {
            exit ??= { code, signal };
            void finish();
        });
        later(options.timeoutMs ?? 600_000, () => {
            timedOut = true;
            if (tracker) {
                const running = tracker.remaining();
                for (const p of running)
                    if (p.pgid !== tracker.pid)
                        leftovers.set(p.pid, describe(p.pid));
                tracker.signal('SIGTERM', running);
            }
            later(graceMs, () => {
                tracker?.signal('SIGKILL');
                // A process that does not die even then (uninterruptible I/O): give up waiting for it.
                later(2000, () => void finish());
            });
        });
    });
}
/** A folder with home/ and tmp/ that become the program's HOME and temp folder. */
function makeSandbox(env) {
    const dir = (0,temp/* makeTempDir */.mk)('dab-ready-run-');
    const home = external_node_path_default().join(dir, 'home');
    const tmp = external_node_path_default().join(dir, 'tmp');
    (0,external_node_fs_.mkdirSync)(home);
    (0,external_node_fs_.mkdirSync)(tmp);
    Object.assign(env, { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp });
    return dir;
}
/** The last `n` non-empty lines of a program's combined output: what explains a failure. */
function lastLines(result, n = 20) {
    const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n/).filter((l) => l.trim() !== '');
    return lines.slice(-n);
}
/** Find an executable on PATH (as the OS would), without running a shell. */
function which(program, env = process.env) {
    if (program.includes('/'))
        return isExecutable(program) ? program : undefined;
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_default().join(dir, program);
        if (isExecutable(candidate))
            return candidate;
    }
    return undefined;
}
function isExecutable(file) {
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ removeTempDir),
/* harmony export */   G7: () => (/* binding */ removeAllTempDirs),
/* harmony export */   mk: () => (/* binding */ makeTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4905);




// Every temporary folder dab-ready makes comes from here and is removed on every exit path: by its
// owner when done, and whatever is still registered when the process exits (normally, on an error,
// or through the interrupt handler, which exits with process.exit and so runs the 'exit' hook too).
const live = new Set();
let hooked = false;
function makeTempDir(prefix, parent = node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()) {
    const dir = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(parent, prefix));
    live.add(dir);
    if (!hooked) {
        hooked = true;
        process.once('exit', removeAllTempDirs);
    }
    (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanupStateChanged */ .q)();
    return dir;
}
function removeTempDir(dir) {
    forceRemove(dir);
    if (live.delete(dir))
        (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanupStateChanged */ .q)();
}
/** Remove every folder still registered (synchronous: safe in an 'exit' handler). */
function removeAllTempDirs() {
    const count = live.size;
    for (const dir of [...live])
        removeTempDir(dir);
    return count;
}
function liveTempDirs() {
    return [...live];
}
/** rm -rf that also gets through folders a build made read-only. */
function forceRemove(dir) {
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
        return;
    }
    catch {
        // a read-only folder inside: make everything writable and try again
    }
    const unlock = (p) => {
        let st;
        try {
            st = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(p);
        }
        catch {
            return;
        }
        if (!st.isDirectory())
            return;
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().chmodSync(p, 0o700);
        }
        catch {
            return;
        }
        for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(p))
            unlock(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(p, name));
    };
    unlock(dir);
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(dir, { recursive: true, force: true });
    }
    catch {
        // left for the OS; nothing more can be done without privileges
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ TOOL_NAME),
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
const TOOL_NAME = 'dab-ready';
const TOOL_VERSION = '0.1.0';


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
