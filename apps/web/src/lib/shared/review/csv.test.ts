import type { ExportedTrace } from '@policydesk/db'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, exportBody, traceCsvRow } from '@/lib/shared/review/csv'

const trace: ExportedTrace = {
  id: 't1',
  createdAt: new Date('2026-11-26T10:00:00Z'),
  userEmail: 'employee@example.com',
  conversationId: null,
  question: '=HYPERLINK("x") how, "really"?',
  rewrittenQuery: 'q',
  answer: 'Line one.\nLine two [1].',
  abstained: false,
  cached: false,
  candidates: [],
  citations: [
    { n: 1, documentId: 'd', title: 'Benefits', versionId: 'v', chunkId: 'c', quote: 'x', page: null },
  ],
  validation: {
    valid: false,
    invalidCitations: [4],
    sentences: [{ text: 'a', citations: [1], support: 0.1, supported: false, claim: true }],
    supportedSentenceRate: 0,
  },
  versionIds: [],
  promptVersion: 'p1',
  model: 'm',
  embeddingModel: 'e',
  tokensIn: 10,
  tokensOut: 5,
  costUsd: 0.001,
  latencyMs: {},
  ttftMs: 40,
  totalMs: 90,
  topScore: 0.0164,
  toolCalls: [],
  feedback: { rating: 'down', reason: 'incorrect', comment: null },
  review: null,
}

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(null)).toBe('')
    expect(csvField(-1)).toBe('-1')
  })

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
  })

  it('flattens a trace to one row per column', () => {
    const row = traceCsvRow(trace)
    expect(row.endsWith('\r\n')).toBe(true)
    expect(row).toContain('"\'=HYPERLINK(""x"") how, ""really""?"')
    expect(row).toContain(',Benefits,')
    expect(row).toContain(',down,incorrect,')
  })

  it('streams a header, then the batches', async () => {
    async function* batches() {
      yield [trace]
      yield [{ ...trace, id: 't2' }]
    }
    const csv = await new Response(exportBody(batches(), 'csv')).text()
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
    expect(csv).toContain('t2,')
    const jsonl = await new Response(exportBody(batches(), 'jsonl')).text()
    const lines = jsonl.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ id: 't2', feedback: { rating: 'down' } })
  })
})
