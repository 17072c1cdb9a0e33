// The smallest JavaScript action: @actions/core loaded, one line logged. bench/revert.mjs bundles
// it as the revert action is bundled and times it next to the action: the start-up any JavaScript
// action on Node 24 pays before its first git call.
import * as core from '@actions/core';

core.info(`minimal action: ${core.getInput('commits')}`);
