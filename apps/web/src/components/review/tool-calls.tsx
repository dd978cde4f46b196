import type { schema } from '@policydesk/db'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatMs } from '@/lib/shared/format'
import { Badge, type BadgeTone, Card, CardTitle } from './ui'

const STATUS_TONE: Record<schema.TraceToolCall['status'], BadgeTone> = {
  ok: 'emerald',
  error: 'red',
  rejected: 'amber',
  needs_confirmation: 'sky',
}

/** Long results (search passages) are cut for the page; the export has them whole. */
const MAX_CHARS = 4_000

function Json({ t, value, label }: { t: ServerTranslator; value: unknown; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2)
  const shown =
    text.length > MAX_CHARS
      ? `${text.slice(0, MAX_CHARS)}\n${t('review.detail.tools.more', { n: String(text.length - MAX_CHARS) })}`
      : text
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <pre className="mt-0.5 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-800">
        {shown}
      </pre>
    </div>
  )
}

/** Every tool call of the answer, in order: what the model asked, what it got back, how long it took. */
export async function ToolCallsCard({ toolCalls }: { toolCalls: schema.TraceToolCall[] }) {
  if (toolCalls.length === 0) return null
  const t = await getTranslator()
  return (
    <Card>
      <CardTitle
        aside={t('review.detail.tools.calls', { count: toolCalls.length, n: String(toolCalls.length) })}
      >
        {t('review.detail.tools.title')}
      </CardTitle>
      <ol className="divide-y divide-slate-100" data-testid="tool-calls">
        {toolCalls.map((call) => (
          <li key={call.id} className="space-y-2 px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono font-medium text-slate-900">{call.name}</span>
              <Badge tone={STATUS_TONE[call.status]}>
                {t('review.detail.tools.status', { status: call.status })}
              </Badge>
              <span className="text-xs text-slate-500">{formatMs(call.ms)}</span>
            </div>
            <div className="grid gap-2 lg:grid-cols-2">
              <Json t={t} label={t('review.detail.tools.arguments')} value={call.arguments} />
              {call.error !== undefined ? (
                <Json t={t} label={t('review.detail.tools.error')} value={call.error} />
              ) : (
                <Json t={t} label={t('review.detail.tools.result')} value={call.result ?? null} />
              )}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  )
}
