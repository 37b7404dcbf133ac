export const id = 829;
export const ids = [829];
export const modules = {

/***/ 9210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PRE_COMMIT_USAGE: () => (/* binding */ PRE_COMMIT_USAGE),
/* harmony export */   preCommitCommand: () => (/* binding */ preCommitCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _project_discover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1242);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8856);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6898);
// `dab-ready pre-commit [files...]`: the git hook (see .pre-commit-hooks.yaml). Static checks only
// (no build, no validate: fast), on the bundles that hold the changed files, printed quietly.





const PRE_COMMIT_USAGE = `Usage: dab-ready pre-commit [files...] [options]

Static checks (no wheel build, no databricks validate) of every bundle that holds one of the
files (the nearest folder above each with a databricks.yml), with only the findings that fail the
gate printed. Without files: the bundle of the current folder. Meant for pre-commit, which passes
the changed files.

Options:
      --fail-on S        critical | high | medium | low | info | none (default: the config's, else critical)
      --select IDS       only these checks or categories (repeatable)
      --ignore IDS       leave out these checks or categories (repeatable)
      --baseline FILE    findings in FILE do not fail the hook
  -c, --config FILE      dab-ready configuration
  -h, --help             this help
  -V, --version          the version

Exit codes: 0 every bundle passed, 1 a bundle failed the gate, 2 could not run.
`;
async function preCommitCommand(args, io) {
    const { values, positionals } = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__.parseKnown)('pre-commit', args, {
        ..._command_line_js__WEBPACK_IMPORTED_MODULE_4__.HELP_OPTIONS,
        'fail-on': { type: 'string' },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        config: { type: 'string', short: 'c' },
    });
    if ((0,_command_line_js__WEBPACK_IMPORTED_MODULE_4__.helpOrVersion)(values, PRE_COMMIT_USAGE, io))
        return 0;
    const cwd = io.cwd ?? process.cwd();
    const bundles = positionals.length ? [...new Set(positionals.map((f) => bundleOf(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, f))).filter((d) => Boolean(d)))].sort() : ['.'];
    const pass = ['--quiet'];
    for (const flag of ['fail-on', 'baseline', 'config'])
        if (values[flag])
            pass.push(`--${flag}`, values[flag]);
    for (const flag of ['select', 'ignore'])
        for (const v of values[flag] ?? [])
            pass.push(`--${flag}`, v);
    let code = 0;
    for (const dir of bundles) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, dir) || '.';
        code = Math.max(code, await (0,_check_js__WEBPACK_IMPORTED_MODULE_3__.checkCommand)([target === '.' ? '.' : target, ...pass], io));
    }
    return code;
}
/** The nearest folder at or above the file's that holds a bundle root file. */
function bundleOf(file) {
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file);; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        if (_project_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .ROOT_FILE_NAMES */ .xz.some((name) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name))))
            return dir;
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir) === dir)
            return undefined;
    }
}


/***/ })

};
