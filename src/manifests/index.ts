/** Reading Kubernetes manifests from changed files: parsing, identity, quantities, git access. */
export { apiGroup, describeResource, isClusterScoped, resourceId, resourceKey, type ResourceId } from './identity.js';
export { parseQuantity } from './quantity.js';
export { parseYaml, type ParsedDocument, type YamlResult } from './safe-yaml.js';
export { readManifestFile, MAX_FILE_BYTES, type ReadFileOptions } from './manifest-file.js';
export { ManifestDocument, UnreadableDocumentError } from './manifest-document.js';
export { ownerOf, revisionContextFromFiles, isFluxKustomization } from './revision-context.js';
export { readChange, readChangedFiles, type Change, type ChangeFilter } from './read-change.js';
export { readRevisionContexts } from './flux-context.js';
export { globMatcher, pathFilter, isYamlPath } from './globs.js';
export type { FileChange, FluxKustomization, ManifestFile, Resource, RevisionContext, Unreadable } from './types.js';
