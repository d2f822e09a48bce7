export const id = 581;
export const ids = [581];
export const modules = {

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HELP: () => (/* binding */ HELP),
/* harmony export */   cliInputs: () => (/* binding */ cliInputs),
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   repositoryFromRemote: () => (/* binding */ repositoryFromRemote)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3718);
/* harmony import */ var _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7026);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5625);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6610);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8855);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17);
// `staging-action <mode> --flag value ...`: the action's modes from a laptop. Flags are the
// action's inputs in kebab-case (from the one description in inputs/spec.ts); tokens come from the
// environment; the log is plain lines and the report prints as text.









const FLAGS = _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUTS */ .mc.filter((i) => 'flag' in i.cli);
function column(left, right) {
    return left.length < 25
        ? `  ${left.padEnd(25)}${right}`
        : `  ${left}\n  ${' '.repeat(25)}${right}`;
}
function helpText() {
    const modes = _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .MODE_NAMES */ .Jc.map(mode => {
        const aliases = Object.keys(_inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .MODE_ALIASES */ .JM).filter(a => _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .MODE_ALIASES */ .JM[a] === mode);
        const name = aliases.length > 0 ? `${mode} (${aliases.join(', ')})` : mode;
        return column(name, _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .MODE_SUMMARIES */ .fJ[mode]);
    });
    const groups = new Map([
        [
            'Flags for every mode',
            [
                column('--json', 'also print the outputs as one JSON line'),
                column('--help', 'show this help')
            ]
        ]
    ]);
    for (const input of FLAGS) {
        const group = input.modes === 'all' ? 'Flags for every mode' : input.modes.join(', ');
        const flag = `--${input.name}${input.cli.arg ? ` ${input.cli.arg}` : ''}`;
        groups.set(group, [...(groups.get(group) ?? []), column(flag, input.cli.help)]);
    }
    const environment = [...new Set(_inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUTS */ .mc.flatMap(i => ('env' in i.cli ? (i.cli.env ?? []) : [])))];
    return [
        'Usage: staging-action <mode> [flags]',
        '',
        'Modes:',
        ...modes,
        ...[...groups].flatMap(([group, lines]) => ['', `${group}:`, ...lines]),
        '',
        `Environment: ${environment.join(', ')}, GITHUB_API_URL.`,
        '',
        'Example:',
        '  GITHUB_TOKEN=$(gh auth token) staging-action cleanup-staging \\',
        '    --dataset-id noaa-gfs-forecast --version 0.3.0',
        ''
    ].join('\n');
}
const HELP = helpText();
/** owner/repo of a GitHub remote URL (https or ssh), or null. */
function repositoryFromRemote(url) {
    const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
    return match ? `${match[1]}/${match[2]}` : null;
}
/** `git args` in the current directory; '' when git fails (not a checkout, no such remote). */
function gitOutput(args) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    }
    catch {
        return '';
    }
}
function readKubeconfig(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Cannot read the --kubeconfig file '${path}' (${reason}).`);
    }
}
function parseFlags(argv) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                help: { type: 'boolean', short: 'h' },
                json: { type: 'boolean' },
                ...Object.fromEntries(FLAGS.map(i => [
                    i.name,
                    { type: i.cli.flag === 'boolean' ? 'boolean' : 'string' }
                ]))
            }
        });
    }
    catch (error) {
        // Node's own hint (pass it after '--' as a positional) is wrong advice for this CLI.
        const unknown = /^Unknown option '([^']*)'/.exec((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error));
        if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown) {
            throw error;
        }
        const flag = unknown[1] ?? '';
        const hint = /token/.test(flag)
            ? 'Tokens are read from GITHUB_TOKEN (or GH_TOKEN) and SENTRY_AUTH_TOKEN, never from flags.'
            : 'See staging-action --help for the flags.';
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Unknown option '${flag}'. ${hint}`, { cause: error });
    }
}
/** Turns argv into the same input names the action reads. */
function cliInputs(argv, env) {
    const { values, positionals } = parseFlags(argv);
    if (values.help || positionals.length === 0)
        return 'help';
    if (positionals.length > 1) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Expected one mode, got '${positionals.join(' ')}'. See --help.`);
    }
    const flags = values;
    const inputs = { mode: positionals[0] ?? '' };
    for (const input of _inputs_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUTS */ .mc) {
        const flag = flags[input.name];
        let value = typeof flag === 'string' ? flag : flag === true ? 'true' : '';
        if (value !== '' && 'flag' in input.cli && input.cli.flag === 'file')
            value = readKubeconfig(value);
        // `||`, not `??`: an exported but empty variable (GITHUB_TOKEN= in a shell) means unset.
        for (const name of 'env' in input.cli ? (input.cli.env ?? []) : [])
            value ||= env[name] || '';
        if (value !== '')
            inputs[input.name] = value;
    }
    inputs.repository ||= repositoryFromRemote(gitOutput(['remote', 'get-url', 'origin'])) ?? '';
    if (inputs['sentry-auth-token'] && !inputs['sentry-org'] && /^cleanup/i.test(inputs.mode ?? '')) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('SENTRY_AUTH_TOKEN is set, so cleanup deletes the Sentry cron monitors too: pass ' +
            '--sentry-org (or set SENTRY_ORG), or unset SENTRY_AUTH_TOKEN to leave the monitors alone.');
    }
    return { inputs: { get: name => (inputs[name] ?? '').trim() }, json: flags.json === true };
}
async function main(argv, env) {
    try {
        const parsed = cliInputs(argv, env);
        if (parsed === 'help') {
            process.stdout.write(HELP);
            return 0;
        }
        // Paths in the config are relative to the repository root, wherever in it the CLI is run:
        // from a subdirectory, cleanup would otherwise miss the config and look in the wrong namespace.
        const root = gitOutput(['rev-parse', '--show-toplevel']).trim();
        const workspace = env.GITHUB_WORKSPACE || root || process.cwd();
        (0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .setLogSink */ .g1)((0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .terminalSink */ .cW)(text => process.stdout.write(text), env.RUNNER_DEBUG === '1'));
        const { report, outputs } = await (0,_main_js__WEBPACK_IMPORTED_MODULE_6__/* .runMode */ .rt)({
            inputs: parsed.inputs,
            env: { ...env, GITHUB_WORKSPACE: workspace },
            // A terminal is the user's own: nothing to mask.
            mask: () => undefined
        });
        process.stdout.write('\n' + (0,_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .renderText */ .S5)(report));
        if (parsed.json)
            process.stdout.write(JSON.stringify(outputs) + '\n');
        return 0;
    }
    catch (error) {
        process.stderr.write(`staging-action: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error)}\n`);
        return 1;
    }
}


/***/ })

};
