import { formatMs } from '@/lib/review/format'

const STAGE_ORDER = [
  'rewrite',
  'curated',
  'cache',
  'embed',
  'retrieve',
  'ttft',
  'generate',
  'validate',
  'log',
]
const STAGE_TEXT: Record<string, string> = {
  rewrite: 'Rewrite',
  curated: 'Curated lookup',
  cache: 'Cache lookup',
  embed: 'Embed query',
  retrieve: 'Retrieve',
  ttft: 'First token',
  generate: 'Generate',
  validate: 'Validate',
  log: 'Write trace',
}

/** Time per pipeline stage as bars relative to the total (first token is a point within generation). */
export function LatencyBars({ latency, totalMs }: { latency: Record<string, number>; totalMs: number }) {
  const stages = [
    ...STAGE_ORDER.filter((s) => s in latency),
    ...Object.keys(latency).filter((s) => !STAGE_ORDER.includes(s) && s !== 'total'),
  ]
  const total = Math.max(totalMs, 1)
  return (
    <dl className="space-y-1.5 text-xs" data-testid="latency">
      {stages.map((stage) => {
        const ms = latency[stage] ?? 0
        return (
          <div key={stage} className="grid grid-cols-[7.5rem_1fr_4rem] items-center gap-2">
            <dt className="text-slate-600">{STAGE_TEXT[stage] ?? stage}</dt>
            <dd className="h-2 overflow-hidden rounded-full bg-slate-100">
              <div
                className={stage === 'ttft' ? 'h-full bg-amber-400' : 'h-full bg-indigo-500'}
                style={{ width: `${Math.min(100, (ms / total) * 100)}%` }}
              />
            </dd>
            <dd className="text-right font-mono text-slate-700 tabular-nums">{formatMs(ms)}</dd>
          </div>
        )
      })}
      <div className="grid grid-cols-[7.5rem_1fr_4rem] items-center gap-2 border-t border-slate-100 pt-1.5 font-medium">
        <dt className="text-slate-800">Total</dt>
        <dd />
        <dd className="text-right font-mono text-slate-900 tabular-nums">{formatMs(totalMs)}</dd>
      </div>
    </dl>
  )
}
