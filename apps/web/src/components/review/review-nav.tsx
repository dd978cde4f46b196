'use client'

import { BarChart3, Database, Inbox, ListChecks, Sparkles } from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/utils'

const LINKS = [
  {
    href: '/review',
    label: 'Answers log',
    icon: ListChecks,
    match: (p: string) => p === '/review' || p.startsWith('/review/answers'),
  },
  { href: '/review/queue', label: 'Queue', icon: Inbox, match: (p: string) => p.startsWith('/review/queue') },
  {
    href: '/review/curated',
    label: 'Curated answers',
    icon: Sparkles,
    match: (p: string) => p.startsWith('/review/curated'),
  },
  {
    href: '/review/dashboard',
    label: 'Dashboard',
    icon: BarChart3,
    match: (p: string) => p.startsWith('/review/dashboard'),
  },
  {
    href: '/review/datasets',
    label: 'Datasets',
    icon: Database,
    match: (p: string) => p.startsWith('/review/datasets'),
  },
]

/** The review area's own navigation, under the app header. */
export function ReviewNav() {
  const pathname = usePathname()
  return (
    <nav aria-label="Review" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {LINKS.map(({ href, label, icon: Icon, match }) => {
          const active = match(pathname)
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm whitespace-nowrap',
                  active
                    ? 'border-indigo-600 font-medium text-indigo-700'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
