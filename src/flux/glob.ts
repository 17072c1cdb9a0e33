/**
 * Shell-style patterns for Flux object names and commit-status contexts: `*` matches any run of
 * characters (also `/`, so `kustomization/*` matches `kustomization/apps/0c9c2e41`), `?` one
 * character; everything else is literal.
 */
export function globToRegExp(pattern: string, flags = ''): RegExp {
  const body = [...pattern]
    .map(ch => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, flags);
}

/** True when `value` matches the glob `pattern` (case-sensitive unless `ignoreCase`). */
export function matchesGlob(value: string, pattern: string, ignoreCase = false): boolean {
  return globToRegExp(pattern, ignoreCase ? 'i' : '').test(value);
}
