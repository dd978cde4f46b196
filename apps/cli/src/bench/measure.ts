import { readFileSync } from 'node:fs'
import os from 'node:os'

const MiB = 1024 * 1024

export const round = (value: number, digits = 1) => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Nearest-rank percentile of a sample (p in 0..100); NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

export const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length

/** One field of /proc/<pid>/status in MiB (VmRSS, VmHWM = peak RSS); null when not on Linux or gone. */
export function procStatusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
    return match?.[1] ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat), null when unavailable. */
export function procCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks / 100 : null
  } catch {
    return null
  }
}

/**
 * Samples RSS of this process (and optionally other pids) every `intervalMs` and keeps the peak. The kernel's
 * own high-water marks (resourceUsage().maxRSS, VmHWM) are reported too: they catch spikes between samples.
 */
export class RssSampler {
  private peakSelf = 0
  private readonly peaks = new Map<number, number>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly pids: () => number[] = () => [],
    private readonly intervalMs = 200,
  ) {}

  start(): this {
    this.sample()
    this.timer = setInterval(() => this.sample(), this.intervalMs)
    this.timer.unref()
    return this
  }

  sample(): void {
    this.peakSelf = Math.max(this.peakSelf, process.memoryUsage().rss / MiB)
    for (const pid of this.pids()) {
      const rss = procStatusMiB(pid, 'VmRSS')
      if (rss !== null) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, rss))
    }
  }

  stop(): void {
    this.sample()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Peak sampled RSS of this process, and the kernel's high-water mark (whole process lifetime), MiB. */
  self(): { sampledPeakMiB: number; maxRssMiB: number } {
    return { sampledPeakMiB: round(this.peakSelf), maxRssMiB: round(process.resourceUsage().maxRSS / 1024) }
  }

  /** Peak sampled RSS of a child and its VmHWM (read while it is still alive), MiB. */
  child(pid: number): { sampledPeakMiB: number | null; vmHwmMiB: number | null } {
    const hwm = procStatusMiB(pid, 'VmHWM')
    const sampled = this.peaks.get(pid)
    return {
      sampledPeakMiB: sampled === undefined ? null : round(sampled),
      vmHwmMiB: hwm === null ? null : round(hwm),
    }
  }
}

export type MachineInfo = {
  cpus: number
  cpuModel: string
  memoryGiB: number
  node: string
  platform: string
  /** 1, 5 and 15 minute load averages when the run started and ended: other work on the box skews numbers. */
  loadStart: number[]
  loadEnd: number[]
}

export function machineInfo(loadStart: number[]): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadStart: loadStart.map((l) => round(l, 2)),
    loadEnd: os.loadavg().map((l) => round(l, 2)),
  }
}

export const loadAverage = () => os.loadavg()

/** Milliseconds since `start` (performance.now()). */
export const since = (start: number) => performance.now() - start
