export const id = 203;
export const ids = [203];
export const modules = {

/***/ 2203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCommand: () => (/* binding */ checkCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/rollback/validate.ts + 1 modules
var validate = __webpack_require__(8901);
// EXTERNAL MODULE: ./src/hazards/index.ts + 31 modules
var hazards = __webpack_require__(9818);
// EXTERNAL MODULE: ./src/manifests/globs.ts
var globs = __webpack_require__(1385);
// EXTERNAL MODULE: ./src/manifests/read-ahead.ts
var read_ahead = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/safety-check/config.ts
var config = __webpack_require__(5381);
// EXTERNAL MODULE: ./src/hazards/types.ts
var types = __webpack_require__(1324);
// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
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

// EXTERNAL MODULE: ./src/git/git.ts + 8 modules
var git_git = __webpack_require__(8626);
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
        throw new core/* UserError */.yo(`Unknown ${field} revision '${rev}': not in this checkout and not fetchable from '${remote}'. Expected a commit sha or branch name.`);
    return sha;
}

;// CONCATENATED MODULE: ./src/safety-check/check.ts






/**
 * Checks `base...head` in a local checkout (a depth-1 clone is deepened as needed). The
 * configuration is read at the base revision, so a pull request cannot relax its own check.
 */
async function checkWithGit(git, remote, options, log) {
    const { from, to } = await comparisonBase(git, remote, options.base, options.head, log);
    // git lists the change while the configuration (which filters it) is read.
    const prefetched = (0,read_ahead/* prefetchChange */.Q)(git, from, to);
    const config = await readConfigAt(git, from, options.configPath, log);
    // Read only when the check reads the Flux Kustomizations.
    const repository = options.repository ?? (() => git.tryConfig(`remote.${remote}.url`));
    const filter = { paths: options.paths.length ? options.paths : config.paths, exclude: [...options.exclude, ...config.exclude] };
    const analysis = await (0,hazards.analyzeChange)(git, from, to, { ...filter, prefetched, maxFileBytes: config.maxFileBytes, repository });
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
    return bytes !== undefined ? (0,config/* parseSafetyConfig */.y2)(bytes.toString('utf8'), path) : noConfig(path, log);
}
function noConfig(path, log) {
    log.info(`No configuration at ${path} on the base revision; every rule at its own severity.`);
    return config/* EMPTY_CONFIG */.$v;
}

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
    const git = await (0,work_tree/* openWorkTree */.w)(process.cwd());
    const result = await checkWithGit(git, values.remote ?? 'origin', {
        base: (0,validate/* validateRevision */.ml)(values.base, '--base'),
        head: (0,validate/* validateRevision */.ml)(values.head ?? 'HEAD', '--head'),
        paths: values.path ?? [],
        exclude: values.exclude ?? [],
        failOn,
        acknowledged: false,
        configPath: values.config ?? config/* DEFAULT_CONFIG_PATH */.Bi
    }, (0,output/* stderrLogger */.D7)(out));
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
/* harmony export */   w: () => (/* binding */ openWorkTree)
/* harmony export */ });
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8626);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6657);


/**
 * The git wrapper for the work tree the command runs in, fetching and pushing with `auth` when
 * given. Outside one, a clear error instead of what git says about the first revision or branch
 * it is asked for.
 */
async function openWorkTree(cwd, auth) {
    const git = await _git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU.create(cwd, {}, auth);
    const state = await git.workTreeState();
    if (state === 'no-repository') {
        throw (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .usageError */ .Wp)(`not a git repository: ${cwd}. Run gitops-rollback inside a clone of the repository to roll back or check.`);
    }
    if (state === 'no-work-tree') {
        throw (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .usageError */ .Wp)(`not inside a work tree: ${cwd} (a bare repository or .git folder). Run gitops-rollback inside a clone with a work tree.`);
    }
    return git;
}


/***/ }),

/***/ 8901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  at: () => (/* binding */ branchName),
  TN: () => (/* binding */ oneLine),
  av: () => (/* binding */ parsePullRequestNumbers),
  Xe: () => (/* binding */ validateBranch),
  S: () => (/* binding */ validateRequest),
  ml: () => (/* binding */ validateRevision)
});

// UNUSED EXPORTS: parseIdentity, validateLogin, validatePath, validateRevisionSpec

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/rollback/option-names.ts
const kebab = (setting) => setting.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
/**
 * Settings as workflow inputs and configuration files write them (`restore-paths: a,b`,
 * `allow-unsafe: true`); the default when an edge gives none.
 */
const settingNames = {
    name: kebab,
    set: values => Object.entries(values)
        .map(([setting, value]) => `${kebab(setting)}: ${Array.isArray(value) ? value.join(',') : String(value)}`)
        .join(', ')
};

// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/rollback/validate.ts



const DELIVERIES = ['pull-request', 'push', 'none'];
const CONTROL = /[\u0000-\u001f\u007f]/;
/**
 * Checks every field of a rollback request and returns it normalised. The one place where
 * input is validated: errors quote the bad value and say what was expected, naming each setting
 * the way the caller's edge spells it (`names`).
 */
async function validateRequest(raw, names = settingNames) {
    const n = names.name;
    const restorePaths = raw.restorePaths.map(p => validatePath(p, n('restorePaths')));
    const commits = raw.commits.map(c => validateRevisionSpec(c, n('commits')));
    const mode = restorePaths.length > 0 || raw.restoreTo ? 'restore' : 'revert';
    if (mode === 'restore') {
        if (commits.length > 0) {
            throw new core/* UserError */.yo(`Both ${n('commits')} (${quoteList(raw.commits)}) and ${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given. ` +
                `Expected either commits to revert, or ${n('restorePaths')} with ${n('restoreTo')}, not both.`);
        }
        if (restorePaths.length === 0)
            throw new core/* UserError */.yo(`${n('restoreTo')} '${(0,core/* printable */.g$)(raw.restoreTo ?? '')}' was given without ${n('restorePaths')}. Expected one or more paths to restore.`);
        if (!raw.restoreTo?.trim())
            throw new core/* UserError */.yo(`${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given without ${n('restoreTo')}. Expected the revision to restore them to, such as 'abc1234^'.`);
    }
    else if (commits.length === 0) {
        throw new core/* UserError */.yo(`No commits to revert. Expected one or more commit shas or ranges A..B in ${n('commits')} (or ${n('restorePaths')} with ${n('restoreTo')}).`);
    }
    const remote = raw.remote?.trim() || 'origin';
    if (!/^[A-Za-z0-9._-]+$/.test(remote) || remote.startsWith('-')) {
        throw new core/* UserError */.yo(`Invalid ${n('remote')} '${remote}'. Expected a remote name such as 'origin'.`);
    }
    // Before the audit fields: a CLI actor may be the committer's name, and the committer's error says more.
    const committer = parseCommitter(raw.committer, n('committer'));
    const request = {
        mode,
        commits: unique(commits),
        mainline: parseMainline(raw.mainline, n('mainline')),
        squash: raw.squash ?? false,
        restorePaths: unique(restorePaths),
        restoreTo: raw.restoreTo ? validateRevision(raw.restoreTo.trim(), n('restoreTo')) : undefined,
        audit: {
            incident: singleLine(raw.incident, n('incident'), 128),
            reason: validateReason(raw.reason, n('reason')),
            actor: singleLine(raw.actor, n('actor'), 128),
            runUrl: singleLine(raw.runUrl, 'run URL', 512),
            ...(raw.trailers?.length ? { trailers: raw.trailers.map(validateTrailer) } : {}),
            ...(raw.pullRequests?.length ? { pullRequests: raw.pullRequests.map(validatePullRequestReference) } : {})
        },
        targetBranch: raw.targetBranch?.trim() ? validateBranch(branchName(raw.targetBranch), n('targetBranch')) : undefined,
        branch: raw.branch?.trim() ? validateBranch(branchName(raw.branch), n('branch')) : undefined,
        deliver: parseDelivery(raw.deliver, n('deliver')),
        dryRun: raw.dryRun ?? false,
        allowUnsafe: raw.allowUnsafe ?? false,
        fallbackToPullRequest: raw.fallbackToPullRequest ?? true,
        signCommits: raw.signCommits ?? false,
        committer,
        remote,
        pullRequest: {
            title: singleLine(raw.title, n('title'), 256),
            body: validateText(raw.body, n('body'), 16000),
            assignees: unique(singleLines(raw.assignees, n('assignees')).map(login => validateLogin(login, n('assignees')))),
            deleteBranch: raw.deleteBranch ?? false,
            labels: listOf(raw.labels, n('labels'), LABEL),
            reviewers: listOf(raw.reviewers, n('reviewers'), LOGIN),
            teamReviewers: listOf(raw.teamReviewers, n('teamReviewers'), TEAM),
            draft: raw.draft ?? false
        },
        names
    };
    if (request.signCommits && request.deliver === 'none') {
        throw new core/* UserError */.yo(`${n('signCommits')} was given with ${names.set({ deliver: 'none' })}, which delivers nothing. Expected ${names.set({ deliver: 'push' })} or ${names.set({ deliver: 'pull-request' })}: signed commits are made on the remote when the rollback is delivered.`);
    }
    if (request.branch && request.branch === request.targetBranch) {
        throw new core/* UserError */.yo(`${n('branch')} '${(0,core/* printable */.g$)(request.branch)}' is the target branch. Expected a separate branch for the pull request.`);
    }
    return request;
}
/** One `Key: value` trailer line. */
function validateTrailer(value) {
    if (!/^[A-Za-z][A-Za-z0-9-]*: \S/.test(value) || CONTROL.test(value) || value.length > 512) {
        throw new core/* UserError */.yo(`Invalid trailer '${(0,core/* printable */.g$)(value)}'. Expected one line 'Key: value', such as 'Drill-time-to-detect: 41.8s'.`);
    }
    return value;
}
/** A revision or an `A..B` range; option-looking and multi-line values are refused. */
function validateRevisionSpec(value, field) {
    const spec = value.trim();
    if (spec.includes('...')) {
        throw new core/* UserError */.yo(`Invalid ${field} value '${(0,core/* printable */.g$)(spec)}'. Expected a revision or a range A..B; symmetric ranges A...B are ambiguous for a rollback.`);
    }
    const parts = spec.split('..');
    if (parts.length > 2 || (parts.length === 2 && (!parts[0] || !parts[1]))) {
        throw new core/* UserError */.yo(`Invalid range '${(0,core/* printable */.g$)(spec)}' in ${field}. Expected A..B with both ends given (commits after A up to B).`);
    }
    parts.forEach(p => validateRevision(p, field));
    return spec;
}
/** One revision expression such as `abc1234`, `main~2` or `v1.2^`. */
function validateRevision(value, field) {
    if (!value || value.startsWith('-') || value.startsWith('^') || /\s/.test(value) || CONTROL.test(value) || value.length > 256) {
        throw new core/* UserError */.yo(`Invalid ${field} value '${(0,core/* printable */.g$)(value)}'. Expected a commit sha, branch, tag or expression such as 'abc1234^' (no spaces, not starting with '-').`);
    }
    return value;
}
/** A repository-relative path that stays inside the work tree and out of `.git`. */
function validatePath(value, field = 'restore-paths') {
    const raw = value.trim();
    const problem = !raw
        ? 'it is empty'
        : CONTROL.test(raw)
            ? 'it contains control characters'
            : raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)
                ? 'it is absolute'
                : raw.startsWith('-')
                    ? 'it looks like an option'
                    : raw.startsWith(':')
                        ? "it starts with ':', which git reads as pathspec magic such as ':(top)' or ':!x'"
                        : raw.length > 4096
                            ? 'it is too long'
                            : undefined;
    if (problem)
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: ${problem}. Expected a path relative to the repository root, such as 'apps/podinfo'.`);
    const normal = external_node_path_.posix.normalize(raw.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
    if (normal === '..' || normal.startsWith('../')) {
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: it escapes the repository. Expected a path inside the repository.`);
    }
    if (normal.split('/')[0].toLowerCase() === '.git') {
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: it points into .git. Expected a path to tracked files.`);
    }
    return normal;
}
/**
 * A branch name a rollback may use, by git's check-ref-format rules and what a rollback must not
 * use besides (see branchNameProblem); refused with the reason, the value shown escaped and cut.
 */
function validateBranch(name, field) {
    const problem = (0,core/* branchNameProblem */.hq)(name);
    if (problem) {
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(name)}': ${problem}. Expected a valid git branch name such as 'main' or 'rollback/inc-42'.`);
    }
    return name;
}
function parseMainline(value, field) {
    if (value === undefined || value.trim() === '')
        return undefined;
    if (!/^[1-9][0-9]?$/.test(value.trim())) {
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}'. Expected the parent number of the merge commit, such as 1.`);
    }
    return Number(value.trim());
}
function parseDelivery(value, field) {
    const d = (value?.trim() || 'pull-request');
    if (!DELIVERIES.includes(d))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value ?? '')}'. Expected one of: ${DELIVERIES.join(', ')}.`);
    return d;
}
function parseCommitter(value, field) {
    if (!value?.trim())
        throw new core/* UserError */.yo(`No ${field} for the rollback commits. Expected 'Name <email@example.com>'.`);
    return parseIdentity(value.trim(), field);
}
/** Parses `Name <email>`, the form git uses. */
function parseIdentity(value, field = 'committer') {
    if (core/* UNSAFE_CHARACTERS */.Mv.test(value))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}': it contains control or text-direction characters. Expected 'Name <email@example.com>'.`);
    const m = value.length <= 512 ? value.match(/^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/) : null;
    if (!m)
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}'. Expected 'Name <email@example.com>'.`);
    return { name: m[1].trim(), email: m[2] };
}
function singleLine(value, field, max) {
    const v = value?.trim();
    if (!v)
        return undefined;
    if (/[\r\n]/.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it spans several lines, which would forge commit trailers. Expected a single line.`);
    if (core/* UNSAFE_CHARACTERS */.Mv.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it contains control or text-direction characters. Expected plain text.`);
    if (v.length > max)
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v, 40)}': ${v.length} characters. Expected at most ${max}.`);
    return v;
}
function validateReason(value, field) {
    return validateText(value, field, 4000);
}
/** Free text of several lines: no control characters but line breaks, at most `max` characters. */
function validateText(value, field, max) {
    const v = value?.replace(/\r\n?/g, '\n').trim();
    if (!v)
        return undefined;
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it contains control characters. Expected plain text.`);
    if (v.length > max)
        throw new core/* UserError */.yo(`Invalid ${field}: ${v.length} characters. Expected at most ${max}.`);
    return v;
}
/** A GitHub user name, with or without a leading `@`. */
function validateLogin(value, field) {
    const login = value.trim().replace(/^@/, '');
    if (!LOGIN.pattern.test(login))
        throw new core/* UserError */.yo(`Invalid ${field} entry '${(0,core/* printable */.g$)(value)}'. Expected GitHub user names such as 'octocat' (letters, digits and single hyphens, at most 39 characters).`);
    return login;
}
/**
 * A branch as people write it, without a leading `refs/heads/` (a workflow's `github.ref`), so
 * that `refs/heads/main` and `main` name the same branch.
 */
function branchName(value) {
    return value.trim().replace(/^refs\/heads\//, '');
}
/**
 * Pull request numbers as people write them: `12`, `#12`, several comma-, space- or
 * line-separated. Each must be a positive whole number; the list keeps the first of repeats.
 */
function parsePullRequestNumbers(values, field) {
    const numbers = values
        .flatMap(v => v.split(/[\s,]+/))
        .filter(Boolean)
        .map(v => {
        if (!/^#?[1-9][0-9]{0,9}$/.test(v) || Number(v.replace('#', '')) > Number.MAX_SAFE_INTEGER)
            throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}'. Expected pull request numbers such as '12' or '12, 15'.`);
        return Number(v.replace('#', ''));
    });
    return unique(numbers);
}
function validatePullRequestReference(ref) {
    if (!Number.isSafeInteger(ref.number) || ref.number < 1)
        throw new Error(`Invalid pull request number ${ref.number}.`);
    if (!/^https?:\/\/[^\s()<>]+$/.test(ref.url))
        throw new Error(`Invalid pull request URL '${(0,core/* printable */.g$)(ref.url)}'.`);
    return { number: ref.number, title: oneLine(ref.title, 256), url: ref.url };
}
/** Untrusted text as one line: control characters and runs of white space become one space, capped at `max`. */
function oneLine(text, max) {
    const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
/** GitHub label names: at most 50 characters (GitHub answers 422 otherwise), one line, no commas (they separate labels). */
const LABEL = { pattern: /^[^,]{1,50}$/, expected: 'a label name of at most 50 characters, such as rollback' };
/** GitHub logins: letters, digits and single hyphens between them, at most 39 characters. */
const LOGIN = {
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/,
    expected: 'a GitHub login such as octocat (no @)'
};
/** GitHub team slugs (the team's name in its URL), optionally after the organisation: `sre` or `acme/sre`. */
const TEAM = {
    pattern: /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
    expected: 'a team slug such as sre'
};
/** A list of names checked before any API call, so one bad name fails the run up front instead of dropping the rest. */
function listOf(values, field, rule) {
    const names = singleLines(values, field);
    for (const name of names) {
        if (!rule.pattern.test(name))
            throw new core/* UserError */.yo(`Invalid ${field} entry '${(0,core/* printable */.g$)(name)}'. Expected ${rule.expected}.`);
    }
    return unique(names.map(name => (rule === TEAM ? name.replace(/^.*\//, '') : name)));
}
/** The non-empty entries of a list input, each one line. */
function singleLines(values, field) {
    return (values ?? []).map(v => singleLine(v, field, 256)).filter((v) => Boolean(v));
}
function unique(values) {
    return [...new Set(values)];
}
function quoteList(values) {
    const shown = values.slice(0, 5).map(v => `'${(0,core/* printable */.g$)(v, 100)}'`);
    return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}


/***/ })

};
