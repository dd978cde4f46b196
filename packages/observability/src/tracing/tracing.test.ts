import { currentLogContext } from '@policydesk/runtime'
import { afterAll, describe, expect, it } from 'vitest'
import { InMemorySpanExporter } from '../testing'
import { annotateRequest, setupTracing, traceCarrier, withTraceCarrier } from './setup'
import { recordPastSpans, withSpan } from './spans'

const exporter = new InMemorySpanExporter()
const tracing = setupTracing({ service: 'test', exporter })
afterAll(() => tracing.shutdown())

const spans = () => exporter.getFinishedSpans()
const byName = (name: string) => spans().find((s) => s.name === name)

describe('tracing', () => {
  it('nests spans, records failures, and puts the trace and user ids on log lines', async () => {
    expect(tracing.exporting).toBe(true)
    let logged: Record<string, unknown> = {}
    await withSpan('question', { 'policydesk.test': 1 }, async () => {
      annotateRequest({ userId: 'user-1' })
      logged = currentLogContext()
      await withSpan('retrieve', {}, async () => {})
      await expect(
        withSpan('generate', {}, async () => Promise.reject(new Error('model down'))),
      ).rejects.toThrow()
    })
    const root = byName('question')
    expect(root?.attributes).toMatchObject({ 'policydesk.test': 1, 'enduser.id': 'user-1' })
    for (const child of ['retrieve', 'generate'])
      expect(byName(child)?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId)
    expect(byName('generate')?.status.code).toBe(2) // ERROR
    expect(byName('generate')?.events[0]?.name).toBe('exception')
    expect(logged).toMatchObject({ traceId: root?.spanContext().traceId, userId: 'user-1' })
    expect(currentLogContext().traceId).toBeUndefined() // outside the span: no trace
  })

  it('continues a trace from a carrier (job data) as another process would', async () => {
    exporter.reset()
    let carrier: Record<string, string> = {}
    await withSpan('upload', {}, async () => {
      carrier = traceCarrier()
    })
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
    // Round-trip through JSON, like BullMQ job data.
    const data = JSON.parse(JSON.stringify({ versionId: 'v', trace: carrier })) as {
      trace: Record<string, string>
    }
    await withTraceCarrier(data.trace, () => withSpan('ingest.job', {}, async () => {}))
    const upload = byName('upload')
    const job = byName('ingest.job')
    expect(job?.spanContext().traceId).toBe(upload?.spanContext().traceId)
    expect(job?.parentSpanContext?.spanId).toBe(upload?.spanContext().spanId)
  })

  it('lays out stages that already ran as back-to-back child spans', async () => {
    exporter.reset()
    const started = Date.now() - 1_000
    await withSpan('answer', {}, async () => {
      recordPastSpans(started, [
        { name: 'answer.retrieve', ms: 120 },
        { name: 'answer.generate', ms: 700, attributes: { model: 'm' } },
      ])
    })
    const retrieve = byName('answer.retrieve')
    const generate = byName('answer.generate')
    const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6
    expect(ms(retrieve?.startTime ?? [0, 0])).toBeCloseTo(started, -1)
    expect(ms(retrieve?.endTime ?? [0, 0])).toBeCloseTo(ms(generate?.startTime ?? [0, 0]), -1)
    expect(ms(generate?.duration ?? [0, 0])).toBeCloseTo(700, -1)
    expect(generate?.parentSpanContext?.spanId).toBe(byName('answer')?.spanContext().spanId)
  })
})
