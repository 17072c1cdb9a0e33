import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRepo, type TestRepo } from './repo.js';

/** The files of examples/fleet (a small Flux repository), path -> content. */
export function fleetFiles(): Record<string, string> {
  const root = 'examples/fleet';
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** A repository laid out like examples/fleet, pushed to its bare origin. */
export function createFleetRepo(): TestRepo {
  return createRepo(fleetFiles());
}

/** A Flux Kustomization document (with its `---` marker) applying `path`. */
export const fluxKustomization = (name: string, path: string, opts: { prune?: boolean; force?: boolean } = {}) => `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ${path}
  prune: ${opts.prune ?? true}
  force: ${opts.force ?? false}
  sourceRef:
    kind: GitRepository
    name: flux-system
`;

export const claim = (name: string, size: string, namespace = 'redis') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: ${size}
`;

export const crd = (plural: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.example.com
spec:
  group: example.com
  scope: Namespaced
  names:
    kind: Widget
    plural: ${plural}
    singular: widget
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size:
                  type: integer
`;
