// Generates a large Flux GitOps repository with `git fast-import`: one commit that lays out the
// fleet (clusters/, infrastructure/, apps/<team>/<app>/...), then a linear history of small
// commits (image bumps, config and scaling changes, chart upgrades), and a "bad" image bump
// `badDepth` commits below the tip that the benchmark rolls back. Deterministic for a given seed.
import { spawn, execFileSync } from 'node:child_process';
import { APPS, CHARTS, CLUSTERS, GITHUB_COMMITTER, mulberry32, PEOPLE, REVERT_CONTROLLERS, TEAMS } from './shared.mjs';

/** Bumped whenever the generated history changes, so cached origins are rebuilt. */
export const GENERATOR_VERSION = 2;

/** [name, chart repository, version] of each controller. */
const CONTROLLERS = REVERT_CONTROLLERS.map(name => [name, CHARTS[name].url, CHARTS[name].version]);
const FLUX_BOT = 'fluxcdbot <fluxcdbot@users.noreply.github.com>';

/** Fixed files outside apps/: clusters and infrastructure. */
const FIXED_FILES = CLUSTERS.length * 5 + CONTROLLERS.length * 4 + 2;
const FILES_PER_APP = 5;
const APPS_PER_TEAM = 25;

/** The fleet's apps: enough of them that the repository has at least `files` manifest files. */
function planApps(files) {
  const apps = [];
  for (let n = 0; n < 100000; n++) {
    const teams = Math.ceil(apps.length / APPS_PER_TEAM);
    if (FIXED_FILES + teams + apps.length * FILES_PER_APP >= files) break;
    const t = Math.floor(apps.length / APPS_PER_TEAM);
    const team = t < TEAMS.length ? TEAMS[t] : `${TEAMS[t % TEAMS.length]}-${Math.floor(t / TEAMS.length) + 1}`;
    const a = apps.length % APPS_PER_TEAM;
    const name = a < APPS.length ? APPS[a] : `svc-${a}`;
    apps.push({
      team,
      name,
      version: [1, (t * 7 + a) % 20, a % 10],
      replicas: 2 + (a % 4),
      cpu: 100 + (a % 5) * 50,
      min: 2,
      max: 6 + (a % 5),
      logLevel: 'info',
      timeoutMs: 3000,
      cacheTtl: 300,
      poolSize: 10
    });
  }
  return apps;
}

const tag = v => v.join('.');
const dir = app => `apps/${app.team}/${app.name}`;

function deployment(app, tagOverride) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${app.team}
  labels:
    app.kubernetes.io/name: ${app.name}
    app.kubernetes.io/part-of: ${app.team}
spec:
  replicas: ${app.replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app.name}
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
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: ${app.name}
          image: ghcr.io/acme/${app.team}/${app.name}:${tagOverride ?? tag(app.version)} # {"$imagepolicy": "flux-system:${app.team}-${app.name}"}
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          envFrom:
            - configMapRef:
                name: ${app.name}-config
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            requests:
              cpu: ${app.cpu}m
              memory: 256Mi
            limits:
              memory: 512Mi
`;
}

const service = app => `apiVersion: v1
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
`;

const appKustomization = app => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${app.team}
resources:
  - deployment.yaml
  - service.yaml
  - configmap.yaml
  - hpa.yaml
`;

const configmap = app => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app.name}-config
  namespace: ${app.team}
data:
  LOG_LEVEL: ${app.logLevel}
  UPSTREAM_TIMEOUT_MS: "${app.timeoutMs}"
  CACHE_TTL_SECONDS: "${app.cacheTtl}"
  DB_POOL_SIZE: "${app.poolSize}"
  OTEL_EXPORTER_OTLP_ENDPOINT: http://tempo.monitoring:4317
`;

const hpa = app => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${app.name}
  namespace: ${app.team}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${app.name}
  minReplicas: ${app.min}
  maxReplicas: ${app.max}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;

const teamKustomization = (team, names) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
${names.map(n => `  - ${n}`).join('\n')}
`;

function gotkComponents(cluster) {
  // Stand-in for the ~10k-line generated Flux components file: large and never edited by hand.
  const parts = [
    'source-controller',
    'kustomize-controller',
    'helm-controller',
    'notification-controller',
    'image-reflector-controller',
    'image-automation-controller'
  ];
  let out = `# This manifest was generated by flux. DO NOT EDIT.\n# Flux Version: v2.3.0\n# Components: ${parts.join(',')}\n# Cluster: ${cluster}\n`;
  for (const p of parts) {
    for (let i = 0; i < 40; i++) {
      out += `---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${p}-crd-${i}.toolkit.fluxcd.io\n  labels:\n    app.kubernetes.io/component: ${p}\n    app.kubernetes.io/instance: flux-system\n    app.kubernetes.io/version: v2.3.0\nspec:\n  group: toolkit.fluxcd.io\n  names:\n    kind: ${p.replace(/-/g, '')}${i}\n    plural: ${p.replace(/-/g, '')}${i}s\n  scope: Namespaced\n`;
    }
  }
  return out;
}

const fluxKustomization = (name, path, dependsOn) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 1m
  timeout: 5m
  path: ${path}
  prune: true
  wait: true
  sourceRef:
    kind: GitRepository
    name: flux-system
${dependsOn ? `  dependsOn:\n    - name: ${dependsOn}\n` : ''}`;

const helmRelease = ([name], version) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${name}
spec:
  interval: 30m
  chart:
    spec:
      chart: ${name}
      version: "${version}"
      sourceRef:
        kind: HelmRepository
        name: ${name}
  install:
    remediation:
      retries: 3
  values:
    replicaCount: 2
`;

function initialFiles(apps) {
  const files = new Map();
  for (const c of CLUSTERS) {
    files.set(`clusters/${c}/flux-system/gotk-components.yaml`, gotkComponents(c));
    files.set(
      `clusters/${c}/flux-system/gotk-sync.yaml`,
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: flux-system\n  namespace: flux-system\nspec:\n  interval: 1m\n  ref:\n    branch: main\n  url: ssh://git@github.com/acme/fleet\n---\n${fluxKustomization('flux-system', `./clusters/${c}`)}`
    );
    files.set(
      `clusters/${c}/flux-system/kustomization.yaml`,
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - gotk-components.yaml\n  - gotk-sync.yaml\n`
    );
    files.set(`clusters/${c}/infrastructure.yaml`, fluxKustomization('infrastructure', './infrastructure/controllers'));
    files.set(`clusters/${c}/apps.yaml`, fluxKustomization('apps', './apps', 'infrastructure'));
  }
  for (const ctl of CONTROLLERS) {
    const [name, url, version] = ctl;
    const d = `infrastructure/controllers/${name}`;
    files.set(`${d}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
    files.set(
      `${d}/helmrepository.yaml`,
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: ${name}\n  namespace: ${name}\nspec:\n  interval: 24h\n  url: ${url}\n`
    );
    files.set(`${d}/helmrelease.yaml`, helmRelease(ctl, version));
    files.set(
      `${d}/kustomization.yaml`,
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - helmrepository.yaml\n  - helmrelease.yaml\n`
    );
  }
  files.set(
    'infrastructure/controllers/kustomization.yaml',
    teamKustomization(
      '',
      CONTROLLERS.map(c => c[0])
    )
  );
  files.set('README.md', '# fleet\n\nFlux GitOps repository for the acme clusters. Generated by bench/generate.mjs.\n');
  const byTeam = new Map();
  for (const app of apps) {
    byTeam.set(app.team, [...(byTeam.get(app.team) ?? []), app.name]);
    files.set(`${dir(app)}/deployment.yaml`, deployment(app));
    files.set(`${dir(app)}/service.yaml`, service(app));
    files.set(`${dir(app)}/kustomization.yaml`, appKustomization(app));
    files.set(`${dir(app)}/configmap.yaml`, configmap(app));
    files.set(`${dir(app)}/hpa.yaml`, hpa(app));
  }
  for (const [team, names] of byTeam) files.set(`apps/${team}/kustomization.yaml`, teamKustomization(team, names));
  return files;
}

/** One history commit: message, author and changed files, picked at random (avoiding `avoid`). */
function randomChange(rand, apps, charts, avoid) {
  const pick = list => list[Math.floor(rand() * list.length)];
  const pickApp = () => {
    for (let i = 0; i < 1000; i++) {
      const a = pick(apps);
      if (a !== avoid) return a;
    }
    return apps.find(a => a !== avoid);
  };
  const bump = app => {
    const v = app.version;
    if (rand() < 0.15) app.version = [v[0], v[1] + 1, 0];
    else app.version = [v[0], v[1], v[2] + 1];
  };
  const r = rand();
  if (r < 0.55) {
    const app = pickApp();
    bump(app);
    return {
      author: FLUX_BOT,
      message: `Update image ghcr.io/acme/${app.team}/${app.name} to ${tag(app.version)}\n\nAutomation: flux-system/${app.team}-${app.name}\n`,
      files: [[`${dir(app)}/deployment.yaml`, deployment(app)]]
    };
  }
  if (r < 0.65) {
    const first = pickApp();
    const wave = apps.filter(a => a.team === first.team && a !== avoid).slice(0, 2 + Math.floor(rand() * 2));
    if (!wave.includes(first)) wave[0] = first;
    for (const a of wave) bump(a);
    return {
      author: pick(PEOPLE),
      message: `${first.team}: release wave (${wave.map(a => `${a.name} ${tag(a.version)}`).join(', ')})\n`,
      files: wave.map(a => [`${dir(a)}/deployment.yaml`, deployment(a)])
    };
  }
  if (r < 0.77) {
    const app = pickApp();
    const knob = Math.floor(rand() * 4);
    let what;
    if (knob === 0) {
      app.logLevel = app.logLevel === 'info' ? 'debug' : 'info';
      what = `LOG_LEVEL=${app.logLevel}`;
    } else if (knob === 1) {
      app.timeoutMs += 500;
      what = `upstream timeout ${app.timeoutMs}ms`;
    } else if (knob === 2) {
      app.cacheTtl = app.cacheTtl === 300 ? 600 : 300;
      what = `cache TTL ${app.cacheTtl}s`;
    } else {
      app.poolSize = 5 + Math.floor(rand() * 20);
      what = `DB pool size ${app.poolSize}`;
    }
    return { author: pick(PEOPLE), message: `${app.team}/${app.name}: ${what}\n`, files: [[`${dir(app)}/configmap.yaml`, configmap(app)]] };
  }
  if (r < 0.87) {
    const app = pickApp();
    app.replicas = 2 + Math.floor(rand() * 8);
    app.min = Math.max(1, app.replicas - 1);
    app.max = app.replicas + 4 + Math.floor(rand() * 6);
    return {
      author: pick(PEOPLE),
      message: `Scale ${app.team}/${app.name} to ${app.replicas} replicas (HPA ${app.min}-${app.max})\n`,
      files: [
        [`${dir(app)}/deployment.yaml`, deployment(app)],
        [`${dir(app)}/hpa.yaml`, hpa(app)]
      ]
    };
  }
  if (r < 0.95) {
    const app = pickApp();
    app.cpu = 50 + Math.floor(rand() * 20) * 25;
    return {
      author: pick(PEOPLE),
      message: `${app.team}/${app.name}: request ${app.cpu}m CPU\n`,
      files: [[`${dir(app)}/deployment.yaml`, deployment(app)]]
    };
  }
  const ctl = pick(CONTROLLERS);
  const v = charts.get(ctl[0]).split('.').map(Number);
  v[2] += 1;
  charts.set(ctl[0], v.join('.'));
  return {
    author: pick(PEOPLE),
    message: `infrastructure: upgrade ${ctl[0]} chart to ${charts.get(ctl[0])}\n`,
    files: [[`infrastructure/controllers/${ctl[0]}/helmrelease.yaml`, helmRelease(ctl, charts.get(ctl[0]))]]
  };
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/**
 * Writes the history into the (empty, bare) repository `gitDir` on `refs/heads/main`.
 * Returns the bad commit's path and what it changed; shas are read back by the caller.
 */
export async function generateHistory(gitDir, { commits, files, badDepth, seed }) {
  const rand = mulberry32(seed);
  const apps = planApps(files);
  const charts = new Map(CONTROLLERS.map(c => [c[0], c[2]]));
  const initial = initialFiles(apps);
  const badApp = apps[Math.min(apps.length - 1, APPS_PER_TEAM + 1)];
  const fi = spawn('git', ['fast-import', '--quiet', '--done', '--depth=50'], { cwd: gitDir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise((resolve, reject) => {
    fi.on('error', reject);
    fi.on('close', code => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))));
  });
  let buffer = '';
  const write = async text => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    const chunk = buffer;
    buffer = '';
    if (!fi.stdin.write(chunk)) await new Promise(r => fi.stdin.once('drain', r));
  };
  let time = Date.UTC(2021, 0, 4, 9, 0, 0) / 1000;
  const commit = async (author, message, changed) => {
    time += 600 + Math.floor(rand() * 7200);
    let text = `commit refs/heads/main\nauthor ${author} ${time} +0000\ncommitter ${author === FLUX_BOT ? FLUX_BOT : GITHUB_COMMITTER} ${time} +0000\n${data(message)}`;
    for (const [path, content] of changed) text += `M 100644 inline ${path}\n${data(content)}`;
    await write(text + '\n');
  };
  await commit(PEOPLE[0], 'Bootstrap the fleet: clusters, infrastructure and apps\n', [...initial]);
  let bad;
  for (let i = 1; i < commits; i++) {
    const fromTip = commits - 1 - i;
    if (fromTip === badDepth) {
      const badTag = `${badApp.version[0] + 1}.0.0-rc.1`;
      bad = { path: `${dir(badApp)}/deployment.yaml`, app: `${badApp.team}/${badApp.name}`, from: tag(badApp.version), to: badTag };
      await commit(
        FLUX_BOT,
        `Update image ghcr.io/acme/${badApp.team}/${badApp.name} to ${badTag}\n\nAutomation: flux-system/${badApp.team}-${badApp.name}\n`,
        [[bad.path, deployment(badApp, badTag)]]
      );
      continue;
    }
    // After the bad commit, nothing touches its app, so reverting it is conflict-free.
    const change = randomChange(rand, apps, charts, fromTip < badDepth ? badApp : undefined);
    await commit(change.author, change.message, change.files);
  }
  await write('done\n');
  fi.stdin.end(buffer);
  await exited;
  return { bad, fileCount: initial.size, apps: apps.length };
}

export function gitSync(cwd, args, options = {}) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options }).trim();
}
