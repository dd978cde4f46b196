import { cn } from '@/lib/shared/utils'

export type Stat = { label: string; value: string | number; tone?: 'normal' | 'warn' | 'bad' }

/** A row of labelled numbers (queue states, version states). */
export function StatGrid({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 p-4 sm:grid-cols-4 lg:grid-cols-6">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs text-slate-500">{stat.label}</dt>
          <dd
            className={cn(
              'text-lg font-semibold tabular-nums text-slate-900',
              stat.tone === 'warn' && 'text-amber-700',
              stat.tone === 'bad' && 'text-red-700',
            )}
          >
            {stat.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
