import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { registerBenchCommands } from './bench'

// A smoke test of the command's wiring and JSON shape, not a benchmark: three documents, in this process.
let dataDir: string
const previousDataDir = process.env.POLICYDESK_DATA_DIR

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pd-bench-'))
  process.env.POLICYDESK_DATA_DIR = dataDir
})
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.POLICYDESK_DATA_DIR
  else process.env.POLICYDESK_DATA_DIR = previousDataDir
  rmSync(dataDir, { recursive: true, force: true })
})

describe('policydesk bench ingest', () => {
  it('ingests a tiny synthetic corpus through the queue and prints one JSON report', async () => {
    const program = new Command().exitOverride()
    const bench = registerBenchCommands(program)
    expect(bench.name()).toBe('bench')
    const written: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    try {
      await program.parseAsync(['bench', 'ingest', '--docs', '3', '--json', '--worker', 'in-process'], {
        from: 'user',
      })
    } finally {
      spy.mockRestore()
    }
    expect(process.exitCode ?? 0).toBe(0)
    const lines = written.join('').trim().split('\n')
    expect(lines).toHaveLength(1)
    const report = JSON.parse(lines[0] ?? '{}')
    expect(report).toMatchObject({
      bench: 'ingest',
      corpus: { source: 'synthetic', docs: 3 },
      setup: { hnswIndex: 'live' },
      results: { ready: 3, failed: 0 },
    })
    expect(report.results.chunks).toBeGreaterThan(3)
    expect(report.results.embeddings).toBe(report.results.chunks)
    expect(report.results.docsPerSecond).toBeGreaterThan(0)
    expect(report.timeSplit.jobs).toBe(3)
    expect(report.timeSplit.store.embeddingsMs).toBeGreaterThan(0)
    expect(report.memory.benchProcess.maxRssMiB).toBeGreaterThan(0)
    expect(report.machine.cpus).toBeGreaterThan(0)
  })
})
