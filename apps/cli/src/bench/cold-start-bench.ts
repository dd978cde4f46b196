import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv, isProcessAlive, readServiceState, sleep } from '@policydesk/runtime'
import { loadAverage, type MachineInfo, machineInfo, percentile, round, since } from './measure'

/** The `policydesk` binary a user runs (tsx on the sources, or the bundle with POLICYDESK_COMPILED=1). */
const CLI_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/policydesk.mjs')

export const COLD_START_QUESTION = 'How many days of annual leave do employees in the Berlin office get?'

/** Issue 17: `policydesk ask` prints its first output within 1.5 s when the database daemon already runs. */
export const FIRST_OUTPUT_GOAL_MS = 1_500

export type ColdStartOptions = {
  runs: number
  question: string
  onProgress?: (fraction: number, detail: string) => void
}

type Timed = { firstOutputMs: number | null; exitMs: number; code: number | null; stderr: string }

export type CommandTiming = {
  command: string
  runs: number
  firstOutputMs: { p50: number; min: number; max: number }
  exitMs: { p50: number; min: number; max: number }
}

export type ColdStartReport = {
  bench: 'cold-start'
  setup: { dataDir: 'throwaway'; seedSeconds: number; compiled: boolean; question: string }
  commands: CommandTiming[]
  goal: { firstOutputMs: number; askP50Ms: number; met: boolean }
  machine: MachineInfo
}

/** Spawns the real CLI and times its first byte on stdout and its exit. */
function timeCli(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let firstOutputMs: number | null = null
    let stderr = ''
    child.stdout.on('data', () => {
      firstOutputMs ??= since(started)
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4_000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ firstOutputMs, exitMs: since(started), code, stderr })
    })
  })
}

async function mustSucceed(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  const run = await timeCli(args, env)
  if (run.code !== 0) throw new Error(`policydesk ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return run
}

const summary = (values: number[]) => ({
  p50: round(percentile(values, 50), 0),
  min: round(Math.min(...values), 0),
  max: round(Math.max(...values), 0),
})

/**
 * Time to first output of `policydesk ask` (and of `ask --help` and `--help`) as a user sees it: each run is
 * a fresh `node bin/policydesk.mjs` process, while the data dir's embedded database daemon already runs.
 * Setup: a throwaway data dir seeded with the demo users and corpus by the real `policydesk db seed` (which
 * starts the daemon), one untimed `ask`; the daemon is stopped (SIGTERM to its pid) and the dir removed after.
 */
export async function runColdStartBench(options: ColdStartOptions): Promise<ColdStartReport> {
  const loadStart = loadAverage()
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-cold-start-'))
  const env = childEnv({
    POLICYDESK_DATA_DIR: dir,
    POLICYDESK_JOBS: 'inline',
    POLICYDESK_LOG_LEVEL: 'warn',
    // The daemon outlives each command (as between a user's commands), and stops soon after the bench.
    POLICYDESK_DB_IDLE_MS: '10000',
  })
  // The embedded daemon of the throwaway dir, never a configured server.
  delete env.DATABASE_URL
  delete env.REDIS_URL
  try {
    options.onProgress?.(0, 'seeding a throwaway data dir')
    const seed = await mustSucceed(['db', 'seed', '--json'], env)
    await mustSucceed(['ask', options.question], env)
    const plan: { command: string; args: string[] }[] = [
      { command: 'policydesk ask <question>', args: ['ask', options.question] },
      { command: 'policydesk ask --help', args: ['ask', '--help'] },
      { command: 'policydesk --help', args: ['--help'] },
    ]
    const samples = new Map<string, Timed[]>(plan.map((p) => [p.command, []]))
    // Interleaved, so load on the machine hits every command alike.
    for (let i = 0; i < options.runs; i++) {
      options.onProgress?.(i / options.runs, `run ${i + 1}/${options.runs}`)
      for (const p of plan) samples.get(p.command)?.push(await mustSucceed(p.args, env))
    }
    const commands = plan.map((p): CommandTiming => {
      const runs = samples.get(p.command) ?? []
      const first = runs.map((r) => r.firstOutputMs)
      if (first.some((ms) => ms === null)) throw new Error(`${p.command} printed nothing on stdout`)
      return {
        command: p.command,
        runs: runs.length,
        firstOutputMs: summary(first.filter((ms): ms is number => ms !== null)),
        exitMs: summary(runs.map((r) => r.exitMs)),
      }
    })
    const askP50Ms = commands[0]?.firstOutputMs.p50 ?? Number.NaN
    return {
      bench: 'cold-start',
      setup: {
        dataDir: 'throwaway',
        seedSeconds: round(seed.exitMs / 1000, 1),
        compiled: env.POLICYDESK_COMPILED === '1',
        question: options.question,
      },
      commands,
      goal: { firstOutputMs: FIRST_OUTPUT_GOAL_MS, askP50Ms, met: askP50Ms <= FIRST_OUTPUT_GOAL_MS },
      machine: machineInfo(loadStart),
    }
  } finally {
    await stopDaemon(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The daemon the seed started for the throwaway dir: SIGTERM by its pid, then wait for it to exit. */
async function stopDaemon(dir: string): Promise<void> {
  const state = readServiceState(path.join(dir, 'pg.json'))
  if (!state || !isProcessAlive(state.pid)) return
  process.kill(state.pid, 'SIGTERM')
  for (let i = 0; i < 100 && isProcessAlive(state.pid); i++) await sleep(100)
}
