/** What identifies a Kubernetes object: API group, kind, namespace and name. */
export interface ResourceId {
  apiVersion: string;
  /** API group from apiVersion: `apps/v1` -> `apps`, `v1` -> `` (core). */
  group: string;
  kind: string;
  /** Undefined for cluster-scoped kinds and for objects that name no namespace. */
  namespace?: string;
  name: string;
}

// Kinds that ignore metadata.namespace; unknown custom kinds are assumed namespaced.
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeAttributesClass',
  'APIService',
  'CertificateSigningRequest',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PodSecurityPolicy',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ClusterIssuer',
  'ClusterSecretStore',
  'ClusterPolicy'
]);

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** True for kinds whose objects live outside namespaces. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** Builds a ResourceId, dropping the namespace of cluster-scoped kinds. */
export function resourceId(apiVersion: string, kind: string, name: string, namespace?: string): ResourceId {
  // Every id has the same fields (namespace undefined when there is none): objects of one shape
  // keep the code reading them fast.
  return { apiVersion, group: apiGroup(apiVersion), kind, namespace: namespace && !isClusterScoped(kind) ? namespace : undefined, name };
}

/** The key two manifests share when they describe the same object (version-independent). */
export function resourceKey(id: ResourceId): string {
  return `${id.group}|${id.kind}|${id.namespace ?? ''}|${id.name}`;
}

/** `Kind namespace/name` for messages. */
export function describeResource(id: ResourceId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}
