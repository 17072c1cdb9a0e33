import { UserError } from '../rollback/types.js';

/**
 * Folders that hold apps rather than being one: `kubernetes/apps/<namespace>/<app>`,
 * `clusters/<cluster>`, `apps/base/<app>`, `infrastructure/<group>`.
 */
const CONTAINERS = new Set(['kubernetes', 'k8s', 'cluster', 'clusters', 'apps', 'infrastructure', 'infra', 'base']);
/** Containers are looked for among the first folders only, so an app named `base` stays one. */
const CONTAINER_DEPTH = 4;

/**
 * The app a path belongs to, from its folders: the (at most two) folders after the last
 * container folder near the top, so `kubernetes/apps/default/plex/app/helmrelease.yaml` is
 * `default/plex`, `monitoring/grafana/grafana.yaml` is `monitoring/grafana` and
 * `apps/base/podinfo/release.yaml` is `podinfo`. A file at the top is `.`.
 */
export function appOf(path: string): string {
  const folders = path.split('/').slice(0, -1);
  if (folders.length === 0) return '.';
  let start = 0;
  for (let i = 0; i < Math.min(folders.length, CONTAINER_DEPTH); i++) if (CONTAINERS.has(folders[i].toLowerCase())) start = i + 1;
  const app = folders.slice(start, start + 2);
  return app.length ? app.join('/') : folders.join('/');
}

/** A `--component` pattern: folders separated by `/`, where `*` stands for one folder. */
export interface ComponentPattern {
  text: string;
  segments: string[];
}

/** Checks `--component` patterns such as `kubernetes/apps/*\/*`. */
export function parseComponentPatterns(patterns: readonly string[]): ComponentPattern[] {
  return patterns.map(text => {
    const trimmed = text.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    const segments = trimmed.split('/');
    if (!trimmed || /[\u0000-\u001f\u007f]/.test(trimmed) || segments.some(s => s === '' || s === '.' || s === '..' || (s.includes('*') && s !== '*'))) {
      throw new UserError(`Invalid component pattern '${JSON.stringify(text).slice(1, -1)}'. Expected folders separated by '/', where '*' stands for one whole folder, such as 'kubernetes/apps/*/*'.`);
    }
    return { text: trimmed, segments };
  });
}

/**
 * The component of a path: by the first pattern whose folders it lies in (named by the folders
 * its `*`s match, or the pattern itself when it has none), else {@link appOf}.
 */
export function componentOf(path: string, patterns: readonly ComponentPattern[]): string {
  const folders = path.split('/').slice(0, -1);
  for (const p of patterns) {
    if (folders.length < p.segments.length) continue;
    if (!p.segments.every((s, i) => s === '*' || s === folders[i])) continue;
    const named = p.segments.flatMap((s, i) => (s === '*' ? [folders[i]] : []));
    return named.length ? named.join('/') : p.text;
  }
  return appOf(path);
}

/** The distinct components of a set of paths, sorted. */
export function componentsOf(paths: readonly string[], patterns: readonly ComponentPattern[]): string[] {
  return [...new Set(paths.map(p => componentOf(p, patterns)))].sort();
}
