// Generates the safety-check benchmark's repository with `git fast-import`: a base commit holding a
// Flux fleet (clusters/, infrastructure/, apps/) and a head commit that changes a few thousand of
// its manifest files the way a large pull request does (image bumps, config edits, grown volumes,
// chart upgrades, operator CRD upgrades, dashboards). Deterministic for a given seed.
import { spawn } from 'node:child_process';
import { APPS as ALL_APPS, CHARTS, CLUSTERS, mulberry32, SAFETY_CHECK_CONTROLLERS, TEAMS as FLEET_TEAMS } from './shared.mjs';

/** Bumped whenever the generated content changes, so cached repositories are rebuilt. */
export const CHANGE_GENERATOR_VERSION = 1;

/** Teams in path order. */
const TEAMS = [...FLEET_TEAMS].sort();
const APPS = ALL_APPS.slice(0, 20);
/** [name, version in the fleet, version the pull request upgrades to] of each controller. */
const CONTROLLERS = SAFETY_CHECK_CONTROLLERS.map(name => [name, CHARTS[name].version, CHARTS[name].upgrade]);
/**
 * Operator CRDs: [file, group, kind, head change]. `schema` removes a property and narrows an enum,
 * `enum` only narrows an enum, `docs` rewords descriptions, `version` adds a served version,
 * `meta` touches only annotations (the usual chart bump).
 */
const CRDS = [
  ['cert-manager', 'cert-manager.io', 'Certificate', 'schema'],
  ['cloudnative-pg', 'postgresql.cnpg.io', 'Cluster', 'enum'],
  ['external-secrets', 'external-secrets.io', 'ExternalSecret', 'docs'],
  ['kube-prometheus-stack', 'monitoring.coreos.com', 'Prometheus', 'version'],
  ['kyverno', 'kyverno.io', 'ClusterPolicy', 'meta'],
  ['strimzi', 'kafka.strimzi.io', 'Kafka', 'schema'],
  ['velero', 'velero.io', 'Backup', 'meta'],
  ['tempo', 'tempo.grafana.com', 'TempoStack', 'docs']
];
const WORDS = (
  'the of a to is in that for it as with be on by this are or from an which at not resource field value name ' +
  'object must should when if specifies defines reference secret namespace default controller cluster pod container ' +
  'configuration used set will can may be empty only applies selected template spec status condition type key ' +
  'certificate issuer duration renewal storage volume backup schedule replicas policy rule match label annotation'
).split(' ');

// ---------------------------------------------------------------------------------------------
// CRDs: a schema tree rendered the way controller-gen writes it (block style, `description: |-`).

function sentence(rnd, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

function description(rnd) {
  const lines = [];
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) lines.push(sentence(rnd, 8 + Math.floor(rnd() * 10)));
  return lines;
}

/** A random schema node of about `budget` bytes once rendered. */
function schemaNode(rnd, depth, budget, names) {
  const node = { description: description(rnd) };
  const roll = rnd();
  if (depth > 7 || budget < 600 || roll < 0.12) {
    const leaf = rnd();
    if (leaf < 0.45) {
      node.type = 'string';
      if (rnd() < 0.2) node.enum = ['Always', 'IfNotPresent', 'Never', 'OnFailure', 'Retain', 'Delete'].slice(0, 2 + Math.floor(rnd() * 4));
      if (rnd() < 0.15) node.pattern = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
      if (rnd() < 0.2) node.maxLength = 63;
    } else if (leaf < 0.7) {
      node.type = 'integer';
      node.format = 'int32';
      if (rnd() < 0.4) node.minimum = 0;
    } else if (leaf < 0.85) {
      node.type = 'boolean';
    } else {
      node.type = 'object';
      node.additionalProperties = { type: 'string' };
    }
    return node;
  }
  if (roll < 0.3) {
    node.type = 'array';
    node.items = schemaNode(rnd, depth + 1, budget * 0.9, names);
    node.items.description = undefined;
    return node;
  }
  node.type = 'object';
  node.properties = {};
  const count = 2 + Math.floor(rnd() * 7);
  for (let i = 0; i < count; i++) {
    const name = `${names[Math.floor(rnd() * names.length)]}${i > 0 && rnd() < 0.5 ? names[Math.floor(rnd() * names.length)].replace(/^./, c => c.toUpperCase()) : ''}`;
    if (node.properties[name]) continue;
    node.properties[name] = schemaNode(rnd, depth + 1, budget / count, names);
  }
  if (rnd() < 0.3) node.required = Object.keys(node.properties).slice(0, 1);
  return node;
}

function renderSchema(node, indent, out) {
  const pad = ' '.repeat(indent);
  for (const key of ['description', 'type', 'format', 'pattern', 'maxLength', 'minimum']) {
    const v = node[key];
    if (v === undefined) continue;
    if (key === 'description') {
      out.push(`${pad}description: |-`);
      for (const line of v) out.push(`${pad}  ${line}`);
    } else out.push(`${pad}${key}: ${key === 'pattern' ? `'${v}'` : v}`);
  }
  if (node.enum) {
    out.push(`${pad}enum:`);
    for (const e of node.enum) out.push(`${pad}- ${e}`);
  }
  if (node.additionalProperties) out.push(`${pad}additionalProperties:`, `${pad}  type: ${node.additionalProperties.type}`);
  if (node.items) {
    out.push(`${pad}items:`);
    renderSchema(node.items, indent + 2, out);
  }
  if (node.properties) {
    out.push(`${pad}properties:`);
    for (const [name, sub] of Object.entries(node.properties).sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(`${pad}  ${name}:`);
      renderSchema(sub, indent + 4, out);
    }
  }
  if (node.required) {
    out.push(`${pad}required:`);
    for (const r of node.required) out.push(`${pad}- ${r}`);
  }
}

function crdSchema(rnd, bytes, nodeBudget = 40000) {
  const names = [];
  for (let i = 0; i < 400; i++)
    names.push(WORDS[Math.floor(rnd() * WORDS.length)] + (i % 3 === 0 ? 'Ref' : i % 3 === 1 ? 'Spec' : 'Config'));
  const spec = { description: description(rnd), type: 'object', properties: {} };
  // Top-level spec properties until the rendered schema is about `bytes` long.
  for (let i = 0, size = 0; size < bytes; i++) {
    const sub = schemaNode(rnd, 2, nodeBudget, names);
    spec.properties[`${names[i % names.length]}${i}`] = sub;
    const out = [];
    renderSchema(sub, 0, out);
    size += out.join('\n').length * 1.15;
  }
  return {
    description: ['Resource is the Schema for the API.'],
    type: 'object',
    properties: {
      apiVersion: { description: ['APIVersion defines the versioned schema of this representation of an object.'], type: 'string' },
      kind: { description: ['Kind is a string value representing the REST resource this object represents.'], type: 'string' },
      metadata: { type: 'object' },
      spec,
      status: {
        description: ['Status of the resource.'],
        type: 'object',
        properties: { phase: { type: 'string' }, observedGeneration: { type: 'integer', format: 'int64' } }
      }
    }
  };
}

/** Walks object properties depth first and returns the first node matching `pick`. */
function findNode(node, pick, path = []) {
  if (pick(node, path)) return { node, path };
  for (const [name, sub] of Object.entries(node.properties ?? {})) {
    const found = findNode(sub, pick, [...path, name]);
    if (found) return found;
  }
  return node.items ? findNode(node.items, pick, [...path, '[*]']) : undefined;
}

function mutateDocs(node, rnd) {
  if (node.description) node.description = node.description.map(l => (rnd() < 0.3 ? l.replace(/\.$/, ' (deprecated wording).') : l));
  for (const sub of Object.values(node.properties ?? {})) mutateDocs(sub, rnd);
  if (node.items) mutateDocs(node.items, rnd);
}

function crdText({ group, kind, versions, chartVersion, genVersion }) {
  const plural = `${kind.toLowerCase()}s`;
  const out = [
    '---',
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  annotations:',
    `    controller-gen.kubebuilder.io/version: ${genVersion}`,
    '  labels:',
    `    app.kubernetes.io/version: ${chartVersion}`,
    `  name: ${plural}.${group}`,
    'spec:',
    `  group: ${group}`,
    '  names:',
    `    kind: ${kind}`,
    `    listKind: ${kind}List`,
    `    plural: ${plural}`,
    `    singular: ${kind.toLowerCase()}`,
    '  scope: Namespaced',
    '  versions:'
  ];
  for (const v of versions) {
    out.push(`  - name: ${v.name}`, '    schema:', '      openAPIV3Schema:');
    renderSchema(v.schema, 8, out);
    out.push(`    served: ${v.served}`, `    storage: ${v.storage}`, '    subresources:', '      status: {}');
  }
  return `${out.join('\n')}\n`;
}

/** Base and head text of one operator CRD (about `bytes` long, two versions sharing a schema). */
function crdPair(rnd, [, group, kind, change], bytes) {
  const schema = crdSchema(rnd, bytes / 2);
  const base = {
    group,
    kind,
    chartVersion: 'v1.0.0',
    genVersion: 'v0.14.0',
    versions: [
      { name: 'v1beta1', served: true, storage: false, schema },
      { name: 'v1', served: true, storage: true, schema }
    ]
  };
  const headSchema = structuredClone(schema);
  const spec = headSchema.properties.spec;
  if (change === 'schema' || change === 'enum') {
    const withEnum = findNode(spec, n => Array.isArray(n.enum) && n.enum.length > 2);
    if (withEnum) withEnum.node.enum = withEnum.node.enum.slice(0, -1);
  }
  if (change === 'schema') {
    const parent = findNode(spec, (n, p) => p.length >= 2 && n.properties && Object.keys(n.properties).length > 2);
    if (parent) delete parent.node.properties[Object.keys(parent.node.properties)[1]];
  }
  if (change === 'docs') mutateDocs(spec, rnd);
  const headVersions = [
    { ...base.versions[0], schema: headSchema },
    { ...base.versions[1], schema: headSchema }
  ];
  if (change === 'version') headVersions.push({ name: 'v2alpha1', served: true, storage: false, schema: headSchema });
  const head = { ...base, chartVersion: 'v1.1.0', genVersion: 'v0.15.0', versions: headVersions };
  return [crdText(base), crdText(head)];
}

/** A file of small CRDs (an operator bundle): unchanged schemas, annotations bumped. */
function smallCrds(rnd, count, genVersion) {
  const docs = [];
  const local = mulberry32(7);
  for (let i = 0; i < count; i++) {
    const schema = crdSchema(local, 10000, 3000);
    docs.push(
      crdText({
        group: 'addons.example.io',
        kind: `Addon${i}`,
        versions: [{ name: 'v1', served: true, storage: true, schema }],
        chartVersion: 'v2.3.0',
        genVersion
      })
    );
  }
  void rnd;
  return docs.join('');
}

// ---------------------------------------------------------------------------------------------
// Workloads, config, volumes, Flux and Helm objects.

function deploymentFile(app, v) {
  return `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app.name}
  namespace: ${app.team}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${app.team}
  labels:
    app.kubernetes.io/name: ${app.name}
    app.kubernetes.io/part-of: ${app.team}
    app.kubernetes.io/version: "${v.tag}"
spec:
  replicas: ${v.replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app.name}
        app.kubernetes.io/part-of: ${app.team}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: ${app.name}
      securityContext:
        runAsNonRoot: true
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${app.name}
      containers:
        - name: ${app.name}
          image: ghcr.io/acme/${app.team}/${app.name}:${v.tag} # {"$imagepolicy": "flux-system:${app.team}-${app.name}"}
          args: ["--config=/etc/${app.name}/application.yaml", "--log-level=${v.logLevel}"]
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://tempo.monitoring:4317
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${app.name}-db
                  key: url
          envFrom:
            - configMapRef:
                name: ${app.name}-env
          readinessProbe:
            httpGet:
              path: /healthz/ready
              port: http
            periodSeconds: 10
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /healthz/live
              port: http
            initialDelaySeconds: 15
            periodSeconds: 20
          resources:
            requests:
              cpu: ${v.cpu}m
              memory: ${v.memory}Mi
            limits:
              memory: ${v.memory * 2}Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: config
              mountPath: /etc/${app.name}
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: config
          configMap:
            name: ${app.name}-config
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${app.name}
  namespace: ${app.team}
spec:
  selector:
    app.kubernetes.io/name: ${app.name}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${app.name}
  namespace: ${app.team}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${app.name}
  minReplicas: ${v.replicas}
  maxReplicas: ${v.replicas * 4}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app.name}
  namespace: ${app.team}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
`;
}

/** The app's configuration file embedded in a ConfigMap (tens of KB, like real service configs). */
function configFile(app, v, rnd) {
  const lines = [];
  const sections = 18 + Math.floor(rnd() * 10);
  for (let s = 0; s < sections; s++) {
    lines.push(`    ${WORDS[(s * 7) % WORDS.length]}${s}:`);
    for (let k = 0; k < 14; k++) {
      const key = `${WORDS[(s + k * 3) % WORDS.length]}_${k}`;
      const value = k === 0 && s === 0 ? v.timeoutMs : `${WORDS[(s * k) % WORDS.length]}-${(s * 31 + k * 17) % 997}`;
      lines.push(`      ${key}: ${value} # ${sentence(rnd, 6)}`);
    }
  }
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app.name}-config
  namespace: ${app.team}
  labels:
    app.kubernetes.io/name: ${app.name}
    app.kubernetes.io/version: "${v.tag}"
data:
  application.yaml: |
    server:
      port: 8080
      logLevel: ${v.logLevel}
    features:
      newCheckout: ${v.feature}
${lines.join('\n')}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app.name}-env
  namespace: ${app.team}
data:
  LOG_FORMAT: json
  CACHE_TTL_SECONDS: "${v.cacheTtl}"
  POOL_SIZE: "${v.poolSize}"
`;
}

function pvcFile(app, size) {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${app.name}-data
  namespace: ${app.team}
  labels:
    app.kubernetes.io/name: ${app.name}
spec:
  accessModes:
    - ReadWriteOnce
  storageClassName: gp3
  resources:
    requests:
      storage: ${size}
`;
}

const buildFile = resources => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
${resources.map(r => `  - ${r}`).join('\n')}
`;

function fluxKustomization(name, path, { prune = true, wait = false } = {}) {
  return `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 2m
  timeout: 5m
  path: ${path}
  prune: ${prune}
  wait: ${wait}
  sourceRef:
    kind: GitRepository
    name: flux-system
`;
}

/** A HelmRelease with a large values block (chart upgrades change version and some values). */
function helmRelease([name], version, replicas, rnd) {
  const values = [];
  for (let s = 0; s < 60; s++) {
    values.push(`      ${WORDS[(s * 5) % WORDS.length]}${s}:`);
    for (let k = 0; k < 10; k++)
      values.push(`        ${WORDS[(s + k) % WORDS.length]}${k}: ${WORDS[(s * k + 3) % WORDS.length]}-${(s * 13 + k) % 101}`);
  }
  void rnd;
  return `---
apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: ${name}
  namespace: ${name}
spec:
  interval: 1h
  url: https://charts.example.com/${name}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${name}
spec:
  interval: 30m
  releaseName: ${name}
  chart:
    spec:
      chart: ${name}
      version: "${version}"
      sourceRef:
        kind: HelmRepository
        name: ${name}
  install:
    crds: CreateReplace
  upgrade:
    crds: CreateReplace
  values:
    replicaCount: ${replicas}
    resources:
      requests:
        cpu: 100m
        memory: 256Mi
    extra:
${values.join('\n')}
`;
}

/** A Grafana dashboard shipped as a ConfigMap (real ones are 50-200 KB of JSON). */
function dashboard(name, datasource, rnd) {
  const panels = [];
  const count = 40 + Math.floor(rnd() * 40);
  for (let p = 0; p < count; p++) {
    panels.push(`        {
          "id": ${p + 1},
          "type": "timeseries",
          "title": "${sentence(rnd, 4)}",
          "datasource": { "type": "prometheus", "uid": "${datasource}" },
          "gridPos": { "h": 8, "w": 12, "x": ${(p % 2) * 12}, "y": ${Math.floor(p / 2) * 8} },
          "fieldConfig": { "defaults": { "unit": "short", "decimals": 2, "thresholds": { "mode": "absolute", "steps": [ { "color": "green", "value": null }, { "color": "red", "value": 80 } ] } }, "overrides": [] },
          "options": { "legend": { "displayMode": "table", "placement": "bottom", "calcs": ["mean", "max"] }, "tooltip": { "mode": "multi" } },
          "targets": [
            { "refId": "A", "expr": "sum(rate(http_requests_total{namespace=\\"$namespace\\", service=\\"${name}\\", code=~\\"5..\\"}[$__rate_interval])) by (pod)", "legendFormat": "{{pod}}" },
            { "refId": "B", "expr": "histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{namespace=\\"$namespace\\"}[$__rate_interval])) by (le, pod))", "legendFormat": "p99 {{pod}}" }
          ]
        }`);
  }
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: dashboard-${name}
  namespace: monitoring
  labels:
    grafana_dashboard: "1"
data:
  ${name}.json: |
    {
      "title": "${name}",
      "uid": "${name}",
      "schemaVersion": 39,
      "panels": [
${panels.join(',\n')}
      ]
    }
`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Base and head trees as maps path -> content (head: undefined = deleted). `apps` apps per team
 * (40 teams), `dashboards` dashboard ConfigMaps, CRDs of `crdBytes` each.
 */
export function planChange({ seed = 42, appsPerTeam = 22, dashboards = 170, crdBytes = 1_000_000 } = {}) {
  const rnd = mulberry32(seed);
  const base = new Map();
  const head = new Map();
  const both = (path, b, h = b) => {
    if (b !== undefined) base.set(path, b);
    if (h !== undefined) head.set(path, h);
  };

  for (const cluster of CLUSTERS) {
    both(`clusters/${cluster}/flux-system/gotk-sync.yaml`, fluxKustomization('flux-system', `./clusters/${cluster}`));
    both(
      `clusters/${cluster}/infrastructure.yaml`,
      fluxKustomization('infrastructure', './infrastructure') + fluxKustomization('crds', './infrastructure/crds', { prune: false })
    );
    for (const team of TEAMS) {
      // A rollout setting changes on every team's Kustomization; one team is moved to a new folder.
      const moved = cluster === 'staging' && team === 'ledger';
      both(
        `clusters/${cluster}/apps/${team}.yaml`,
        fluxKustomization(`${team}`, `./apps/${team}`),
        fluxKustomization(`${team}`, moved ? `./apps/${team}-v2` : `./apps/${team}`, { wait: true })
      );
    }
  }

  for (const [i, controller] of CONTROLLERS.entries()) {
    const [name, from, to] = controller;
    both(
      `infrastructure/controllers/${name}/release.yaml`,
      helmRelease(controller, from, 2, rnd),
      helmRelease(controller, i % 3 === 0 ? from : to, i % 4 === 0 ? 3 : 2, rnd)
    );
    both(`infrastructure/controllers/${name}/kustomization.yaml`, buildFile(['release.yaml']));
  }
  both('infrastructure/kustomization.yaml', buildFile(['controllers', 'crds', 'monitoring']));

  for (const entry of CRDS) {
    const [b, h] = crdPair(rnd, entry, crdBytes * (0.8 + rnd() * 0.5));
    both(`infrastructure/crds/${entry[0]}.yaml`, b, h);
  }
  both('infrastructure/crds/addons.yaml', smallCrds(rnd, 30, 'v0.14.0'), smallCrds(rnd, 30, 'v0.15.0'));
  both('infrastructure/crds/kustomization.yaml', buildFile(CRDS.map(c => `${c[0]}.yaml`)));

  for (let d = 0; d < dashboards; d++) {
    const name = `${TEAMS[d % TEAMS.length]}-${APPS[Math.floor(d / TEAMS.length) % APPS.length]}`;
    const local = () => mulberry32(seed + d);
    both(
      `infrastructure/monitoring/dashboards/${name}.yaml`,
      dashboard(name, 'prometheus-old', local()),
      dashboard(name, 'prometheus', local())
    );
  }

  for (const [t, team] of TEAMS.entries()) {
    both(`apps/${team}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${team}\n`);
    const resources = ['namespace.yaml'];
    for (let a = 0; a < appsPerTeam; a++) {
      const app = { team, name: APPS[a % APPS.length] + (a >= APPS.length ? `-${Math.floor(a / APPS.length)}` : '') };
      const dir = `apps/${team}/${app.name}`;
      resources.push(app.name);
      const v = {
        tag: `1.${(t * 7 + a) % 20}.${a % 10}`,
        replicas: 2 + (a % 4),
        cpu: 100 + (a % 5) * 50,
        memory: 256,
        logLevel: 'info',
        feature: false,
        timeoutMs: 3000,
        cacheTtl: 300,
        poolSize: 10
      };
      const w = {
        ...v,
        tag: `1.${(t * 7 + a) % 20}.${(a % 10) + 1}`,
        memory: a % 3 === 0 ? 384 : 256,
        feature: a % 4 === 0,
        timeoutMs: a % 5 === 0 ? 5000 : 3000
      };
      // Apps added and removed by the pull request, and the rest changed.
      const added = a === appsPerTeam - 1 && t % 8 === 0;
      const removed = a === appsPerTeam - 2 && t % 10 === 0;
      const seedRnd = () => mulberry32(seed * 1000 + t * 100 + a);
      both(`${dir}/deployment.yaml`, added ? undefined : deploymentFile(app, v), removed ? undefined : deploymentFile(app, w));
      both(`${dir}/config.yaml`, added ? undefined : configFile(app, v, seedRnd()), removed ? undefined : configFile(app, w, seedRnd()));
      if (a % 3 === 0) {
        const grown = a % 6 === 0 && t % 4 === 0;
        both(`${dir}/pvc.yaml`, added ? undefined : pvcFile(app, '10Gi'), removed ? undefined : pvcFile(app, grown ? '20Gi' : '10Gi'));
      }
      both(
        `${dir}/kustomization.yaml`,
        added ? undefined : buildFile(['deployment.yaml', 'config.yaml']),
        removed ? undefined : buildFile(['deployment.yaml', 'config.yaml'])
      );
    }
    both(`apps/${team}/kustomization.yaml`, buildFile(resources));
  }
  return { base, head };
}

/** Writes `base` and `head` as two commits (branches `main` and `change`) of a new repository. */
export async function writeRepo(gitSync, dir, { base, head }) {
  gitSync(['init', '--quiet', '--initial-branch=main', dir], process.cwd());
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) =>
    child.on('close', code => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))))
  );
  const write = chunk => (child.stdin.write(chunk) ? Promise.resolve() : new Promise(r => child.stdin.once('drain', r)));
  const commit = async (ref, message, files, parent) => {
    const when = parent ? 1717000000 : 1716000000;
    await write(
      `commit ${ref}\nmark :${parent ? 2 : 1}\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`
    );
    await write(`data ${Buffer.byteLength(message)}\n${message}\n`);
    if (parent) await write(`from :1\n`);
    for (const [path, content] of files) {
      if (content === undefined) await write(`D ${path}\n`);
      else await write(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
  };
  await commit('refs/heads/main', 'Fleet', [...base]);
  const changes = [];
  for (const [path, content] of head) if (base.get(path) !== content) changes.push([path, content]);
  for (const path of base.keys()) if (!head.has(path)) changes.push([path, undefined]);
  await commit('refs/heads/change', 'Upgrade operators, bump images, tune config', changes, true);
  await write('done\n');
  child.stdin.end();
  await done;
  gitSync(['symbolic-ref', 'HEAD', 'refs/heads/change'], dir);
  gitSync(['reset', '--quiet', '--hard'], dir);
}
