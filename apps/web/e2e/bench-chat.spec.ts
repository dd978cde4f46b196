import { expect, test } from './fixtures'
import { lastJson, runPolicydesk } from './support/run-in-repo'

type Percentiles = { p50: number | null; p95: number | null; p99: number | null }
type BenchChatReport = {
  requests: number
  answers: number
  serverErrors: number
  otherFailures: number
  answersPerSecond: number
  ttftMs: Percentiles
  totalMs: Percentiles
}

// `policydesk bench chat` at a tiny size against this run's real server, so the load test cannot rot: the
// other benches run tiny in apps/cli/src/commands/bench.int.test.ts; this one needs a server to talk to.
test.describe('policydesk bench chat', () => {
  test('streams a few answers concurrently and prints one JSON report with sane numbers', async ({
    baseURL,
  }) => {
    test.setTimeout(120_000)
    const stdout = await runPolicydesk(
      [
        'bench',
        'chat',
        '--url',
        baseURL ?? '',
        '--concurrency',
        '2',
        '--duration',
        '1',
        '--max-requests',
        '4',
        '--json',
      ],
      { timeoutMs: 110_000 },
    )
    const report = lastJson<BenchChatReport>(stdout)
    expect(report.requests).toBeGreaterThan(0)
    expect(report.requests).toBeLessThanOrEqual(4)
    expect(report.answers).toBe(report.requests)
    expect(report.serverErrors).toBe(0)
    expect(report.otherFailures).toBe(0)
    expect(Number.isFinite(report.answersPerSecond)).toBe(true)
    expect(report.answersPerSecond).toBeGreaterThan(0)
    for (const p of [report.ttftMs, report.totalMs]) {
      expect(p.p50).toBeGreaterThan(0)
      expect(p.p95 ?? 0).toBeGreaterThanOrEqual(p.p50 ?? 0)
    }
    expect(report.totalMs.p50 ?? 0).toBeGreaterThanOrEqual(report.ttftMs.p50 ?? 0)
  })
})
