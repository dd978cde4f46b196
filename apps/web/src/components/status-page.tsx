import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/** A whole-page message (not found, forbidden, an error): icon, heading, explanation, what to do next. */
export function StatusPage({
  icon: Icon,
  tone = 'neutral',
  title,
  children,
  actions,
}: {
  icon: LucideIcon
  tone?: 'neutral' | 'danger'
  title: string
  children?: ReactNode
  actions?: ReactNode
}) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <Icon className={tone === 'danger' ? 'size-10 text-red-600' : 'size-10 text-indigo-600'} aria-hidden />
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children ? <div className="text-slate-600">{children}</div> : null}
      {actions ? <div className="flex flex-wrap justify-center gap-3">{actions}</div> : null}
    </main>
  )
}

export const primaryLinkClass =
  'rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600'
