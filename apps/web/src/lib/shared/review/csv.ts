import type { ExportedTrace } from '@policydesk/db'

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text starting with = + - @
 * (or a tab/CR) is prefixed with an apostrophe so spreadsheets do not run a user's question as a formula.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (fields: (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(',')}\r\n`

export const CSV_COLUMNS = [
  'id',
  'created_at',
  'user_email',
  'question',
  'rewritten_query',
  'answer',
  'abstained',
  'cached',
  'model',
  'prompt_version',
  'top_score',
  'validation_valid',
  'supported_sentence_rate',
  'unsupported_claims',
  'invalid_citations',
  'cited_documents',
  'tokens_in',
  'tokens_out',
  'cost_usd',
  'ttft_ms',
  'total_ms',
  'feedback',
  'feedback_reason',
  'feedback_comment',
  'review_verdict',
  'review_labels',
  'review_notes',
  'corrected_answer',
] as const

/** A trace flattened to the CSV columns (the full trace, candidates included, is in the JSONL export). */
export function traceCsvRow(t: ExportedTrace): string {
  const unsupported = t.validation.sentences.filter((s) => s.claim && !s.supported).length
  return csvRow([
    t.id,
    t.createdAt.toISOString(),
    t.userEmail,
    t.question,
    t.rewrittenQuery,
    t.answer,
    t.abstained,
    t.cached,
    t.model,
    t.promptVersion,
    t.topScore,
    t.validation.valid,
    t.validation.supportedSentenceRate,
    unsupported,
    t.validation.invalidCitations.join(' '),
    [...new Set(t.citations.map((c) => c.title))].join('; '),
    t.tokensIn,
    t.tokensOut,
    t.costUsd,
    t.ttftMs,
    t.totalMs,
    t.feedback?.rating,
    t.feedback?.reason,
    t.feedback?.comment,
    t.review?.verdict,
    t.review?.labels.join(' '),
    t.review?.notes,
    t.review?.correctedAnswer,
  ])
}

export type ExportFormat = 'csv' | 'jsonl'

/**
 * Streams batches as CSV or JSONL. Pull-based: the next batch is read from the database only when the
 * client has taken the previous one, so a slow download never buffers the whole log in memory.
 */
export function exportBody(
  batches: AsyncGenerator<ExportedTrace[]>,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let headerSent = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (format === 'csv' && !headerSent) {
        headerSent = true
        controller.enqueue(encoder.encode(csvRow([...CSV_COLUMNS])))
        return
      }
      const next = await batches.next()
      if (next.done) {
        controller.close()
        return
      }
      const text =
        format === 'csv'
          ? next.value.map(traceCsvRow).join('')
          : next.value.map((t) => `${JSON.stringify(t)}\n`).join('')
      controller.enqueue(encoder.encode(text))
    },
    async cancel() {
      await batches.return(undefined)
    },
  })
}
