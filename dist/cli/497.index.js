export const id = 497;
export const ids = [497];
export const modules = {

/***/ 8497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CHECKS_USAGE: () => (/* binding */ CHECKS_USAGE),
/* harmony export */   EXPLAIN_USAGE: () => (/* binding */ EXPLAIN_USAGE),
/* harmony export */   checksTable: () => (/* binding */ checksTable),
/* harmony export */   explainCommand: () => (/* binding */ explainCommand),
/* harmony export */   listChecksCommand: () => (/* binding */ listChecksCommand)
/* harmony export */ });
/* harmony import */ var _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(530);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1666);
/* harmony import */ var _report_rule_links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8154);
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6898);




const EXPLAIN_USAGE = `Usage: dab-ready explain <check-id>

Why a check fails on Databricks, how to fix it, how to suppress it, and its rule page.

Options:
  -h, --help      this help
  -V, --version   the version
`;
const CHECKS_USAGE = `Usage: dab-ready checks [--format text|markdown|json]

Every check: id, default severity and title (markdown: the README table; json: all metadata).

Options:
  -f, --format F  text | markdown | json (default text)
  -h, --help      this help
  -V, --version   the version
`;
function explainCommand(args, io) {
    const { values, positionals } = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.parseKnown)('explain', args, _command_line_js__WEBPACK_IMPORTED_MODULE_3__.HELP_OPTIONS);
    if ((0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.helpOrVersion)(values, EXPLAIN_USAGE, io))
        return 0;
    if (positionals.length !== 1)
        throw new _engine_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('usage: dab-ready explain <check-id> (dab-ready checks lists them)');
    const check = (0,_checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCheck */ .c)(positionals[0]);
    if (!check)
        throw new _engine_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`unknown check ${positionals[0]}${(0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.didYouMean)(positionals[0], _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .catalog */ .U.map((c) => c.id))} (dab-ready checks lists them)`);
    io.stdout(`${check.id} — ${check.title}\n` +
        `severity: ${check.severity}   category: ${check.category}   effort: ${check.effortHours} h   ` +
        `breaks deploy: ${check.breaksDeploy ? 'yes' : 'no (the job runs fail)'}\n\n${check.docs.trim()}\n\n` +
        `Suppress: # dab-ready-ignore: ${check.id} <reason>  (on the line or the line above), or in .dab-ready.yml:\n` +
        `  ignore:\n    - check: ${check.id}\n      path: <glob>\n      reason: <why>\n\n` +
        `Rule page: ${(0,_report_rule_links_js__WEBPACK_IMPORTED_MODULE_2__/* .rulePageUrl */ .Pd)(check.id)}\n`);
    return 0;
}
function listChecksCommand(args, io) {
    const { values, positionals } = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.parseKnown)('checks', args, { ..._command_line_js__WEBPACK_IMPORTED_MODULE_3__.HELP_OPTIONS, format: { type: 'string', short: 'f', default: 'text' } }, false);
    if ((0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.helpOrVersion)(values, CHECKS_USAGE, io))
        return 0;
    if (positionals.length > 0)
        throw new _engine_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('usage: dab-ready checks [--format text|markdown|json]');
    const format = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_3__.parseFormat)(values.format, ['text', 'markdown', 'json']);
    if (format === 'markdown') {
        io.stdout(checksTable());
        return 0;
    }
    if (format === 'json') {
        const checks = _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .catalog */ .U.map((c) => ({
            id: c.id,
            title: c.title,
            category: c.category,
            severity: c.severity,
            effortHours: c.effortHours,
            breaksDeploy: c.breaksDeploy,
            successMessage: c.successMessage,
            docs: c.docs.trim(),
            rulePage: (0,_report_rule_links_js__WEBPACK_IMPORTED_MODULE_2__/* .rulePageUrl */ .Pd)(c.id),
        }));
        io.stdout(JSON.stringify(checks, null, 2) + '\n');
        return 0;
    }
    const width = Math.max(..._checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .catalog */ .U.map((c) => c.id.length));
    for (const check of _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .catalog */ .U)
        io.stdout(`${check.id.padEnd(width)}  ${check.severity.padEnd(8)}  ${check.title}\n`);
    return 0;
}
/** The README's table of checks, generated from their metadata. */
function checksTable() {
    const rows = _checks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .catalog */ .U.map((c) => `| [\`${c.id}\`](docs/checks/${c.id}.md) | ${c.severity} | ${c.category} | ${c.effortHours} | ${c.breaksDeploy ? 'yes' : 'no'} | ${c.title} |`);
    return ['| id | severity | category | effort (h) | breaks deploy | passes when |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
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
