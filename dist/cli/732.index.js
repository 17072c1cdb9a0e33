export const id = 732;
export const ids = [732];
export const modules = {

/***/ 5732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCommand: () => (/* binding */ reportCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/git/git.ts + 5 modules
var git_git = __webpack_require__(7076);
// EXTERNAL MODULE: ./src/manifests/flux-context.ts
var flux_context = __webpack_require__(9085);
// EXTERNAL MODULE: ./src/manifests/revision-context.ts
var revision_context = __webpack_require__(8535);
// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/report/components.ts

/**
 * Folders that hold apps rather than being one: `kubernetes/apps/<namespace>/<app>`,
 * `infrastructure/<group>`, `k8s/manifests/<namespace>/<app>`.
 */
const CONTAINERS = new Set(['kubernetes', 'k8s', 'cluster', 'clusters', 'apps', 'infrastructure', 'infra', 'manifests']);
/** A container right after another one: `apps/base/<app>`. */
const INNER_CONTAINERS = new Set(['base']);
/**
 * The app a path belongs to, from its folders: the (at most two) folders after the container
 * folders at the top (and a folder naming a cluster among them), so
 * `kubernetes/apps/default/plex/app/helmrelease.yaml` is `default/plex`,
 * `kubernetes/main/apps/media/plex/...` and `kubernetes/clusters/main/media/plex/...` are
 * `media/plex`, `monitoring/grafana/grafana.yaml` is `monitoring/grafana` and
 * `apps/base/podinfo/release.yaml` is `podinfo`. A file at the top is `.`.
 */
function appOf(path) {
    const folders = path.split('/').slice(0, -1);
    if (folders.length === 0)
        return '.';
    const container = (i) => i < folders.length && CONTAINERS.has(folders[i].toLowerCase());
    let start = 0;
    let clusterSkipped = false;
    for (let i = 0; i < folders.length; i++) {
        const name = folders[i].toLowerCase();
        if (container(i) || (INNER_CONTAINERS.has(name) && i === start && start > 0)) {
            // `clusters/<name>/`: the folder after it names a cluster.
            start = name === 'clusters' ? Math.min(folders.length, i + 2) : i + 1;
            if (name === 'clusters')
                i++;
        }
        else if (!clusterSkipped && container(i + 1)) {
            clusterSkipped = true; // `kubernetes/main/apps`: one folder naming a cluster between containers
        }
        else
            break;
    }
    const app = folders.slice(start, start + 2);
    return app.length ? app.join('/') : folders.join('/');
}
/** Checks `--component` patterns such as `kubernetes/apps/*\/*`. */
function parseComponentPatterns(patterns) {
    return patterns.map(text => {
        const trimmed = text.trim().replace(/^\.\//, '').replace(/\/+$/, '');
        const segments = trimmed.split('/');
        if (!trimmed ||
            /[\u0000-\u001f\u007f]/.test(trimmed) ||
            segments.some(s => s === '' || s === '.' || s === '..' || (s.includes('*') && s !== '*'))) {
            throw new core/* UserError */.yo(`Invalid component pattern '${JSON.stringify(text).slice(1, -1)}'. Expected folders separated by '/', where '*' stands for one whole folder, such as 'kubernetes/apps/*/*'.`);
        }
        return { text: trimmed, segments };
    });
}
/**
 * The component of a path: by the first pattern whose folders it lies in (named by the folders
 * its `*`s match, or the pattern itself when it has none), else {@link appOf}.
 */
function componentOf(path, patterns) {
    const folders = path.split('/').slice(0, -1);
    for (const p of patterns) {
        if (folders.length < p.segments.length)
            continue;
        if (!p.segments.every((s, i) => s === '*' || s === folders[i]))
            continue;
        const named = p.segments.flatMap((s, i) => (s === '*' ? [folders[i]] : []));
        return named.length ? named.join('/') : p.text;
    }
    return appOf(path);
}
/** The distinct components of a set of paths, sorted. */
function componentsOf(paths, patterns) {
    return [...new Set(paths.map(p => componentOf(p, patterns)))].sort();
}

;// CONCATENATED MODULE: ./src/report/history-index.ts
const PR_MERGE = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_PR = /\s\(#(\d+)\)$/;
/**
 * A branch history held in memory for the report: the commits as they landed on the branch (its
 * first-parent chain), which of them brought each other commit to the branch, pull-request
 * numbers and titles of the landing commits, and lookups by sha prefix.
 *
 * A `git pull` that merges puts the remote's commits on the merge's second parent: they had
 * landed before, so that side's first-parent chain counts as landed too. A merged pull request
 * landed when it was merged, wherever its merge commit sits.
 */
class HistoryIndex {
    bySha = new Map();
    /** The commits that landed on the branch themselves (first-parent chains, merged pull requests), oldest first. */
    landed = [];
    landing = new Map();
    pulls = new Map();
    titles = new Map();
    constructor(commits, tip) {
        for (const c of commits)
            this.bySha.set(c.sha, c);
        const points = this.landingPoints(tip);
        this.landed.push(...points);
        this.assignLandings(points);
        for (const c of points) {
            const pull = pullRequestOf(c);
            if (pull !== undefined && !this.pulls.has(pull))
                this.pulls.set(pull, c.sha);
            const title = titleOf(c);
            const list = this.titles.get(title) ?? [];
            list.push(c.sha);
            this.titles.set(title, list);
        }
    }
    /**
     * The first-parent chain from the tip, the chains behind merges of a remote branch (git pull),
     * and every merged pull request: each landed on the branch itself. Oldest first.
     */
    landingPoints(tip) {
        const points = new Map();
        const chains = [tip];
        while (chains.length) {
            for (let c = this.bySha.get(chains.pop()); c && !points.has(c.sha); c = this.bySha.get(c.parents[0] ?? '')) {
                points.set(c.sha, c);
                this.landing.set(c.sha, c.sha);
                if (PULL_MERGE.test(c.subject) && c.parents[1])
                    chains.push(c.parents[1]);
            }
        }
        for (const c of this.bySha.values())
            if (isPullRequestMerge(c))
                points.set(c.sha, c);
        return [...points.values()].sort((a, b) => a.committedAt - b.committedAt);
    }
    /**
     * Each other commit landed with the oldest landing point that brings it (through a parent
     * other than the first): they are visited oldest first, each claiming what no older one did.
     */
    assignLandings(points) {
        for (const m of points) {
            this.landing.set(m.sha, m.sha);
            const stack = m.parents.slice(1);
            while (stack.length) {
                const sha = stack.pop();
                const c = this.bySha.get(sha);
                if (!c || this.landing.has(sha) || isPullRequestMerge(c))
                    continue;
                this.landing.set(sha, m.sha);
                stack.push(...c.parents);
            }
        }
    }
    /** Adds commits read on their own (outside the branch walk): each counts as landed when made. */
    addOutside(commits) {
        for (const c of commits)
            if (!this.bySha.has(c.sha))
                this.bySha.set(c.sha, c);
    }
    get(sha) {
        return this.bySha.get(sha);
    }
    /** The full sha of a commit named by a full or abbreviated sha, when exactly one matches. */
    resolve(name) {
        if (this.bySha.has(name))
            return name;
        if (name.length >= 40)
            return undefined;
        let found;
        for (const sha of this.bySha.keys()) {
            if (!sha.startsWith(name))
                continue;
            if (found)
                return undefined;
            found = sha;
        }
        return found;
    }
    /** The commit that brought `sha` to the branch (itself for one that landed itself). */
    landingOf(sha) {
        return this.landing.get(sha);
    }
    /** When `sha` landed on the branch: its landing commit's committer date, or its own when off the walk. */
    landedAt(sha) {
        const landing = this.landing.get(sha);
        return this.bySha.get(landing ?? sha)?.committedAt;
    }
    /** The landing commit of pull request `number`, when its merge or squash commit is in the history. */
    pullRequest(number) {
        return this.pulls.get(number);
    }
    /** The newest landing commit older than `before` whose title (pull-request title or subject) is `title`. */
    findTitle(title, before) {
        const limit = this.bySha.get(before)?.committedAt ?? Infinity;
        const candidates = this.titles.get(normaliseTitle(title)) ?? [];
        for (let i = candidates.length - 1; i >= 0; i--) {
            if (candidates[i] !== before && this.bySha.get(candidates[i]).committedAt <= limit)
                return candidates[i];
        }
        return undefined;
    }
}
/** `Merge branch 'main' of <url>` or `Merge remote-tracking branch 'origin/main'`: a git pull. */
const PULL_MERGE = /^Merge (?:branch '[^']+' of \S+|remote-tracking branch '[^']+')/;
/** A pull request merged with a merge commit. */
function isPullRequestMerge(c) {
    return c.parents.length > 1 && PR_MERGE.test(c.subject);
}
/** The pull request a landing commit merged: `Merge pull request #N from ...` or a squash `... (#N)`. */
function pullRequestOf(c) {
    const merge = c.subject.match(PR_MERGE);
    if (merge)
        return Number(merge[1]);
    const squash = c.parents.length <= 1 ? c.subject.match(SQUASH_PR) : null;
    return squash ? Number(squash[1]) : undefined;
}
/** The head branch of a merged pull request (`owner/branch` in GitHub's merge subject). */
function mergedBranchOf(c) {
    return c.subject.match(PR_MERGE)?.[2];
}
/**
 * What a landing commit is called by people: a merged pull request's title (the first line of
 * GitHub's merge message body), or the subject without a squash merge's ` (#N)`.
 */
function titleOf(c) {
    if (PR_MERGE.test(c.subject)) {
        const body = c.message
            .split('\n')
            .slice(1)
            .find(line => line.trim() !== '');
        if (body)
            return normaliseTitle(body);
    }
    return normaliseTitle(c.subject);
}
function normaliseTitle(title) {
    return title.trim().replace(SQUASH_PR, '').trim();
}

;// CONCATENATED MODULE: ./src/report/evidence.ts

/** Trailers the report reads (git matches keys case-insensitively). */
const TRAILER_KEYS = ['Incident', 'Rolled-back-by', 'Workflow-run', 'Restored-to', 'Drill-time-to-detect', 'Refs'];
/** Trailers only this project writes on its rollbacks. */
const OUR_TRAILERS = new Set(['incident', 'rolled-back-by', 'workflow-run', 'restored-to']);
// `git revert` writes "This reverts commit <sha>." (", reversing" for merges); with --reference
// the sha is abbreviated. Matched at the start of a line only, as git writes it.
const REVERTS_LINE = /^This reverts commit ([0-9a-f]{7,64})\b/gm;
// Our restores before the Restored-to trailer existed.
const RESTORED_LINE = /^Restored to commit ([0-9a-f]{40}|[0-9a-f]{64})\.$/m;
// GitHub's revert button: the pull request body is "Reverts owner/repo#N".
const REVERTS_PULL_LINE = /^Reverts (?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#(\d+)\s*$/m;
// ... and its branch is "revert-N-<head branch of #N>".
const REVERT_BRANCH = /^[^/\s]+\/revert-(\d+)-/;
// git's and GitHub's subject: Revert "<subject>", possibly squash-merged as ... (#M).
const REVERT_SUBJECT = /^Revert "(.*)"(?:\s\(#\d+\))?$/;
// Conventional Commits' revert type, which names what it reverts in a Refs trailer.
const CONVENTIONAL_REVERT = /^revert(?:\([^)]*\))?!?:/i;
// A subject that says it reverts or rolls back, after an optional "[scope]" or "type(scope):".
const SAYS_REVERT = /^(?:\[[^\]]*\]\s*)?(?:[a-z]+(?:\([^)]*\))?!?:\s*)?(?:revert|roll[ -]?back)\b/i;
const OUR_DRILL_SUBJECT = /^Rollback drill: /;
const SHA_WORD = /\b[0-9a-f]{7,64}\b/g;
/**
 * Reads what a commit says it rolls back, from git's trailers and the lines git and GitHub
 * write; undefined for a commit that says nothing of the kind (most of them).
 */
function evidenceOf(commit) {
    const { subject, message } = commit;
    const trailer = (key) => commit.trailers.find(t => t.key.toLowerCase() === key.toLowerCase())?.value;
    const mayRevert = commit.trailers.length > 0 ||
        message.includes('This reverts commit') ||
        message.includes('Restored to commit') ||
        message.includes('Reverts ') ||
        SAYS_REVERT.test(subject) ||
        subject.startsWith('Merge pull request');
    if (!mayRevert || OUR_DRILL_SUBJECT.test(subject))
        return undefined;
    const revertShas = [...message.matchAll(REVERTS_LINE)].map(m => m[1]);
    if (CONVENTIONAL_REVERT.test(subject)) {
        for (const t of commit.trailers)
            if (t.key.toLowerCase() === 'refs')
                revertShas.push(...(t.value.match(SHA_WORD) ?? []));
    }
    const revertPulls = [];
    const pullLine = message.match(REVERTS_PULL_LINE);
    if (pullLine)
        revertPulls.push(Number(pullLine[1]));
    const branch = mergedBranchOf(commit);
    const branchPull = branch ? branch.match(REVERT_BRANCH) : null;
    if (branchPull)
        revertPulls.push(Number(branchPull[1]));
    // A pull request merged with a merge commit speaks through its title (the merge body's first line).
    const title = branch ? titleOf(commit) : subject;
    const revertTitle = title.match(REVERT_SUBJECT)?.[1];
    const restoredTo = validSha(trailer('Restored-to')) ?? message.match(RESTORED_LINE)?.[1];
    const ours = commit.trailers.some(t => OUR_TRAILERS.has(t.key.toLowerCase()));
    const drill = trailer('Drill-time-to-detect');
    const evidence = {
        commit,
        revertShas: [...new Set(revertShas)],
        revertPulls: [...new Set(revertPulls)],
        revertTitle,
        restoredTo,
        saysRevert: saysRevert(title),
        ours,
        incident: trailer('Incident'),
        rolledBackBy: trailer('Rolled-back-by'),
        runUrl: trailer('Workflow-run'),
        drillDetect: drill === undefined ? undefined : parseSeconds(drill)
    };
    const says = evidence.revertShas.length || evidence.revertPulls.length || revertTitle !== undefined || restoredTo || evidence.saysRevert;
    return says ? evidence : undefined;
}
/** True when a subject or pull-request title says it reverts or rolls something back. */
function saysRevert(title) {
    return SAYS_REVERT.test(title) || CONVENTIONAL_REVERT.test(title) || REVERT_SUBJECT.test(title);
}
/** True for the commit a drill pushes on purpose (the bad change, not a rollback). */
function isDrillCommit(subject) {
    return OUR_DRILL_SUBJECT.test(subject);
}
function validSha(value) {
    return value && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value) ? value : undefined;
}
/** `41.8s` → 41.8; anything else (such as `none`) → null. */
function parseSeconds(value) {
    const m = value.match(/^(\d+(?:\.\d+)?)s\b/);
    return m ? Number(m[1]) : null;
}

;// CONCATENATED MODULE: ./src/report/detect.ts


/** Reverts pushed one after another by the same person this close together are one rollback. */
const RUN_GAP_SECONDS = 600;
/**
 * Finds the commits that say they roll something back and groups them by the commit that landed
 * them on the branch (a pull request's merge brings its revert commits in one go), oldest first.
 */
function findCandidates(index, commits) {
    const groups = new Map();
    for (const c of commits) {
        const evidence = evidenceOf(c);
        if (!evidence)
            continue;
        const landing = index.landingOf(c.sha) ?? c.sha;
        const group = groups.get(landing) ?? [];
        group.unshift(evidence); // commits come newest first
        groups.set(landing, group);
    }
    // Oldest first; commits `git log` printed earlier are newer when their dates tie.
    const printed = new Map(commits.map((c, i) => [c.sha, i]));
    return [...groups.entries()]
        .map(([landing, evidence]) => ({ landing, evidence }))
        .sort((a, b) => index.get(a.landing).committedAt - index.get(b.landing).committedAt ||
        (printed.get(b.landing) ?? 0) - (printed.get(a.landing) ?? 0));
}
/** Full shas that candidates name but the history read does not hold (worth fetching one by one). */
function missingShas(candidates, index) {
    const missing = new Set();
    for (const c of candidates) {
        for (const e of c.evidence)
            for (const sha of e.revertShas)
                if (sha.length >= 40 && !index.resolve(sha))
                    missing.add(sha);
    }
    return [...missing];
}
/**
 * Turns candidates into rollbacks: ties each to what it undid (by sha, pull request, title, or
 * the restore's undone commits), drops reverts of commits that landed with them (work inside one
 * pull request), joins runs of reverts pushed together, and tells reverts of rollbacks (the
 * change brought back) apart from rollbacks.
 */
function classify(candidates, index) {
    const rollbacks = [];
    const reapplies = [];
    const reappliedRollbacks = new Map();
    const owner = new Map();
    for (const candidate of candidates) {
        const found = tie(candidate, index);
        if (!found)
            continue;
        const landing = index.get(candidate.landing);
        const resolved = found.reverted.filter(t => t.found && t.sha);
        const undone = resolved.map(t => owner.get(t.sha));
        if (resolved.length > 0 && found.unresolved === 0 && undone.every(o => o && 'kind' in o)) {
            // Every change it reverts is a rollback: the change is brought back.
            const earlier = [...new Set(undone)];
            for (const r of earlier)
                r.reappliedBy ??= landing.sha;
            const reapply = {
                sha: landing.sha,
                commits: memberShas(candidate),
                subject: subjectOf(landing),
                landedAt: landing.committedAt,
                rollbacks: earlier.map(r => r.sha)
            };
            reappliedRollbacks.set(landing.sha, earlier);
            reapplies.push(reapply);
            for (const sha of memberShas(candidate))
                owner.set(sha, reapply);
            continue;
        }
        const rollback = toRollback(candidate, found, landing, index);
        const previous = rollbacks.at(-1);
        if (previous && sameRun(previous, rollback, index)) {
            join(previous, rollback);
            for (const sha of memberShas(candidate))
                owner.set(sha, previous);
            continue;
        }
        rollbacks.push(rollback);
        for (const sha of memberShas(candidate))
            owner.set(sha, rollback);
    }
    for (const r of rollbacks)
        r.roots = rootsOf(r, owner, reappliedRollbacks, new Set());
    return { rollbacks, reapplies };
}
function tie(candidate, index) {
    const landing = index.get(candidate.landing);
    const own = candidate.evidence.find(e => e.commit.sha === landing.sha);
    // Inside a merge that is not itself a revert (a feature merged with its own false starts), only
    // commits that name what they revert count: a subject alone says nothing about the branch.
    const landingSays = !!own && (own.saysRevert || own.revertTitle !== undefined || own.revertPulls.length > 0);
    const trusted = (e) => landing.parents.length < 2 || e === own || landingSays;
    const found = [];
    const missing = [];
    const seen = new Set();
    const add = (list, t) => {
        const key = t.sha ?? (t.pullRequest !== undefined ? `#${t.pullRequest}` : `title:${t.subject}`);
        if (seen.has(key))
            return;
        seen.add(key);
        list.push(t);
    };
    for (const e of candidate.evidence) {
        for (const name of e.revertShas) {
            const sha = index.resolve(name);
            if (sha) {
                if (index.landingOf(sha) !== candidate.landing)
                    add(found, changeAt(sha, index, 'sha')); // else undone before it ever landed
            }
            else if (trusted(e) && (e.revertTitle !== undefined || e.saysRevert)) {
                // Named but beyond the history read; a commit that does not say it reverts anything is
                // only quoting (release notes in a dependency bump).
                add(missing, { sha: name, via: 'sha', found: false });
            }
        }
        for (const number of e.revertPulls) {
            const sha = index.pullRequest(number);
            if (sha !== candidate.landing)
                add(sha ? found : missing, sha
                    ? { ...changeAt(sha, index, 'pull-request'), pullRequest: number }
                    : { pullRequest: number, via: 'pull-request', found: false });
        }
    }
    const named = (e) => e.revertShas.length > 0 || e.revertPulls.length > 0;
    if (found.length === 0) {
        for (const e of candidate.evidence) {
            if (!trusted(e) || named(e) || e.revertTitle === undefined)
                continue;
            const sha = index.findTitle(e.revertTitle, candidate.landing);
            if (sha && index.landingOf(sha) !== candidate.landing)
                add(found, changeAt(sha, index, 'title'));
            else if (!sha)
                add(missing, { subject: e.revertTitle, via: 'title', found: false });
        }
    }
    for (const sha of candidate.restoreUndone ?? [])
        add(found, changeAt(sha, index, 'restore'));
    const restore = candidate.evidence.some(e => e.restoredTo);
    // When something was found, references that were not are the same change named another way,
    // except shas, which name commits of their own.
    const reverted = found.length ? [...found, ...missing.filter(t => t.sha)] : missing;
    const hasLink = reverted.length > 0 || restore;
    const says = candidate.evidence.some(e => trusted(e) && e.saysRevert && !named(e) && e.revertTitle === undefined);
    if (!hasLink && !says)
        return undefined;
    return { reverted, unresolved: reverted.filter(t => !t.found).length, hasLink };
}
function changeAt(sha, index, via) {
    const commit = index.get(sha);
    const landing = index.get(index.landingOf(sha) ?? sha) ?? commit;
    const pullRequest = pullRequestOf(landing);
    return {
        sha,
        subject: landing.sha === sha ? subjectOf(commit) : commit.subject,
        landedAt: landing.committedAt,
        ...(pullRequest !== undefined ? { pullRequest } : {}),
        via,
        found: true
    };
}
function toRollback(candidate, tied, landing, index) {
    const ev = candidate.evidence;
    const first = (pick) => ev.map(pick).find(v => v !== undefined);
    // A revert pushed with the reverted subject's "(#N)" kept is not pull request N.
    const number = pullRequestOf(landing);
    const pullRequest = number !== undefined && !tied.reverted.some(t => t.pullRequest === number) ? number : undefined;
    const kind = ev.some(e => e.restoredTo)
        ? 'restore'
        : !tied.hasLink
            ? 'manual'
            : ev.some(e => e.ours)
                ? 'gitops-rollback'
                : pullRequest !== undefined
                    ? 'revert-pr'
                    : 'git-revert';
    const drillDetect = first(e => e.drillDetect);
    const drill = drillDetect !== undefined || tied.reverted.some(t => t.found && t.sha && isDrillCommit(index.get(t.sha)?.subject ?? ''));
    // The person: our trailer, else the author of the revert commit itself (not the merge).
    const inner = ev.find(e => e.commit.parents.length <= 1)?.commit ?? landing;
    const rollback = {
        sha: landing.sha,
        commits: ev.map(e => e.commit.sha).concat(ev.some(e => e.commit.sha === landing.sha) ? [] : [landing.sha]),
        kind,
        drill,
        // A pull request by its title; a rollback merged in with other work by its own commit.
        subject: pullRequest !== undefined || ev.some(e => e.commit.sha === landing.sha) ? subjectOf(landing) : ev[0].commit.subject,
        landedAt: landing.committedAt,
        ...(pullRequest !== undefined ? { pullRequest } : {}),
        reverted: tied.reverted,
        who: first(e => e.rolledBackBy) ?? inner.authorName,
        incident: first(e => e.incident),
        runUrl: first(e => e.runUrl),
        ...(drillDetect !== undefined ? { drillDetect } : {}),
        roots: []
    };
    rollback.timeToRevert = timeToRevert(rollback);
    return rollback;
}
function timeToRevert(r) {
    const landed = r.reverted.map(t => t.landedAt).filter((t) => t !== undefined && t <= r.landedAt);
    return landed.length ? r.landedAt - Math.min(...landed) : undefined;
}
/** `git revert A..B` pushed at once (or one incident's reverts) land as consecutive commits. */
function sameRun(previous, next, index) {
    const direct = (r) => (r.kind === 'git-revert' || r.kind === 'gitops-rollback') && r.pullRequest === undefined && !r.drill;
    if (!direct(previous) || !direct(next) || previous.kind !== next.kind)
        return false;
    if (index.get(next.sha)?.parents[0] !== previous.sha)
        return false;
    if (previous.incident !== undefined && previous.incident === next.incident)
        return true;
    const email = (sha) => index.get(sha)?.committerEmail;
    return email(previous.sha) === email(next.sha) && next.landedAt - previous.landedAt <= RUN_GAP_SECONDS;
}
function join(into, next) {
    const firstSubject = into.commits.length === 1 ? into.subject : into.subject.replace(/ \(and \d+ more\)$/, '');
    into.commits.push(...next.commits);
    const known = new Set(into.reverted.map(t => t.sha ?? t.subject));
    for (const t of next.reverted)
        if (!known.has(t.sha ?? t.subject))
            into.reverted.push(t);
    into.sha = next.sha;
    into.landedAt = next.landedAt;
    into.subject = `${firstSubject} (and ${into.commits.length - 1} more)`;
    into.timeToRevert = timeToRevert(into);
}
function memberShas(candidate) {
    return [...new Set([candidate.landing, ...candidate.evidence.map(e => e.commit.sha)])];
}
function rootsOf(r, owner, reapplied, visiting) {
    if (visiting.has(r.sha))
        return [];
    visiting.add(r.sha);
    const roots = new Set();
    for (const t of r.reverted) {
        const by = t.sha ? owner.get(t.sha) : undefined;
        if (by && !('kind' in by)) {
            // A revert of a change brought back: the same original change rolled back again.
            for (const earlier of reapplied.get(by.sha) ?? [])
                for (const root of rootsOf(earlier, owner, reapplied, visiting))
                    roots.add(root);
        }
        else
            roots.add(t.sha ?? (t.pullRequest !== undefined ? `#${t.pullRequest}` : `title:${t.subject}`));
    }
    return [...roots];
}
/** A landing commit as people name it: its pull-request title, or its subject. */
function subjectOf(c) {
    return titleOf(c);
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Commit messages, author names and file names are untrusted text: each output escapes them for
// what it is, so none can add a table row, a link, HTML, a metric or a workflow command.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Text from a commit for one log line: control characters (new lines among them) become one
 * space, so it can neither break the line nor start a workflow command (`::set-output`) on its own.
 */
function logSafe(text, max = 200) {
    const line = text.replace(CONTROL, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/**
 * Text for a Markdown table cell, shown as typed: on one line, with the characters Markdown or
 * HTML would act on escaped (`|` would end the cell, `<` start a tag, `[` a link, `*` emphasis).
 */
function markdownText(text, max = 120) {
    const line = logSafe(text, max);
    return line.replace(/[\\`*_[\]~|!#]/g, ch => `\\${ch}`).replace(/[<>&]/g, ch => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'));
}
/** A label value in the OpenMetrics text format: backslash, double quote and new line escaped. */
function labelValue(text) {
    return text
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n');
}

;// CONCATENATED MODULE: ./src/flux/commit-status.ts

/** The default context glob: Flux's `github` provider reports `kustomization/<name>/<provider-uid-prefix>`. */
const DEFAULT_STATUS_CONTEXT = 'kustomization/*';
/**
 * Summarises statuses (newest first, as `listCommitStatuses` returns them) for contexts matching
 * `contextGlob`. A context's first occurrence is its current state; `error` counts as failure.
 * Flux's `github` provider posts only success and failure; pending comes from other tools.
 */
function summariseFluxStatuses(statuses, contextGlob) {
    const matching = currentStatuses(statuses, [contextGlob]);
    const failure = matching.find(isFailure);
    if (failure)
        return { state: 'failure', matching, decisive: failure };
    const success = matching.find(s => s.state === 'success');
    if (success)
        return { state: 'success', matching, decisive: success };
    return { state: matching.length ? 'pending' : 'none', matching };
}
/** True when `context` matches the glob `pattern`, alone or followed by `/<anything>`. */
function matchesContext(pattern, context) {
    return (0,core/* globToRegExp */.tL)(pattern).test(context) || (0,core/* globToRegExp */.tL)(`${pattern}/**`).test(context);
}
/** Assesses statuses (newest first) of one commit: see {@link FluxAssessment}. */
function assessFluxStatuses(statuses, set) {
    const current = currentStatuses(statuses, set.watch);
    const missing = set.require.filter(p => !current.some(s => matchesContext(p, s.context)));
    const contexts = [
        ...current.map(s => ({ context: s.context, state: s.state, description: s.description ?? '' })),
        ...missing.map(p => ({ context: p, state: 'not-reported', description: '' }))
    ].sort((a, b) => (a.context < b.context ? -1 : a.context > b.context ? 1 : 0));
    const failure = current.find(isFailure);
    if (failure)
        return { state: 'failure', contexts, decisive: failure };
    const required = set.require.length ? current.filter(s => set.require.some(p => matchesContext(p, s.context))) : current;
    const done = missing.length === 0 && required.length > 0 && required.every(s => s.state === 'success');
    return done ? { state: 'success', contexts, decisive: required[0] } : { state: 'waiting', contexts };
}
/** The contexts of an assessment that have not succeeded yet. */
function pendingContexts(contexts) {
    return contexts.filter(c => c.state !== 'success');
}
/** `kustomization/apps/0c9c2e41: failure (health check failed)`, for logs and results; escaped. */
function describeStatus(status) {
    return `${printable(status.context)}: ${status.state}${status.description ? ` (${printable(status.description)})` : ''}`;
}
/** The current status of every context matching one of `patterns`, newest first. */
function currentStatuses(statuses, patterns) {
    const current = new Map();
    for (const s of statuses)
        if (!current.has(s.context) && patterns.some(p => matchesContext(p, s.context)))
            current.set(s.context, s);
    return [...current.values()];
}
function isFailure(status) {
    return status.state === 'failure' || status.state === 'error';
}

;// CONCATENATED MODULE: ./src/report/recovery.ts

/**
 * When Flux reported a commit healthy: replaying its statuses oldest first, the first moment at
 * which every context matching `contextGlob` (as the Flux wait matches them) seen so far reports success. `error` counts as a
 * failure. `landedAt` (seconds) is when the commit landed on the branch.
 */
function recoveryOf(statuses, contextGlob, landedAt) {
    const matching = statuses
        .filter(s => matchesContext(contextGlob, s.context) && !Number.isNaN(Date.parse(s.created_at)))
        .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    if (matching.length === 0)
        return { state: 'no-status' };
    const current = new Map();
    for (const s of matching) {
        current.set(s.context, s.state);
        if ([...current.values()].every(state => state === 'success')) {
            const at = Math.floor(Date.parse(s.created_at) / 1000);
            return { state: 'recovered', at, seconds: Math.max(0, at - landedAt) };
        }
    }
    const states = [...current.values()];
    return { state: states.some(s => s === 'failure' || s === 'error') ? 'failing' : 'pending' };
}

;// CONCATENATED MODULE: ./src/report/stats.ts
/** Median, 90th percentile (nearest rank) and maximum of `values`. */
function distribution(values) {
    if (values.length === 0)
        return { count: 0 };
    const sorted = [...values].sort((a, b) => a - b);
    const rank = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
    return { count: sorted.length, median: rank(0.5), p90: rank(0.9), max: sorted[sorted.length - 1] };
}
/** Rollbacks per component, most first (a rollback counts once for each component it touched). */
function componentStats(rollbacks) {
    const by = new Map();
    for (const r of rollbacks) {
        for (const component of r.components) {
            const entry = by.get(component) ?? { rollbacks: [], kustomizations: new Set() };
            entry.rollbacks.push(r);
            for (const k of r.kustomizations)
                entry.kustomizations.add(k);
            by.set(component, entry);
        }
    }
    return [...by.entries()]
        .map(([component, e]) => ({
        component,
        rollbacks: e.rollbacks.length,
        lastAt: Math.max(...e.rollbacks.map(r => r.landedAt)),
        kustomizations: [...e.kustomizations].sort(),
        medianTimeToRevert: distribution(e.rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]))).median
    }))
        .sort((a, b) => b.rollbacks - a.rollbacks || b.lastAt - a.lastAt || a.component.localeCompare(b.component));
}
/**
 * Changes rolled back more than once in the history read (rolled back, brought back by a revert
 * of the rollback, rolled back again), when at least one of those rollbacks is in `inWindow`.
 */
function repeatOffenders(all, inWindow) {
    const by = new Map();
    for (const r of all) {
        if (r.drill)
            continue;
        for (const root of r.roots)
            by.set(root, [...(by.get(root) ?? []), r]);
    }
    return [...by.entries()]
        .filter(([, rs]) => rs.length > 1 && rs.some(r => inWindow.has(r.sha)))
        .map(([root, rs]) => {
        const change = rs[0].reverted.find(t => t.sha === root || `#${t.pullRequest}` === root || `title:${t.subject}` === root);
        return {
            change: root.startsWith('title:') ? root.slice('title:'.length) : root,
            ...(change?.subject !== undefined ? { subject: change.subject } : {}),
            rollbacks: rs.map(r => r.sha)
        };
    })
        .sort((a, b) => b.rollbacks.length - a.rollbacks.length);
}
const WEEK = 7 * 86_400;
/**
 * Calendar buckets (UTC) from `start` to `until`: weeks from Monday for up to 26 weeks, months
 * for up to 36 months, years beyond, so a chart stays readable.
 */
function buckets(rollbacks, start, until) {
    const span = Math.max(0, until - start);
    const unit = span <= 26 * WEEK ? 'week' : span <= 36 * 31 * 86_400 ? 'month' : 'year';
    const list = [];
    for (let from = floorTo(unit, start); from <= until; from = next(unit, from)) {
        const end = next(unit, from);
        const inside = rollbacks.filter(r => r.landedAt >= from && r.landedAt < end);
        const times = inside.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]));
        list.push({ label: label(unit, from), start: from, end, rollbacks: inside.length, medianTimeToRevert: distribution(times).median });
    }
    return { unit, buckets: list };
}
function floorTo(unit, seconds) {
    const d = new Date(seconds * 1000);
    if (unit === 'year')
        return Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
    if (unit === 'month')
        return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000;
    return day - ((d.getUTCDay() + 6) % 7) * 86_400;
}
function next(unit, from) {
    const d = new Date(from * 1000);
    if (unit === 'year')
        return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / 1000;
    if (unit === 'month')
        return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    return from + WEEK;
}
function label(unit, from) {
    const iso = new Date(from * 1000).toISOString();
    return unit === 'year' ? iso.slice(0, 4) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

;// CONCATENATED MODULE: ./src/report/types.ts
const ROLLBACK_KINDS = ['gitops-rollback', 'git-revert', 'revert-pr', 'restore', 'manual'];

;// CONCATENATED MODULE: ./src/report/window.ts

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const AGE = /^(\d+)([hdw])$/;
const AGE_SECONDS = { h: 3600, d: 86_400, w: 604_800 };
/**
 * Reads a `--since` or `--until` value as seconds since the epoch: a date (`2026-01-31`, midnight
 * UTC), a time with its zone (`2026-01-31T12:00:00Z`), or an age before `now` (`36h`, `90d`, `12w`).
 */
function parseReportTime(value, field, now) {
    const text = value.trim();
    const age = text.match(AGE);
    if (age)
        return now - Number(age[1]) * AGE_SECONDS[age[2]];
    if (field === 'until' && text === 'now')
        return now;
    const ms = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(ms)) {
        const shown = JSON.stringify(value).slice(1, -1);
        throw new core/* UserError */.yo(`Invalid ${field} '${shown}'. Expected a date such as '2026-01-31', a time with its zone such as '2026-01-31T12:00:00Z', or an age such as '36h', '90d' or '12w'.`);
    }
    return Math.floor(ms / 1000);
}
/** Checks that the window is not empty. */
function checkWindow(since, until) {
    if (since !== undefined && since > until) {
        throw new core/* UserError */.yo(`The window is empty: since (${isoDate(since)}) is after until (${isoDate(until)}). Expected since before until.`);
    }
}
/** `2026-01-31T12:00:00Z` for seconds since the epoch. */
function isoTime(seconds) {
    return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** `2026-01-31` for seconds since the epoch. */
function isoDate(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/report/build.ts












/**
 * How far before the window the history is fetched, so the changes that rollbacks in the window
 * undid are there too. Older ones are fetched one by one when their sha is known.
 */
const LOOKBACK_SECONDS = 90 * 86_400;
/** Commit statuses are read for at most this many rollbacks (the newest), one API call each. */
const MAX_STATUS_READS = 200;
const STATUS_READS_AT_ONCE = 8;
/** git processes run side by side for the restores' path histories. */
const GIT_CALLS_AT_ONCE = 4;
/** Reverted commits fetched one by one when fetching them together failed. */
const MAX_SINGLE_FETCHES = 20;
/**
 * Reads the branch history and reports its rollbacks in the window: what each undid and when
 * that had landed, who, the incident, the paths and the components and Flux Kustomizations they
 * belong to, and (with a status port) when Flux reported the rollback healthy.
 */
async function buildRollbackReport(options, deps) {
    const { git, log } = deps;
    const { ref, fetched } = await log.group(`Fetching the history of '${options.branch}'`, () => openBranch(options, deps));
    const tip = await git.resolveCommit(ref);
    const within = (at) => (options.since === undefined || at >= options.since) && at <= options.until;
    let { commits, index, candidates, shallow } = await readBranch(deps, options.branch, tip);
    // Rollbacks at the edge of a shallow clone need their parents to tell which paths they changed.
    if (shallow &&
        options.fetch &&
        (await atEdge(git, candidates.filter(c => within(index.get(c.landing).committedAt))))) {
        const ok = await git.history().deepenByOne(options.remote, options.branch);
        log.info(ok
            ? 'Fetched the parents of the rollbacks at the edge of the fetched history (--deepen=1).'
            : 'Could not fetch the parents of the rollbacks at the edge of the fetched history; their paths are left out.');
        if (ok)
            ({ commits, index, candidates, shallow } = await readBranch(deps, options.branch, tip));
    }
    const oldest = index.landed[0]?.committedAt;
    await fillRestores(git, index, candidates);
    await fetchMissing(deps, options, shallow, index, missingShas(candidates, index));
    const detection = classify(candidates, index);
    const chosen = detection.rollbacks.filter(r => within(r.landedAt));
    // A commit still at the edge of a shallow clone has no parent to compare with: no paths.
    const edge = shallow ? await git.shallowCommits() : new Set();
    const paths = await git.history().changedPaths(chosen.flatMap(r => r.commits).filter(sha => !edge.has(sha)));
    const owners = await kustomizationOwners(git, tip, chosen.length > 0, log);
    const describe = (r) => describeRollback(r, paths, owners, options.components);
    const rollbacks = chosen.filter(r => !r.drill).map(describe);
    const drills = chosen.filter(r => r.drill).map(r => toDrill(r, describe(r)));
    if (deps.statuses)
        await readRecoveries(deps.statuses, options.statusContext, [...rollbacks, ...drills], log);
    const reapplies = detection.reapplies.filter(a => within(a.landedAt));
    const summary = summarise(rollbacks, drills);
    const kinds = ROLLBACK_KINDS.filter(k => summary.byKind[k]).map(k => `${summary.byKind[k]} ${k}`);
    log.info(`Found ${count(rollbacks.length, 'rollback')} (${kinds.join(', ') || 'none'}), ${count(drills.length, 'drill')} and ${count(reapplies.length, 'revert')} of rollbacks ${windowText(options)}.`);
    return {
        branch: options.branch,
        tip,
        ...(options.since !== undefined ? { since: options.since } : {}),
        until: options.until,
        history: { commits: commits.length, ...(oldest !== undefined ? { oldest } : {}), shallow, ...(fetched ? { fetched } : {}) },
        summary,
        rollbacks,
        drills,
        reapplies,
        components: componentStats(rollbacks),
        repeatOffenders: repeatOffenders(detection.rollbacks, new Set(rollbacks.map(r => r.sha)))
    };
}
/** A rollback as reported: with the paths it touched, their components and Flux Kustomizations. */
function describeRollback(r, paths, owners, patterns) {
    const touched = [...new Set(r.commits.flatMap(sha => paths.get(sha) ?? []))].sort();
    return {
        sha: r.sha,
        commits: r.commits,
        kind: r.kind,
        subject: r.subject,
        landedAt: r.landedAt,
        ...(r.pullRequest !== undefined ? { pullRequest: r.pullRequest } : {}),
        reverted: r.reverted,
        ...(r.timeToRevert !== undefined ? { timeToRevert: r.timeToRevert } : {}),
        ...(r.who !== undefined ? { who: r.who } : {}),
        ...(r.incident !== undefined ? { incident: r.incident } : {}),
        ...(r.runUrl !== undefined ? { runUrl: r.runUrl } : {}),
        paths: touched,
        components: componentsOf(touched, patterns),
        kustomizations: [...new Set(touched.flatMap(p => owners(p) ?? []))].sort(),
        ...(r.reappliedBy !== undefined ? { reappliedBy: r.reappliedBy } : {})
    };
}
function summarise(rollbacks, drills) {
    return {
        rollbacks: rollbacks.length,
        byKind: Object.fromEntries(ROLLBACK_KINDS.map(k => [k, rollbacks.filter(r => r.kind === k).length])),
        timeToRevert: distribution(rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]))),
        timeToRecover: distribution(rollbacks.flatMap(r => (r.recovery?.seconds === undefined ? [] : [r.recovery.seconds]))),
        drills: drills.length,
        reapplied: rollbacks.filter(r => r.reappliedBy).length
    };
}
async function openBranch(options, deps) {
    const { git, log } = deps;
    if (!options.fetch) {
        const ref = `refs/heads/${options.branch}`;
        if (!(await git.tryResolveCommit(ref)))
            throw new core/* UserError */.yo(`Branch '${options.branch}' does not exist in this repository. Expected a local branch (or leave fetching on).`);
        log.info(`Reading the local branch '${options.branch}' as it is (nothing fetched).`);
        return { ref };
    }
    const since = options.since === undefined ? undefined : new Date((options.since - LOOKBACK_SECONDS) * 1000);
    const { ref, fetched } = await git.history().fetchBranch(options.remote, options.branch, since);
    log.info(`Fetched ${fetched} of '${options.branch}' from '${options.remote}'.`);
    return { ref, fetched };
}
/** A restore undid the changes to the paths it touched since the commit it restored them to. */
async function fillRestores(git, index, candidates) {
    const restores = candidates.filter(c => c.evidence.some(e => e.restoredTo));
    if (restores.length === 0)
        return;
    const paths = await git.history().changedPaths(restores.map(c => c.landing));
    const undo = async (c) => {
        const source = c.evidence.find(e => e.restoredTo).restoredTo;
        const landing = index.get(c.landing);
        if (!index.get(source) || landing.parents.length === 0)
            return;
        c.restoreUndone = (await git.history().commitsTouching(source, landing.parents[0], paths.get(c.landing) ?? [])).filter(sha => index.get(sha));
    };
    for (let i = 0; i < restores.length; i += GIT_CALLS_AT_ONCE)
        await Promise.all(restores.slice(i, i + GIT_CALLS_AT_ONCE).map(undo));
}
/** Reads the branch history from `tip` with one `git log`, and finds the commits that say they roll back. */
async function readBranch(deps, branch, tip) {
    const started = performance.now();
    const commits = await deps.git.history().read(tip, TRAILER_KEYS);
    const index = new HistoryIndex(commits, tip);
    const shallow = await deps.git.isShallow();
    const oldest = index.landed[0]?.committedAt;
    deps.log.info(`Read ${commits.length} commits of '${branch}' (${oldest === undefined ? 'none' : `since ${isoDate(oldest)}`}${shallow ? ', shallow' : ''}) in ${Math.round(performance.now() - started)} ms.`);
    return { commits, index, candidates: findCandidates(index, commits), shallow };
}
async function atEdge(git, candidates) {
    const edge = await git.shallowCommits();
    return candidates.some(c => edge.has(c.landing) || c.evidence.some(e => edge.has(e.commit.sha)));
}
/**
 * Reverted commits the history read does not hold: in a shallow clone, fetched by sha (one call)
 * when the remote allows it; the rest are reported as not found.
 */
async function fetchMissing(deps, options, shallow, index, shas) {
    if (shas.length === 0)
        return;
    const { git, log } = deps;
    if (!shallow || !options.fetch) {
        log.info(`${shas.length} reverted commit${shas.length === 1 ? ' is' : 's are'} not in the history of '${options.branch}' (made on another branch, or rewritten): reported as not found.`);
        return;
    }
    // One fetch for all; when the remote refuses one of them, each on its own (a few at most).
    if (!(await git.history().fetchCommits(options.remote, shas)) && shas.length > 1) {
        for (const sha of shas.slice(0, MAX_SINGLE_FETCHES))
            await git.history().fetchCommits(options.remote, [sha]);
    }
    const read = await git.history().readCommits(shas, TRAILER_KEYS);
    index.addOutside(read);
    log.info(`Fetched ${read.length} of ${shas.length} reverted commits older than the fetched history by sha${read.length < shas.length ? '; the others are reported as not found' : ''}.`);
}
/** Who owns a path: the Flux Kustomizations at the branch tip, by the longest `spec.path`. */
async function kustomizationOwners(git, tip, needed, log) {
    if (!needed)
        return () => undefined;
    try {
        const { after } = await (0,flux_context/* readRevisionContexts */._U)(git, tip, tip);
        const lookup = (0,revision_context/* ownerLookup */.qf)(after.fluxKustomizations.filter(k => k.path !== ''));
        return path => {
            const k = lookup(path);
            return k ? `${k.namespace ? `${k.namespace}/` : ''}${k.name}` : undefined;
        };
    }
    catch (error) {
        log.warning(`Could not read the Flux Kustomizations at ${(0,core/* shortSha */.Fu)(tip)}: ${logSafe(error.message)}. Components are named by folder only.`);
        return () => undefined;
    }
}
function toDrill(r, report) {
    const drillCommit = r.reverted.find(t => t.found && t.sha);
    return {
        sha: r.sha,
        landedAt: r.landedAt,
        ...(drillCommit?.sha ? { drillCommit: drillCommit.sha } : {}),
        ...(drillCommit?.landedAt !== undefined ? { drillLandedAt: drillCommit.landedAt } : {}),
        ...(typeof r.drillDetect === 'number' ? { timeToDetect: r.drillDetect } : {}),
        ...(r.drillDetect !== undefined ? { detected: r.drillDetect !== null } : {}),
        ...(r.timeToRevert !== undefined ? { timeToRevert: r.timeToRevert } : {}),
        ...(r.incident !== undefined ? { incident: r.incident } : {}),
        components: report.components
    };
}
async function readRecoveries(port, contextGlob, items, log) {
    const newest = [...items].sort((a, b) => b.landedAt - a.landedAt).slice(0, MAX_STATUS_READS);
    if (items.length > newest.length)
        log.notice(`Commit statuses are read for the newest ${MAX_STATUS_READS} of ${items.length} rollbacks; the others show no time to recover.`);
    let failed;
    const read = async (item) => {
        if (failed !== undefined)
            return;
        try {
            item.recovery = recoveryOf(await port.statuses(item.sha), contextGlob, item.landedAt);
        }
        catch (error) {
            failed ??= error;
        }
    };
    // A few requests at a time: the API client already retries and respects rate limits.
    for (let i = 0; i < newest.length; i += STATUS_READS_AT_ONCE)
        await Promise.all(newest.slice(i, i + STATUS_READS_AT_ONCE).map(read));
    if (failed !== undefined) {
        for (const item of newest)
            delete item.recovery;
        log.warning(`Could not read commit statuses (${logSafe(failed instanceof Error ? failed.message : String(failed), 600)}); the report has no time to recover.`);
    }
}
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function windowText(options) {
    return options.since === undefined ? `up to ${isoTime(options.until)}` : `from ${isoTime(options.since)} to ${isoTime(options.until)}`;
}

;// CONCATENATED MODULE: ./src/report/duration-text.ts
/** A duration for people: `45 s`, `12 min`, `5 h 10 min`, `3 d 4 h`. */
function durationText(seconds) {
    if (seconds === undefined)
        return '–';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60)
        return `${s} s`;
    const minutes = Math.round(s / 60);
    if (minutes < 60)
        return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * Mermaid `xychart-beta` blocks, which GitHub renders in Markdown. Every label is made here
 * (dates, counts): no text from commits goes into a chart.
 */
/** A bar chart of rollbacks per bucket, empty buckets included. */
function rollbacksChart(unit, buckets) {
    const max = Math.max(1, ...buckets.map(b => b.rollbacks));
    return chart(`Rollbacks per ${unit}`, buckets.map(b => b.label), 'Rollbacks', max, 'bar', buckets.map(b => b.rollbacks));
}
/**
 * A line of the median time to revert per bucket, over the buckets that have rollbacks with a
 * known time (a bucket without one has no time to show); undefined when there are none.
 */
function timeToRevertChart(unit, buckets) {
    const timed = buckets.filter(b => b.medianTimeToRevert !== undefined);
    if (timed.length === 0)
        return undefined;
    const seconds = timed.map(b => b.medianTimeToRevert);
    const inHours = Math.max(...seconds) >= 2 * 3600;
    const values = seconds.map(s => round(inHours ? s / 3600 : s / 60));
    const axis = inHours ? 'Hours' : 'Minutes';
    return chart(`Median time to revert per ${unit} (${axis.toLowerCase()})`, timed.map(b => b.label), axis, Math.max(...values, 1), 'line', values);
}
function chart(title, labels, axis, max, kind, values) {
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis [${labels.map(l => `"${l}"`).join(', ')}]`,
        `  y-axis "${axis}" 0 --> ${Math.ceil(max)}`,
        `  ${kind} [${values.join(', ')}]`,
        '```'
    ].join('\n');
}
function round(value) {
    return Math.round(value * 10) / 10;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts







/** Rows in the list of every rollback; the JSON format has them all. */
const MAX_LISTED = 200;
const TOP = 10;
/**
 * The report as Markdown for a job summary or a file: headline numbers, Mermaid charts of
 * rollbacks and time to revert over time, the most rolled-back components, repeat offenders,
 * the slowest recoveries, drills, and every rollback in a folded list.
 */
function markdownReport(report, options = {}) {
    const link = links(options);
    const parts = [`## Rollbacks on ${markdownText(report.branch)}: ${windowTitle(report)}`, '', headline(report)];
    const start = report.since ?? Math.min(report.until, ...report.rollbacks.map(r => r.landedAt));
    if (report.rollbacks.length > 0) {
        const { unit, buckets: list } = buckets(report.rollbacks, start, report.until);
        parts.push('', rollbacksChart(unit, list));
        const times = timeToRevertChart(unit, list);
        if (times)
            parts.push('', times);
    }
    else
        parts.push('', 'No rollback landed on the branch in this window.');
    if (report.components.length > 0) {
        parts.push('', '### Most rolled-back components', '', '| Component | Rollbacks | Last | Median time to revert | Flux Kustomizations |', '| --- | ---: | --- | ---: | --- |');
        for (const c of report.components.slice(0, TOP)) {
            parts.push(`| ${markdownText(c.component)} | ${c.rollbacks} | ${isoDate(c.lastAt)} | ${durationText(c.medianTimeToRevert)} | ${c.kustomizations.map(k => markdownText(k)).join(', ') || '–'} |`);
        }
    }
    if (report.repeatOffenders.length > 0) {
        parts.push('', '### Repeat offenders', '', 'Changes rolled back, brought back, and rolled back again.', '', '| Change | Times rolled back | Rollbacks |', '| --- | ---: | --- |');
        for (const o of report.repeatOffenders.slice(0, TOP)) {
            const change = /^[0-9a-f]{40,64}$/.test(o.change) ? link.commit(o.change) : markdownText(o.change);
            parts.push(`| ${change}${o.subject ? ` ${markdownText(o.subject)}` : ''} | ${o.rollbacks.length} | ${o.rollbacks.map(link.commit).join(', ')} |`);
        }
    }
    parts.push(...slowest(report, link));
    if (report.drills.length > 0) {
        parts.push('', '### Drills', '', '| Drill rollback | Landed | Detected after | Time to revert | Time to recover |', '| --- | --- | ---: | ---: | ---: |');
        for (const d of report.drills) {
            const detected = d.detected === false ? 'not detected' : durationText(d.timeToDetect);
            parts.push(`| ${link.commit(d.sha)} | ${isoDate(d.landedAt)} | ${detected} | ${durationText(d.timeToRevert)} | ${recoveryText(d.recovery)} |`);
        }
    }
    if (report.rollbacks.length > 0) {
        const listed = [...report.rollbacks].reverse().slice(0, MAX_LISTED);
        parts.push('', `<details><summary>All ${report.rollbacks.length} rollbacks, newest first</summary>`, '');
        parts.push('| Landed | Rollback | Kind | Undid | Time to revert | Who | Incident | Components |', '| --- | --- | --- | --- | ---: | --- | --- | --- |');
        for (const r of listed) {
            parts.push(`| ${isoDate(r.landedAt)} | ${link.commit(r.sha)}${r.pullRequest !== undefined ? ` (${link.pull(r.pullRequest)})` : ''} ${markdownText(r.subject, 80)} | ${r.kind} | ${undid(r.reverted, link)} | ${durationText(r.timeToRevert)} | ${markdownText(r.who ?? '–', 40)} | ${markdownText(r.incident ?? '–', 40)} | ${r.components.map(c => markdownText(c)).join(', ') || '–'} |`);
        }
        if (report.rollbacks.length > listed.length)
            parts.push('', `…and ${report.rollbacks.length - listed.length} older ones (the JSON format lists them all).`);
        parts.push('', '</details>');
    }
    parts.push('', historyLine(report));
    return `${parts.join('\n')}\n`;
}
/** The headline numbers on one line. */
function headline(report) {
    const s = report.summary;
    const kinds = ROLLBACK_KINDS.filter(k => s.byKind[k] > 0).map(k => `${s.byKind[k]} ${k}`);
    const parts = [`**${s.rollbacks} rollback${s.rollbacks === 1 ? '' : 's'}**${kinds.length ? ` (${kinds.join(', ')})` : ''}`];
    if (s.timeToRevert.count > 0)
        parts.push(`median time to revert **${durationText(s.timeToRevert.median)}** (p90 ${durationText(s.timeToRevert.p90)})`);
    if (s.timeToRecover.count > 0)
        parts.push(`median time to recover **${durationText(s.timeToRecover.median)}**`);
    if (s.reapplied > 0)
        parts.push(`${s.reapplied} brought back later`);
    if (s.drills > 0)
        parts.push(`${s.drills} drill${s.drills === 1 ? '' : 's'}`);
    return parts.join(' · ');
}
function slowest(report, link) {
    const recovered = report.rollbacks.filter(r => r.recovery?.seconds !== undefined);
    const byRecovery = recovered.length > 0;
    const list = (byRecovery ? recovered : report.rollbacks.filter(r => r.timeToRevert !== undefined))
        .sort((a, b) => (byRecovery ? b.recovery.seconds - a.recovery.seconds : b.timeToRevert - a.timeToRevert))
        .slice(0, 5);
    if (list.length === 0)
        return [];
    return [
        '',
        byRecovery ? '### Slowest recoveries' : '### Slowest rollbacks',
        '',
        '| Rollback | Landed | Time to revert | Time to recover | Components |',
        '| --- | --- | ---: | ---: | --- |',
        ...list.map(r => `| ${link.commit(r.sha)} ${markdownText(r.subject, 80)} | ${isoDate(r.landedAt)} | ${durationText(r.timeToRevert)} | ${recoveryText(r.recovery)} | ${r.components.map(c => markdownText(c)).join(', ') || '–'} |`)
    ];
}
function recoveryText(recovery) {
    if (!recovery)
        return '–';
    if (recovery.state === 'recovered')
        return durationText(recovery.seconds);
    return recovery.state === 'failing' ? 'failing' : recovery.state === 'pending' ? 'pending' : 'no status';
}
function undid(reverted, link) {
    if (reverted.length === 0)
        return '–';
    const shown = reverted.slice(0, 3).map(t => {
        const ref = t.found && t.sha
            ? link.commit(t.sha)
            : t.sha
                ? `\`${(0,core/* shortSha */.Fu)(t.sha)}\` (not in the history read)`
                : t.pullRequest !== undefined
                    ? `${link.pull(t.pullRequest)}${t.found ? '' : ' (not found)'}`
                    : '';
        const subject = t.subject ? markdownText(t.subject, 60) : '';
        return [ref, subject].filter(Boolean).join(' ');
    });
    return shown.join('; ') + (reverted.length > 3 ? `; and ${reverted.length - 3} more` : '');
}
function links(options) {
    return {
        commit: sha => (options.commitUrl ? `[\`${sha.slice(0, 7)}\`](${options.commitUrl(sha)})` : `\`${sha.slice(0, 7)}\``),
        pull: number => (options.pullUrl ? `[#${number}](${options.pullUrl(number)})` : `#${number}`)
    };
}
function windowTitle(report) {
    return report.since === undefined
        ? `the whole history to ${isoDate(report.until)}`
        : `${isoDate(report.since)} to ${isoDate(report.until)}`;
}
function historyLine(report) {
    const h = report.history;
    const from = h.oldest !== undefined ? `, from ${isoDate(h.oldest)}` : '';
    const fetched = h.fetched ? `; fetched ${h.fetched}` : '';
    return `<sub>Read ${h.commits} commits of ${markdownText(report.branch)} up to ${link7(report.tip)}${from}${h.shallow ? ' (shallow)' : ''}${fetched}.</sub>`;
}
function link7(sha) {
    return `\`${sha.slice(0, 7)}\``;
}

;// CONCATENATED MODULE: ./src/report/openmetrics.ts


/** Upper bounds (seconds) of the time-to-revert histogram: a minute to a week. */
const TIME_TO_REVERT_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400, 259_200, 604_800];
/** Upper bounds (seconds) of the time-to-recover and drill time-to-detect histograms. */
const TIME_TO_RECOVER_BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/**
 * The report in the OpenMetrics text format, for a Prometheus textfile collector or a
 * Pushgateway: rollbacks per component and per kind (counters over the window: without
 * `--since` they only grow), histograms of time to revert and to recover, drills, and when each
 * component was last rolled back. Every sample carries the branch.
 */
function openMetricsReport(report) {
    const branch = { branch: report.branch };
    const out = [];
    family(out, 'gitops_rollbacks', 'counter', 'Rollbacks found in the branch history, by component (a rollback counts once for each component it touched).');
    for (const c of [...report.components].sort((a, b) => a.component.localeCompare(b.component))) {
        out.push(sample('gitops_rollbacks_total', { ...branch, component: c.component }, c.rollbacks));
    }
    family(out, 'gitops_rollbacks_by_kind', 'counter', 'Rollbacks found in the branch history, each once, by how they were made.');
    for (const kind of ROLLBACK_KINDS)
        out.push(sample('gitops_rollbacks_by_kind_total', { ...branch, kind }, report.summary.byKind[kind]));
    histogram(out, 'gitops_time_to_revert_seconds', 'From the reverted change landing on the branch to the rollback landing.', branch, TIME_TO_REVERT_BUCKETS, report.rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert])));
    histogram(out, 'gitops_time_to_recover_seconds', 'From the rollback landing to Flux reporting it healthy (commit statuses).', branch, TIME_TO_RECOVER_BUCKETS, report.rollbacks.flatMap(r => (r.recovery?.seconds === undefined ? [] : [r.recovery.seconds])));
    family(out, 'gitops_rollback_drills', 'counter', 'Rollback drills found in the branch history, by whether the failure was detected.');
    for (const detected of ['true', 'false'])
        out.push(sample('gitops_rollback_drills_total', { ...branch, detected }, report.drills.filter(d => String(d.detected !== false) === detected).length));
    histogram(out, 'gitops_drill_time_to_detect_seconds', 'From a drill pushing its known-bad change to the failure being reported.', branch, TIME_TO_RECOVER_BUCKETS, report.drills.flatMap(d => (d.timeToDetect === undefined ? [] : [d.timeToDetect])));
    family(out, 'gitops_last_rollback_timestamp_seconds', 'gauge', 'When a component was last rolled back (committer date of the rollback on the branch).');
    for (const c of [...report.components].sort((a, b) => a.component.localeCompare(b.component))) {
        out.push(sample('gitops_last_rollback_timestamp_seconds', { ...branch, component: c.component }, c.lastAt));
    }
    out.push('# EOF');
    return `${out.join('\n')}\n`;
}
function family(out, name, type, help) {
    out.push(`# TYPE ${name} ${type}`, `# HELP ${name} ${help}`);
}
function histogram(out, name, help, labels, bounds, values) {
    family(out, name, 'histogram', help);
    for (const le of bounds)
        out.push(sample(`${name}_bucket`, { ...labels, le: floatText(le) }, values.filter(v => v <= le).length));
    out.push(sample(`${name}_bucket`, { ...labels, le: '+Inf' }, values.length));
    out.push(sample(`${name}_sum`, labels, values.reduce((a, b) => a + b, 0)));
    out.push(sample(`${name}_count`, labels, values.length));
}
function sample(name, labels, value) {
    const text = Object.entries(labels)
        .map(([k, v]) => `${k}="${labelValue(v)}"`)
        .join(',');
    return `${name}{${text}} ${value}`;
}
/** `300.0`: bucket bounds as OpenMetrics writes floats. */
function floatText(value) {
    return Number.isInteger(value) ? `${value}.0` : String(value);
}

;// CONCATENATED MODULE: ./src/report/format.ts



const REPORT_FORMATS = ['markdown', 'json', 'openmetrics'];
/** Checks a format name. */
function parseReportFormat(value, field) {
    const format = (value?.trim() || 'markdown');
    if (!REPORT_FORMATS.includes(format))
        throw new core/* UserError */.yo(`Invalid ${field} '${JSON.stringify(value).slice(1, -1)}'. Expected one of: ${REPORT_FORMATS.join(', ')}.`);
    return format;
}
/** The report in one of its formats. */
function formatReport(report, format, options = {}) {
    if (format === 'json')
        return `${JSON.stringify(report, null, 2)}\n`;
    if (format === 'openmetrics')
        return openMetricsReport(report);
    return markdownReport(report, options);
}

// EXTERNAL MODULE: ./src/rollback/validate.ts + 1 modules
var validate = __webpack_require__(8901);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/report-command.ts









const OPTIONS = {
    branch: { type: 'string' },
    remote: { type: 'string' },
    'no-fetch': { type: 'boolean' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    component: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' }
};
/**
 * `gitops-rollback report`: rollbacks, time to revert and the most rolled-back components, from
 * the branch history, as Markdown, JSON or OpenMetrics on stdout.
 */
async function reportCommand(argv, out) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
    }
    catch (error) {
        throw (0,output/* usageError */.Wp)(`${error.message}\nRun 'gitops-rollback report --help' for its options.`);
    }
    const { values } = parsed;
    if (values.help) {
        out.stdout((0,usage/* commandUsage */.T3)('report'));
        return 0;
    }
    const format = parseReportFormat(values.format, '--format');
    const now = Math.floor(Date.now() / 1000);
    const since = values.since === undefined ? undefined : parseReportTime(values.since, 'since', now);
    const until = values.until === undefined ? now : parseReportTime(values.until, 'until', now);
    checkWindow(since, until);
    const components = parseComponentPatterns(values.component ?? []);
    const remote = values.remote ?? 'origin';
    if (!/^[A-Za-z0-9._-]+$/.test(remote) || remote.startsWith('-'))
        throw (0,output/* usageError */.Wp)(`Invalid --remote '${remote}'. Expected a remote name such as 'origin'.`);
    const git = await git_git/* Git */.TU.create(process.cwd());
    // Reading history needs no work tree: a bare repository is read as it is.
    if ((await git.workTreeState()) === 'no-repository') {
        throw (0,output/* usageError */.Wp)(`not a git repository: ${process.cwd()}. Run gitops-rollback report inside a clone of the repository.`);
    }
    const branch = values.branch ?? (await git.currentBranch());
    if (!branch)
        throw (0,output/* usageError */.Wp)('No branch to report on: HEAD is detached. Expected --branch <name>, such as the branch Flux watches.');
    const report = await buildRollbackReport({
        branch: (0,validate/* validateBranch */.Xe)(branch, '--branch'),
        remote,
        fetch: !values['no-fetch'],
        since,
        until,
        components,
        statusContext: 'kustomization/*'
    }, { git, log: (0,output/* stderrLogger */.D7)(out) });
    out.stdout(formatReport(report, format).trimEnd());
    return 0;
}


/***/ })

};
