import * as core from '@actions/core';
import type { RawRequest } from '../../rollback/validate.js';
import { booleanInput, listInput, type RunContext } from '../runner.js';

/** Everything the revert action was asked to do, read from its inputs in one place. */
export interface RevertInputs {
  raw: RawRequest;
  token: string;
  workingDirectory: string;
}

/** The identity GitHub shows for commits made by workflows. */
export const DEFAULT_COMMITTER = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/** Reads the revert action's inputs; `validateRequest` checks them. */
export function readRevertInputs(context: RunContext): RevertInputs {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  return {
    token,
    workingDirectory: core.getInput('working-directory') || '.',
    raw: {
      commits: listInput('commits', true),
      mainline: core.getInput('mainline'),
      squash: booleanInput('squash', false),
      restorePaths: listInput('restore-paths'),
      restoreTo: core.getInput('restore-to'),
      incident: core.getInput('incident'),
      reason: core.getInput('reason'),
      actor: context.actor,
      runUrl: context.runUrl,
      targetBranch: core.getInput('target-branch') || context.payload.repository?.default_branch,
      branch: core.getInput('branch'),
      deliver: core.getInput('deliver') || 'pull-request',
      dryRun: booleanInput('dry-run', false),
      allowUnsafe: booleanInput('allow-unsafe', false),
      fallbackToPullRequest: booleanInput('fallback-to-pull-request', true),
      committer: core.getInput('committer') || DEFAULT_COMMITTER,
      title: core.getInput('title'),
      labels: listInput('labels'),
      reviewers: listInput('reviewers'),
      teamReviewers: listInput('team-reviewers'),
      draft: booleanInput('draft', false)
    }
  };
}
