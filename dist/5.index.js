export const id = 5;
export const ids = [5];
export const modules = {

/***/ 8005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  XS: () => (/* reexport */ GitError)
});

// UNUSED EXPORTS: GitTimeoutError

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/io/git-parse.ts
// What git prints, read as plain data: pure functions with no process behind them, unit-tested on
// git's own output. The wrapper in git.ts runs git and hands its output here.
/** `git version 2.43.0` → 2, 43 (0, 0 when unreadable) and the text. */
function parseVersion(stdout) {
    const match = /(\d+)\.(\d+)/.exec(stdout);
    return { major: Number(match?.[1] ?? 0), minor: Number(match?.[2] ?? 0), text: stdout.trim() };
}
/**
 * The conflicting paths of `merge-tree --name-only`, sorted and unique. A file/directory clash
 * leaves the file at `path~<side>`, the side named as given to merge-tree: report the path the
 * PRs touched, not one that exists in neither of them.
 */
function conflictPaths(paths, sides) {
    const unlabel = (path) => {
        const side = sides.find(s => path.endsWith(`~${s}`));
        return side === undefined ? path : path.slice(0, -side.length - 1);
    };
    return [...new Set(paths.map(unlabel))].sort();
}
/**
 * Whether a failed `push --force-with-lease` lost a race. Caught by git itself (the ref it was
 * advertised is not the lease), or by the server when another push moved the ref between the
 * advertisement and receive-pack: `cannot lock ref` with "is at X but expected Y", or "reference
 * already exists" for a branch being created. Other remote rejections (hooks, protection rules,
 * a name too long) are not races.
 */
function isLeaseLost(output) {
    return (/stale info|\[rejected\]|fetch first|non-fast-forward/.test(output) ||
        /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|reference already exists)/.test(output));
}
// curl's CURLE_OPERATION_TIMEDOUT (28) for the low-speed limit, as git prints it.
function isStalled(stderr) {
    return /Operation too slow|curl 28 /.test(stderr);
}
/**
 * From `rev-list --parents --boundary heads ^base`: each head's fork point, null when the head is
 * already reachable from base, absent when there are several candidates for its merge base. The
 * boundary commits a head reaches are the common ancestors nearest to it: when it reaches one,
 * that one is the merge base.
 */
function forkPoints(revList, heads) {
    const parents = new Map();
    for (const line of revList.split('\n')) {
        if (line === '' || line.startsWith('-'))
            continue;
        const [sha, ...rest] = line.split(' ');
        if (sha)
            parents.set(sha, rest);
    }
    const result = new Map();
    for (const head of heads) {
        if (!parents.has(head)) {
            result.set(head, null);
            continue;
        }
        const exclusive = new Set([head]);
        const boundary = new Set();
        const stack = [head];
        for (let sha = stack.pop(); sha !== undefined; sha = stack.pop()) {
            for (const p of parents.get(sha) ?? []) {
                if (!parents.has(p))
                    boundary.add(p);
                else if (!exclusive.has(p)) {
                    exclusive.add(p);
                    stack.push(p);
                }
            }
        }
        const [base, ...more] = boundary;
        if (base !== undefined && more.length === 0)
            result.set(head, { base, exclusive });
    }
    return result;
}
/** A network failure a second attempt can fix (5xx, reset, DNS, timeouts). */
function isTransient(stderr) {
    return /(HTTP 5\d\d|returned error: 5\d\d|RPC failed|early EOF|Connection reset|timed out|Could not resolve host|unexpected disconnect)/i.test(stderr);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/io/git-process.ts
// How git runs: one process per command (argument arrays, never a shell), or one long-lived
// process answering many requests on stdin. Spawned directly with node:child_process: a rebuild
// runs a hundred or more short git commands, and @actions/exec's ToolRunner added about 2.5 ms to
// each (a PATH lookup per call, listeners per line), a quarter of a merge.


class GitError extends Error {
    args;
    result;
    name = 'GitError';
    constructor(args, result) {
        super(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
        this.args = args;
        this.result = result;
    }
}
/** Why git could not start at all: no git on PATH, or a working directory that is gone. */
function startError(error, cwd) {
    if (error.code !== 'ENOENT')
        return new Error(`git could not start: ${error.message}`);
    if (!(0,external_node_fs_.existsSync)(cwd))
        return new Error(`The working directory ${cwd} does not exist.`);
    return new Error('git was not found on PATH. Install git 2.38 or newer (GitHub-hosted runners have it).');
}
function exitCodeOf(code, signal) {
    // A signal has no exit code: report it the way a shell does (128 + n).
    if (code !== null)
        return code;
    return signal === 'SIGKILL' ? 137 : signal === 'SIGTERM' ? 143 : 128;
}
/**
 * How long output may keep coming after git exits. A process git started can hold the pipes
 * open (ssh's ControlPersist master, a hook's background job): the command is done when git is,
 * with what it printed by then, as @actions/exec did (it waited 10 s too).
 */
const STREAMS_AFTER_EXIT_MS = 10_000;
/** One git command to completion. Stdin is `input`, or /dev/null. Never throws for an exit code. */
function runGit(args, cwd, env, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, {
            cwd,
            env,
            stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        const stdout = [];
        const stderr = [];
        child.stdout?.on('data', (chunk) => stdout.push(chunk));
        child.stderr?.on('data', (chunk) => stderr.push(chunk));
        let grace;
        let done = false;
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(grace);
            child.stdout?.destroy();
            child.stderr?.destroy();
            resolve({
                exitCode: exitCodeOf(code, signal),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8')
            });
        };
        child.on('error', error => {
            done = true;
            reject(startError(error, cwd));
        });
        child.on('exit', (code, signal) => {
            grace = setTimeout(() => finish(code, signal), STREAMS_AFTER_EXIT_MS);
        });
        child.on('close', finish);
        if (input !== undefined && child.stdin) {
            // A git that exits before reading all of its input (an error) must not crash the run.
            child.stdin.on('error', () => undefined);
            child.stdin.end(input);
        }
    });
}
/**
 * One long-lived git process (`merge-tree --stdin`, `hash-object --stdin-paths`, `cat-file
 * --batch`) that answers one request at a time: bytes in, an answer out that `complete`
 * recognises (its length in bytes, or -1 while incomplete). Answers are bytes: `cat-file` prints
 * binary objects. A process that dies fails the request in flight and every later one.
 */
class GitSession {
    args;
    child;
    output = Buffer.alloc(0);
    stderr = '';
    failure = null;
    pending = null;
    exited;
    constructor(args, cwd, env) {
        this.args = args;
        this.child = (0,external_node_child_process_.spawn)('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stdout.on('data', (chunk) => {
            this.output = this.output.length === 0 ? chunk : Buffer.concat([this.output, chunk]);
            this.answer();
        });
        this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString('utf8')));
        this.child.stdin.on('error', () => undefined);
        this.exited = new Promise(resolve => {
            this.child.on('error', error => {
                this.fail(startError(error, cwd));
                resolve();
            });
            this.child.on('close', (code, signal) => {
                const result = { exitCode: exitCodeOf(code, signal), stdout: '', stderr: this.stderr };
                this.fail(new GitError(this.args, result));
                resolve();
            });
        });
    }
    /** Writes `input` as it is (a line request ends with its own newline). */
    request(input, complete) {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.pending)
            throw new Error(`git ${this.args[0]}: one request at a time`);
        return new Promise((resolve, reject) => {
            this.pending = { complete, resolve, reject };
            this.child.stdin.write(input);
        });
    }
    /** Ends the input and waits for the process to exit. */
    async close() {
        this.child.stdin.end();
        await this.exited;
    }
    answer() {
        if (!this.pending)
            return;
        const end = this.pending.complete(this.output);
        if (end < 0)
            return;
        const answer = this.output.subarray(0, end);
        this.output = this.output.subarray(end);
        const { resolve } = this.pending;
        this.pending = null;
        resolve(answer);
    }
    fail(error) {
        // A clean exit after close() fails nothing: only a request still waiting sees it.
        this.failure ??= error;
        const pending = this.pending;
        this.pending = null;
        pending?.reject(this.failure);
    }
}

;// CONCATENATED MODULE: ./src/io/tree-merge.ts
// The merges rebuild can do without git's merge machinery: those where no path changed on both
// sides, so every entry comes from the one side that changed it (or from the base). Pure over a
// small store of tree objects; anything less plain is left to `git merge-tree`, whose result
// this must equal byte for byte (test/int/tree-merge.int.test.ts checks that on random histories).
const TREE_MODE = '40000';
/** The modes git writes. merge-tree rewrites any other (100664 from old gits) in a tree it builds. */
const CANONICAL_MODES = new Set([TREE_MODE, '100644', '100755', '120000', '160000']);
/** A tree object's content (after cat-file's header) as entries, SHA length from the hash. */
function parseTree(content, hashBytes) {
    const entries = [];
    let at = 0;
    while (at < content.length) {
        const space = content.indexOf(0x20, at);
        const nul = content.indexOf(0, space + 1);
        if (space < 0 || nul < 0 || nul + 1 + hashBytes > content.length) {
            throw new Error(`not a tree object: entry ${entries.length + 1} is cut short`);
        }
        entries.push({
            mode: content.toString('latin1', at, space),
            name: content.toString('latin1', space + 1, nul),
            sha: content.toString('hex', nul + 1, nul + 1 + hashBytes)
        });
        at = nul + 1 + hashBytes;
    }
    return entries;
}
/** Entries as `git mktree -z --batch` reads one tree: ls-tree -z lines, then an empty one. */
function mktreeInput(entries) {
    const type = (mode) => mode === TREE_MODE ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    const lines = entries.map(e => `${e.mode} ${type(e.mode)} ${e.sha}\t${e.name}\0`);
    return Buffer.from(`${lines.join('')}\0`, 'latin1');
}
const same = (a, b) => a?.mode === b?.mode && a?.sha === b?.sha;
const isTree = (e) => e?.mode === TREE_MODE;
/**
 * The tree `git merge-tree` gives for trees `ours` and `theirs` with one merge base `base` (null:
 * empty), when that merge is plain: at every path, one side left the base's entry as it was, or
 * both changed a directory and the rule holds inside it. Null for anything else (a path both
 * sides changed, even alike; a file against a directory), which then goes to merge-tree. Plain
 * merges cannot meet rename detection: a rename matters only where the other side changed its
 * source, its target or the renamed directory, and each of those is a path both sides changed.
 */
async function plainTreeMerge(store, base, ours, theirs) {
    if (theirs === base)
        return ours;
    if (ours === base)
        return theirs;
    const byName = (entries) => new Map(entries.map(e => [e.name, e]));
    const b = byName(base === null ? [] : await store.read(base));
    const o = byName(await store.read(ours));
    const t = byName(await store.read(theirs));
    const merged = [];
    for (const name of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
        const [x, y, z] = [b.get(name), o.get(name), t.get(name)];
        let entry;
        if (same(y, x))
            entry = z;
        else if (same(z, x))
            entry = y;
        else if (isTree(y) && isTree(z) && (x === undefined || isTree(x))) {
            const sub = await plainTreeMerge(store, x?.sha ?? null, y.sha, z.sha);
            if (sub === null)
                return null;
            entry = { ...y, sha: sub };
        }
        else
            return null;
        if (entry === undefined)
            continue;
        if (!CANONICAL_MODES.has(entry.mode))
            return null;
        merged.push(entry);
    }
    // An empty directory cannot be in a tree: what emptied one is not plain to decide here.
    if (merged.length === 0)
        return null;
    return store.write(merged);
}

;// CONCATENATED MODULE: ./src/io/git-plain-merges.ts


/** `cat-file --batch` answers `<sha> <type> <size>` LF, the object, LF (or `<name> missing` LF). */
const objectAnswer = (output) => {
    const eol = output.indexOf(0x0a);
    if (eol < 0)
        return -1;
    const size = Number(output.toString('latin1', 0, eol).split(' ')[2]);
    if (!Number.isInteger(size))
        return eol + 1;
    const end = eol + 1 + size + 1;
    return output.length >= end ? end : -1;
};
const lineAnswer = (output) => {
    const eol = output.indexOf(0x0a);
    return eol < 0 ? -1 : eol + 1;
};
/** The two sessions, each started at first use; requests to one session wait their turn. */
function openObjectStore(cwd, env) {
    const sessions = new Map();
    const ask = (args, input, complete) => {
        const key = args.join(' ');
        let s = sessions.get(key);
        if (!s)
            sessions.set(key, (s = { session: new GitSession(args, cwd, env), tail: Promise.resolve() }));
        const { session } = s;
        const next = s.tail.then(() => session.request(input, complete));
        s.tail = next.catch(() => undefined);
        return next;
    };
    const object = async (sha, type) => {
        const answer = await ask(['cat-file', '--batch'], `${sha}\n`, objectAnswer);
        const eol = answer.indexOf(0x0a);
        const header = answer.toString('latin1', 0, eol).split(' ');
        if (header[1] !== type) {
            throw new Error(`git cat-file --batch: ${sha} is not a ${type} (${header.slice(1).join(' ')})`);
        }
        return answer.subarray(eol + 1, answer.length - 1);
    };
    const trees = new Map();
    return {
        async read(sha) {
            let entries = trees.get(sha);
            if (!entries)
                trees.set(sha, (entries = parseTree(await object(sha, 'tree'), sha.length / 2)));
            return entries;
        },
        async write(entries) {
            const answer = await ask(['mktree', '-z', '--batch'], mktreeInput(entries), lineAnswer);
            return answer.toString('latin1').trim();
        },
        async treeOfCommit(sha) {
            const tree = /^tree ([0-9a-f]+)\n/.exec((await object(sha, 'commit')).toString('latin1'));
            if (!tree?.[1])
                throw new Error(`git cat-file --batch: commit ${sha} names no tree`);
            return tree[1];
        },
        async close() {
            for (const { session } of sessions.values())
                await session.close();
        }
    };
}
/**
 * Merges of PR heads onto `base` and onto the merge commits made from them, done in-process when
 * they are plain; `merge` answers null for every other one (merge-tree does those). Plain needs
 * one merge base, which is known without asking git when the head shares no commit outside
 * `base` with the heads already merged: then it is the head's own fork point from `base`.
 */
function openPlainMerges(cwd, env, base, heads, forkPoints) {
    const store = openObjectStore(cwd, env);
    const chains = new Map();
    let forks = null;
    const forksOf = () => (forks ??= forkPoints(base, heads).then(of => {
        // Which heads hold each commit outside base: a commit two PRs share makes their bases others.
        const owners = new Map();
        for (const [head, fork] of of) {
            for (const sha of fork?.exclusive ?? [])
                owners.set(sha, [...(owners.get(sha) ?? []), head]);
        }
        return { of, owners };
    }));
    const chainOf = async (sha) => sha === base ? { tree: await store.treeOfCommit(base), heads: new Set() } : chains.get(sha);
    return {
        async merge(ours, theirs) {
            const chain = await chainOf(ours);
            const { of, owners } = await forksOf();
            const fork = of.get(theirs);
            if (!chain || !fork)
                return null;
            // A head merged earlier whose commits outside base are unknown may share some with this one.
            for (const head of chain.heads)
                if (of.get(head) === undefined)
                    return null;
            for (const sha of fork.exclusive) {
                if (owners.get(sha)?.some(head => chain.heads.has(head)))
                    return null;
            }
            const [mergeBase, theirsTree] = [
                await store.treeOfCommit(fork.base),
                await store.treeOfCommit(theirs)
            ];
            const tree = await plainTreeMerge(store, mergeBase, chain.tree, theirsTree);
            return tree === null ? null : { clean: true, tree };
        },
        committed(sha, tree, parents) {
            const [previous, head, ...more] = parents;
            if (previous === undefined || head === undefined || more.length > 0)
                return;
            const chain = previous === base ? { heads: new Set() } : chains.get(previous);
            if (chain && heads.includes(head))
                chains.set(sha, { tree, heads: new Set([...chain.heads, head]) });
        },
        close: () => store.close()
    };
}

;// CONCATENATED MODULE: ./src/io/git-merges.ts
// A merge loop without a process per merge. Staging gets one merge commit per PR, and each merge
// starts from the previous commit, so the loop cannot be one batched command; instead long-lived
// git processes answer one request at a time. Commits: `git hash-object -w -t commit
// --stdin-paths` writes each commit object (checked by git like any other). Merges: `git
// merge-tree --stdin`, from git 2.49 on only: older versions do not flush their output between
// merges (they answer only when their input ends), so there each merge is its own process.







/** The first git whose `merge-tree --stdin` flushes after each merge (pw/merge-tree-stdin-deadlock-fix). */
const STDIN_MERGE_GIT = { major: 2, minor: 49 };
/** `merge-tree --write-tree --name-only --no-messages -z` as one command, or as one --stdin line. */
const MERGE_TREE_ARGS = ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z'];
/**
 * `fn` with Merges whose processes start at first use and end with `fn`. What the Git wrapper
 * hands in: its version, `git var` under the action's identity, and its one-process merge. With
 * a plan, plain merges of its heads are done in-process (git-plain-merges.ts).
 */
async function withMergeProcesses(git, fn, plan) {
    let writer = null;
    let merger = null;
    // A long-lived git answers only if it flushes after each answer: GIT_FLUSH=0 would stop it.
    const env = { ...git.env, GIT_FLUSH: '1' };
    const plain = plan && openPlainMerges(git.cwd, env, plan.base, plan.heads, git.forkPoints);
    const openWriter = async () => {
        // The identities commit-tree would use (GIT_AUTHOR_* and GIT_COMMITTER_* honoured).
        const [author, committer, encoding] = await Promise.all([
            git.ident('GIT_AUTHOR_IDENT'),
            git.ident('GIT_COMMITTER_IDENT'),
            git.config('i18n.commitEncoding')
        ]);
        // commit-tree records another encoding in a header: leave such repositories to it.
        if (encoding !== null && !/^utf-?8$/i.test(encoding.trim()))
            return null;
        const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        return openCommitWriter({ cwd: git.cwd, env, author, committer, tempRoot });
    };
    const openMerger = async () => {
        const v = await git.version();
        const { major, minor } = STDIN_MERGE_GIT;
        const flushes = v.major > major || (v.major === major && v.minor >= minor);
        return flushes ? openMergeSession(git.cwd, env) : null;
    };
    try {
        return await fn({
            merge: async (ours, theirs) => {
                const result = await plain?.merge(ours, theirs);
                if (result) {
                    log/* log */.Rm.debug(`merged ${theirs} into ${ours} in-process: no path changed on both sides`);
                    return result;
                }
                merger ??= openMerger();
                const session = await merger;
                if (!session)
                    return git.mergeOne(ours, theirs);
                log/* log */.Rm.debug(`git merge-tree (--stdin) ${ours} ${theirs}`);
                return session.merge(ours, theirs);
            },
            commit: async (tree, parents, message) => {
                writer ??= openWriter();
                const session = await writer;
                let sha;
                if (session) {
                    log/* log */.Rm.debug(`git hash-object (--stdin-paths) commit of ${tree}`);
                    sha = await session.commit(tree, parents, message);
                }
                else
                    sha = await git.commitOne(tree, parents, message);
                plain?.committed(sha, tree, parents);
                return sha;
            }
        });
    }
    finally {
        // What failed to open has nothing to close.
        const opened = [
            writer,
            merger,
            Promise.resolve(plain ?? null)
        ];
        for (const p of opened)
            if (p)
                await (await p.catch(() => null))?.close();
    }
}
/**
 * A commit object's text, byte for byte as `git commit-tree` writes it (UTF-8, git's default: no
 * encoding header), so the SHAs are the same. Like commit-tree, a repeated parent is dropped.
 */
function commitObject(tree, parents, idents, message) {
    return [
        `tree ${tree}`,
        ...[...new Set(parents)].map(p => `parent ${p}`),
        `author ${idents.author}`,
        `committer ${idents.committer}`,
        '',
        message
    ].join('\n');
}
const oneLine = (output) => {
    const end = output.indexOf('\n');
    return end < 0 ? -1 : end + 1;
};
/**
 * An identity as commit-tree would write it now: `git var`'s, with the current time unless the
 * date is pinned (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE), as each commit-tree took the time anew.
 */
function identNow(ident, pinned, nowMs) {
    const match = /^(.* )\d+ ([+-]\d{4})$/.exec(ident);
    if (pinned || !match)
        return ident;
    return `${match[1]}${Math.floor(nowMs / 1000)} ${match[2]}`;
}
async function openCommitWriter(options) {
    // hash-object reads objects from files: one file, rewritten for each commit.
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempRoot, 'staging-action-commits-'));
    const file = (0,external_node_path_.join)(dir, 'commit');
    const session = new GitSession(['hash-object', '-w', '-t', 'commit', '--no-filters', '--stdin-paths'], options.cwd, options.env);
    const write = async (tree, parents, message) => {
        const now = Date.now();
        const idents = {
            author: identNow(options.author, !!options.env.GIT_AUTHOR_DATE, now),
            committer: identNow(options.committer, !!options.env.GIT_COMMITTER_DATE, now)
        };
        await (0,promises_.writeFile)(file, commitObject(tree, parents, idents, message));
        return (await session.request(`${file}\n`, oneLine)).toString('utf8').trim();
    };
    // One file and one process: commits asked for at once are written one after the other.
    let queue = Promise.resolve();
    return {
        commit(tree, parents, message) {
            const next = queue.then(() => write(tree, parents, message));
            queue = next.catch(() => undefined);
            return next;
        },
        async close() {
            try {
                await session.close();
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
    };
}
/**
 * `merge-tree --stdin` answers each line with `<1 clean | 0 conflicts>NUL<tree>NUL`, the
 * conflicted paths (NUL after each), then a NUL: no field is empty, so the first NUL NUL ends it.
 */
const mergeAnswer = (output) => {
    const end = output.indexOf('\0\0');
    return end < 0 ? -1 : end + 2;
};
/** One long-lived `merge-tree --stdin`: the same results as one `merge-tree` per merge. */
function openMergeSession(cwd, env) {
    const args = [...MERGE_TREE_ARGS, '--stdin'];
    const session = new GitSession(args, cwd, env);
    return {
        async merge(ours, theirs) {
            const bytes = await session.request(`${ours} ${theirs}\n`, mergeAnswer).catch(error => {
                // Named like the one-process merge: which two revisions failed, and git's stderr.
                if (!(error instanceof GitError))
                    throw error;
                throw new GitError([...MERGE_TREE_ARGS, ours, theirs], error.result);
            });
            const answer = bytes.toString('utf8');
            const [status, tree, ...paths] = answer.split('\0').filter(s => s !== '');
            if (!tree || (status !== '0' && status !== '1')) {
                throw new Error(`git merge-tree --stdin gave an answer it does not document for ${ours} ${theirs}: ${JSON.stringify(answer.slice(0, 200))}`);
            }
            if (status === '1')
                return { clean: true, tree };
            return { clean: false, tree, conflicts: conflictPaths(paths, [ours, theirs]) };
        },
        close: () => session.close()
    };
}

// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/timeout.ts
var timeout = __webpack_require__(4991);
;// CONCATENATED MODULE: ./src/io/git-network.ts
// git's network commands (fetch, push): retried when a second attempt can fix the failure, and
// bounded so a stalled connection cannot hang the run.





/**
 * A network command that curl aborted because the server sent (almost) nothing for the request
 * timeout. Not retried, like every request timeout: a server that stalled once tends to again.
 */
class GitTimeoutError extends GitError {
    name = 'GitTimeoutError';
    constructor(args, result, seconds) {
        super(args, result);
        const command = `git ${args[0] ?? ''}`;
        const after = `${(0,timeout/* formatSeconds */.Xo)(seconds * 1000)} (request-timeout)`;
        this.message =
            args[0] === 'push'
                ? `${command} got no answer from the server within ${after}: the push was not confirmed, ` +
                    'so the remote branch may or may not have moved. Run again: the lease keeps a rerun safe.'
                : `${command} got no data from the server within ${after}: nothing was pushed.`;
    }
}
/**
 * Runs `args` through `exec` (which never throws for an exit code). Retried: only network commands
 * may fail for reasons a second attempt fixes. Bounded: a stalled HTTP connection (under 1000
 * bytes/s for `lowSpeedTimeS` seconds) fails with GitTimeoutError. Other failures come back as
 * the last attempt's result.
 */
async function runNetworkCommand(exec, args, lowSpeedTimeS) {
    const limits = ['-c', 'http.lowSpeedLimit=1000', '-c', `http.lowSpeedTime=${lowSpeedTimeS}`];
    try {
        return await (0,retry/* retry */.L5)(async () => {
            const result = await exec([...limits, ...args]);
            if (result.exitCode !== 0 && isStalled(result.stderr)) {
                throw new GitTimeoutError(args, result, lowSpeedTimeS);
            }
            if (result.exitCode !== 0 && isTransient(result.stderr))
                throw new GitError(args, result);
            return result;
        }, {
            delaysMs: [1000, 2000],
            retryable: error => error instanceof GitError && !(error instanceof GitTimeoutError),
            onRetry: (error, attempt) => log/* log */.Rm.info(`git ${args[0]} failed (attempt ${attempt} of 3), retrying: ${error.result.stderr.trim()}`)
        });
    }
    catch (error) {
        if (error instanceof GitError && !(error instanceof GitTimeoutError))
            return error.result;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/io/git.ts











/** Commits made by the action are attributed to the Actions bot, passed per command. */
const IDENTITY = [
    '-c',
    'user.name=github-actions[bot]',
    '-c',
    'user.email=41898282+github-actions[bot]@users.noreply.github.com'
];
/**
 * Every git command goes through `exec` (argument arrays, never a shell; prompts disabled).
 * Methods that may fail on purpose are `try*` and return a value instead of throwing.
 */
class Git {
    cwd;
    remote;
    /** curl's low-speed limit over this many seconds bounds every network command. */
    lowSpeedTimeS;
    versionAsked = null;
    constructor(cwd, options = {}) {
        this.cwd = cwd;
        this.remote = options.remote ?? 'origin';
        const ms = options.requestTimeoutMs ?? timeout/* DEFAULT_REQUEST_TIMEOUT_S */.Qm * 1000;
        this.lowSpeedTimeS = Math.max(1, Math.ceil(ms / 1000));
    }
    async exec(args, options = {}) {
        log/* log */.Rm.debug(`git ${args.join(' ')}`);
        const result = await runGit(args, this.cwd, this.env(), options.input);
        if (result.exitCode !== 0 && !options.allowFailure)
            throw new GitError(args, result);
        return result;
    }
    /** process.env as it is now (tests and the CLI change it), with prompts off and C messages. */
    env() {
        return {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GCM_INTERACTIVE: 'Never',
            GIT_ASKPASS: '',
            SSH_ASKPASS: '',
            LC_ALL: 'C'
        };
    }
    /** A network command: retried, and bounded by request-timeout (see git-network.ts). */
    network(args) {
        return runNetworkCommand(a => this.exec(a, { allowFailure: true }), args, this.lowSpeedTimeS);
    }
    /** The installed git's version, asked once. */
    version() {
        this.versionAsked ??= this.exec(['version']).then(r => parseVersion(r.stdout));
        return this.versionAsked;
    }
    async isRepository() {
        const r = await this.exec(['rev-parse', '--git-dir'], { allowFailure: true });
        return r.exitCode === 0;
    }
    async isShallow() {
        const { stdout } = await this.exec(['rev-parse', '--is-shallow-repository']);
        return stdout.trim() === 'true';
    }
    async tryRevParse(rev) {
        const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
            allowFailure: true
        });
        return r.exitCode === 0 ? r.stdout.trim() : null;
    }
    /** The subset of `shas` that are commits in this repository, in one process. */
    async presentCommits(shas) {
        if (shas.length === 0)
            return new Set();
        const { stdout } = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: shas.map(sha => `${sha}^{commit}`).join('\n') + '\n'
        });
        const present = new Set();
        for (const line of stdout.split('\n')) {
            const [name, type] = line.split(' ');
            if (type === 'commit' && name)
                present.add(name);
        }
        return present;
    }
    /** One fetch for all refspecs. `unshallow` turns a shallow checkout into a full one. */
    async fetch(refspecs, options = {}) {
        const args = this.fetchArgs(refspecs, options);
        const r = await this.network(args);
        if (r.exitCode !== 0)
            throw new GitError(args, r);
    }
    /**
     * Fetches commits by SHA, writing no refs; false when the remote does not serve one of them (the
     * whole fetch fails then). A fetch of SHAs alone skips the ref advertisement: one round trip less.
     * An outage that outlasted the retries throws: it is not a refusal, and another way in would
     * only meet it again (or report a head as missing that the server has).
     */
    async tryFetchCommits(shas, options = {}) {
        const args = this.fetchArgs(shas, options);
        const r = await this.network(args);
        if (r.exitCode !== 0 && isTransient(r.stderr))
            throw new GitError(args, r);
        return r.exitCode === 0;
    }
    fetchArgs(targets, options) {
        const args = ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet'];
        if (options.unshallow)
            args.push('--unshallow');
        return [...args, this.remote, ...targets];
    }
    /** A merge without a worktree (git ≥ 2.38). Conflicted paths come back, the merge is not fatal. */
    async mergeTree(ours, theirs) {
        const args = [...MERGE_TREE_ARGS, ours, theirs];
        const r = await this.exec(args, { allowFailure: true });
        if (r.exitCode !== 0 && r.exitCode !== 1)
            throw new GitError(args, r);
        const [tree, ...rest] = r.stdout.split('\0').filter(s => s !== '');
        if (!tree)
            throw new GitError(args, r);
        if (r.exitCode === 0)
            return { clean: true, tree };
        return { clean: false, tree, conflicts: conflictPaths(rest, [ours, theirs]) };
    }
    async commitTree(tree, parents, message) {
        const args = [...IDENTITY, 'commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-'];
        const { stdout } = await this.exec(args, { input: message });
        return stdout.trim();
    }
    /**
     * `fn` with `merge` and `commit` that give what mergeTree and commitTree give, through long-lived
     * git processes (started at first use) instead of a process per call: for merge loops, whose
     * calls come one at a time. Merges are one process each before git 2.49 (see git-merges.ts).
     */
    withMerges(fn, plan) {
        return withMergeProcesses({
            cwd: this.cwd,
            env: this.env(),
            version: () => this.version(),
            ident: async (name) => (await this.exec([...IDENTITY, 'var', name])).stdout.trim(),
            config: async (name) => {
                const r = await this.exec(['config', '--get', name], { allowFailure: true });
                return r.exitCode === 0 ? r.stdout.trim() : null;
            },
            mergeOne: (ours, theirs) => this.mergeTree(ours, theirs),
            commitOne: (tree, parents, message) => this.commitTree(tree, parents, message),
            forkPoints: (base, heads) => this.forkPoints(base, heads)
        }, fn, plan);
    }
    /** Where each head left `base` (see forkPoints in git-parse.ts), from one rev-list. */
    async forkPoints(base, heads) {
        if (heads.length === 0)
            return new Map();
        const { stdout } = await this.exec(['rev-list', '--parents', '--boundary', '--stdin'], {
            input: [...heads, `^${base}`].join('\n') + '\n'
        });
        return forkPoints(stdout, heads);
    }
    async treeOf(rev) {
        const { stdout } = await this.exec([
            'rev-parse',
            '--verify',
            '--end-of-options',
            `${rev}^{tree}`
        ]);
        return stdout.trim();
    }
    /** Paths changed on `head` since it forked from `base` (three-dot diff). */
    async changedFiles(base, head) {
        const { stdout } = await this.exec(['diff', '--name-only', '-z', `${base}...${head}`, '--']);
        return stdout.split('\0').filter(s => s !== '');
    }
    /**
     * `changedFiles(base, head)` for many heads in two processes: one `rev-list` finds each head's
     * merge base with `base`, one `diff-tree --stdin` lists the paths. A head with more than one
     * candidate merge base (criss-cross history) is left out: the caller asks for it on its own.
     */
    async changedFilesBatch(base, heads) {
        const result = new Map();
        if (heads.length === 0)
            return result;
        const forks = await this.forkPoints(base, heads);
        const pairs = [];
        for (const head of heads) {
            const found = forks.get(head);
            if (found === null)
                result.set(head, []); // already in base: nothing changed since it
            else if (found !== undefined)
                pairs.push([head, found.base]);
        }
        if (pairs.length === 0)
            return result;
        // `-M`: `git diff` detects renames by default and names only the new path; so does this.
        const diff = await this.exec(['diff-tree', '--stdin', '--always', '-r', '-M', '--name-only', '-z'], {
            input: pairs.map(([head, mb]) => `${head} ${mb}`).join('\n') + '\n'
        });
        const tokens = diff.stdout.split('\0').filter(s => s !== '');
        let i = 0;
        for (const [k, [head]] of pairs.entries()) {
            if (tokens[i] !== head)
                throw new GitError(['diff-tree', '--stdin'], diff);
            const next = pairs[k + 1]?.[0];
            const files = [];
            for (i++; i < tokens.length && tokens[i] !== next; i++)
                files.push(tokens[i]);
            result.set(head, files);
        }
        return result;
    }
    /**
     * `fn` in a temporary detached worktree of `rev` (under RUNNER_TEMP), removed afterwards
     * whatever happens: for commands that must see another commit's files (a catalog command on
     * the base branch, verify-command on a candidate).
     */
    async withWorktree(rev, prefix, fn) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), prefix));
        try {
            await this.exec(['worktree', 'add', '--detach', '--quiet', dir, rev]);
            return await fn(dir);
        }
        finally {
            await this.exec(['worktree', 'remove', '--force', dir], { allowFailure: true });
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await this.exec(['worktree', 'prune'], { allowFailure: true });
        }
    }
    /** The file at `rev:path`, or null when the revision or the path does not exist. */
    async tryShowFile(rev, path) {
        // Not `git show`: for a directory it prints a tree listing and succeeds.
        const r = await this.exec(['cat-file', 'blob', `${rev}:${path}`], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout : null;
    }
    /**
     * Force-pushes `sha` to `refs/heads/<branch>` only if the remote branch is still `expected`
     * (null: must not exist yet). A lost lease overwrites nothing.
     */
    async tryPushWithLease(sha, branch, expected) {
        const ref = `refs/heads/${branch}`;
        const args = [
            'push',
            '--porcelain',
            `--force-with-lease=${ref}:${expected ?? ''}`,
            this.remote,
            `${sha}:${ref}`
        ];
        const r = await this.network(args);
        if (r.exitCode === 0)
            return { ok: true };
        const leaseLost = isLeaseLost(`${r.stdout}\n${r.stderr}`);
        return { ok: false, leaseLost, message: r.stderr.trim() || r.stdout.trim() };
    }
}


/***/ })

};
