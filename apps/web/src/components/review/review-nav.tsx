'use client'

import { BarChart3, Database, Inbox, ListChecks, Sparkles } from 'lucide-react'
import { type SectionLink, SectionNav } from '@/components/ui/section-nav'

const LINKS: SectionLink[] = [
  {
    href: '/review',
    label: 'Answers log',
    icon: ListChecks,
    match: (p) => p === '/review' || p.startsWith('/review/answers'),
  },
  { href: '/review/queue', label: 'Queue', icon: Inbox, match: (p) => p.startsWith('/review/queue') },
  {
    href: '/review/curated',
    label: 'Curated answers',
    icon: Sparkles,
    match: (p) => p.startsWith('/review/curated'),
  },
  {
    href: '/review/dashboard',
    label: 'Dashboard',
    icon: BarChart3,
    match: (p) => p.startsWith('/review/dashboard'),
  },
  {
    href: '/review/datasets',
    label: 'Datasets',
    icon: Database,
    match: (p) => p.startsWith('/review/datasets'),
  },
]

/** The review area's own navigation, under the app header. */
export function ReviewNav() {
  return <SectionNav label="Review" links={LINKS} className="max-w-7xl" />
}
