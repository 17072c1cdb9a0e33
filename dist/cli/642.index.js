export const id = 642;
export const ids = [642];
export const modules = {

/***/ 8642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCommand: () => (/* binding */ checkCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/git/git.ts + 5 modules
var git_git = __webpack_require__(7076);
// EXTERNAL MODULE: ./src/rollback/validate.ts + 1 modules
var validate = __webpack_require__(8901);
// EXTERNAL MODULE: ./src/hazards/index.ts + 31 modules
var hazards = __webpack_require__(9818);
// EXTERNAL MODULE: ./src/manifests/globs.ts
var globs = __webpack_require__(1385);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/hazards/types.ts
var types = __webpack_require__(1324);
// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/safety-check/config.ts





const EMPTY_CONFIG = { rules: {}, paths: [], exclude: [], allow: [] };
const TOP_KEYS = ['rules', 'paths', 'exclude', 'allow', 'max-file-bytes'];
/** The most `max-file-bytes` may be: files are read whole up to it. */
const MAX_FILE_BYTES_CEILING = 256 * 1024 * 1024;
const ALLOW_KEYS = ['rule', 'kind', 'namespace', 'name', 'reason'];
/**
 * Parses and validates the configuration file. Every error names the file, the key, the bad
 * value and what was expected.
 */
function config_parseSafetyConfig(text, file) {
    let data;
    try {
        data = js_yaml/* load */.Hh(text, { schema: js_yaml/* JSON_SCHEMA */.rQ });
    }
    catch (error) {
        throw new core/* UserError */.yo(`Invalid config ${file}: it is not valid YAML (${error.message.split('\n')[0]}).`);
    }
    if (data === undefined || data === null)
        return EMPTY_CONFIG;
    const fail = (where, problem) => {
        throw new core/* UserError */.yo(`Invalid config ${file}: ${where} ${problem}`);
    };
    if (typeof data !== 'object' || Array.isArray(data))
        fail('the top level', `must be a mapping with keys ${TOP_KEYS.join(', ')}.`);
    const top = data;
    for (const key of Object.keys(top))
        if (!TOP_KEYS.includes(key))
            fail(`key '${key}'`, `is unknown. Expected one of: ${TOP_KEYS.join(', ')}.`);
    const config = {
        rules: parseRules(top.rules, fail),
        paths: stringList(top.paths, 'paths', fail),
        exclude: stringList(top.exclude, 'exclude', fail),
        allow: parseAllow(top.allow, fail)
    };
    if (top['max-file-bytes'] !== undefined)
        config.maxFileBytes = parseMaxFileBytes(top['max-file-bytes'], fail);
    return config;
}
function parseMaxFileBytes(value, fail) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FILE_BYTES_CEILING) {
        const shown = typeof value === 'string' ? `'${value.slice(0, 40)}'` : JSON.stringify(value)?.slice(0, 40);
        return fail('max-file-bytes', `is ${shown}. Expected a whole number of bytes from 1 to ${MAX_FILE_BYTES_CEILING}, for example 20971520 (20 MB).`);
    }
    return value;
}
function parseRules(value, fail) {
    if (value === undefined)
        return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail('rules', 'must map rule ids to a severity, for example "pvc-expand: warning".');
    const rules = {};
    for (const [id, level] of Object.entries(value)) {
        if (!hazards.RULE_IDS.includes(id))
            fail(`rules.${id}`, `is not a rule. Expected one of: ${hazards.RULE_IDS.join(', ')}.`);
        if (level !== 'off' && !types/* SEVERITIES */.o.includes(level)) {
            fail(`rules.${id}`, `is '${String(level)}'. Expected one of: ${[...types/* SEVERITIES */.o, 'off'].join(', ')}.`);
        }
        rules[id] = level;
    }
    return rules;
}
function parseAllow(value, fail) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        return fail('allow', 'must be a list of {rule, kind, namespace, name, reason} entries.');
    return value.map((entry, i) => {
        const where = `allow[${i}]`;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
            return fail(where, 'must be a mapping such as {kind: CustomResourceDefinition, name: widgets.example.com}.');
        for (const [key, v] of Object.entries(entry)) {
            if (!ALLOW_KEYS.includes(key))
                fail(`${where}.${key}`, `is unknown. Expected one of: ${ALLOW_KEYS.join(', ')}.`);
            if (typeof v !== 'string' || v === '')
                fail(`${where}.${key}`, `is ${JSON.stringify(v)}. Expected a non-empty string.`);
        }
        const allow = entry;
        if (!allow.kind && !allow.name)
            fail(where, 'names neither a kind nor a name. Expected at least one, so that an entry cannot silence every finding.');
        if (allow.rule && !hazards.RULE_IDS.includes(allow.rule))
            fail(`${where}.rule`, `'${allow.rule}' is not a rule. Expected one of: ${hazards.RULE_IDS.join(', ')}.`);
        return allow;
    });
}
function stringList(value, key, fail) {
    if (value === undefined)
        return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some(v => typeof v !== 'string' || v === ''))
        return fail(key, 'must be a list of path globs such as "apps/**".');
    return list;
}

;// CONCATENATED MODULE: ./src/safety-check/policy.ts


const FAIL_ON = ['critical', 'error', 'warning', 'notice', 'never'];
/** Applies the configuration to raw findings and decides whether the check fails. */
function decide(raw, config, failOn, acknowledged) {
    const findings = [];
    const allowed = [];
    for (const finding of raw) {
        const level = config.rules[finding.rule];
        if (level === 'off')
            continue;
        const adjusted = level ? { ...finding, severity: level } : finding;
        (config.allow.some(a => allows(a, adjusted)) ? allowed : findings).push(adjusted);
    }
    findings.sort((a, b) => types/* SEVERITIES */.o.indexOf(a.severity) - types/* SEVERITIES */.o.indexOf(b.severity));
    const failing = findings.filter(f => meets(f.severity, failOn));
    const unsafe = failing.length > 0;
    return { findings, allowed, failing, unsafe, acknowledged: unsafe && acknowledged, fails: unsafe && !acknowledged };
}
/** The verdict once the pull request's acknowledge label is found: unsafe findings no longer fail it. */
function acknowledge(verdict) {
    return { ...verdict, acknowledged: verdict.unsafe, fails: false };
}
/** True when `severity` is at least as severe as `failOn`. */
function meets(severity, failOn) {
    return failOn !== 'never' && types/* SEVERITIES */.o.indexOf(severity) <= types/* SEVERITIES */.o.indexOf(failOn);
}
function allows(entry, finding) {
    return ((!entry.rule || entry.rule === finding.rule) &&
        (!entry.kind || entry.kind === finding.kind) &&
        (!entry.namespace || entry.namespace === (finding.namespace ?? '')) &&
        (!entry.name || nameMatches(entry.name, finding.name)));
}
function nameMatches(pattern, name) {
    return (0,core/* hasWildcard */.rl)(pattern) ? (0,core/* matchesGlob */.kt)(name, pattern) : pattern === name;
}

;// CONCATENATED MODULE: ./src/safety-check/revisions.ts


/**
 * Makes `base` and `head` available in a checkout that may be a depth-1 clone, and returns the
 * commit the change is measured from: their merge base, as in a pull request's "Files changed".
 */
async function comparisonBase(git, remote, base, head, log) {
    // Both are looked up at once; a missing one is fetched afterwards, one fetch at a time.
    const [localBase, localHead] = await git.tryResolveCommits([base, head]);
    const baseSha = localBase ?? (await fetchCommit(git, remote, base, 'base'));
    const headSha = localHead ?? (await fetchCommit(git, remote, head, 'head'));
    for (let step = 0;; step++) {
        const from = await git.tryMergeBase([baseSha, headSha]);
        if (from !== undefined)
            return { from, to: headSha };
        if (!(await git.isShallow())) {
            throw new core/* UserError */.yo(`base ${base} and head ${head} share no history. Expected head to be a change on top of base.`);
        }
        log.info(`Fetching more history (${(0,git_git/* deepenArgument */.PU)(step)}) to find where ${(0,core/* shortSha */.Fu)(head)} branched from ${(0,core/* shortSha */.Fu)(base)}.`);
        await git.fetch(remote, [baseSha, headSha], { depth: (0,git_git/* deepenDepth */.p4)(step) });
    }
}
/** Fetches `rev`, which this clone lacks, from `remote` (by sha, or as a branch) and resolves it. */
async function fetchCommit(git, remote, rev, field) {
    const refspec = (0,core/* isFullSha */.Wf)(rev) ? rev : `+refs/heads/${rev}:refs/remotes/${remote}/${rev}`;
    const fetched = await git.tryFetch(remote, [refspec], { depth: 1 });
    const sha = fetched ? await git.tryResolveCommit((0,core/* isFullSha */.Wf)(rev) ? rev : `refs/remotes/${remote}/${rev}`) : undefined;
    if (!sha)
        throw new core/* UserError */.yo(`Unknown ${field} revision '${rev}': not in this repository and not fetchable from '${remote}'. Expected a commit sha or branch name.`);
    return sha;
}

;// CONCATENATED MODULE: ./src/safety-check/check.ts





/**
 * Checks `base...head` in a local checkout (a depth-1 clone is deepened as needed). The
 * configuration is read at the base revision, so a pull request cannot relax its own check.
 */
async function checkWithGit(git, remote, options, log) {
    const { from, to } = await comparisonBase(git, remote, options.base, options.head, log);
    const config = await readConfigAt(git, from, options.configPath, log);
    // Read only when the check reads the Flux Kustomizations.
    const repository = options.repository ?? (() => git.tryConfig(`remote.${remote}.url`));
    const filter = { paths: options.paths.length ? options.paths : config.paths, exclude: [...options.exclude, ...config.exclude] };
    const analysis = await (0,hazards.analyzeChange)(git, from, to, { ...filter, maxFileBytes: config.maxFileBytes, repository });
    return finish(analysis, config, options, from, to);
}
/** Checks a pull request through the GitHub API, for runs without a checkout. */
async function checkWithApi(client, repo, pullNumber, options, log) {
    const [{ getMergeBase }, { getFileContent, listPullRequestFiles }] = await Promise.all([
        __webpack_require__.e(/* import() */ 480).then(__webpack_require__.bind(__webpack_require__, 480)),
        __webpack_require__.e(/* import() */ 850).then(__webpack_require__.bind(__webpack_require__, 8850))
    ]);
    const from = await getMergeBase(client, repo, options.base, options.head);
    const configText = await getFileContent(client, repo, options.configPath, from);
    const config = configText === undefined ? noConfig(options.configPath, log) : parseSafetyConfig(configText, options.configPath);
    const keep = pathFilter(options.paths.length ? options.paths : config.paths, [...options.exclude, ...config.exclude]);
    const listed = await listPullRequestFiles(client, repo, pullNumber);
    const notices = [];
    if (listed.truncated) {
        notices.push(`GitHub lists at most 3,000 files of a pull request; this one has more, so files beyond the first 3,000 were not checked. Run the check on a checkout (actions/checkout) to check them all.`);
    }
    const files = [];
    for (const file of listed.files) {
        const before = file.previous_filename ?? file.filename;
        if (!(isYamlPath(file.filename) || isYamlPath(before)) || !(keep(file.filename) || keep(before)))
            continue;
        files.push({
            path: file.filename,
            before: file.status === 'added' ? undefined : await getFileContent(client, repo, before, from),
            after: file.status === 'removed' ? undefined : await getFileContent(client, repo, file.filename, options.head)
        });
    }
    const analysis = analyzeFiles(files, { maxFileBytes: config.maxFileBytes });
    analysis.notices.unshift(...notices);
    return finish(analysis, config, options, from, options.head);
}
function finish(analysis, config, options, from, to) {
    return {
        verdict: decide(analysis.findings, config, options.failOn, options.acknowledged),
        notices: analysis.notices,
        filesChecked: analysis.filesChecked,
        from,
        to,
        config
    };
}
async function readConfigAt(git, rev, path, log) {
    const bytes = await git.tryReadBlob(rev, path);
    return bytes !== undefined ? config_parseSafetyConfig(bytes.toString('utf8'), path) : noConfig(path, log);
}
function noConfig(path, log) {
    log.info(`No configuration at ${path} on the base revision; every rule at its own severity.`);
    return EMPTY_CONFIG;
}

// EXTERNAL MODULE: ./src/safety-check/config-path.ts
var config_path = __webpack_require__(9165);
;// CONCATENATED MODULE: ./src/safety-check/report.ts


const ICON = { critical: '🛑', error: '❌', warning: '⚠️', notice: 'ℹ️' };
const DIRECTION = { forward: 'merging', rollback: 'reverting later' };
/** One line saying what the check decided. */
function headline(result, failOn) {
    const { verdict } = result;
    const count = verdict.findings.length;
    if (count === 0)
        return `✅ No rollback hazards in ${result.filesChecked} changed manifest file${result.filesChecked === 1 ? '' : 's'}.`;
    const worst = verdict.findings[0].severity;
    if (verdict.acknowledged)
        return `☑️ ${count} rollback hazard${count === 1 ? '' : 's'} (worst: ${worst}), acknowledged by label: the check passes.`;
    if (verdict.fails)
        return `${ICON[worst]} ${verdict.failing.length} rollback hazard${verdict.failing.length === 1 ? '' : 's'} at or above '${failOn}': this change could not be rolled back safely.`;
    return `${ICON[worst]} ${count} rollback hazard${count === 1 ? '' : 's'} below '${failOn}': reported, not failing.`;
}
/**
 * The job summary and pull-request comment: findings grouped by severity, with the fix. With a
 * `limit`, tables are cut (most severe rows kept) and say how many rows are not shown.
 */
function markdownReport(result, failOn, limit) {
    const parts = [`## Rollback safety`, headline(result, failOn)];
    let budget = limit?.maxChars ?? Infinity;
    const fitted = (findings) => {
        const { shown, omitted, used } = (0,core/* fitRows */.zV)(findings.map(row), budget);
        budget = Math.max(0, budget - used);
        return tableOf(shown) + (0,core/* moreNotShown */.WP)(omitted, limit?.fullList ?? '');
    };
    for (const severity of types/* SEVERITIES */.o) {
        const group = result.verdict.findings.filter(f => f.severity === severity);
        if (group.length === 0)
            continue;
        parts.push(`### ${ICON[severity]} ${severity} (${group.length})`, fitted(group));
    }
    if (result.verdict.allowed.length) {
        parts.push(`<details><summary>${result.verdict.allowed.length} allowed by the configuration</summary>\n\n${fitted(result.verdict.allowed)}\n</details>`);
    }
    if (result.notices.length)
        parts.push(result.notices.map(n => `> ${n}`).join('\n>\n'));
    parts.push(`<sub>Compared ${(0,core/* shortSha */.Fu)(result.from)}...${(0,core/* shortSha */.Fu)(result.to)}: ${result.filesChecked} changed manifest files. "merging" is what this change does; "reverting later" is what a revert of it would do.</sub>`);
    return parts.join('\n\n');
}
function row(f) {
    return `| \`${f.rule}\` | ${DIRECTION[f.direction]} | ${(0,core/* tableCell */.xR)(`${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`)} | \`${(0,core/* tableCell */.xR)(f.file)}:${f.line}\` | ${(0,core/* tableCell */.xR)(f.message)} |`;
}
function tableOf(rows) {
    return ['| rule | when | object | where | what happens and how to make it safe |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
/** Plain text for the command line: one finding a line, then the verdict. */
function textReport(result, failOn) {
    // File and object names come from the change: each is shown escaped, so none can start a line.
    const e = core/* escapeControls */.UN;
    const lines = result.verdict.findings.map(f => `${e(f.file)}:${f.line}: ${f.severity} [${f.rule}] (${f.direction}) ${e(f.kind)} ${f.namespace ? `${e(f.namespace)}/` : ''}${e(f.name)}: ${e(f.message)}`);
    return [...lines, ...result.notices.map(n => `notice: ${e(n)}`), headline(result, failOn)].join('\n');
}

// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
// EXTERNAL MODULE: ./src/cli/work-tree.ts
var work_tree = __webpack_require__(478);
;// CONCATENATED MODULE: ./src/cli/check-command.ts










const OPTIONS = {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    path: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    config: { type: 'string' },
    remote: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
/**
 * `gitops-rollback check --base <rev> --head <rev>`: the safety check on a local repository.
 * Exit 1 when a finding meets --fail-on.
 */
async function checkCommand(argv, out) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
    }
    catch (error) {
        throw (0,output/* usageError */.Wp)(`${error.message}\nRun 'gitops-rollback check --help' for its options.`);
    }
    const { values } = parsed;
    if (values.help) {
        out.stdout((0,usage/* commandUsage */.T3)('check'));
        return 0;
    }
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format))
        throw (0,output/* usageError */.Wp)(`Invalid --format '${format}'. Expected text, json or markdown.`);
    const failOn = (values['fail-on'] ?? 'error');
    if (!FAIL_ON.includes(failOn))
        throw (0,output/* usageError */.Wp)(`Invalid --fail-on '${failOn}'. Expected one of: ${FAIL_ON.join(', ')}.`);
    if (!values.base)
        throw (0,output/* usageError */.Wp)('check needs --base <rev>: the revision the change starts from (for a pre-push hook, the remote branch).');
    const options = {
        base: (0,validate/* validateRevision */.ml)(values.base, '--base'),
        head: (0,validate/* validateRevision */.ml)(values.head ?? 'HEAD', '--head'),
        paths: values.path ?? [],
        exclude: values.exclude ?? [],
        failOn,
        acknowledged: false,
        configPath: values.config ?? config_path/* DEFAULT_CONFIG_PATH */.B
    };
    // The check reads commits, not files: it runs in a bare repository too (a server-side hook).
    // Where git finds no repository, that is said instead of what git says about the revisions.
    const git = await git_git/* Git */.TU.create(process.cwd());
    const result = await checkWithGit(git, values.remote ?? 'origin', options, (0,output/* stderrLogger */.D7)(out)).catch(async (error) => {
        if ((await git.workTreeState()) === 'no-repository')
            throw (0,work_tree/* notARepository */.d)(process.cwd());
        throw error;
    });
    if (format === 'json')
        out.stdout(JSON.stringify({ ...result.verdict, notices: result.notices, filesChecked: result.filesChecked }, null, 2));
    else
        out.stdout(format === 'markdown' ? markdownReport(result, failOn) : (0,output/* terminalText */.eR)(textReport(result, failOn)));
    return result.verdict.fails ? 1 : 0;
}


/***/ }),

/***/ 478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ notARepository),
/* harmony export */   w: () => (/* binding */ openWorkTree)
/* harmony export */ });
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6657);


/**
 * The git wrapper for the work tree the command runs in, fetching and pushing with `auth` when
 * given. Outside one, a clear error instead of what git says about the first revision or branch
 * it is asked for.
 */
async function openWorkTree(cwd, auth) {
    const git = await _git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU.create(cwd, {}, auth);
    const state = await git.workTreeState();
    if (state === 'no-repository')
        throw notARepository(cwd);
    if (state === 'no-work-tree') {
        throw (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .usageError */ .Wp)(`not inside a work tree: ${cwd} (a bare repository or .git folder). Run gitops-rollback inside a clone with a work tree.`);
    }
    return git;
}
/** The error for a command run outside any git repository. */
function notARepository(cwd) {
    return (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .usageError */ .Wp)(`not a git repository: ${cwd}. Run gitops-rollback inside a clone of the repository to roll back or check.`);
}


/***/ })

};
