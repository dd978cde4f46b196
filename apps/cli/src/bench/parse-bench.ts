import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseDocument } from '@policydesk/ingest'
import { syntheticPdf } from '@policydesk/ingest/testing'
import { loadAverage, type MachineInfo, machineInfo, round, since } from './measure'

export type ParseBenchReport = {
  bench: 'parse'
  results: {
    pages: number
    megabytes: number
    parseMs: number
    pagesPerSecond: number
    /** Longest stretch the event loop could not run other work (timers, job-lock renewals, heartbeats). */
    maxLoopBlockMs: number
    p99LoopBlockMs: number
    blocks: number
  }[]
  /** Whether parsing should move to worker threads: only if it holds the event loop for long stretches. */
  verdict: { thresholdMs: number; blocksLoop: boolean }
  machine: MachineInfo
}

/** Above this a stalled loop delays BullMQ lock renewals and heartbeats noticeably (they tick every seconds). */
const BLOCKING_MS = 200

/**
 * How long the worker's parse of a PDF takes and how long it holds the event loop at a stretch — the question
 * behind "CPU-bound parsing off the event loop where it pays" (docs/benchmarks.md, "Parsing").
 */
export async function runParseBench(options: {
  pages: number[]
  onProgress?: (fraction: number, detail: string) => void
}): Promise<ParseBenchReport> {
  const loadStart = loadAverage()
  // One small parse first: module loading and the parser's first-call compilation are not parsing.
  await parseDocument(syntheticPdf(1, 5), { maxBytes: 10 * 1024 * 1024, fileName: 'warm-up.pdf' })
  const results: ParseBenchReport['results'] = []
  for (const [i, pages] of options.pages.entries()) {
    options.onProgress?.(i / options.pages.length, `${pages} pages`)
    const bytes = syntheticPdf(pages)
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const start = performance.now()
    const parsed = await parseDocument(bytes, { maxBytes: 512 * 1024 * 1024, fileName: `bench-${pages}.pdf` })
    const ms = since(start)
    // A stretch is recorded when the timer finally runs: give it that turn before reading the histogram.
    await new Promise((resolve) => setTimeout(resolve, 25))
    delay.disable()
    results.push({
      pages,
      megabytes: round(bytes.length / 1024 / 1024, 2),
      parseMs: Math.round(ms),
      pagesPerSecond: round(pages / (ms / 1000), 1),
      maxLoopBlockMs: Math.round(delay.max / 1e6),
      p99LoopBlockMs: Math.round(delay.percentile(99) / 1e6),
      blocks: parsed.blocks.length,
    })
  }
  options.onProgress?.(1, 'done')
  return {
    bench: 'parse',
    results,
    verdict: { thresholdMs: BLOCKING_MS, blocksLoop: results.some((r) => r.maxLoopBlockMs > BLOCKING_MS) },
    machine: machineInfo(loadStart),
  }
}
