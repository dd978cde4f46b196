// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose ${VAR} interpolation is what this file tests
/**
 * Static checks of docker-compose.yml, the Dockerfiles it builds and .dockerignore. No Docker engine runs
 * in CI, so these read the files and assert what `docker compose up` relies on. The container health
 * probes are plain Node scripts, so those are also run here against loopback stand-ins.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { type AddressInfo, createServer as createTcpServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8')

function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`)
  return value
}

// ---------------------------------------------------------------------------------------------------
// The environment contract (docs/deployment.md, .env.example)
// ---------------------------------------------------------------------------------------------------

const APP_VARIABLES = [
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
  'NODE_ENV',
] as const

const SECRET_NAME = /SECRET|PASSWORD|API_KEY|TOKEN/

// ---------------------------------------------------------------------------------------------------
// Compose interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}, ${VAR:+x},
// nesting and $$), evaluated the way docker compose does, so defaults can be checked as values.
// ---------------------------------------------------------------------------------------------------

type Vars = Readonly<Record<string, string>>

function interpolate(input: string, vars: Vars): string {
  let out = ''
  let i = 0
  while (i < input.length) {
    const ch = input[i]
    if (ch !== '$') {
      out += ch
      i++
      continue
    }
    const next = input[i + 1]
    if (next === '$') {
      out += '$'
      i += 2
      continue
    }
    if (next === '{') {
      const end = matchingBrace(input, i + 1)
      out += expand(input.slice(i + 2, end), vars)
      i = end + 1
      continue
    }
    const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i + 1))
    if (bare) {
      out += vars[bare[0]] ?? ''
      i += 1 + bare[0].length
      continue
    }
    out += ch
    i++
  }
  return out
}

function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}') {
      depth--
      if (depth === 0) return i
    }
  }
  throw new Error(`unclosed \${ in ${text}`)
}

function expand(body: string, vars: Vars): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body)
  if (!match) throw new Error(`invalid interpolation \${${body}}`)
  const [, name = '', op, operand = ''] = match
  const value = vars[name]
  const isSet = value !== undefined
  const isNonEmpty = isSet && value !== ''
  switch (op) {
    case undefined:
      return value ?? ''
    case ':-':
      return isNonEmpty ? value : interpolate(operand, vars)
    case '-':
      return isSet ? value : interpolate(operand, vars)
    case ':?':
      if (!isNonEmpty) throw new Error(`${name}: ${interpolate(operand, vars)}`)
      return value
    case '?':
      if (!isSet) throw new Error(`${name}: ${interpolate(operand, vars)}`)
      return value
    case ':+':
      return isNonEmpty ? interpolate(operand, vars) : ''
    case '+':
      return isSet ? interpolate(operand, vars) : ''
    default:
      throw new Error(`unknown operator ${op}`)
  }
}

describe('the interpolation helper (used below to read compose defaults)', () => {
  it('follows the compose rules', () => {
    expect(interpolate('${A:-x}', {})).toBe('x')
    expect(interpolate('${A:-x}', { A: '' })).toBe('x')
    expect(interpolate('${A-x}', { A: '' })).toBe('')
    expect(interpolate('${A:-pre-${B:-y}-post}', {})).toBe('pre-y-post')
    expect(interpolate('$${A}', { A: 'no' })).toBe('${A}')
    expect(() => interpolate('${A:?need A}', {})).toThrow('need A')
    expect(interpolate('${A:?need A}', { A: 'a' })).toBe('a')
  })
})

// ---------------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------------

type EnvValue = string | number | boolean | null
interface Healthcheck {
  test?: string | string[]
  disable?: boolean
  interval?: string
  timeout?: string
  retries?: number
  start_period?: string
}
interface Build {
  context?: string
  dockerfile?: string
}
interface Service {
  image?: string
  build?: string | Build
  command?: string | string[]
  environment?: Record<string, EnvValue> | string[]
  depends_on?: string[] | Record<string, { condition?: string }>
  healthcheck?: Healthcheck
  ports?: (string | number | { target?: number; published?: string | number })[]
  restart?: string
  stop_grace_period?: string
  container_name?: string
  volumes?: (string | { type?: string; source?: string; target?: string })[]
  profiles?: string[]
  secrets?: string[]
  expose?: (string | number)[]
}
interface ComposeFile {
  name?: string
  services?: Record<string, Service>
  volumes?: Record<string, unknown>
}

const composeText = read('docker-compose.yml')
const compose = parse(composeText, { merge: true }) as ComposeFile
const services = must(compose.services, 'services')
const service = (name: string): Service => must(services[name], `service ${name}`)

/** What a user must put in .env for `docker compose up` to start at all. */
const MINIMAL_ENV: Vars = { POSTGRES_PASSWORD: 'pw-from-env', AUTH_SECRET: 'secret-from-env' }

function environmentOf(svc: Service): Record<string, EnvValue> {
  const env = svc.environment ?? {}
  if (!Array.isArray(env)) return env
  const out: Record<string, EnvValue> = {}
  for (const entry of env) {
    const eq = entry.indexOf('=')
    if (eq === -1) out[entry] = null
    else out[entry.slice(0, eq)] = entry.slice(eq + 1)
  }
  return out
}

/** The container environment compose would produce: valueless entries pass through only when set. */
function resolvedEnv(svc: Service, vars: Vars): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, raw] of Object.entries(environmentOf(svc))) {
    if (raw === null) {
      const passed = vars[key]
      if (passed !== undefined) out[key] = passed
    } else out[key] = interpolate(String(raw), vars)
  }
  return out
}

function dependsOn(svc: Service): Record<string, string | undefined> {
  const deps = svc.depends_on ?? {}
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']))
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v.condition ?? 'service_started']))
}

function buildOf(svc: Service): Required<Build> {
  const build = must(svc.build, 'build')
  if (typeof build === 'string') return { context: build, dockerfile: 'Dockerfile' }
  return { context: build.context ?? '.', dockerfile: build.dockerfile ?? 'Dockerfile' }
}

function containerPorts(svc: Service, vars: Vars): number[] {
  return (svc.ports ?? []).map((p) => {
    if (typeof p === 'number') return p
    if (typeof p === 'object') return must(p.target, 'port target')
    const spec = interpolate(p, vars).replace(/\/(tcp|udp)$/, '')
    return Number(spec.split(':').at(-1))
  })
}

function seconds(duration: string): number {
  let total = 0
  for (const [, n = '0', unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(n) * ({ ms: 0.001, s: 1, m: 60, h: 3600 }[unit ?? 's'] ?? 1)
  }
  return total
}

/** The product's own services: the opt-in monitoring profile (Prometheus, Grafana) is checked apart. */
const isLongRunning = (svc: Service): boolean =>
  svc.restart !== 'no' && svc.restart !== undefined && svc.profiles === undefined

describe('docker-compose.yml', () => {
  it('declares postgres, redis, migrate, web and worker', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'migrate', 'web', 'worker']),
    )
  })

  it('runs Postgres from a pgvector image and Redis 7, with named volumes', () => {
    expect(service('postgres').image).toMatch(/^pgvector\/pgvector:pg(1[4-9]|[2-9]\d)\b/)
    expect(service('redis').image).toMatch(/^redis:7(\.|-|$)/)
    const declared = Object.keys(compose.volumes ?? {})
    for (const name of ['postgres', 'redis']) {
      const mounts = service(name).volumes ?? []
      expect(mounts.length, `${name} has a volume`).toBeGreaterThan(0)
      for (const mount of mounts) {
        const source = typeof mount === 'string' ? mount.split(':')[0] : mount.source
        expect(declared, `${name} mounts a named volume`).toContain(source)
      }
    }
  })

  it('configures Redis the way BullMQ needs it (noeviction)', () => {
    const command = service('redis').command
    const text = Array.isArray(command) ? command.join(' ') : (command ?? '')
    expect(text).toMatch(/--maxmemory-policy\s+noeviction/)
  })

  it('gives every long-running service a health check and runs migrate once', () => {
    const longRunning = Object.entries(services).filter(([, svc]) => isLongRunning(svc))
    expect(longRunning.map(([name]) => name).sort()).toEqual(['postgres', 'redis', 'web', 'worker'])
    for (const [name, svc] of longRunning) {
      const hc = must(svc.healthcheck, `${name} healthcheck`)
      expect(hc.disable, name).not.toBe(true)
      const test = Array.isArray(hc.test) ? hc.test : [hc.test]
      expect(test.length, name).toBeGreaterThan(1)
      expect(['CMD', 'CMD-SHELL'], name).toContain(test[0])
    }
    expect(service('migrate').restart).toBe('no')
  })

  it('checks Postgres with pg_isready and Redis with redis-cli ping', () => {
    expect(JSON.stringify(service('postgres').healthcheck?.test)).toContain('pg_isready')
    expect(service('redis').healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping'])
  })

  it('orders start-up: postgres healthy → migrate completed → web and worker', () => {
    expect(dependsOn(service('migrate'))).toMatchObject({ postgres: 'service_healthy' })
    for (const name of ['web', 'worker']) {
      expect(dependsOn(service(name)), name).toMatchObject({
        migrate: 'service_completed_successfully',
        redis: 'service_healthy',
      })
    }
    // A service_healthy condition on a service without a health check would never be met.
    for (const [name, svc] of Object.entries(services)) {
      for (const [dep, condition] of Object.entries(dependsOn(svc))) {
        expect(Object.keys(services), `${name} depends on ${dep}`).toContain(dep)
        if (condition === 'service_healthy') expect(service(dep).healthcheck, dep).toBeDefined()
      }
    }
  })

  it('points web, worker and migrate at the compose postgres and redis services', () => {
    const pg = environmentOf(service('postgres'))
    for (const name of ['web', 'worker', 'migrate']) {
      const env = resolvedEnv(service(name), MINIMAL_ENV)
      const db = new URL(must(env.DATABASE_URL, `${name} DATABASE_URL`))
      expect(db.protocol, name).toMatch(/^postgres(ql)?:$/)
      expect(db.hostname, name).toBe('postgres')
      expect(db.password, name).toBe(MINIMAL_ENV.POSTGRES_PASSWORD)
      expect(db.username, name).toBe(pg.POSTGRES_USER)
      expect(db.pathname, name).toBe(`/${pg.POSTGRES_DB}`)
      const redis = new URL(must(env.REDIS_URL, `${name} REDIS_URL`))
      expect(redis.protocol, name).toBe('redis:')
      expect(redis.hostname, name).toBe('redis')
      expect(env.NODE_ENV, name).toBe('production')
    }
  })

  it('lets .env override the connection strings', () => {
    const env = resolvedEnv(service('web'), {
      ...MINIMAL_ENV,
      DATABASE_URL: 'postgres://u:p@db.internal:5432/pd',
      REDIS_URL: 'rediss://cache.internal:6380',
    })
    expect(env.DATABASE_URL).toBe('postgres://u:p@db.internal:5432/pd')
    expect(env.REDIS_URL).toBe('rediss://cache.internal:6380')
  })

  it('passes every documented variable to web, and all but PORT to worker', () => {
    expect(Object.keys(environmentOf(service('web')))).toEqual(expect.arrayContaining([...APP_VARIABLES]))
    expect(Object.keys(environmentOf(service('worker')))).toEqual(
      expect.arrayContaining(APP_VARIABLES.filter((v) => v !== 'PORT')),
    )
  })

  it('hard-codes no secret and refuses to start without AUTH_SECRET and POSTGRES_PASSWORD', () => {
    for (const [name, svc] of Object.entries(services)) {
      for (const [key, value] of Object.entries(environmentOf(svc))) {
        if (!SECRET_NAME.test(key)) continue
        // Either passed through from .env (no value) or a required ${VAR:?...} without a default.
        expect(value === null || /^\$\{[A-Z0-9_]+:?\?[^}]*\}$/.test(String(value)), `${name}.${key}`).toBe(
          true,
        )
      }
    }
    expect(() => resolvedEnv(service('web'), { POSTGRES_PASSWORD: 'x' })).toThrow(/AUTH_SECRET/)
    expect(() => resolvedEnv(service('postgres'), {})).toThrow(/POSTGRES_PASSWORD/)
    // No literal credentials anywhere in the file either.
    expect(composeText).not.toMatch(/:\/\/[^:/\s]+:(?!\$\{)[^@\s]+@/)
  })

  it('never hands the app an empty string for an unset optional variable', () => {
    // The app validates REDIS_URL, DATABASE_URL, LLM_BASE_URL... when present; "" is present and invalid.
    for (const name of ['web', 'worker', 'migrate']) {
      for (const [key, value] of Object.entries(resolvedEnv(service(name), MINIMAL_ENV))) {
        expect(value, `${name}.${key}`).not.toBe('')
      }
      const passedThrough = resolvedEnv(service(name), { ...MINIMAL_ENV, LLM_MODEL: 'llama3.1' })
      expect(passedThrough.LLM_MODEL, name).toBe('llama3.1')
    }
  })

  it('defaults to OIDC sign-in, with dev mode one variable away', () => {
    expect(resolvedEnv(service('web'), MINIMAL_ENV).AUTH_MODE).toBe('oidc')
    expect(resolvedEnv(service('web'), { ...MINIMAL_ENV, AUTH_MODE: 'dev' }).AUTH_MODE).toBe('dev')
  })

  it('publishes the web app on container port 3000 and probes /api/health/ready there', () => {
    const web = service('web')
    expect(containerPorts(web, MINIMAL_ENV)).toEqual([3000])
    expect(resolvedEnv(web, MINIMAL_ENV).PORT).toBe('3000')
    const test = JSON.stringify(web.healthcheck?.test)
    expect(test).toContain('/api/health/ready')
    expect(test).toContain(':3000/')
  })

  it('lets the worker scale (no fixed name or ports) and finish jobs on stop', () => {
    const worker = service('worker')
    expect(worker.container_name).toBeUndefined()
    expect(worker.ports ?? []).toEqual([])
    expect(seconds(must(worker.stop_grace_period, 'stop_grace_period'))).toBeGreaterThanOrEqual(60)
  })

  it('runs `policydesk db migrate` in migrate, from the worker image', () => {
    const migrate = service('migrate')
    const command = Array.isArray(migrate.command) ? migrate.command.join(' ') : migrate.command
    expect(command).toBe('policydesk db migrate')
    expect(buildOf(migrate)).toEqual(buildOf(service('worker')))
    expect(migrate.image).toBe(service('worker').image)
  })

  it('builds web and worker from Dockerfiles that exist', () => {
    expect(buildOf(service('web')).dockerfile).toBe('infra/docker/web.Dockerfile')
    expect(buildOf(service('worker')).dockerfile).toBe('infra/docker/worker.Dockerfile')
    for (const [name, svc] of Object.entries(services)) {
      if (!svc.build) continue
      const { context, dockerfile } = buildOf(svc)
      expect(existsSync(path.join(root, context, dockerfile)), `${name}: ${dockerfile}`).toBe(true)
    }
  })
})

// ---------------------------------------------------------------------------------------------------
// Dockerfiles
// ---------------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string
  args: string
  heredoc?: string
}
interface Stage {
  name?: string
  base: string
  instructions: Instruction[]
}
interface Dockerfile {
  args: Record<string, string>
  stages: Stage[]
}

/** Enough of the Dockerfile grammar for these checks: continuations, comments, heredocs, stages. */
function parseDockerfile(text: string): Dockerfile {
  const lines = text.split('\n')
  const globalArgs: Record<string, string> = {}
  const stages: Stage[] = []
  let i = 0
  while (i < lines.length) {
    let line = (lines[i] ?? '').trim()
    i++
    if (line === '' || line.startsWith('#')) continue
    while (line.endsWith('\\')) {
      line = line.slice(0, -1)
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('#')) i++
      line += ` ${(lines[i] ?? '').trim()}`
      i++
    }
    const space = line.search(/\s/)
    const keyword = (space === -1 ? line : line.slice(0, space)).toUpperCase()
    const args = space === -1 ? '' : line.slice(space + 1).trim()
    const instruction: Instruction = { keyword, args }
    const marker = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(args)
    if (marker && (keyword === 'RUN' || keyword === 'COPY')) {
      const body: string[] = []
      while (i < lines.length) {
        const raw = lines[i] ?? ''
        i++
        if ((marker[1] ? raw.trim() : raw) === marker[3]) break
        body.push(raw)
      }
      instruction.heredoc = `${body.join('\n')}\n`
    }
    if (keyword === 'FROM') {
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'))
      const base = (parts[0] ?? '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => {
        return globalArgs[v] ?? ''
      })
      const asIndex = parts.findIndex((p) => p.toUpperCase() === 'AS')
      stages.push({ base, name: asIndex === -1 ? undefined : parts[asIndex + 1], instructions: [] })
      continue
    }
    const stage = stages.at(-1)
    if (stage) stage.instructions.push(instruction)
    else if (keyword === 'ARG') {
      const [name = '', value = ''] = args.split('=')
      globalArgs[name] = value
    }
  }
  return { args: globalArgs, stages }
}

function envOf(stage: Stage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue
    if (!args.includes('=')) {
      const [key = '', ...rest] = args.split(/\s+/)
      out[key] = rest.join(' ')
      continue
    }
    for (const pair of args.split(/\s+/)) {
      const eq = pair.indexOf('=')
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1)
    }
  }
  return out
}

function execForm(args: string, what: string): string[] {
  const json = args.slice(args.indexOf('['))
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) {
    throw new Error(`${what} is not in exec form: ${args}`)
  }
  return parsed
}

function last(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((ins) => ins.keyword === keyword).at(-1)
}

const rootPackage = JSON.parse(read('package.json')) as { packageManager?: string }
const lockfile = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; dev?: boolean }>
}

const dockerfiles = {
  web: parseDockerfile(read('infra/docker/web.Dockerfile')),
  worker: parseDockerfile(read('infra/docker/worker.Dockerfile')),
}

describe.each(Object.entries(dockerfiles))('infra/docker/%s.Dockerfile', (_name, file) => {
  const runtime = must(file.stages.at(-1), 'final stage')

  it('is multi-stage: deps → build → runtime', () => {
    const names = file.stages.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['deps', 'build', 'runtime']))
    expect(names.indexOf('deps')).toBeLessThan(names.indexOf('build'))
    expect(runtime.name).toBe('runtime')
    expect(new Set(names).size).toBe(names.length)
  })

  it('builds on a current Node LTS (22+, bookworm-slim)', () => {
    const names = new Set<string>()
    for (const stage of file.stages) {
      if (!names.has(stage.base)) {
        const match = /^node:(\d+)(?:\.\d+)*-bookworm-slim(?:@sha256:[0-9a-f]{64})?$/.exec(stage.base)
        expect(match, `${stage.name}: ${stage.base}`).not.toBeNull()
        const major = Number(match?.[1])
        expect(major).toBeGreaterThanOrEqual(22)
        expect(major % 2, 'an even (LTS) Node major').toBe(0)
      }
      if (stage.name) names.add(stage.name)
    }
  })

  it('copies only from stages defined earlier', () => {
    const seen: string[] = []
    for (const stage of file.stages) {
      for (const { keyword, args } of stage.instructions) {
        const from = /--from=(\S+)/.exec(args)?.[1]
        if (keyword === 'COPY' && from) expect(seen, `${stage.name}: COPY --from=${from}`).toContain(from)
      }
      if (stage.name) seen.push(stage.name)
    }
  })

  it('installs with `npm ci` from the lockfile, using the npm the repo pins', () => {
    const runs = file.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'))
    expect(runs.some((r) => /\bnpm ci\b/.test(r.args))).toBe(true)
    expect(
      runs.some((r) => /\bnpm install\b(?! -g)/.test(r.args)),
      'no plain npm install',
    ).toBe(false)
    expect(runs.some((r) => r.args.includes('package-lock.json'))).toBe(true)
    const pinned = must(/^npm@(.+)$/.exec(rootPackage.packageManager ?? '')?.[1], 'packageManager npm')
    expect(file.args.NPM_VERSION).toBe(pinned)
  })

  it('runs as the non-root node user in production mode, under tini', () => {
    expect(last(runtime, 'USER')?.args).toBe('node')
    expect(envOf(runtime).NODE_ENV).toBe('production')
    expect(envOf(runtime).POLICYDESK_DATA_DIR).toBe('/data')
    expect(execForm(must(last(runtime, 'ENTRYPOINT'), 'ENTRYPOINT').args, 'ENTRYPOINT')[0]).toMatch(/tini$/)
    expect(last(runtime, 'CMD'), 'CMD').toBeDefined()
  })

  it('declares a HEALTHCHECK in exec form', () => {
    const hc = must(last(runtime, 'HEALTHCHECK'), 'HEALTHCHECK')
    expect(hc.args).toMatch(/\bCMD\s+\[/)
    expect(execForm(hc.args, 'HEALTHCHECK')[0]).toBe('node')
  })

  it('keeps heredoc scripts free of anything Docker could expand', () => {
    for (const stage of file.stages) {
      for (const ins of stage.instructions) if (ins.heredoc) expect(ins.heredoc).not.toContain('$')
    }
  })
})

describe('infra/docker/web.Dockerfile specifics', () => {
  const file = dockerfiles.web
  const runtime = must(file.stages.at(-1), 'runtime')
  const webPackage = JSON.parse(read('apps/web/package.json')) as {
    name: string
    scripts?: Record<string, string>
  }

  it('builds apps/web with its own `next build` script', () => {
    expect(webPackage.scripts?.build).toMatch(/^next build\b/)
    const build = must(
      file.stages.find((s) => s.name === 'build'),
      'build stage',
    )
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args)
    expect(runs.join('\n')).toContain(`--workspace ${webPackage.name} run build`)
  })

  it('runs the standalone server on plain node, on 0.0.0.0, port 3000', () => {
    const cmd = execForm(must(last(runtime, 'CMD'), 'CMD').args, 'CMD')
    expect(cmd).toEqual(['node', 'apps/web/server.js'])
    expect(envOf(runtime).HOSTNAME).toBe('0.0.0.0')
    expect(envOf(runtime).PORT).toBe('3000')
    expect(runtime.instructions.some((i) => i.keyword === 'EXPOSE' && i.args === '3000')).toBe(true)
    const config = read('apps/web/next.config.ts')
    expect(config).toContain("NEXT_OUTPUT === 'standalone' ? 'standalone'")
  })

  it('ships only the standalone output (with its static files and the migrations readiness reads)', () => {
    const build = must(
      file.stages.find((s) => s.name === 'build'),
      'build stage',
    )
    const runs = build.instructions
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n')
    expect(runs).toContain('NEXT_OUTPUT=standalone')
    expect(runs).toContain('.next/static apps/web/.next/standalone/apps/web/.next/static')
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args)
    expect(copies).toEqual([
      expect.stringMatching(/--from=build\b.*\/app\/apps\/web\/\.next\/standalone \.\/$/),
    ])
    expect(runtime.instructions.some((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(
      false,
    )
    expect(envOf(runtime).POLICYDESK_MIGRATIONS_DIR).toBe('/app/packages/db/migrations')
    expect(read('apps/web/next.config.ts')).toContain('../../packages/db/migrations/**/*')
  })
})

describe('infra/docker/worker.Dockerfile specifics', () => {
  const file = dockerfiles.worker
  const runtime = must(file.stages.at(-1), 'runtime')

  it('runs the compiled worker on plain node, and the compiled CLI', () => {
    const cmd = execForm(must(last(runtime, 'CMD'), 'CMD').args, 'CMD')
    expect(cmd).toEqual(['node', 'apps/worker/build/dist/main.mjs'])
    const build = must(
      file.stages.find((s) => s.name === 'build'),
      'build stage',
    )
    const runs = build.instructions
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n')
    expect(runs).toContain('npm --workspace @policydesk/worker run build')
    expect(runs).toContain('npm --workspace @policydesk/cli run build')
    expect(envOf(runtime).POLICYDESK_COMPILED).toBe('1')
    expect(read('apps/cli/bin/policydesk.mjs')).toContain("import('../build/dist/main.mjs')")
  })

  it('installs production dependencies only, which must include tsx', () => {
    const runs = file.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'))
    expect(runs.some((r) => /npm ci --omit=dev/.test(r.args))).toBe(true)
    expect(lockfile.packages['node_modules/tsx']?.dev, 'tsx is a runtime dependency').toBeFalsy()
    const workspaceDeps = ['apps', 'packages'].flatMap((dir) =>
      readdirSync(path.join(root, dir)).flatMap((name) => {
        const manifest = path.join(root, dir, name, 'package.json')
        if (!existsSync(manifest)) return []
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }
        return Object.keys(pkg.dependencies ?? {})
      }),
    )
    expect(workspaceDeps).toContain('tsx')
  })

  it('puts the policydesk CLI on PATH for `policydesk db migrate`', () => {
    const runs = runtime.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args)
    expect(runs.join('\n')).toContain('/app/apps/cli/bin/policydesk.mjs /usr/local/bin/policydesk')
    const cli = JSON.parse(read('apps/cli/package.json')) as { bin?: Record<string, string> }
    expect(cli.bin?.policydesk).toBe('./bin/policydesk.mjs')
  })

  it('creates the health probe it, compose and Kubernetes call', () => {
    const hc = execForm(must(last(runtime, 'HEALTHCHECK'), 'HEALTHCHECK').args, 'HEALTHCHECK')
    const script = must(hc[1], 'probe path')
    const copy = runtime.instructions.find(
      (i) => i.keyword === 'COPY' && i.heredoc && i.args.endsWith(script),
    )
    expect(copy?.heredoc).toContain('PING')
    expect(service('worker').healthcheck?.test).toEqual(['CMD', ...hc])
  })
})

// ---------------------------------------------------------------------------------------------------
// The probes, run for real against loopback stand-ins
// ---------------------------------------------------------------------------------------------------

function runNode(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env }, timeout: 15_000 }, (error) => {
      resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0)
    })
  })
}

async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

describe('container health probes', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'policydesk-probe-'))
  const servers: { close: () => void }[] = []
  afterAll(() => {
    for (const s of servers) s.close()
    rmSync(scratch, { recursive: true, force: true })
  })

  function fakeRedis(reply: string): Promise<number> {
    const server = createTcpServer((socket) => {
      socket.once('data', () => socket.end(reply))
    })
    servers.push(server)
    return listen(server)
  }

  it('worker probe: healthy only while Redis answers PING', async () => {
    const runtime = must(dockerfiles.worker.stages.at(-1), 'runtime')
    const probe = must(
      runtime.instructions.find((i) => i.heredoc?.includes('PING')),
      'probe heredoc',
    )
    const file = path.join(scratch, 'healthcheck.mjs')
    writeFileSync(file, must(probe.heredoc, 'heredoc'))

    const pong = await fakeRedis('+PONG\r\n')
    expect(await runNode([file], { REDIS_URL: `redis://127.0.0.1:${pong}` })).toBe(0)
    const locked = await fakeRedis('-NOAUTH Authentication required.\r\n')
    expect(await runNode([file], { REDIS_URL: `redis://:pw@127.0.0.1:${locked}/0` })).toBe(0)
    const broken = await fakeRedis('-ERR something else\r\n')
    expect(await runNode([file], { REDIS_URL: `redis://127.0.0.1:${broken}` })).toBe(1)
    const closed = await fakeRedis('')
    servers.pop()?.close()
    expect(await runNode([file], { REDIS_URL: `redis://127.0.0.1:${closed}` })).toBe(1)
  })

  it('web probes (Dockerfile and compose): healthy only on 2xx from /api/health/ready', async () => {
    let status = 200
    const seen: string[] = []
    const server = createHttpServer((req, res) => {
      seen.push(req.url ?? '')
      res.writeHead(req.url === '/api/health/ready' ? status : 404).end()
    })
    servers.push(server)
    const port = await listen(server)

    const runtime = must(dockerfiles.web.stages.at(-1), 'runtime')
    const [bin, ...fromImage] = execForm(must(last(runtime, 'HEALTHCHECK'), 'HEALTHCHECK').args, 'HC')
    expect(bin).toBe('node')
    expect(await runNode(fromImage, { PORT: String(port) })).toBe(0)
    status = 503
    expect(await runNode(fromImage, { PORT: String(port) })).toBe(1)

    // compose pins the container port (3000); aim the same script at the stand-in.
    const test = must(service('web').healthcheck?.test, 'web healthcheck')
    const [kind, composeBin, ...fromCompose] = Array.isArray(test) ? test : []
    expect([kind, composeBin]).toEqual(['CMD', 'node'])
    const retargeted = fromCompose.map((a) => a.replace(':3000/', `:${port}/`))
    status = 200
    expect(await runNode(retargeted, {})).toBe(0)
    status = 500
    expect(await runNode(retargeted, {})).toBe(1)
    expect(new Set(seen)).toEqual(new Set(['/api/health/ready']))
  })
})

// ---------------------------------------------------------------------------------------------------
// .dockerignore and .env.example
// ---------------------------------------------------------------------------------------------------

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const ignores = (name: string): boolean =>
    patterns.some((p) => !p.startsWith('!') && p.replace(/^\*\*\//, '').replace(/\/$/, '') === name)

  it('keeps host dependencies, build output, local state, git and env files out of the context', () => {
    for (const name of ['node_modules', '.next', '.turbo', '.data', 'test-results', '.git', '.env']) {
      expect(ignores(name), name).toBe(true)
    }
    // Nested copies too (apps/web/.next, packages/db/node_modules): these need the **/ form.
    expect(patterns).toEqual(expect.arrayContaining(['**/node_modules', '**/.next']))
  })

  it('keeps what the images need', () => {
    // npm ci needs the lockfile; the runtime finds the project root by turbo.json.
    for (const name of ['package-lock.json', 'package.json', 'turbo.json', 'apps', 'packages', 'infra']) {
      expect(ignores(name), name).toBe(false)
    }
  })
})

describe('.env.example', () => {
  const text = read('.env.example')

  it('documents every variable, each with a comment', () => {
    for (const name of APP_VARIABLES) {
      const at = text.search(new RegExp(`^# ?${name}=`, 'm'))
      expect(at, `${name} is listed`).toBeGreaterThan(-1)
    }
    expect(text).toMatch(/PGlite/)
    expect(text).toMatch(/redis-server/)
    expect(text).toMatch(/inline/)
    expect(text).toMatch(/extractive/)
    expect(text).toMatch(/384/)
  })

  it('sets nothing: every variable line is commented out, so copying it changes no default', () => {
    const active = text.split('\n').filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
    expect(active).toEqual([])
  })
})
