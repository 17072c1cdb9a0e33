import { globToRegExp, hasWildcard } from '../core/index.js';

/**
 * Turns a path glob into a matcher: `**` crosses folders, `*` and `?` stay within one. A pattern
 * without wildcards matches that file or everything below that folder.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  const p = pattern.replace(/^\.\//, '');
  if (!hasWildcard(p)) {
    const dir = p.replace(/\/+$/, '');
    return path => path === dir || path.startsWith(`${dir}/`);
  }
  const re = globToRegExp(p.endsWith('/') ? `${p}**` : p);
  return path => re.test(path);
}

/** Keeps paths matching any `include` (all when none given) and no `exclude`. */
export function pathFilter(include: readonly string[] = [], exclude: readonly string[] = []): (path: string) => boolean {
  const inc = include.map(globMatcher);
  const exc = exclude.map(globMatcher);
  return path => (inc.length === 0 || inc.some(m => m(path))) && !exc.some(m => m(path));
}

/** True for `.yaml` and `.yml` files. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
