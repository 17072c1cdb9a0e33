import { UserError } from '../core/index.js';

/**
 * Folders that hold apps rather than being one: `kubernetes/apps/<namespace>/<app>`,
 * `infrastructure/<group>`, `k8s/manifests/<namespace>/<app>`.
 */
const CONTAINERS = new Set(['kubernetes', 'k8s', 'cluster', 'clusters', 'apps', 'infrastructure', 'infra', 'manifests']);
/** A container right after another one: `apps/base/<app>`. */
const INNER_CONTAINERS = new Set(['base']);

/**
 * The app a path belongs to, from its folders: the (at most two) folders after the container
 * folders at the top (and a folder naming a cluster among them), so
 * `kubernetes/apps/default/plex/app/helmrelease.yaml` is `default/plex`,
 * `kubernetes/main/apps/media/plex/...` and `kubernetes/clusters/main/media/plex/...` are
 * `media/plex`, `monitoring/grafana/grafana.yaml` is `monitoring/grafana` and
 * `apps/base/podinfo/release.yaml` is `podinfo`. A file at the top is `.`.
 */
export function appOf(path: string): string {
  const folders = path.split('/').slice(0, -1);
  if (folders.length === 0) return '.';
  const container = (i: number) => i < folders.length && CONTAINERS.has(folders[i].toLowerCase());
  let start = 0;
  let clusterSkipped = false;
  for (let i = 0; i < folders.length; i++) {
    const name = folders[i].toLowerCase();
    if (container(i) || (INNER_CONTAINERS.has(name) && i === start && start > 0)) {
      // `clusters/<name>/`: the folder after it names a cluster.
      start = name === 'clusters' ? Math.min(folders.length, i + 2) : i + 1;
      if (name === 'clusters') i++;
    } else if (!clusterSkipped && container(i + 1)) {
      clusterSkipped = true; // `kubernetes/main/apps`: one folder naming a cluster between containers
    } else break;
  }
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
    if (
      !trimmed ||
      /[\u0000-\u001f\u007f]/.test(trimmed) ||
      segments.some(s => s === '' || s === '.' || s === '..' || (s.includes('*') && s !== '*'))
    ) {
      throw new UserError(
        `Invalid component pattern '${JSON.stringify(text).slice(1, -1)}'. Expected folders separated by '/', where '*' stands for one whole folder, such as 'kubernetes/apps/*/*'.`
      );
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
