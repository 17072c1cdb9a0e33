/** A full object name: SHA-1 (40 hex digits) or SHA-256 (64), lower case as git prints it. */
export const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The same, as a part of a larger pattern (no anchors). */
export const FULL_SHA_SOURCE = '(?:[0-9a-f]{64}|[0-9a-f]{40})';

/** True when `value` is a full SHA-1 or SHA-256 object name. */
export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

/** How many digits of an object name are shown to people. */
export const SHORT_SHA_LENGTH = 12;

/** The abbreviated name shown in logs, titles and branch names. */
export function shortSha(sha: string): string {
  return sha.slice(0, SHORT_SHA_LENGTH);
}
