import type { OptionNames, Setting } from '../rollback/option-names.js';

/** Each setting as the command line takes it: a flag, or the command's arguments. */
const FLAGS: Record<Setting, string> = {
  commits: '<rev>',
  restorePaths: '<path>',
  restoreTo: '--to',
  mainline: '--mainline',
  targetBranch: '--target-branch',
  branch: '--branch',
  deliver: '--deliver',
  allowUnsafe: '--allow-unsafe',
  fallbackToPullRequest: '--no-fallback',
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

const quote = (value: string): string => (/^[\w./:@^~+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** Settings as the command line spells them: `--allow-unsafe`, `--deliver push`, `gitops-rollback restore <path>... --to <rev>`. */
export const flagNames: OptionNames = {
  name: setting => FLAGS[setting],
  set: values => {
    const words: string[] = [];
    for (const [setting, value] of Object.entries(values) as [Setting, string | string[] | boolean][]) {
      const list = (Array.isArray(value) ? value : [String(value)]).map(quote);
      if (setting === 'restorePaths') words.unshift('gitops-rollback restore', ...list);
      else if (setting === 'commits') words.unshift('gitops-rollback revert', ...list);
      // A pull request on refusal is the command line's default; --no-fallback turns it off.
      else if (setting === 'fallbackToPullRequest') words.push(value === true ? 'without --no-fallback' : FLAGS[setting]);
      else if (value === true) words.push(FLAGS[setting]);
      else words.push(...list.map(v => `${FLAGS[setting]} ${v}`));
    }
    return words.join(' ');
  }
};
