import type { schema } from '@policydesk/db'

/** What the chat and the CLI show of a tool call: no arguments, no passage text, one line. */
export type ToolCallSummary = {
  name: string
  status: schema.TraceToolCall['status']
  summary: string
}

const MAX = 200
const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text)
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

function okSummary(call: schema.TraceToolCall): string {
  const result = record(call.result)
  switch (call.name) {
    case 'get_my_profile': {
      const keys = Object.keys(record(result.attributes))
      return keys.length > 0 ? `Read your profile (${keys.join(', ')})` : 'Read your profile: it is empty'
    }
    case 'calculate_dates':
      return typeof result.summary === 'string' ? `Calculated: ${result.summary}` : 'Calculated dates'
    case 'search_policies': {
      const passages = Array.isArray(result.passages) ? result.passages.map(record) : []
      // Titles only: documents the asker may read, named as the citations name them.
      const titles = [...new Set(passages.map((p) => String(p.title ?? '')))].filter((t) => t.length > 0)
      const query = record(call.arguments).query
      const searched = typeof query === 'string' ? `Searched “${query}”` : 'Searched the policies'
      return `${searched}: ${passages.length} passage${passages.length === 1 ? '' : 's'}${titles.length > 0 ? ` (${titles.join(', ')})` : ''}`
    }
    case 'create_handoff':
      return 'Proposed asking a person; nothing is sent until you confirm'
    default:
      return `Ran ${call.name}`
  }
}

export function summarizeToolCall(call: schema.TraceToolCall): ToolCallSummary {
  const summary =
    call.status === 'ok' || call.status === 'needs_confirmation'
      ? okSummary(call)
      : call.status === 'rejected'
        ? `Not run: ${call.error ?? 'rejected'}`
        : `Failed: ${call.error ?? 'unknown error'}`
  return { name: call.name, status: call.status, summary: clip(summary) }
}
