import type { ComponentProps, ReactNode } from 'react'
import { cn } from '@/lib/shared/utils'

/** Building blocks of the review pages; the page parts shared with the admin area live in components/ui/page. */

export { Alert, Card, controlClass, EmptyState, PageHeader } from '@/components/ui/page'

export function CardTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
      <h2 className="text-sm font-semibold text-slate-900">{children}</h2>
      {aside ? <div className="text-xs text-slate-500">{aside}</div> : null}
    </div>
  )
}

const badgeTones = {
  slate: 'bg-slate-100 text-slate-700 ring-slate-200',
  red: 'bg-red-50 text-red-700 ring-red-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  emerald: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  sky: 'bg-sky-50 text-sky-800 ring-sky-200',
} as const
export type BadgeTone = keyof typeof badgeTones

export function Badge({
  tone = 'slate',
  className,
  ...props
}: ComponentProps<'span'> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        badgeTones[tone],
        className,
      )}
      {...props}
    />
  )
}

/** A keyboard key as shown in shortcut hints. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 shadow-[0_1px_0_rgb(203_213_225)]">
      {children}
    </kbd>
  )
}
