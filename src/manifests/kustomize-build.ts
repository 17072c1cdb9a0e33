import { posix } from 'node:path';

const BUILD_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * True for kustomize build files (`kustomization.yaml`): build input, not cluster objects. `path`
 * is a file's path in the repository (`/`-separated, no trailing slash). Asked for every file
 * read, so by comparing its end rather than taking its base name.
 */
export function isKustomizeBuildFile(path: string): boolean {
  for (const name of BUILD_FILE_NAMES) {
    if (path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 0x2f)) return true;
  }
  return false;
}

/** True for apiVersions of kustomize build files (`kustomize.config.k8s.io/v1beta1`). */
export function isKustomizeBuildApi(apiVersion: string): boolean {
  return apiVersion.startsWith('kustomize.config.k8s.io/');
}

/**
 * The repository paths of the patch files a kustomization build file refers to (`patches`,
 * `patchesStrategicMerge`, `patchesJson6902`), resolved relative to its folder. Inline patches and
 * paths leaving the repository are ignored.
 */
export function patchFilesOf(buildFile: string, build: unknown): string[] {
  if (!build || typeof build !== 'object') return [];
  const spec = build as Record<string, unknown>;
  const refs: string[] = [];
  for (const key of ['patches', 'patchesJson6902', 'patchesStrategicMerge']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const ref = typeof item === 'string' ? item : (item as { path?: unknown } | null)?.path;
      if (typeof ref === 'string' && !ref.includes('\n')) refs.push(ref);
    }
  }
  const dir = posix.dirname(buildFile);
  return refs.map(ref => posix.normalize(posix.join(dir, ref))).filter(p => !p.startsWith('..') && !posix.isAbsolute(p));
}

/** Normalises a Flux or kustomize path: no `./`, no trailing `/`, '' for the repository root. */
export function normalisePath(path: string): string {
  const normal = posix.normalize(path.trim().replace(/^\/+/, ''));
  return normal === '.' || normal === './' ? '' : normal.replace(/\/+$/, '').replace(/^\.\//, '');
}

/** The kind and API group under which a build file's settings are checked (see buildSettings). */
export const BUILD_SETTINGS_KIND = 'Kustomization';
export const BUILD_SETTINGS_GROUP = 'kustomize.config.k8s.io';
