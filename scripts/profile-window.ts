/**
 * CPU of running processes during one command, for docs/benchmarks.md ("CPU of one answer").
 *
 *   node --experimental-websocket --import tsx scripts/profile-window.ts \
 *     [--profile-pid <next server pid> --out /tmp/web.cpuprofile] --watch <pid> --watch <pid> -- \
 *     npx policydesk bench chat --url http://127.0.0.1:3200 --concurrency 1 --duration 30 --json
 *
 * Profiles exactly the window of the command (no start-up, no warm-up): it opens the inspector of an
 * already running Node process with SIGUSR1, starts the V8 sampling profiler over the DevTools protocol,
 * runs the command, stops the profiler and writes the profile (`scripts/profile-stages.ts` reads it).
 * For every --watch pid it reports the CPU time the kernel charged during the window (/proc/<pid>/stat),
 * which covers processes that are not profiled (the embedded database daemon, redis-server).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

const CLOCK_TICKS_PER_SECOND = 100 // getconf CLK_TCK on Linux

interface Args {
  profilePid: number
  out: string
  watch: number[]
  command: string[]
}

function parseArgs(argv: string[]): Args {
  const split = argv.indexOf('--')
  if (split < 0 || split === argv.length - 1)
    throw new Error('usage: … --profile-pid PID --out FILE [--watch PID]… -- COMMAND…')
  const own = argv.slice(0, split)
  const args: Args = { profilePid: 0, out: '', watch: [], command: argv.slice(split + 1) }
  for (let i = 0; i < own.length; i++) {
    const value = own[i + 1]
    if (own[i] === '--profile-pid') args.profilePid = Number(value)
    else if (own[i] === '--out') args.out = value ?? ''
    else if (own[i] === '--watch') args.watch.push(Number(value))
    else throw new Error(`unknown option ${own[i]}`)
    i++
  }
  if (args.profilePid !== 0 && (!Number.isInteger(args.profilePid) || args.profilePid < 0)) {
    throw new Error('--profile-pid must be a pid')
  }
  if (args.profilePid && !args.out) throw new Error('--out is required with --profile-pid')
  if (args.watch.some((pid) => !Number.isInteger(pid) || pid <= 0)) throw new Error('--watch takes pids')
  return args
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, after the command name). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
}

function commandName(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ')
}

async function inspectorUrl(pid: number): Promise<string> {
  process.kill(pid, 'SIGUSR1')
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const targets = (await (await fetch('http://127.0.0.1:9229/json/list')).json()) as Array<{
        webSocketDebuggerUrl: string
      }>
      const url = targets[0]?.webSocketDebuggerUrl
      if (url) return url
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`process ${pid} did not open its inspector on 127.0.0.1:9229`)
}

/** A minimal DevTools-protocol client: one request at a time, answered by id. */
async function devtools(
  url: string,
): Promise<{ send: (method: string, params?: object) => Promise<unknown>; close: () => void }> {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true })
    socket.addEventListener('error', reject, { once: true })
  })
  let nextId = 1
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>()
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number
      result?: unknown
      error?: { message: string }
    }
    const waiter = message.id === undefined ? undefined : pending.get(message.id)
    if (!waiter || message.id === undefined) return
    pending.delete(message.id)
    if (message.error) waiter.reject(new Error(message.error.message))
    else waiter.resolve(message.result)
  })
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve, reject })
        socket.send(JSON.stringify({ id, method, params }))
      }),
    close: () => socket.close(),
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  // Without --profile-pid only the kernel's CPU accounting is read (no profiler overhead).
  const client = args.profilePid ? await devtools(await inspectorUrl(args.profilePid)) : undefined
  await client?.send('Profiler.enable')
  await client?.send('Profiler.setSamplingInterval', { interval: 1000 })
  const before = new Map(args.watch.map((pid) => [pid, cpuMs(pid)]))
  await client?.send('Profiler.start')
  const started = performance.now()
  const [cmd, ...rest] = args.command as [string, ...string[]]
  const exitCode = await new Promise<number | null>((resolve) => {
    spawn(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'] }).on('exit', resolve)
  })
  const wallMs = performance.now() - started
  const cpu = args.watch.map((pid) => ({
    pid,
    command: commandName(pid),
    cpuMs: cpuMs(pid) - (before.get(pid) ?? 0),
  }))
  if (client) {
    const { profile } = (await client.send('Profiler.stop')) as { profile: unknown }
    client.close()
    writeFileSync(args.out, JSON.stringify(profile))
  }
  const totalCpuMs = cpu.reduce((sum, p) => sum + p.cpuMs, 0)
  console.error(
    JSON.stringify(
      { exitCode, wallMs: Math.round(wallMs), profile: args.out || null, totalCpuMs, cpu },
      null,
      2,
    ),
  )
  process.exit(exitCode ?? 1)
}

await main()
