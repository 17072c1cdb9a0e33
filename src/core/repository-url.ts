/**
 * A git repository URL reduced to what identifies the repository: `host/owner/name`, lowercase,
 * without scheme, user, port, `.git` or trailing slash. `https://github.com/Owner/Name.git`,
 * `ssh://git@github.com:22/owner/name` and `git@github.com:owner/name` all give
 * `github.com/owner/name`. Undefined for what is not such a URL (a local path, a `file://` URL).
 */
export function repositoryKey(url: string): string | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scheme = /^(?:https?|ssh|git|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?([^/:]+)(?::\d*)?\/(.+)$/i.exec(text);
  const scp = scheme ? undefined : /^(?:[^@/:]+@)?([^/:]+):(?!\/)(.+)$/.exec(text);
  if (scheme) [host, path] = [scheme[1], scheme[2]];
  else if (scp) [host, path] = [scp[1], scp[2]];
  else return undefined;
  path = path
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/^\/+/, '');
  if (!path || path.includes('..') || /[\s?#]/.test(path)) return undefined;
  return `${host}/${path}`.toLowerCase();
}
