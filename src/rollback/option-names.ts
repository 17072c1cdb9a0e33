/** The settings of a rollback request that messages point people to, by their request field. */
export type Setting =
  | 'commits'
  | 'restorePaths'
  | 'restoreTo'
  | 'mainline'
  | 'targetBranch'
  | 'branch'
  | 'deliver'
  | 'allowUnsafe'
  | 'fallbackToPullRequest'
  | 'committer'
  | 'incident'
  | 'reason'
  | 'actor'
  | 'title'
  | 'labels'
  | 'reviewers'
  | 'teamReviewers'
  | 'remote'
  | 'pullRequest'
  | 'body'
  | 'assignees'
  | 'deleteBranch';

/** Values for {@link OptionNames.set}: a list for list settings, `true` for switches. */
export type SettingValues = Partial<Record<Setting, string | string[] | boolean>>;

/**
 * How the edge that took a request spells its settings in messages, so an error tells a workflow
 * author `allow-unsafe: true` and a command-line user `--allow-unsafe`.
 */
export interface OptionNames {
  /** The setting's name: `target-branch`, `--target-branch`. */
  name(setting: Setting): string;
  /** How to give these values: `deliver: push`, `--deliver push`. */
  set(values: SettingValues): string;
}

const kebab = (setting: Setting): string => setting.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

/**
 * Settings as workflow inputs and configuration files write them (`restore-paths: a,b`,
 * `allow-unsafe: true`); the default when an edge gives none.
 */
export const settingNames: OptionNames = {
  name: kebab,
  set: values =>
    Object.entries(values)
      .map(([setting, value]) => `${kebab(setting as Setting)}: ${Array.isArray(value) ? value.join(',') : String(value)}`)
      .join(', ')
};
