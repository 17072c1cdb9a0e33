export const id = 444;
export const ids = [444];
export const modules = {

/***/ 5444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/git/http-auth.ts
var http_auth = __webpack_require__(1765);
// EXTERNAL MODULE: ./src/github/repository.ts
var repository = __webpack_require__(651);
;// CONCATENATED MODULE: ./src/github/connection.ts

/**
 * Connects when there is a token and a repository. Nothing of the HTTP stack loads until a call
 * needs it, so runs that never talk to GitHub (a push rollback) start fast.
 */
function connectGitHub(options) {
    if (!options.token || !options.repository)
        return undefined;
    const repo = (0,repository/* parseRepository */.S)(options.repository);
    let client;
    return {
        repo,
        client: () => (client ??= Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584)).then(m => m.createGitHubClient({ token: options.token, baseUrl: options.apiUrl, log: options.log })))
    };
}
/** The rollback engine's pull-request delivery, backed by the GitHub API. */
function pullRequestPort(github, serverUrl) {
    const { owner, repo } = github.repo;
    return {
        openOrUpdate: async (request) => {
            const { openOrUpdatePullRequest } = await __webpack_require__.e(/* import() */ 524).then(__webpack_require__.bind(__webpack_require__, 2524));
            return openOrUpdatePullRequest(await github.client(), { ...request, repo: github.repo });
        },
        closePullRequest: async (request) => {
            const { closePullRequest } = await __webpack_require__.e(/* import() */ 524).then(__webpack_require__.bind(__webpack_require__, 2524));
            return closePullRequest(await github.client(), { ...request, repo: github.repo });
        },
        commitUrl: sha => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/commit/${sha}`,
        compareUrl: (base, head) => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/compare/${urlPath(base)}...${urlPath(head)}?expand=1`
    };
}
/** A branch name as a URL path: each character that needs it escaped, `/` kept. */
function urlPath(branch) {
    return encodeURIComponent(branch).replace(/%2F/g, '/');
}
/**
 * The rollback engine's Git Data API (`sign-commits`): blobs, trees, commits and branch updates
 * made by GitHub, which signs the commits. Its code loads on first use.
 */
function gitDataPort(github) {
    let api;
    const load = () => (api ??= Promise.all([__webpack_require__.e(/* import() */ 932).then(__webpack_require__.bind(__webpack_require__, 8932)), github.client()]).then(([m, client]) => m.gitDataApi(client, github.repo)));
    return {
        createBlob: async (content) => (await load()).createBlob(content),
        createTree: async (base, entries) => (await load()).createTree(base, entries),
        createCommit: async (commit) => (await load()).createCommit(commit),
        branchSha: async (branch) => (await load()).branchSha(branch),
        updateBranch: async (branch, sha, options) => (await load()).updateBranch(branch, sha, options),
        createBranch: async (branch, sha) => (await load()).createBranch(branch, sha)
    };
}

// EXTERNAL MODULE: ./src/rollback/validate.ts + 1 modules
var validate = __webpack_require__(8901);
// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/rollback/pull-requests.ts


/** Longest pull-request title shown after `Revert #N: `. */
const TITLE_MAX = 200;
/**
 * Refuses what cannot go with pull requests given by number: commits, paths to restore, or a
 * mainline (the merge decides it). `given` is the list as typed, for the message.
 */
function assertOnlyPullRequests(raw, given, names) {
    const n = names.name;
    const other = raw.commits.length
        ? `${n('commits')} (${raw.commits.join(', ')})`
        : raw.restorePaths.length || raw.restoreTo
            ? `${n('restorePaths')} / ${n('restoreTo')}`
            : raw.mainline?.trim()
                ? `${n('mainline')} ${raw.mainline.trim()}`
                : undefined;
    if (other) {
        throw new core/* UserError */.yo(`Both ${n('pullRequest')} (${given}) and ${other} were given. Expected pull requests by number alone: their commits, and the mainline of a merge commit, come from GitHub.`);
    }
}
/**
 * The request that reverts `pulls` (newest first): their commits, mainline 1 when one was merged
 * with a merge commit (it applies to merge commits only), the title `Revert #N: <title>` unless
 * one was given, and the pull requests for the body, the summary and a `Reverts-pull-request`
 * trailer each.
 */
function revertPullRequests(raw, pulls) {
    const references = pulls.map(p => ({ number: p.number, title: (0,validate/* oneLine */.TN)(p.title, TITLE_MAX), url: p.url }));
    return {
        ...raw,
        commits: pulls.flatMap(p => p.commits),
        mainline: pulls.some(p => p.mainline !== undefined) ? '1' : undefined,
        title: raw.title?.trim() ? raw.title : pullRequestsTitle(references),
        pullRequests: references,
        trailers: [...(raw.trailers ?? []), ...pulls.map(p => `Reverts-pull-request: #${p.number}`)]
    };
}
/** `Revert #12: <title>`, or `Revert #15, #12: <title>; <title>` for several, at most 256 characters. */
function pullRequestsTitle(pulls) {
    const numbers = pulls.map(p => `#${p.number}`).join(', ');
    return (0,validate/* oneLine */.TN)(`Revert ${numbers}: ${pulls.map(p => p.title).join('; ')}`, 256);
}

;// CONCATENATED MODULE: ./src/rollback/report.ts

/** Characters the rows of each table may take: in a pull-request body (65,536 at most), and in a job summary (1 MiB). */
const BODY_TABLE_CHARS = 20_000;
const SUMMARY_TABLE_CHARS = 300_000;
/** A pull-request body a reviewer can act on: why, what is undone, how big, who asked. */
function pullRequestBody(result, audit, commitUrl) {
    const body = [
        '## Rollback',
        contextLines(result, audit).join('\n'),
        whatSection(result, commitUrl, BODY_TABLE_CHARS),
        findingsSection(result.findings, BODY_TABLE_CHARS),
        diffSection(result),
        '_Merging this pull request rolls the change back. Flux applies it on its next reconciliation._'
    ]
        .filter(Boolean)
        .join('\n\n');
    return (0,core/* fitMarkdown */.DJ)(body, core/* COMMENT_MAX_CHARS */.dq - 100, 'the job summary of the run shows more');
}
/** The job summary: what was rolled back, why, by whom, and where it went. */
function rollbackSummary(result, audit, commitUrl) {
    const where = deliveredTo(result);
    return [
        `## Rollback: ${result.operation}`,
        where,
        contextLines(result, audit).join('\n'),
        whatSection(result, commitUrl, SUMMARY_TABLE_CHARS),
        skippedSection(result),
        findingsSection(result.findings, SUMMARY_TABLE_CHARS),
        diffSection(result)
    ]
        .filter(Boolean)
        .join('\n\n');
}
function deliveredTo(result) {
    const sha = result.commitSha ? `\`${shortSha(result.commitSha)}\`` : '';
    switch (result.operation) {
        case 'pushed':
            return `Pushed ${sha} to \`${result.targetBranch}\`.`;
        case 'created':
        case 'updated':
            return `Pull request [#${result.pullRequest.number}](${result.pullRequest.url}) ${result.operation} from \`${result.branch}\` into \`${result.targetBranch}\`${result.fellBackToPullRequest ? ' (the branch is protected, so the push became a pull request)' : ''}.`;
        case 'committed':
            return `Committed ${sha} on the local branch \`${result.targetBranch}\`; nothing was pushed.`;
        case 'branch-pushed':
            return `Pushed ${sha} to the branch \`${result.branch}\`; the pull request into \`${result.targetBranch}\` was not created.`;
        case 'dry-run':
            return `Dry run: the rollback was computed on \`${result.targetBranch}\` but nothing was pushed.`;
        default:
            return `Nothing to roll back on \`${result.targetBranch}\`.${staleBranchLine(result)}`;
    }
}
/** With delete-branch: what became of the rollback branch an earlier run left. */
function staleBranchLine(result) {
    const stale = result.staleBranch;
    if (!stale)
        return '';
    const pr = stale.closedPullRequest;
    const closed = pr ? `the stale rollback pull request [#${pr.number}](${pr.url})` : '';
    if (stale.deleted) {
        return closed
            ? ` Closed ${closed} and deleted its branch \`${stale.branch}\`.`
            : ` Deleted the stale rollback branch \`${stale.branch}\`.`;
    }
    return `${closed ? ` Closed ${closed}.` : ''} Kept the rollback branch \`${stale.branch}\`: ${tableCell(stale.why ?? '')}.`;
}
function contextLines(result, audit) {
    return [
        ...(audit.pullRequests ?? []).map(p => `- **Reverts:** [#${p.number}](${p.url}) ${(0,core/* tableCell */.xR)(p.title)}`),
        // Free text from whoever asked: shown verbatim, so no mention, link or HTML of theirs renders.
        audit.incident && `- **Incident:** ${(0,core/* codeSpan */.SS)(audit.incident)}`,
        audit.reason && `- **Reason:** ${(0,core/* codeSpan */.SS)(audit.reason, 1000)}`,
        audit.actor && `- **Triggered by:** @${audit.actor}`,
        audit.runUrl && `- **Workflow run:** ${audit.runUrl}`,
        `- **Target branch:** \`${result.targetBranch}\`${result.base ? ` at \`${(0,core/* shortSha */.Fu)(result.base)}\`` : ''}`
    ].filter((l) => Boolean(l));
}
function whatSection(result, commitUrl, maxChars) {
    if (result.restoredTo) {
        const paths = (result.restoredPaths ?? []).map(p => `\`${p}\``).join(', ');
        const head = `Restores ${paths} to ${report_link(result.restoredTo, commitUrl)}.`;
        if (result.revertedCommits.length === 0)
            return head;
        return `${head} This undoes these commits' changes to those paths:\n\n${commitTable(result.revertedCommits, commitUrl, maxChars)}`;
    }
    if (result.revertedCommits.length === 0)
        return '';
    return `### Reverted commits\n\n${commitTable(result.revertedCommits, commitUrl, maxChars)}`;
}
function skippedSection(result) {
    if (result.skipped.length === 0)
        return '';
    return `Already reverted, skipped: ${result.skipped.map(s => `\`${shortSha(s.sha)}\` ${tableCell(s.subject)}`).join('; ')}`;
}
/** The rollback's own hazards, most severe first, so whoever merges or reviews it sees them. */
function findingsSection(findings, maxChars = SUMMARY_TABLE_CHARS) {
    if (findings.length === 0)
        return '';
    const rows = findings.map(f => `| ${f.severity} | \`${f.rule}\` | ${(0,core/* tableCell */.xR)(`${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`)} | \`${(0,core/* tableCell */.xR)(f.file)}:${f.line}\` | ${(0,core/* tableCell */.xR)(f.message)} |`);
    const { shown, omitted } = (0,core/* fitRows */.zV)(rows, maxChars);
    return ([
        '### Hazards of this rollback',
        '',
        '| severity | rule | object | where | what happens |',
        '| --- | --- | --- | --- | --- |',
        ...shown
    ].join('\n') + (0,core/* moreNotShown */.WP)(omitted, 'the findings-file output of the revert action lists them all'));
}
function diffSection(result) {
    return result.diffStat ? `### Diff stat\n\n\`\`\`\n${result.diffStat}\n\`\`\`` : '';
}
function commitTable(commits, commitUrl, maxChars) {
    const rows = commits.map(c => `| ${report_link(c.sha, commitUrl)} | ${(0,core/* tableCell */.xR)(c.subject)} |`);
    const { shown, omitted } = (0,core/* fitRows */.zV)(rows, maxChars);
    return (['| Commit | Subject |', '| --- | --- |', ...shown].join('\n') + (0,core/* moreNotShown */.WP)(omitted, 'the reverted-commits output lists them all'));
}
function report_link(sha, commitUrl) {
    const short = `\`${(0,core/* shortSha */.Fu)(sha)}\``;
    return commitUrl ? `[${short}](${commitUrl(sha)})` : short;
}
/**
 * The comment left on a pull request that a delivered rollback reverts: where the rollback is,
 * and who asked for it.
 */
function rolledBackComment(result, audit, commitUrl) {
    const where = result.operation === 'pushed'
        ? `This pull request was rolled back: ${report_link(result.commitSha, commitUrl)} on \`${result.targetBranch}\` reverts it.`
        : `This pull request is being rolled back: pull request [#${result.pullRequest.number}](${result.pullRequest.url}) into \`${result.targetBranch}\` reverts it.`;
    return [
        where,
        contextLines(result, audit)
            .filter(l => !l.startsWith('- **Reverts:**'))
            .join('\n')
    ].join('\n\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/git/git.ts + 5 modules
var git_git = __webpack_require__(7076);
;// CONCATENATED MODULE: ./src/rollback/message.ts

/**
 * The message of a revert commit. It keeps git's searchable `This reverts commit <sha>.` line for
 * every reverted commit, then the reason and the audit trailers.
 */
function revertMessage(steps, audit) {
    const subject = steps.length === 1 ? `Revert "${steps[0].subject}"` : `Revert ${steps.length} commits${audit.incident ? ` for ${audit.incident}` : ''}`;
    const lines = steps.map(s => `This reverts commit ${s.sha}.`);
    const merges = steps
        .filter(s => s.mainline)
        .map(s => `Merge ${(0,core/* shortSha */.Fu)(s.sha)} reverted against parent ${s.mainline} (${s.parents[s.mainline - 1]}).`);
    const list = steps.length > 1 ? ['Reverted commits:', ...steps.map(s => `- ${(0,core/* shortSha */.Fu)(s.sha)} ${s.subject}`)] : [];
    return compose(subject, [lines.join('\n'), merges.join('\n'), list.join('\n')], audit);
}
/** The message of a path restore: what was restored to which commit, and what that undoes. */
function restoreMessage(plan, audit) {
    const where = plan.paths.length === 1 ? plan.paths[0] : `${plan.paths.length} paths`;
    const subject = `Restore ${where} to ${(0,core/* shortSha */.Fu)(plan.source)}`;
    const paths = ['Restored paths:', ...plan.paths.map(p => `- ${p}`)].join('\n');
    const source = `Restored to commit ${plan.source}.`;
    const undone = plan.undone.length
        ? ['Undoes changes to these paths from:', ...plan.undone.map(c => `- ${(0,core/* shortSha */.Fu)(c.sha)} ${c.subject}`)].join('\n')
        : '';
    return compose(subject, [source, paths, undone], audit, [`Restored-to: ${plan.source}`]);
}
function compose(subject, paragraphs, audit, own = []) {
    const trailers = [
        ...own,
        audit.incident && `Incident: ${audit.incident}`,
        audit.actor && `Rolled-back-by: ${audit.actor}`,
        audit.runUrl && `Workflow-run: ${audit.runUrl}`,
        ...(audit.trailers ?? [])
    ].filter(Boolean);
    const reason = audit.reason ? reasonParagraph(audit.reason) : '';
    return [subject, ...paragraphs, reason, trailers.join('\n')].filter(p => p.trim() !== '').join('\n\n') + '\n';
}
/**
 * The reason as free text that cannot pass for git's revert line or a trailer: a one-line reason
 * follows `Reason: `, a longer one is quoted line by line under `Reason:`.
 */
function reasonParagraph(reason) {
    const lines = reason.split(/\r?\n/);
    if (lines.length === 1)
        return `Reason: ${reason}`;
    return ['Reason:', ...lines.map(l => (l.trim() === '' ? '>' : `> ${l}`))].join('\n');
}
/** The default pull-request title for a rollback. */
function rollbackTitle(reverted, audit, restore) {
    const prefix = audit.incident ? `Rollback ${audit.incident}: ` : 'Rollback: ';
    if (restore)
        return `${prefix}restore ${restore.paths.join(', ')} to ${restore.source.slice(0, 7)}`;
    if (reverted.length === 1)
        return `${prefix}revert "${reverted[0].subject}"`;
    return `${prefix}revert ${reverted.length} commits`;
}

;// CONCATENATED MODULE: ./src/rollback/undo.ts
/** The empty tree, the parent tree when a root commit is reverted. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Throwaway "undo" commits started early (by the plan, while it reads history), per wrapper. */
const earlyUndo = new WeakMap();
/**
 * Starts writing the throwaway commit for reverting `sha` against parent `mainline`, so it is
 * ready when the revert is applied. Only a head start: a failure here is retried then.
 */
function prepareUndo(git, sha, mainline, committer) {
    const started = earlyUndo.get(git) ?? new Map();
    earlyUndo.set(git, started);
    const key = `${sha} ${mainline}`;
    if (started.has(key))
        return;
    const commit = commitTree(git, `${sha}^${mainline}^{tree}`, sha, undoMessage(sha), committer);
    commit.catch(() => undefined);
    started.set(key, commit);
}
/** A commit whose tree is the reverted commit's parent and whose only parent is that commit. */
async function undoCommit(git, step, committer) {
    const mainline = step.mainline ?? 1;
    const parent = step.parents[mainline - 1];
    if (!parent)
        return commitTree(git, EMPTY_TREE, step.sha, undoMessage(step.sha), committer);
    const early = await earlyUndo
        .get(git)
        ?.get(`${step.sha} ${mainline}`)
        ?.catch(() => undefined);
    return early ?? commitTree(git, `${parent}^{tree}`, step.sha, undoMessage(step.sha), committer);
}
const undoMessage = (sha) => `gitops-rollback: undo ${sha}`;
/** Writes a commit as `identity`, whatever git is configured with (a runner has no identity at all). */
function commitTree(git, tree, parent, message, identity) {
    return git.commitTree(tree, [parent], message, identityEnv(identity));
}
/** The environment that makes `identity` the author and committer of the commit git writes. */
function identityEnv(identity) {
    return {
        GIT_AUTHOR_NAME: identity.name,
        GIT_AUTHOR_EMAIL: identity.email,
        GIT_COMMITTER_NAME: identity.name,
        GIT_COMMITTER_EMAIL: identity.email
    };
}
/**
 * True when the change of `step` is no longer in `onto` (whose tree is `ontoTree`): reverting it
 * there is clean and changes nothing. This, not any commit message, decides "already reverted".
 */
async function isUndoneAt(git, step, onto, ontoTree, committer) {
    const theirs = await undoCommit(git, step, committer);
    const merged = await git.mergeTree(onto, theirs).catch(() => undefined);
    return merged !== undefined && 'tree' in merged && merged.tree === ontoTree;
}

;// CONCATENATED MODULE: ./src/rollback/apply.ts




/**
 * Writes the plan's commits on top of `base` as objects only: the work tree, the index and every
 * ref stay as they are, so a failure leaves nothing behind and nothing half-done can be pushed.
 */
function applyPlan(git, plan, base, options) {
    return plan.kind === 'revert' ? applyRevert(git, plan, base, options) : applyRestore(git, plan, base, options);
}
/**
 * Each revert is the merge git revert performs (merge-ort, base = the commit, ours = the rollback
 * so far, theirs = the commit's parent), computed by `git merge-tree` on a throwaway commit whose
 * only parent is the reverted commit, so that commit is the merge base.
 */
async function applyRevert(git, plan, base, options) {
    const empty = [];
    const applied = [];
    let head = base;
    const baseTree = plan.baseTree;
    let headTree = baseTree;
    let announced = false;
    const announce = (tree) => {
        if (announced || tree === baseTree)
            return;
        announced = true;
        options.onTree?.(tree);
    };
    for (const [index, step] of plan.steps.entries()) {
        const tree = await revertTree(git, step, head, options);
        if (tree === headTree) {
            empty.push(step);
            continue;
        }
        applied.push(step);
        if (index === plan.steps.length - 1 && !options.squash)
            announce(tree);
        const message = options.squash ? `squash: ${step.sha}` : revertMessage([step], options.audit);
        head = await commitTree(git, tree, head, message, options.committer);
        headTree = tree;
    }
    announce(headTree);
    if (options.squash && applied.length > 0) {
        head = await commitTree(git, headTree, base, revertMessage(applied, options.audit), options.committer);
    }
    return { head, tree: headTree, base, empty, changed: headTree !== baseTree };
}
async function revertTree(git, step, onto, options) {
    const theirs = await undoCommit(git, step, options.committer);
    const merged = await git.mergeTree(onto, theirs).catch(error => {
        if (!(error instanceof git_git/* GitError */.XS))
            throw error;
        throw new core/* UserError */.yo(`Reverting ${(0,core/* shortSha */.Fu)(step.sha)} ("${step.subject}") failed: ${error.stderr.trim()}`, 'refused');
    });
    if ('tree' in merged)
        return merged.tree;
    const files = merged.conflicts;
    throw new core/* UserError */.yo(`Reverting ${(0,core/* shortSha */.Fu)(step.sha)} ("${step.subject}") conflicts with later changes in: ${files.join(', ')}. ` +
        'Nothing was pushed and the work tree was left as it was. ' +
        `To put those paths back to how they were before that commit, restore them instead (${options.names.set({ restorePaths: files, restoreTo: `${(0,core/* shortSha */.Fu)(step.sha)}^` })}); ` +
        'this also drops later changes to those paths.', 'refused');
}
/** Builds the restored tree in a temporary index, never touching the real one. */
async function applyRestore(git, plan, base, options) {
    const tree = await git.withTemporaryIndex(async (index) => {
        await index.readTree(base);
        await index.restoreStaged(plan.source, plan.paths);
        return index.writeTree();
    });
    if (tree === (await git.treeOf(base)))
        return { head: base, tree, base, empty: [], changed: false };
    options.onTree?.(tree);
    const head = await commitTree(git, tree, base, restoreMessage(plan, options.audit), options.committer);
    return { head, tree, base, empty: [], changed: true };
}

;// CONCATENATED MODULE: ./src/rollback/guard.ts

/**
 * Runs the hazard engine on the rollback itself (from the target tip `base` to the rollback's
 * tree `tree`, forward direction: the rollback is the change being applied).
 */
async function guardRollback(git, base, tree) {
    const { analyzeObjects } = await loadHazards();
    const { findings } = await analyzeObjects(git, base, tree, { directions: ['forward'] });
    return { findings, blocking: findings.filter(blocksRollback) };
}
/** Critical hazards, and claims shrunk (the API server rejects it and Flux stays stuck), stop a rollback. */
function blocksRollback(finding) {
    return finding.severity === 'critical' || finding.rule === 'pvc-expand';
}
// Loaded on first use: the CLI and the action start without the YAML and rule code.
let hazards;
const loadHazards = () => (hazards ??= Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(85), __webpack_require__.e(818)]).then(__webpack_require__.bind(__webpack_require__, 9818)));
/** Starts loading the hazard rules early, so the guard does not wait for them later. */
function preloadGuard() {
    // A load failure surfaces when guardRollback awaits the same import.
    loadHazards().catch(() => undefined);
}
/** A rollback refused because it would destroy data; carries the findings for the report. */
class UnsafeRollbackError extends core/* UserError */.yo {
    findings;
    /** `allowUnsafe`: how the caller turns the guard off, `allow-unsafe: true` or `--allow-unsafe`. */
    constructor(findings, blocking, allowUnsafe) {
        super(`The rollback was refused: ${blocking.map(describe).join('; ')}. Nothing was pushed. ` +
            `Review the findings; to deliver it anyway, use ${allowUnsafe}.`, 'refused');
        this.findings = findings;
        this.name = 'UnsafeRollbackError';
    }
}
function describe(f) {
    return `${f.rule} on ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name} (${f.file}:${f.line})`;
}

;// CONCATENATED MODULE: ./src/rollback/history.ts


/**
 * How many commits of the target branch a shallow clone (the default of actions/checkout) fetches
 * first: a rollback of one of the last few commits needs no second fetch.
 */
const FIRST_DEPTH = 10;
/**
 * How far the history already fetched is deepened, step by step, when a check needs more of it,
 * before all history is fetched.
 */
const DEEPEN_BY = [25, 250, 2500];
/**
 * Fetches the target branch from `remote`. A shallow clone gets only the branch tip and a few
 * commits ({@link FIRST_DEPTH}); {@link TargetBranch.deepen} fetches more on demand: the
 * commits in `wanted` (full shas) by sha, then the branch back to their parents' date, then ever
 * more history, then all of it.
 */
async function fetchTargetBranch(git, remote, branch, log, hooks = {}, wanted = []) {
    const ref = `refs/remotes/${remote}/${branch}`;
    const refspec = `+refs/heads/${branch}:${ref}`;
    const shallow = await git.isShallow();
    const fetch = (depth) => git.fetch(remote, [refspec], { depth }).catch(error => {
        // A refused credential already says what to do about the token.
        if (!(error instanceof git_git/* GitError */.XS) || error instanceof git_git/* GitAuthError */.$L)
            throw error;
        const missing = /couldn't find remote ref/i.test(error.stderr);
        throw new core/* UserError */.yo(missing
            ? `Target branch '${branch}' does not exist on remote '${remote}'. Expected an existing branch such as the one Flux watches.`
            : `Could not fetch '${branch}' from '${remote}': ${error.stderr.trim()}`);
    });
    const fetching = fetch(shallow ? FIRST_DEPTH : undefined);
    hooks.whileFetching?.();
    await fetching;
    const [tip] = await Promise.all([git.resolveCommit(ref), hooks.afterFetch?.()]);
    const deepen = deepener({ git, remote, branch, refspec, log, wanted, fetch: depth => fetch(depth).then(() => true) });
    return { name: branch, ref: `${remote}/${branch}`, tip, deepen };
}
/**
 * Uses a local branch as it is, without fetching it (`deliver: none`). A shallow clone is still
 * deepened from `remote` when a check needs more history, as far as the remote has it.
 */
async function localTargetBranch(git, branch, remote, log, wanted = []) {
    const tip = await git.tryResolveCommit(`refs/heads/${branch}`);
    if (!tip)
        throw new core/* UserError */.yo(`Target branch '${branch}' does not exist in this repository. Expected a local branch name.`);
    const refspec = `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`;
    const deepen = remote && log
        ? deepener({ git, remote, branch, refspec, log, wanted, fetch: depth => git.tryFetch(remote, [refspec], { depth }) })
        : async () => false;
    return { name: branch, ref: branch, tip, deepen };
}
/** The steps of {@link TargetBranch.deepen}; each call takes the next (false once complete). */
function deepener(source) {
    const { git, branch, log } = source;
    let byDate = source.wanted.length > 0;
    let step = 0;
    return async function deepen() {
        if (!(await git.isShallow()))
            return false;
        if (byDate) {
            byDate = false;
            const since = await wantedSince(source);
            if (since !== undefined) {
                log.info(`Fetching the history of '${branch}' since ${new Date(since * 1000).toISOString()}, where the requested commits start.`);
                // A server that refuses (no commit that recent on the branch) leaves it to the steps below.
                if (await source.fetch({ since }).catch(() => false))
                    return true;
            }
        }
        const depth = step < DEEPEN_BY.length ? { deepen: DEEPEN_BY[step] } : 'unshallow';
        step++;
        log.info(depth === 'unshallow' ? `Fetching the full history of '${branch}'.` : `Fetching ${depth.deepen} more commits of '${branch}' history.`);
        if (!(await source.fetch(depth)))
            return false;
        return true;
    };
}
/**
 * The committer date of the oldest parent of the wanted commits, fetching those commits and their
 * parents by sha first when the clone lacks them (servers such as GitHub allow wants of commits
 * reachable from a ref). Undefined when they cannot be had that way.
 */
async function wantedSince(source) {
    const { git, remote, wanted } = source;
    const shallow = await git.shallowCommits();
    const present = await Promise.all(wanted.map(sha => git.tryResolveCommit(sha)));
    const missing = wanted.filter((sha, i) => !present[i] || shallow.has(sha));
    if (missing.length > 0 && !(await git.tryFetch(remote, missing, { depth: 2 })))
        return undefined;
    const known = (await Promise.all(wanted.map(sha => git.tryResolveCommit(sha)))).filter((sha) => Boolean(sha));
    if (known.length === 0)
        return undefined;
    // A commit at the edge of the clone shows no parents: its own date stands in for theirs.
    const parents = (await git.commitInfo(known)).flatMap(c => c.parents);
    const presentParents = (await Promise.all(parents.map(sha => git.tryResolveCommit(sha)))).filter((sha) => Boolean(sha));
    const dates = await git.commitDates([...new Set([...known, ...presentParents])]);
    return Math.min(...dates.values());
}
/**
 * Runs `attempt` until it succeeds, deepening the clone whenever it reports that history is
 * missing. An error marked `final` holds whatever more history is fetched and is thrown at once;
 * any other is thrown once the clone is complete.
 */
async function withHistory(target, attempt) {
    for (;;) {
        const result = await attempt();
        if (result.ok)
            return result.value;
        if (result.final || !(await target.deepen()))
            throw result.error;
    }
}

;// CONCATENATED MODULE: ./src/rollback/plan.ts



const fail = (message, kind = 'refused', final = false) => ({
    ok: false,
    error: new core/* UserError */.yo(message, kind),
    final
});
/** The history fetched so far stops at `edge`: the answer needs more of it. */
const needsHistory = (edge, what) => fail(`The fetched history of ${what} ends at commit ${edge}, whose parents are missing. Expected the full history to be fetchable.`);
/** git's revert line, at the start of a line: only a hint, the content decides (see isUndoneAt). */
const REVERT_LINE = new RegExp(`^This reverts commit (${core/* FULL_SHA_SOURCE */.Pw})[.,]`, 'gm');
/**
 * Resolves the request against the target branch: every revision must name a commit in the
 * branch's history. Shallow clones are deepened only as far as the request needs.
 */
function planRollback(git, target, request) {
    return request.mode === 'restore'
        ? withHistory(target, () => tryPlanRestore(git, target, request))
        : withHistory(target, () => tryPlanRevert(git, target, request));
}
async function tryPlanRevert(git, target, request) {
    const wanted = [];
    for (const expanded of await Promise.all(request.commits.map(spec => expandSpec(git, spec)))) {
        if (!expanded.ok)
            return expanded;
        wanted.push(...expanded.value);
    }
    const unique = [...new Set(wanted)];
    // The usual incident: one commit. Its throwaway undo commit is written while history is read.
    if (unique.length === 1)
        prepareUndo(git, unique[0], request.mainline ?? 1, request.committer);
    const boundary = await git.shallowCommits();
    const cut = unique.find(sha => boundary.has(sha));
    if (cut)
        return fail(`Commit ${cut} is at the edge of the fetched history; its parents are missing.`);
    const window = await branchWindow(git, target.tip, unique);
    // Every check below reads the commits from the tip back to the requested ones: membership,
    // earlier reverts. A window that reaches the edge of a shallow clone may lack some of them.
    const edge = window.commits.find(c => boundary.has(c.sha));
    const outside = unique.find(sha => !window.index.has(sha));
    if (edge)
        return needsHistory(edge.sha, `'${target.name}' from its tip to the requested commits`);
    if (outside) {
        const spec = request.commits.find(s => s.includes(outside.slice(0, 7))) ?? outside;
        // The walk from the tip ended without reaching the edge of the clone: more history cannot
        // put the commit on the branch.
        return fail(`Commit ${named(outside, spec)} is not in the history of target branch '${target.name}'. Expected a commit that is on '${target.name}'.`, 'refused', true);
    }
    // Messages only point at candidates; a candidate is skipped when its change is gone from the tip.
    const hinted = revertedCommits(window.commits);
    const ordered = unique.sort((a, b) => window.index.get(a) - window.index.get(b));
    const baseTree = window.commits[0]?.sha === target.tip ? window.commits[0].tree : (await git.commitInfo([target.tip]))[0].tree;
    // The mainline is checked against every requested commit, so a wrong one is refused even when
    // the commits it names turn out to be reverted already.
    const requested = applyMainline(ordered.map(sha => {
        const info = window.commits[window.index.get(sha)];
        return { sha, subject: info.subject, parents: info.parents };
    }), request.mainline, request.names.name('mainline'));
    const steps = [];
    const skipped = [];
    for (const step of requested) {
        if (hinted.has(step.sha) && (await isUndoneAt(git, step, target.tip, baseTree, request.committer)))
            skipped.push({ sha: step.sha, subject: step.subject });
        else
            steps.push(step);
    }
    return { ok: true, value: { kind: 'revert', steps, skipped, baseTree } };
}
/**
 * Resolves the full shas among the request's commits now (alongside reading the branch tip), so
 * that planning finds them already known to `git`. Anything unresolved is left to the plan.
 */
async function resolveAhead(git, request) {
    const shas = request.mode === 'revert' ? request.commits.flatMap(spec => spec.split('..')).filter(part => core/* FULL_SHA */.RG.test(part)) : [];
    await Promise.all(shas.slice(0, 8).map(sha => git.tryResolveCommit(sha)));
}
/** Resolves one revision or `A..B` range to the commits it names, newest first. */
async function expandSpec(git, spec) {
    const parts = spec.split('..');
    const shas = [];
    for (const part of parts) {
        const sha = await git.tryResolveCommit(part);
        if (!sha)
            return fail(`Unknown revision '${part}'${parts.length > 1 ? ` in range '${spec}'` : ''}. Expected a commit sha, branch, tag or expression such as 'abc1234^' that names a commit.`, 'invalid');
        shas.push(sha);
    }
    if (shas.length === 1)
        return { ok: true, value: shas };
    const [from, to] = shas;
    if (!(await git.isAncestor(from, to))) {
        return fail(`Range '${spec}': ${parts[0]} is not an ancestor of ${parts[1]}. Expected A..B where A is older than B on the same history.`);
    }
    const [inRange, boundary] = await Promise.all([git.revList(['--topo-order', to, '--not', from]), git.shallowCommits()]);
    const edge = inRange.find(sha => boundary.has(sha));
    if (edge)
        return needsHistory(edge, `range '${spec}'`);
    if (inRange.length === 0)
        return fail(`Range '${spec}' selects no commits. Expected A..B to name the commits after A up to B.`);
    return { ok: true, value: inRange };
}
/**
 * The target branch's commits from the oldest wanted commit to the tip, newest first. One `git
 * log` gives membership, order and the messages used to find earlier reverts.
 */
async function branchWindow(git, tip, wanted) {
    const commits = await git.log([tip, ...(await windowStart(git, tip, wanted))], { extra: ['--topo-order'] });
    return { commits, index: new Map(commits.map((c, i) => [c.sha, i])) };
}
/** Exclusions that start the window at the oldest wanted commit. */
async function windowStart(git, tip, wanted) {
    // One commit, the usual rollback: everything after its parents.
    if (wanted.length === 1)
        return [`^${wanted[0]}^@`];
    const base = await git.tryMergeBase([tip, ...wanted], { octopus: true });
    // Without a merge base, read all fetched history.
    const [oldest] = base ? await git.commitInfo([base]) : [];
    return oldest ? oldest.parents.map(p => `^${p}`) : [];
}
/**
 * Commits that messages say stay reverted on the branch: named by a later `This reverts commit
 * <sha>.` line whose own commit is not itself reverted (a revert of a revert brings the change
 * back). Anyone can write such a line, so this only finds candidates for a content check.
 */
function revertedCommits(newestFirst) {
    const revertsOf = new Map();
    for (const c of newestFirst) {
        const targets = [...c.body.matchAll(REVERT_LINE)].map(m => m[1]);
        if (targets.length)
            revertsOf.set(c.sha, targets);
    }
    const revertedBy = new Map();
    for (const [revert, targets] of revertsOf) {
        for (const t of targets)
            revertedBy.set(t, [...(revertedBy.get(t) ?? []), revert]);
    }
    const memo = new Map();
    const isReverted = (sha, depth = 0) => {
        if (memo.has(sha))
            return memo.get(sha);
        // Revert chains are short in practice; the bound guards against forged cycles.
        const result = depth < 100 && (revertedBy.get(sha) ?? []).some(r => !isReverted(r, depth + 1));
        memo.set(sha, result);
        return result;
    };
    return new Set(newestFirst.map(c => c.sha).filter(sha => isReverted(sha)));
}
/** `option`: how the caller names the mainline setting, for messages. */
function applyMainline(steps, mainline, option) {
    const merges = steps.filter(s => s.parents.length > 1);
    if (mainline !== undefined && steps.length > 0 && merges.length === 0) {
        const names = steps.map(s => (0,core/* shortSha */.Fu)(s.sha)).join(', ');
        throw new core/* UserError */.yo(`${option} ${mainline} was given but ${names} ${steps.length > 1 ? 'are not merge commits' : 'is not a merge commit'}. Expected ${option} only when reverting a merge commit.`);
    }
    return steps.map(step => {
        if (step.parents.length < 2)
            return step;
        const m = mainline ?? 1;
        if (m > step.parents.length) {
            throw new core/* UserError */.yo(`${option} ${m} is out of range for merge commit ${step.sha}: it has ${step.parents.length} parents. Expected a number from 1 to ${step.parents.length}.`);
        }
        return { ...step, mainline: m };
    });
}
async function tryPlanRestore(git, target, request) {
    const spec = request.restoreTo;
    const source = await git.tryResolveCommit(spec);
    const option = request.names.name('restoreTo');
    if (!source)
        return fail(`Unknown revision '${spec}' in ${option}. Expected a commit sha, branch, tag or expression such as 'abc1234^'.`, 'invalid');
    if (!(await git.isAncestor(source, target.tip))) {
        return fail(`${option} ${named(source, spec, true)} is not in the history of target branch '${target.name}'. Expected a known-good commit on '${target.name}'.`);
    }
    for (const path of request.restorePaths) {
        if (!(await pathExists(git, source, path)) && !(await pathExists(git, target.tip, path))) {
            throw new core/* UserError */.yo(`Path '${path}' exists neither at ${option} '${spec}' nor at the tip of '${target.name}'. Expected a path in the repository.`);
        }
    }
    // The commits undone are listed from the history between: all of it must be there.
    const boundary = await git.shallowCommits();
    if (boundary.size > 0) {
        const edge = (await git.revList([target.tip, '--not', source])).find(sha => boundary.has(sha));
        if (edge)
            return needsHistory(edge, `'${target.name}' from its tip back to ${option} '${spec}'`);
    }
    const touched = await git.log([target.tip, `^${source}`], { extra: ['--topo-order'], paths: request.restorePaths });
    return {
        ok: true,
        value: {
            kind: 'restore',
            paths: request.restorePaths,
            source,
            undone: touched.map(c => ({ sha: c.sha, subject: c.subject }))
        }
    };
}
async function pathExists(git, commit, path) {
    return path === '.' || git.pathExists(commit, path);
}
/** A commit as the user named it: its sha, with their revision beside it when that was not the sha. */
function named(sha, spec, specFirst = false) {
    if (spec.toLowerCase() === sha)
        return sha;
    return specFirst ? `'${spec}' (${sha})` : `${sha} ('${spec}')`;
}

;// CONCATENATED MODULE: ./src/rollback/push.ts

/** GitHub's words when branch protection (GH006) or a ruleset (GH013) refuses a push. */
const PROTECTED = /GH006|GH013|protected branch|repository rule violations/i;
const STALE = /\[rejected\].*\((fetch first|non-fast-forward|stale info)\)/;
/** git's words when another push holds the ref's lock on the remote at the same moment. */
const LOCKED = /cannot lock ref|failed to lock/i;
/**
 * Pushes `source` to `ref` on `remote`, never forcing. `lease` guards a branch this tool owns:
 * its expected current sha, or '' when it must not exist yet.
 */
async function pushRef(git, remote, source, ref, lease) {
    const r = await git.push(remote, source, ref, { lease });
    if (r.pushed)
        return { status: 'pushed' };
    const output = `${r.stdout}\n${r.stderr}`;
    const remoteLines = r.stderr
        .split('\n')
        .filter(l => l.startsWith('remote:'))
        .map(l => l.replace(/^remote:\s?/, '').trim())
        .filter(Boolean)
        .join(' ');
    if (PROTECTED.test(output))
        return { status: 'protected', detail: remoteLines || r.stderr.trim() };
    if (STALE.test(output))
        return { status: 'stale', detail: r.stdout.trim() };
    if (LOCKED.test(output)) {
        const branch = ref.replace(/^refs\/heads\//, '');
        throw new core/* UserError */.yo(`Could not update '${branch}' on '${remote}': another push holds it right now (git: cannot lock ref), so another rollback for this incident is running. ` +
            'Nothing was pushed by this run. Wait for the other run to finish, then run again if it did not deliver the rollback.', 'refused');
    }
    throw new core/* UserError */.yo(`The push of ${ref} to '${remote}' was refused: ${remoteLines || r.stderr.trim() || r.stdout.trim()}`, 'refused');
}

;// CONCATENATED MODULE: ./src/rollback/signed.ts

const MODES = new Set(['100644', '100755', '120000', '160000']);
/**
 * Recreates the local commits `base..head` (a chain of single-parent commits, oldest first) on
 * the remote through `port`: the blobs the remote may lack, each tree as the parent's tree with
 * the changed entries, and each commit with the same message. Every tree the remote made must be
 * the local commit's tree, else nothing is kept: the remote's objects stay unreferenced and no
 * ref moves. `known` are commits the remote has (the target tip, the reverted commits and their
 * parents): blobs found at the changed paths in their trees are not uploaded again.
 */
async function replayCommits(git, port, base, head, known, log) {
    const locals = await git.revList(['--reverse', '--first-parent', head, `^${base}`, '--']);
    const changes = await Promise.all(locals.map((sha, i) => git.treeChanges(i === 0 ? base : locals[i - 1], sha)));
    const paths = [...new Set(changes.flat().map(c => c.path))];
    const onRemote = await git.objectsAt(known, paths);
    const uploaded = new Map();
    const upload = (sha) => {
        let done = uploaded.get(sha);
        if (!done) {
            done = git.readBlob(sha).then(content => port.createBlob(content));
            uploaded.set(sha, done);
        }
        return done;
    };
    const replayed = [];
    let parent = base;
    let parentTree = await git.treeOf(base);
    for (const [i, local] of locals.entries()) {
        // Deletions first: a folder that becomes a file (or the reverse) is removed before it is replaced.
        const ordered = [...changes[i].filter(c => !c.newMode), ...changes[i].filter(c => c.newMode)];
        const entries = await Promise.all(ordered.map(c => remoteEntry(c, onRemote, upload)));
        const localTree = await git.treeOf(local);
        const tree = await port.createTree(parentTree, entries);
        if (tree !== localTree) {
            throw new core/* UserError */.yo(`The remote made tree ${tree} of rollback commit ${(0,core/* shortSha */.Fu)(local)}, whose tree is ${localTree}. ` +
                'Nothing was delivered: no branch was changed. Run again without sign-commits to deliver the rollback with git.', 'refused');
        }
        const commit = await port.createCommit({ message: await git.commitMessage(local), tree, parents: [parent] });
        if (commit.tree !== localTree) {
            throw new core/* UserError */.yo(`The remote made commit ${commit.sha} with tree ${commit.tree}, not the rollback's tree ${localTree}. Nothing was delivered: no branch was changed.`, 'refused');
        }
        log.info(`Commit ${(0,core/* shortSha */.Fu)(local)} made on the remote as ${commit.sha}${commit.verified ? ' (signed)' : ''}.`);
        replayed.push({ local, remote: commit.sha, verified: commit.verified, reason: commit.reason });
        parent = commit.sha;
        parentTree = tree;
    }
    return replayed;
}
/** The tree entry for one change: the object uploaded first when the remote may not have it. */
async function remoteEntry(change, onRemote, upload) {
    const { path, newMode, newOid } = change;
    if (!newMode || !newOid) {
        // A deletion: the mode and type of what is removed.
        const mode = checkedMode(change.oldMode, path);
        return { path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null };
    }
    const mode = checkedMode(newMode, path);
    // A submodule entry names a commit of another repository: nothing to upload.
    if (mode === '160000')
        return { path, mode, type: 'commit', sha: newOid };
    if (!onRemote.has(newOid)) {
        const sha = await upload(newOid);
        if (sha !== newOid) {
            throw new core/* UserError */.yo(`The remote stored the contents of '${(0,core/* printable */.g$)(path)}' as blob ${sha}, not ${newOid}. Nothing was delivered: no branch was changed.`, 'refused');
        }
    }
    return { path, mode, type: 'blob', sha: newOid };
}
function checkedMode(mode, path) {
    if (mode && MODES.has(mode))
        return mode;
    throw new core/* UserError */.yo(`'${(0,core/* printable */.g$)(path)}' has git mode ${(0,core/* printable */.g$)(mode ?? 'none')}, which a commit made through the API cannot hold. Nothing was delivered.`, 'refused');
}

;// CONCATENATED MODULE: ./src/rollback/run.ts











/** Hazards logged one by one as warnings; GitHub shows 10 warning annotations per step. */
const WARNINGS_SHOWN = 8;
/** How often a push to a branch that moved meanwhile is redone on the new tip. */
const PUSH_ATTEMPTS = 3;
/**
 * Runs a validated rollback: plan it against the target branch, write the commits, and deliver
 * them. The commits are made as objects only (the work tree and index are never touched, except
 * to fast-forward a checked-out branch with `deliver: none`), so nothing half-done can be pushed.
 */
async function runRollback(request, deps) {
    const { git, log } = deps;
    const { names } = request;
    const targetName = request.targetBranch;
    if (!targetName)
        throw new core/* UserError */.yo(`No target branch. Expected ${names.name('targetBranch')}, or a checked-out branch to roll back.`);
    if (request.deliver === 'pull-request' && !deps.pullRequests && !request.dryRun) {
        throw new core/* UserError */.yo(`Pull-request delivery needs access to the GitHub API (a token and a repository). Expected ${names.set({ deliver: 'push' })} or ${names.set({ deliver: 'none' })} otherwise.`);
    }
    if (request.signCommits && !deps.gitData && !request.dryRun) {
        throw new core/* UserError */.yo(`${names.name('signCommits')} makes the commits through the GitHub API: it needs a token and a repository. Expected them, or no ${names.name('signCommits')}.`);
    }
    let clean;
    let target = await openTarget(git, request, log, {
        // While git fetches: check the work tree, and load the hazard rules the guard needs later.
        whileFetching() {
            clean = assertClean(git);
            clean.catch(() => undefined); // awaited below, once the fetch has succeeded
            preloadGuard();
        },
        afterFetch: () => resolveAhead(git, request)
    });
    await clean;
    for (let attempt = 1;; attempt++) {
        const outcome = await rollOnce(request, deps, target);
        if (outcome.kind === 'done')
            return outcome.result;
        if (attempt >= PUSH_ATTEMPTS) {
            throw new core/* UserError */.yo(`'${target.name}' kept moving while the rollback was pushed (${attempt} attempts). Nothing was pushed; run it again.`, 'refused');
        }
        log.info(`'${target.name}' moved while the rollback was being pushed; redoing it on the new tip (attempt ${attempt + 1}).`);
        target = await fetchTargetBranch(git, request.remote, target.name, log, {}, wantedShas(request));
    }
}
async function rollOnce(request, deps, target) {
    const { git, log } = deps;
    const plan = await log.group(`Planning the rollback on '${target.name}' at ${(0,core/* shortSha */.Fu)(target.tip)}`, () => planRollback(git, target, request));
    const result = emptyResult(target, plan);
    if (plan.kind === 'revert') {
        for (const s of plan.skipped)
            log.notice(`Skipping ${(0,core/* shortSha */.Fu)(s.sha)} ("${s.subject}"): it is already reverted on '${target.name}'.`);
        if (plan.steps.length === 0) {
            log.notice('Nothing to roll back: every requested commit is already reverted.');
            return { kind: 'done', result: await withStaleBranch(request, deps, target, result, plan.skipped[0]?.sha) };
        }
    }
    // The guard checks the rollback's tree while its commit is written.
    let guarding;
    const startGuard = (tree) => {
        guarding = log.group('Checking the rollback for hazards', () => guardRollback(git, target.tip, tree));
        guarding.catch(() => undefined); // awaited below unless the rollback turns out empty
        return guarding;
    };
    const applied = await applyPlan(git, plan, target.tip, {
        audit: request.audit,
        squash: request.squash,
        committer: request.committer,
        names: request.names,
        onTree: startGuard
    });
    for (const e of applied.empty)
        log.notice(`Reverting ${(0,core/* shortSha */.Fu)(e.sha)} ("${e.subject}") changes nothing: its changes are already undone.`);
    result.revertedCommits = reverted(plan, applied);
    if (!applied.changed) {
        log.notice(`The rollback changes nothing on '${target.name}'; nothing to deliver.`);
        const newest = plan.kind === 'revert' ? plan.steps[0]?.sha : undefined;
        return { kind: 'done', result: await withStaleBranch(request, deps, target, { ...result, revertedCommits: [] }, newest) };
    }
    result.commitSha = applied.head;
    const guard = await (guarding ?? startGuard(applied.tree));
    result.findings = guard.findings;
    // A runner shows 10 warnings per step: the most severe are logged as warnings, the rest counted.
    for (const f of guard.findings.slice(0, WARNINGS_SHOWN))
        log.warning(`${f.severity} ${f.rule}: ${f.kind} ${f.name} (${f.file}:${f.line}): ${f.message}`);
    if (guard.findings.length > WARNINGS_SHOWN)
        log.info(`${guard.findings.length - WARNINGS_SHOWN} more hazards of this rollback are not logged one by one: the report lists them.`);
    const allowUnsafe = request.names.set({ allowUnsafe: true });
    if (guard.blocking.length > 0 && request.allowUnsafe)
        log.warning(`Delivering a rollback with critical hazards because of ${allowUnsafe}.`);
    if (request.dryRun) {
        if (guard.blocking.length > 0 && !request.allowUnsafe)
            log.warning(`This rollback would be refused for the hazards above without ${allowUnsafe}.`);
        return { kind: 'done', result: { ...result, diffStat: await git.diffStat(target.tip, applied.head), operation: 'dry-run' } };
    }
    if (guard.blocking.length > 0 && !request.allowUnsafe) {
        throw new UnsafeRollbackError(guard.findings, guard.blocking, allowUnsafe);
    }
    return deliver(request, deps, target, plan, result);
}
/** Delivers the rollback; its diff stat, for reports, is computed meanwhile, not before. */
async function deliver(request, deps, target, plan, result) {
    const { git, log } = deps;
    if (request.deliver === 'none') {
        await advanceLocalBranch(git, target.name, result.commitSha, target.tip);
        return { kind: 'done', result: { ...result, diffStat: await git.diffStat(target.tip, result.commitSha), operation: 'committed' } };
    }
    const signed = request.signCommits ? signedCommits(deps, target, plan, result.commitSha) : undefined;
    if (request.deliver === 'push') {
        const [pushed, stat] = await log.group(`${signed ? 'Updating' : 'Pushing to'} '${target.name}'`, () => {
            const pushing = signed
                ? updateTargetSigned(deps, request.remote, target.name, signed)
                : pushRef(git, request.remote, result.commitSha, `refs/heads/${target.name}`).then(outcome => ({
                    outcome,
                    head: result.commitSha
                }));
            return Promise.all([pushing, git.diffStat(target.tip, result.commitSha)]);
        });
        result.diffStat = stat;
        if (pushed.outcome.status === 'pushed') {
            deps.onPushed?.({ branch: target.name, commitSha: pushed.head });
            return { kind: 'done', result: { ...result, commitSha: pushed.head, operation: 'pushed' } };
        }
        if (pushed.outcome.status === 'stale')
            return { kind: 'stale' };
        if (!request.fallbackToPullRequest || !deps.pullRequests) {
            const { names } = request;
            const instead = !request.fallbackToPullRequest
                ? `Use ${names.set({ deliver: 'pull-request' })}, or let a refused push open a pull request (${names.set({ fallbackToPullRequest: true })}).`
                : `Use ${names.set({ deliver: 'pull-request' })}; a pull request could not be opened instead without access to the GitHub API (a token and a repository).`;
            throw new core/* UserError */.yo(`'${target.name}' is protected and refused the ${signed ? 'update' : 'push'}: ${pushed.outcome.detail.replace(/\.+$/, '')}. Nothing was pushed. ${instead}`, 'refused');
        }
        log.warning(`'${target.name}' is protected and refused the ${signed ? 'update' : 'push'} (${pushed.outcome.detail}); opening a pull request instead.`);
        const viaPr = await deliverByPullRequest(request, deps, target, plan, result, signed);
        return { kind: 'done', result: { ...viaPr, fellBackToPullRequest: true } };
    }
    return { kind: 'done', result: await deliverByPullRequest(request, deps, target, plan, result, signed) };
}
/** Pushes the rollback to its own branch and opens (or updates) the pull request for it. */
async function deliverByPullRequest(request, deps, target, plan, result, signed) {
    const { git, log } = deps;
    const branch = request.branch ??
        (0,validate/* validateBranch */.Xe)(defaultBranchName(request, result.revertedCommits[0]?.sha, result.restoredTo), 'branch derived from the incident');
    if (branch === target.name)
        throw new core/* UserError */.yo(`The pull-request branch '${branch}' is the target branch. Expected a separate branch.`);
    const [head, stat] = await Promise.all([
        log.group(`${signed ? 'Updating' : 'Pushing'} branch '${branch}'`, () => pushRollbackBranch(deps, request, branch, result, target.tip, signed)),
        result.diffStat || git.diffStat(target.tip, result.commitSha)
    ]);
    result.diffStat = stat;
    deps.onPushed?.({ branch, commitSha: head });
    const { pullRequest: options } = request;
    const title = options.title ?? rollbackTitle(result.revertedCommits, request.audit, plan.kind === 'restore' ? plan : undefined);
    const generated = pullRequestBody({ ...result, commitSha: head, branch }, request.audit, deps.pullRequests?.commitUrl?.bind(deps.pullRequests));
    const body = options.body ? `${options.body}\n\n${generated}` : generated;
    let pr;
    try {
        pr = await deps.pullRequests.openOrUpdate({ ...options, head: branch, base: target.name, title, body });
    }
    catch (error) {
        // The branch is on the remote: the result says so, and how to finish, rather than an error that hides it.
        const why = error instanceof Error ? error.message : String(error);
        const howToFinish = finishByHand(branch, target.name, deps.pullRequests?.compareUrl?.(target.name, branch));
        return { ...result, commitSha: head, branch, operation: 'branch-pushed', pullRequestFailure: { why, howToFinish } };
    }
    log.info(`Pull request #${pr.number} ${pr.operation}: ${pr.url}`);
    return { ...result, commitSha: head, branch, operation: pr.operation, pullRequest: { number: pr.number, url: pr.url } };
}
/** How to finish a rollback whose branch was pushed without its pull request. */
function finishByHand(branch, base, compareUrl) {
    const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = `gh pr create --head ${quote(branch)} --base ${quote(base)} --fill`;
    return `To finish, run the rollback again (it keeps the pushed branch and opens the pull request), or open it by hand${compareUrl ? ` at ${compareUrl}` : ''} or with: ${command}`;
}
/**
 * Puts the rollback on `branch`. An identical rollback already there (same tree, made on the
 * same target tip) is kept as it is, so running the same rollback twice changes nothing. A branch
 * that holds commits this tool did not make (someone pushed a fix for review) is never reset.
 */
async function pushRollbackBranch(deps, request, branch, result, tip, signed) {
    const { git } = deps;
    const { remote } = request;
    const ref = `refs/heads/${branch}`;
    const existing = await git.lsRemote(remote, ref);
    if (existing && (await sameRollback(git, remote, ref, existing, result.commitSha, tip)))
        return existing;
    if (existing && (await git.tryResolveCommit(existing))) {
        const foreign = await firstForeignCommit(git, request, existing, tip);
        if (foreign) {
            throw new core/* UserError */.yo(`The rollback branch '${branch}' on '${remote}' was changed by someone else: it holds commit ${foreign}, which this rollback did not make. ` +
                'It was left as it is and nothing was pushed. Finish the review on that branch, or delete the branch (or choose another branch name) and run the rollback again.', 'refused');
        }
    }
    if (signed)
        return updateRollbackBranchSigned(deps, remote, branch, existing, signed);
    const pushed = await pushRef(git, remote, result.commitSha, ref, existing ?? '');
    if (pushed.status !== 'pushed') {
        throw new core/* UserError */.yo(`Could not push the rollback branch '${branch}': ${pushed.detail}. Nothing was delivered.`, 'refused');
    }
    return result.commitSha;
}
/**
 * The newest commit on the existing rollback branch, beyond the target tip, that this tool did
 * not make: committed by another identity, or without this incident's trailer (as git parses it).
 */
async function firstForeignCommit(git, request, existing, tip) {
    const onBranch = await git.revList(['--max-count=200', existing, '--not', tip, '--']);
    const found = await git.commitTrailers(onBranch);
    const us = new Set([`${request.committer.name} <${request.committer.email}>`]);
    // Commits the host made through its API carry its own committer identity.
    if (request.signCommits)
        us.add(API_COMMITTER);
    const incident = request.audit.incident;
    return onBranch.find(sha => {
        const c = found.get(sha);
        return !c || !us.has(c.committer) || (incident !== undefined && !(c.trailers.get('incident') ?? []).includes(incident));
    });
}
async function sameRollback(git, remote, ref, existing, head, tip) {
    // The rollback commits and the tip they were made on: a few commits.
    const depth = (await git.isShallow()) ? EXISTING_BRANCH_DEPTH : undefined;
    await git.tryFetch(remote, [`+${ref}:refs/rollback/existing`], { depth });
    if (!(await git.tryResolveCommit(existing)))
        return false;
    return (await git.sameContent(existing, head)) && (await git.isAncestor(tip, existing));
}
/**
 * With delete-branch, when a run finds nothing left to roll back: the rollback branch an earlier
 * run pushed (named as that run named it, from `newest`, the newest requested commit) is stale.
 * Its open pull request is closed with a comment and the branch deleted, only while the branch
 * holds nothing but this tool's rollback commits on top of the target's history, and only as it
 * was checked (the deletion is leased on its sha). Anything else keeps the branch and says why;
 * failures are warnings: there was nothing to roll back either way.
 */
async function withStaleBranch(request, deps, target, result, newest) {
    if (!request.pullRequest.deleteBranch || request.deliver === 'none' || request.dryRun)
        return result;
    const branch = request.branch ?? (newest || result.restoredTo ? defaultBranchName(request, newest, result.restoredTo) : undefined);
    if (!branch || branch === target.name)
        return result;
    const staleBranch = await closeStaleBranch(request, deps, target, branch);
    return staleBranch ? { ...result, staleBranch } : result;
}
async function closeStaleBranch(request, deps, target, branch) {
    const { git, log } = deps;
    const { remote } = request;
    const ref = `refs/heads/${branch}`;
    const existing = await git.lsRemote(remote, ref);
    if (!existing)
        return undefined;
    const keep = (why, closedPullRequest) => {
        log.warning(`Kept the rollback branch '${branch}': ${why}.`);
        return { branch, deleted: false, why, closedPullRequest };
    };
    const depth = (await git.isShallow()) ? EXISTING_BRANCH_DEPTH : undefined;
    await git.tryFetch(remote, [`+${ref}:refs/rollback/existing`], { depth });
    if (!(await git.tryResolveCommit(existing)))
        return keep(`its commit ${existing} could not be fetched to check who made it`);
    const foreign = await firstForeignCommit(git, request, existing, target.tip);
    if (foreign)
        return keep(`it holds commit ${foreign}, which this tool did not make`);
    let closedPullRequest;
    if (deps.pullRequests?.closePullRequest) {
        const comment = `Nothing is left to roll back on \`${target.name}\`: what this pull request reverts is already reverted there. ` +
            `Closed, and its branch \`${branch}\` deleted, by a re-run of the rollback with ${request.names.set({ deleteBranch: true })}.`;
        try {
            closedPullRequest = await deps.pullRequests.closePullRequest({ head: branch, base: target.name, comment });
        }
        catch (error) {
            return keep(`its pull request could not be closed: ${error.message}`);
        }
        if (closedPullRequest)
            log.info(`Closed the stale rollback pull request #${closedPullRequest.number}: ${closedPullRequest.url}`);
    }
    try {
        const deleted = await pushRef(git, remote, '', ref, existing);
        if (deleted.status !== 'pushed')
            return keep(`${remote} refused to delete it: ${deleted.detail}`, closedPullRequest);
    }
    catch (error) {
        return keep(error.message, closedPullRequest);
    }
    log.notice(`Deleted the stale rollback branch '${branch}': nothing was left to roll back.`);
    return { branch, deleted: true, closedPullRequest };
}
/**
 * The pull-request branch: `rollback/<incident>` as a slug. A slug that lost characters (`INC 42/db`
 * and `inc-42-db` would meet) ends in a short hash of the incident, so two incidents never share a
 * branch; a component git refuses (`x.lock`) is avoided.
 */
function defaultBranchName(request, newest, restoredTo) {
    const incident = request.audit.incident ?? '';
    const slug = incident
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/\.\.+/g, '.')
        .replace(/\.lock$/, '-lock')
        .slice(0, 60)
        .replace(/^[-.]+|[-.]+$/g, '');
    if (slug)
        return slug === incident.toLowerCase()
            ? `rollback/${slug}`
            : `rollback/${slug}-${(0,external_node_crypto_.createHash)('sha256').update(incident).digest('hex').slice(0, 8)}`;
    if (restoredTo)
        return `rollback/restore-${(0,core/* shortSha */.Fu)(restoredTo)}`;
    return `rollback/revert-${(0,core/* shortSha */.Fu)(newest)}`;
}
/** How deep an existing rollback branch is fetched in a shallow clone, to compare it with a new rollback. */
const EXISTING_BRANCH_DEPTH = 50;
/**
 * The full shas the request names (commits, range ends, restore-to): a shallow clone fetches
 * them by sha, and the target branch back to their date, when its first fetch did not reach them.
 */
function wantedShas(request) {
    const revisions = request.mode === 'revert' ? request.commits.flatMap(spec => spec.split('..')) : [request.restoreTo ?? ''];
    return [...new Set(revisions.filter(r => core/* FULL_SHA */.RG.test(r)).map(r => r.toLowerCase()))].slice(0, 50);
}
async function openTarget(git, request, log, hooks) {
    if (request.deliver === 'none') {
        hooks.whileFetching();
        // The local branch as it is; a shallow clone still fetches the history the checks need.
        return localTargetBranch(git, request.targetBranch, request.remote, log, wantedShas(request));
    }
    return log.group(`Fetching '${request.targetBranch}' from '${request.remote}'`, () => fetchTargetBranch(git, request.remote, request.targetBranch, log, hooks, wantedShas(request)));
}
function emptyResult(target, plan) {
    return {
        operation: 'none',
        targetBranch: target.name,
        base: target.tip,
        revertedCommits: [],
        skipped: plan.kind === 'revert' ? plan.skipped : [],
        restoredTo: plan.kind === 'restore' ? plan.source : undefined,
        restoredPaths: plan.kind === 'restore' ? plan.paths : undefined,
        diffStat: '',
        findings: [],
        fellBackToPullRequest: false
    };
}
function reverted(plan, applied) {
    if (plan.kind === 'restore')
        return plan.undone;
    const empty = new Set(applied.empty.map(e => e.sha));
    return plan.steps.filter(s => !empty.has(s.sha)).map(s => ({ sha: s.sha, subject: s.subject }));
}
async function assertClean(git) {
    const dirty = await git.uncommittedFiles();
    if (dirty.length > 0) {
        const files = dirty.slice(0, 10);
        throw new core/* UserError */.yo(`The work tree has uncommitted changes (${files.join(', ')}). Expected a clean checkout: commit or stash them first.`);
    }
}
/** Moves the local branch to the rollback; a checked-out branch is fast-forwarded with its files. */
async function advanceLocalBranch(git, branch, head, tip) {
    if ((await git.currentBranch()) === branch)
        await git.mergeFfOnly(head);
    else
        await git.updateRef(`refs/heads/${branch}`, head, tip);
}
/** The committer GitHub writes into the commits it makes, and signs, for API calls. */
const API_COMMITTER = 'GitHub <noreply@github.com>';
function signedCommits(deps, target, plan, localHead) {
    let made;
    const make = async () => {
        const { git, log } = deps;
        const replayed = await log.group('Making the rollback commits through the GitHub API', async () => replayCommits(git, deps.gitData, target.tip, localHead, await commitsOnRemote(git, target, plan), log));
        const unsigned = replayed.filter(r => !r.verified);
        if (unsigned.length > 0) {
            log.warning(`GitHub did not sign ${unsigned.map(r => (0,core/* shortSha */.Fu)(r.remote)).join(', ')} (${unsigned[0].reason ?? 'no reason given'}). ` +
                'GitHub signs commits made through its API with GITHUB_TOKEN or a GitHub App token; a personal access token gets unsigned commits, which a branch that requires signed commits refuses.');
        }
        return replayed[replayed.length - 1].remote;
    };
    return { head: () => (made ??= make()) };
}
/**
 * Commits the remote certainly has, whose files need no upload: the target tip, and the reverted
 * commits with their parents (all in the target's history), or the restored revision when it is.
 */
async function commitsOnRemote(git, target, plan) {
    if (plan.kind === 'revert')
        return [...new Set([target.tip, ...plan.steps.flatMap(s => [s.sha, ...s.parents])])];
    return (await git.isAncestor(plan.source, target.tip)) ? [target.tip, plan.source] : [target.tip];
}
/**
 * Moves the target branch to the signed commits, never forcing: GitHub refuses an update that is
 * not a fast-forward (the branch moved), and the ref update is the last step, so a refusal or a
 * failure leaves the branch as it was.
 */
async function updateTargetSigned(deps, remote, branch, signed) {
    const head = await signed.head();
    const update = await deps.gitData.updateBranch(branch, head);
    if (update.status !== 'updated')
        return { outcome: update, head };
    await fetchDelivered(deps, remote, branch, head);
    return { outcome: { status: 'pushed' }, head };
}
/**
 * Points the rollback branch at the signed commits: creates it, or moves the one this tool made
 * (checked by the caller) while it is still where it was read.
 */
async function updateRollbackBranchSigned(deps, remote, branch, existing, signed) {
    const api = deps.gitData;
    const head = await signed.head();
    const refused = (why) => new core/* UserError */.yo(`Could not update the rollback branch '${branch}': ${why}. Nothing was delivered.`, 'refused');
    if (!existing) {
        const created = await api.createBranch(branch, head);
        if (created.status === 'exists')
            throw refused('another run created it meanwhile; run again to update it');
        if (created.status !== 'updated')
            throw refused(created.detail);
    }
    else {
        // The API has no compare-and-swap for refs: read the branch again just before moving it.
        const now = await api.branchSha(branch);
        if (now !== existing)
            throw refused(`it moved meanwhile (to ${now ?? 'nothing'}); run again`);
        const moved = await api.updateBranch(branch, head, { force: true });
        if (moved.status !== 'updated')
            throw refused(moved.detail);
    }
    await fetchDelivered(deps, remote, branch, head);
    return head;
}
/**
 * Fetches a branch the API moved, so the checkout has the signed commits (and its remote-tracking
 * branch agrees) for what runs after the rollback. The branch is delivered either way.
 */
async function fetchDelivered(deps, remote, branch, head) {
    const { git, log } = deps;
    const fetched = await git.tryFetch(remote, [`+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]).catch(() => false);
    if (!fetched || !(await git.tryResolveCommit(head))) {
        log.warning(`'${branch}' now points at ${head}, but it could not be fetched into this checkout.`);
    }
}

;// CONCATENATED MODULE: ./src/cli/flag-names.ts
/** Each setting as the command line takes it: a flag, or the command's arguments. */
const FLAGS = {
    commits: '<rev>',
    restorePaths: '<path>',
    restoreTo: '--to',
    mainline: '--mainline',
    targetBranch: '--target-branch',
    branch: '--branch',
    deliver: '--deliver',
    allowUnsafe: '--allow-unsafe',
    fallbackToPullRequest: '--no-fallback',
    signCommits: '--sign-commits',
    committer: '--committer',
    incident: '--incident',
    reason: '--reason',
    actor: '--actor',
    title: '--title',
    labels: '--label',
    reviewers: '--reviewer',
    teamReviewers: '--team-reviewer',
    remote: '--remote',
    pullRequest: '--pr',
    body: '--body',
    assignees: '--assignee',
    deleteBranch: '--delete-branch'
};
const quote = (value) => (/^[\w./:@^~+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
/** Settings as the command line spells them: `--allow-unsafe`, `--deliver push`, `gitops-rollback restore <path>... --to <rev>`. */
const flagNames = {
    name: setting => FLAGS[setting],
    set: values => {
        const words = [];
        for (const [setting, value] of Object.entries(values)) {
            const list = (Array.isArray(value) ? value : [String(value)]).map(quote);
            if (setting === 'restorePaths')
                words.unshift('gitops-rollback restore', ...list);
            else if (setting === 'commits')
                words.unshift('gitops-rollback revert', ...list);
            // A pull request on refusal is the command line's default; --no-fallback turns it off.
            else if (setting === 'fallbackToPullRequest')
                words.push(value === true ? 'without --no-fallback' : FLAGS[setting]);
            else if (value === true)
                words.push(FLAGS[setting]);
            else
                words.push(...list.map(v => `${FLAGS[setting]} ${v}`));
        }
        return words.join(' ');
    }
};

// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
// EXTERNAL MODULE: ./src/cli/work-tree.ts
var work_tree = __webpack_require__(478);
;// CONCATENATED MODULE: ./src/cli/rollback-command.ts












const OPTIONS = {
    to: { type: 'string' },
    mainline: { type: 'string' },
    squash: { type: 'boolean' },
    incident: { type: 'string' },
    reason: { type: 'string' },
    actor: { type: 'string' },
    deliver: { type: 'string' },
    'target-branch': { type: 'string' },
    branch: { type: 'string' },
    remote: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'allow-unsafe': { type: 'boolean' },
    'no-fallback': { type: 'boolean' },
    'sign-commits': { type: 'boolean' },
    committer: { type: 'string' },
    title: { type: 'string' },
    label: { type: 'string', multiple: true },
    reviewer: { type: 'string', multiple: true },
    'team-reviewer': { type: 'string', multiple: true },
    draft: { type: 'boolean' },
    pr: { type: 'string', multiple: true },
    body: { type: 'string' },
    assignee: { type: 'string', multiple: true },
    'delete-branch': { type: 'boolean' },
    repo: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
/**
 * `gitops-rollback revert <rev|A..B>...` and `gitops-rollback restore <path>... --to <rev>`:
 * the same engine as the action, run in the current work tree.
 */
async function rollbackCommand(mode, argv, out) {
    const { values, positionals } = parseOrUsage(mode, argv);
    if (values.help) {
        out.stdout((0,usage/* commandUsage */.T3)(mode));
        return 0;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
        throw (0,output/* usageError */.Wp)(`Invalid --format '${format}'. Expected text or json.`);
    const pullRequests = (0,validate/* parsePullRequestNumbers */.av)(values.pr ?? [], '--pr');
    if (mode === 'restore' && values.pr)
        throw (0,output/* usageError */.Wp)('restore does not take --pr: revert a pull request with gitops-rollback revert --pr <number>.');
    if (positionals.length === 0 && pullRequests.length === 0) {
        throw (0,output/* usageError */.Wp)(mode === 'revert'
            ? 'revert needs the commits to revert: gitops-rollback revert <rev|A..B>... (or a merged pull request: --pr <number>)'
            : 'restore needs the paths to restore: gitops-rollback restore <path>... --to <rev>');
    }
    const deliver = values.deliver ?? 'none';
    const git = await (0,work_tree/* openWorkTree */.w)(process.cwd(), deliver === 'none' ? undefined : tokenForGit());
    const committer = values.committer ?? (await gitIdentity(git));
    let raw = {
        commits: mode === 'revert' ? positionals : [],
        restorePaths: mode === 'restore' ? positionals : [],
        restoreTo: values.to,
        mainline: values.mainline,
        squash: values.squash,
        incident: values.incident,
        reason: values.reason,
        // Who rolled back: named, else the workflow's actor, else the user, else the committer's name.
        actor: values.actor ?? process.env.GITHUB_ACTOR ?? (await git.tryConfig('user.name')) ?? committer.replace(/\s*<[^>]*>\s*$/, ''),
        deliver,
        targetBranch: values['target-branch'] ?? (await git.currentBranch()),
        branch: values.branch,
        remote: values.remote,
        dryRun: values['dry-run'],
        allowUnsafe: values['allow-unsafe'],
        fallbackToPullRequest: !values['no-fallback'],
        signCommits: values['sign-commits'],
        committer,
        title: values.title,
        labels: values.label,
        reviewers: values.reviewer,
        teamReviewers: values['team-reviewer'],
        draft: values.draft,
        body: values.body,
        assignees: values.assignee,
        deleteBranch: values['delete-branch']
    };
    if (mode === 'restore' && !values.to)
        throw (0,output/* usageError */.Wp)('restore needs --to <rev>: the known-good revision to restore the paths to.');
    const log = (0,output/* stderrLogger */.D7)(out);
    const github = githubFromEnvironment(values.repo);
    if (pullRequests.length > 0) {
        assertOnlyPullRequests(raw, (values.pr ?? []).join(', '), flagNames);
        if (!github)
            throw (0,output/* usageError */.Wp)(`--pr needs the GitHub API to find the pull request's commits: ${NEEDS_API}`);
        raw = await withPullRequests(raw, pullRequests, github, log);
    }
    const request = await (0,validate/* validateRequest */.S)(raw, flagNames);
    const port = deliver === 'none' || !github ? undefined : pullRequestPort(github, serverUrl());
    if (deliver === 'pull-request' && !port && !request.dryRun)
        throw (0,output/* usageError */.Wp)(`--deliver pull-request needs the GitHub API: ${NEEDS_API}`);
    if (request.signCommits && !github && !request.dryRun)
        throw (0,output/* usageError */.Wp)(`--sign-commits makes the commits through the GitHub API: ${NEEDS_API}`);
    const gitData = request.signCommits && github ? gitDataPort(github) : undefined;
    const result = await runRollback(request, { git, log, pullRequests: port, gitData });
    if (github && port)
        await commentOnReverted(github, result, request.audit, port, log);
    out.stdout(format === 'json' ? JSON.stringify(result, null, 2) : (0,output/* terminalText */.eR)(rollback_command_describe(result)));
    if (result.pullRequestFailure) {
        const { why, howToFinish } = result.pullRequestFailure;
        out.stderr((0,output/* terminalText */.eR)(`error: the rollback branch '${result.branch}' was pushed, but the pull request was not created: ${why} ${howToFinish}`));
        return 1;
    }
    return 0;
}
const NEEDS_API = 'set GITHUB_TOKEN, and name the repository with --repo owner/name (or GITHUB_REPOSITORY).';
/** The request for merged pull requests `numbers` of the repository: their commits, found through the API, on the target branch. */
async function withPullRequests(raw, numbers, github, log) {
    const target = raw.targetBranch ? (0,validate/* branchName */.at)(raw.targetBranch) : undefined;
    if (!target)
        throw (0,output/* usageError */.Wp)('--pr needs the branch the pull requests were merged into: check it out, or pass --target-branch.');
    const { resolvePullRequests } = await __webpack_require__.e(/* import() */ 79).then(__webpack_require__.bind(__webpack_require__, 3079));
    const pulls = await resolvePullRequests(await github.client(), github.repo, numbers, target);
    for (const p of pulls) {
        log.info(`Pull request #${p.number} ("${(0,core/* printable */.g$)(p.title, 120)}"), merged into '${(0,core/* printable */.g$)(target)}' by ${p.method}: reverting ${p.commits.map(core/* shortSha */.Fu).join(', ')}.`);
    }
    return revertPullRequests({ ...raw, targetBranch: target }, pulls);
}
/** After a push or a pull request, tells the reverted pull requests where the rollback is; failures are warnings. */
async function commentOnReverted(github, result, audit, port, log) {
    const numbers = (audit.pullRequests ?? []).map(p => p.number);
    const delivered = result.commitSha && ['pushed', 'created', 'updated'].includes(result.operation);
    if (numbers.length === 0 || !delivered)
        return;
    const { commentRolledBack } = await __webpack_require__.e(/* import() */ 79).then(__webpack_require__.bind(__webpack_require__, 3079));
    const warnings = await commentRolledBack(await github.client(), github.repo, numbers, rolledBackComment(result, audit, port.commitUrl));
    for (const w of warnings)
        log.warning(w);
    if (warnings.length === 0)
        log.info(`Commented on ${numbers.map(n => `#${n}`).join(', ')} with the rollback's link.`);
}
/**
 * The identity git would give a commit of the user's (user.name and user.email, or GIT_COMMITTER_*),
 * resolved once so that every commit the engine writes carries it explicitly. Without one, the
 * CLI stops before fetching anything and says what to set.
 */
async function gitIdentity(git) {
    const identity = await git.tryCommitterIdentity();
    if (!identity) {
        throw (0,output/* usageError */.Wp)('No git identity to write the rollback commits with. Set one with git config user.name "Your Name" and ' +
            'git config user.email you@example.com (add --global for every repository), or pass --committer "Name <email>".');
    }
    return identity;
}
function parseOrUsage(mode, argv) {
    try {
        return (0,external_node_util_.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw (0,output/* usageError */.Wp)(`${error.message}\nRun 'gitops-rollback ${mode} --help' for its options.`);
    }
}
/**
 * The GitHub API for the CLI: GITHUB_TOKEN (or GH_TOKEN), the repository named by --repo or
 * GITHUB_REPOSITORY, and GITHUB_API_URL when set; undefined without a token or a repository.
 */
function githubFromEnvironment(repoOption) {
    return connectGitHub({
        token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
        repository: repoOption || process.env.GITHUB_REPOSITORY,
        apiUrl: process.env.GITHUB_API_URL
    });
}
function serverUrl() {
    return process.env.GITHUB_SERVER_URL || 'https://github.com';
}
/** When delivering, GITHUB_TOKEN (or GH_TOKEN) authenticates git on GITHUB_SERVER_URL as it does the API. */
function tokenForGit() {
    const name = process.env.GITHUB_TOKEN ? 'GITHUB_TOKEN' : 'GH_TOKEN';
    return (0,http_auth/* gitHttpAuth */.xm)(process.env[name], process.env.GITHUB_SERVER_URL || 'https://github.com', name);
}
/** The result as text; names and subjects come from the repository, so each is shown escaped. */
function rollback_command_describe(result) {
    const e = core/* escapeControls */.UN;
    const lines = [`operation: ${result.operation}`, `target-branch: ${e(result.targetBranch)}`];
    if (result.commitSha)
        lines.push(`commit: ${result.commitSha}`);
    if (result.pullRequest)
        lines.push(`pull-request: #${result.pullRequest.number} ${e(result.pullRequest.url)}`);
    if (result.restoredTo)
        lines.push(`restored-to: ${result.restoredTo} (${result.restoredPaths?.map(e).join(', ')})`);
    for (const c of result.revertedCommits)
        lines.push(`reverted: ${(0,core/* shortSha */.Fu)(c.sha)} ${e(c.subject)}`);
    for (const c of result.skipped)
        lines.push(`skipped (already reverted): ${(0,core/* shortSha */.Fu)(c.sha)} ${e(c.subject)}`);
    const stale = result.staleBranch;
    if (stale?.deleted)
        lines.push(`deleted-branch: ${e(stale.branch)}${stale.closedPullRequest ? ` (closed #${stale.closedPullRequest.number} ${e(stale.closedPullRequest.url)})` : ''}`);
    else if (stale)
        lines.push(`kept-branch: ${e(stale.branch)}: ${e(stale.why ?? '')}`);
    if (result.diffStat)
        lines.push('', result.diffStat);
    return lines.join('\n');
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


/***/ }),

/***/ 651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ repoName),
/* harmony export */   S: () => (/* binding */ parseRepository)
/* harmony export */ });
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/** Parses `owner/name`; the error quotes the bad value and the expected form. */
function parseRepository(value) {
    const match = value.trim().match(REPOSITORY);
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new Error(`Invalid repository '${value}'. Expected format {owner}/{repo}.`);
    }
    return { owner: match[1], repo: match[2] };
}
/** `owner/repo`, for messages. */
function repoName(repo) {
    return `${repo.owner}/${repo.repo}`;
}


/***/ })

};
