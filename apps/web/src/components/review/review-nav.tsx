'use client'

import { BarChart3, Database, Inbox, ListChecks, Sparkles } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { type SectionLink, SectionNav } from '@/components/ui/section-nav'

/** The review area's own navigation, under the app header. */
export function ReviewNav() {
  const t = useTranslations('review.nav')
  const links: SectionLink[] = [
    {
      href: '/review',
      label: t('log'),
      icon: ListChecks,
      match: (p) => p === '/review' || p.startsWith('/review/answers'),
    },
    { href: '/review/queue', label: t('queue'), icon: Inbox, match: (p) => p.startsWith('/review/queue') },
    {
      href: '/review/curated',
      label: t('curated'),
      icon: Sparkles,
      match: (p) => p.startsWith('/review/curated'),
    },
    {
      href: '/review/dashboard',
      label: t('dashboard'),
      icon: BarChart3,
      match: (p) => p.startsWith('/review/dashboard'),
    },
    {
      href: '/review/datasets',
      label: t('datasets'),
      icon: Database,
      match: (p) => p.startsWith('/review/datasets'),
    },
  ]
  return <SectionNav label={t('label')} links={links} className="max-w-7xl" />
}
