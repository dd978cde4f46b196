/**
 * Static checks of the Kubernetes manifests in infra/k8s. No cluster runs in CI: these parse every
 * document and assert the properties a rollout depends on (names, selectors, probes, resources, env).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'

const root = fileURLToPath(new URL('../..', import.meta.url))
const k8sDir = path.join(root, 'infra/k8s')

function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`)
  return value
}

// ---------------------------------------------------------------------------------------------------
// Just enough of the Kubernetes object model for these checks.
// ---------------------------------------------------------------------------------------------------

type Labels = Record<string, string>
interface Metadata {
  name?: string
  namespace?: string
  labels?: Labels
}
interface Probe {
  httpGet?: { path?: string; port?: string | number }
  exec?: { command?: string[] }
  tcpSocket?: { port?: string | number }
  periodSeconds?: number
  failureThreshold?: number
}
interface Resources {
  requests?: { cpu?: string | number; memory?: string }
  limits?: { cpu?: string | number; memory?: string }
}
interface Container {
  name?: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: { name?: string; containerPort?: number }[]
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[]
  env?: { name?: string; value?: string }[]
  resources?: Resources
  readinessProbe?: Probe
  livenessProbe?: Probe
  startupProbe?: Probe
  volumeMounts?: { name?: string; mountPath?: string }[]
}
interface PodSpec {
  containers?: Container[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number }
  volumes?: { name?: string }[]
}
interface PodTemplate {
  metadata?: Metadata
  spec?: PodSpec
}
interface K8sObject {
  apiVersion?: string
  kind?: string
  metadata?: Metadata
  data?: Record<string, unknown>
  stringData?: Record<string, unknown>
  spec?: {
    replicas?: number
    selector?: { matchLabels?: Labels } | Labels
    template?: PodTemplate
    backoffLimit?: number
    ports?: { name?: string; port?: number; targetPort?: string | number }[]
    scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string }
    minReplicaCount?: number
    maxReplicaCount?: number
    triggers?: {
      type?: string
      metadata?: Record<string, string>
      authenticationRef?: { name?: string }
    }[]
    secretTargetRef?: { parameter?: string; name?: string; key?: string }[]
  }
}

interface LoadedFile {
  file: string
  docs: K8sObject[]
}

function load(file: string): LoadedFile {
  const text = readFileSync(path.join(k8sDir, file), 'utf8')
  const docs = parseAllDocuments(text)
  if (!Array.isArray(docs)) throw new Error(`${file}: not a YAML stream`)
  const parsed: K8sObject[] = []
  for (const doc of docs) {
    const problems = [...doc.errors, ...doc.warnings].map((e) => e.message)
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`)
    const value: unknown = doc.toJS()
    if (value !== null && value !== undefined) parsed.push(value as K8sObject)
  }
  return { file, docs: parsed }
}

const REQUIRED_FILES = [
  'web-deployment.yaml',
  'worker-deployment.yaml',
  'migrate-job.yaml',
  'configmap.yaml',
  'secret.example.yaml',
]
const files = readdirSync(k8sDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map(load)
const all = files.flatMap((f) => f.docs)

function find(kind: string, name: string): K8sObject {
  return must(
    all.find((d) => d.kind === kind && d.metadata?.name === name),
    `${kind}/${name}`,
  )
}
function inFile(file: string, kind: string): K8sObject[] {
  return must(
    files.find((f) => f.file === file),
    file,
  ).docs.filter((d) => d.kind === kind)
}

const podSpec = (obj: K8sObject): PodSpec => must(obj.spec?.template?.spec, `${obj.metadata?.name} pod spec`)
const containers = (obj: K8sObject): Container[] => must(podSpec(obj).containers, 'containers')
const firstContainer = (obj: K8sObject): Container => must(containers(obj)[0], 'container')
const workloads = (): K8sObject[] => all.filter((d) => ['Deployment', 'Job'].includes(d.kind ?? ''))

/** Kubernetes quantities ("250m", "1", "512Mi", "1Gi") as plain numbers, to compare requests to limits. */
function quantity(value: string | number | undefined, what: string): number {
  const text = String(must(value, what))
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(text)
  if (!match) throw new Error(`${what}: not a quantity: ${text}`)
  const factor: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  }
  return Number(match[1]) * (match[2] ? (factor[match[2]] ?? Number.NaN) : 1)
}

const KNOWN_VARIABLES = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'PORT',
  'AUTH_MODE',
  'AUTH_SECRET',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_API_KEY',
  'EMBEDDINGS_BASE_URL',
  'EMBEDDINGS_MODEL',
  'EMBEDDINGS_API_KEY',
  'EMBEDDINGS_DIMENSIONS',
  'POLICYDESK_DATA_DIR',
  'POLICYDESK_LOG_LEVEL',
  'NODE_ENV',
  'METRICS_TOKEN',
])
const SENSITIVE = new Set([
  'METRICS_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
  'AUTH_SECRET',
  'OIDC_CLIENT_SECRET',
  'LLM_API_KEY',
  'EMBEDDINGS_API_KEY',
])

describe('infra/k8s manifests', () => {
  it('has the expected files', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(REQUIRED_FILES))
  })

  it.each(files.map((f) => [f.file, f] as const))('%s: every document is a named object', (_file, loaded) => {
    expect(loaded.docs.length).toBeGreaterThan(0)
    for (const doc of loaded.docs) {
      expect(doc.apiVersion, JSON.stringify(doc).slice(0, 80)).toMatch(
        /^([a-z0-9.-]+\/)?v\d+(alpha\d+|beta\d+)?$/,
      )
      expect(doc.kind).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(doc.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      // Namespace-agnostic: `kubectl apply -n <ns>` decides.
      expect(doc.metadata?.namespace).toBeUndefined()
    }
  })

  it('uses unique kind/name pairs', () => {
    const keys = all.map((d) => `${d.kind}/${d.metadata?.name}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('workloads (web, worker, migrate)', () => {
  it('are the Deployments and Job expected', () => {
    expect(inFile('web-deployment.yaml', 'Deployment')).toHaveLength(1)
    expect(inFile('worker-deployment.yaml', 'Deployment')).toHaveLength(1)
    expect(inFile('migrate-job.yaml', 'Job')).toHaveLength(1)
    expect(find('Job', 'policydesk-migrate').apiVersion).toBe('batch/v1')
    for (const d of all.filter((x) => x.kind === 'Deployment')) expect(d.apiVersion).toBe('apps/v1')
  })

  it('select their own pods', () => {
    for (const d of all.filter((x) => x.kind === 'Deployment')) {
      const selector = must(d.spec?.selector, 'selector') as { matchLabels?: Labels }
      const matchLabels = must(selector.matchLabels, 'matchLabels')
      expect(Object.keys(matchLabels).length).toBeGreaterThan(0)
      expect(d.spec?.template?.metadata?.labels).toMatchObject(matchLabels)
    }
    const web = must(find('Deployment', 'policydesk-web').spec?.selector, 'web') as { matchLabels?: Labels }
    const worker = must(find('Deployment', 'policydesk-worker').spec?.selector, 'worker') as {
      matchLabels?: Labels
    }
    expect(web.matchLabels).not.toEqual(worker.matchLabels)
  })

  it('set resource requests and limits, with requests within limits', () => {
    for (const w of workloads()) {
      for (const c of containers(w)) {
        const what = `${w.metadata?.name}/${c.name}`
        const r = must(c.resources, `${what} resources`)
        for (const kind of ['cpu', 'memory'] as const) {
          const request = quantity(r.requests?.[kind], `${what} requests.${kind}`)
          const limit = quantity(r.limits?.[kind], `${what} limits.${kind}`)
          expect(request, `${what} ${kind}`).toBeGreaterThan(0)
          expect(request, `${what} ${kind}`).toBeLessThanOrEqual(limit)
        }
      }
    }
  })

  it('run as non-root without privilege escalation', () => {
    for (const w of workloads()) {
      expect(podSpec(w).securityContext?.runAsNonRoot, w.metadata?.name).toBe(true)
      expect(podSpec(w).securityContext?.runAsUser, w.metadata?.name).not.toBe(0)
    }
  })

  it('get their configuration from the ConfigMap and Secret defined here', () => {
    const configMaps = new Set(all.filter((d) => d.kind === 'ConfigMap').map((d) => d.metadata?.name))
    const secrets = new Set(all.filter((d) => d.kind === 'Secret').map((d) => d.metadata?.name))
    for (const w of workloads()) {
      const envFrom = must(firstContainer(w).envFrom, `${w.metadata?.name} envFrom`)
      const cm = envFrom.flatMap((e) => (e.configMapRef?.name ? [e.configMapRef.name] : []))
      const sec = envFrom.flatMap((e) => (e.secretRef?.name ? [e.secretRef.name] : []))
      expect(cm.length, w.metadata?.name).toBeGreaterThan(0)
      expect(sec.length, w.metadata?.name).toBeGreaterThan(0)
      for (const name of cm) expect(configMaps.has(name), `ConfigMap ${name}`).toBe(true)
      for (const name of sec) expect(secrets.has(name), `Secret ${name}`).toBe(true)
    }
  })

  it('mount every volume they declare, including the data dir', () => {
    const dataDir = find('ConfigMap', 'policydesk-config').data?.POLICYDESK_DATA_DIR
    for (const w of workloads()) {
      const volumes = new Set((podSpec(w).volumes ?? []).map((v) => v.name))
      const mounts = firstContainer(w).volumeMounts ?? []
      for (const m of mounts) expect(volumes.has(m.name), `${w.metadata?.name} volume ${m.name}`).toBe(true)
      expect(
        mounts.map((m) => m.mountPath),
        w.metadata?.name,
      ).toContain(dataDir)
    }
  })
})

describe('web-deployment.yaml', () => {
  const deployment = find('Deployment', 'policydesk-web')
  const container = firstContainer(deployment)
  const http = must(
    container.ports?.find((p) => p.name === 'http'),
    'http port',
  )

  it('listens on 3000, the PORT the ConfigMap sets', () => {
    expect(http.containerPort).toBe(3000)
    expect(find('ConfigMap', 'policydesk-config').data?.PORT).toBe('3000')
    expect(container.image).toMatch(/web/)
  })

  it('probes readiness on /api/health/ready and liveness on /api/health/live', () => {
    const paths = new Map([
      [container.readinessProbe, '/api/health/ready'],
      [container.startupProbe, '/api/health/ready'],
      [container.livenessProbe, '/api/health/live'],
    ])
    for (const [probe, path] of paths) {
      if (probe === container.startupProbe && !probe) continue
      const get = must(probe?.httpGet, 'httpGet probe')
      expect(get.path).toBe(path)
      expect([http.name, http.containerPort]).toContain(get.port)
    }
    // Liveness must be the more patient probe: readiness drops traffic, liveness restarts the pod.
    const live = must(container.livenessProbe, 'liveness')
    const ready = must(container.readinessProbe, 'readiness')
    expect((live.periodSeconds ?? 10) * (live.failureThreshold ?? 3)).toBeGreaterThan(
      (ready.periodSeconds ?? 10) * (ready.failureThreshold ?? 3),
    )
  })

  it('is exposed by a Service that selects its pods and targets its port', () => {
    const [svc, ...more] = inFile('web-deployment.yaml', 'Service')
    expect(more).toEqual([])
    const service = must(svc, 'Service')
    const selector = must(service.spec?.selector, 'service selector') as Labels
    expect(Object.keys(selector).length).toBeGreaterThan(0)
    expect(deployment.spec?.template?.metadata?.labels).toMatchObject(selector)
    const port = must(service.spec?.ports?.[0], 'service port')
    expect([http.name, http.containerPort]).toContain(port.targetPort)
  })

  it('rolls out without dropping capacity', () => {
    expect(deployment.spec?.replicas ?? 1).toBeGreaterThanOrEqual(2)
  })
})

describe('worker-deployment.yaml', () => {
  const deployment = find('Deployment', 'policydesk-worker')
  const container = firstContainer(deployment)
  const workerDockerfile = readFileSync(path.join(root, 'infra/docker/worker.Dockerfile'), 'utf8')

  it('gives running jobs 60 s to finish on SIGTERM', () => {
    expect(podSpec(deployment).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60)
  })

  it('probes with the health script the worker image ships', () => {
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      const command = must(probe?.exec?.command, 'exec probe')
      expect(command[0]).toBe('node')
      const script = must(command[1], 'probe script')
      expect(workerDockerfile).toContain(`COPY <<'EOF' ${script}`)
    }
  })

  it('uses the worker image, as the migrate Job does', () => {
    expect(container.image).toMatch(/worker/)
    expect(firstContainer(find('Job', 'policydesk-migrate')).image).toBe(container.image)
  })

  it('autoscales on queue depth with a KEDA ScaledObject', () => {
    const scaled = find('ScaledObject', 'policydesk-worker')
    expect(scaled.apiVersion).toBe('keda.sh/v1alpha1')
    expect(scaled.spec?.scaleTargetRef?.name).toBe(deployment.metadata?.name)
    const min = must(scaled.spec?.minReplicaCount, 'minReplicaCount')
    const max = must(scaled.spec?.maxReplicaCount, 'maxReplicaCount')
    expect(min).toBeGreaterThanOrEqual(1)
    expect(max).toBeGreaterThan(min)
    const triggers = must(scaled.spec?.triggers, 'triggers')
    for (const trigger of triggers) {
      expect(trigger.type).toBe('redis')
      expect(Number(trigger.metadata?.listLength)).toBeGreaterThan(0)
      const auth = find('TriggerAuthentication', must(trigger.authenticationRef?.name, 'authenticationRef'))
      for (const ref of must(auth.spec?.secretTargetRef, 'secretTargetRef')) {
        const secret = find('Secret', must(ref.name, 'secret name'))
        expect(Object.keys(secret.stringData ?? secret.data ?? {}), `${ref.name}`).toContain(ref.key)
      }
      expect(auth.spec?.secretTargetRef?.map((r) => r.parameter)).toContain('address')
    }
  })

  it('watches the BullMQ wait list of every queue packages/jobs defines', () => {
    const definitions = path.join(root, 'packages/jobs/src/definitions')
    const queues = new Set<string>()
    for (const file of existsSync(definitions) ? readdirSync(definitions) : []) {
      const text = readFileSync(path.join(definitions, file), 'utf8')
      for (const [, name] of text.matchAll(/\bqueue:\s*['"]([^'"]+)['"]/g)) if (name) queues.add(name)
    }
    expect(queues.size, 'queues found in packages/jobs').toBeGreaterThan(0)
    const lists = (find('ScaledObject', 'policydesk-worker').spec?.triggers ?? []).map(
      (t) => t.metadata?.listName,
    )
    for (const queue of queues) expect(lists).toContain(`bull:${queue}:wait`)
  })
})

describe('migrate-job.yaml', () => {
  const job = find('Job', 'policydesk-migrate')
  const container = firstContainer(job)

  it('runs `policydesk db migrate` once, without restarting in place', () => {
    const argv = [...(container.command ?? []), ...(container.args ?? [])].join(' ')
    expect(argv).toMatch(/(^|\s)policydesk db migrate$/)
    expect(['Never', 'OnFailure']).toContain(podSpec(job).restartPolicy)
    const backoff = must(job.spec?.backoffLimit, 'backoffLimit')
    expect(backoff).toBeGreaterThanOrEqual(1)
    expect(backoff).toBeLessThanOrEqual(6)
  })

  it('keeps the image entrypoint (args, not command)', () => {
    expect(container.command).toBeUndefined()
  })
})

describe('configmap.yaml and secret.example.yaml', () => {
  const config = find('ConfigMap', 'policydesk-config')
  const secret = find('Secret', 'policydesk-secrets')
  const configData = must(config.data, 'ConfigMap data')
  const secretData = must(secret.stringData, 'Secret stringData')

  it('hold only string values, none empty (an empty string is a value the app would reject)', () => {
    for (const [key, value] of [...Object.entries(configData), ...Object.entries(secretData)]) {
      expect(typeof value, key).toBe('string')
      expect(value, key).not.toBe('')
    }
  })

  it('define what a production pod needs, and nothing unknown', () => {
    const keys = [...Object.keys(configData), ...Object.keys(secretData)]
    for (const key of keys) expect(KNOWN_VARIABLES.has(key), key).toBe(true)
    expect(keys).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'REDIS_URL',
        'AUTH_MODE',
        'AUTH_SECRET',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'NODE_ENV',
        'PORT',
        'POLICYDESK_DATA_DIR',
      ]),
    )
  })

  it('keep credentials out of the ConfigMap', () => {
    for (const key of Object.keys(configData)) expect(SENSITIVE.has(key), key).toBe(false)
    for (const key of Object.keys(secretData)) expect(SENSITIVE.has(key), key).toBe(true)
  })

  it('default to OIDC sign-in in production', () => {
    expect(configData.AUTH_MODE).toBe('oidc')
    expect(configData.NODE_ENV).toBe('production')
  })

  it('ship valid connection-string shapes in the example', () => {
    expect(new URL(String(secretData.DATABASE_URL)).protocol).toMatch(/^postgres(ql)?:$/)
    expect(new URL(String(secretData.REDIS_URL)).protocol).toMatch(/^rediss?:$/)
    expect(String(secretData.AUTH_SECRET).length).toBeGreaterThanOrEqual(32)
  })
})
