/** Basics every layer may import: errors, the logger port, object names, globs, safe text. */
export { UserError } from './errors.js';
export type { Logger } from './logger.js';
export { FULL_SHA, FULL_SHA_SOURCE, isFullSha, shortSha, SHORT_SHA_LENGTH } from './sha.js';
export { asObject, isObject } from './object.js';
export { globToRegExp, hasWildcard, matchesGlob } from './glob.js';
export { escapeControls, printable, UNSAFE_CHARACTERS } from './printable.js';
export { codeBlock, codeSpan, COMMENT_MAX_CHARS, fitMarkdown, fitRows, moreNotShown, SUMMARY_MAX_BYTES, tableCell } from './markdown.js';
export { repositoryKey } from './repository-url.js';
export { branchNameProblem } from './branch-name.js';
