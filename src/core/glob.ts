/**
 * The one glob dialect of the project, for paths, Flux object names, commit-status contexts and
 * the safety check's allow-list: `**` matches any run of characters, `/` included; `*` any run
 * within one `/`-separated part; `?` one character other than `/`; everything else is literal.
 */
export function globToRegExp(pattern: string, flags = ''): RegExp {
  const source = pattern
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map(part => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, flags);
}

/** True when `value` matches the glob `pattern` (case-sensitive unless `ignoreCase`). */
export function matchesGlob(value: string, pattern: string, ignoreCase = false): boolean {
  return globToRegExp(pattern, ignoreCase ? 'i' : '').test(value);
}

/** True when `pattern` has a wildcard of the dialect. */
export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
