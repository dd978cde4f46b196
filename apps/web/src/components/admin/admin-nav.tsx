'use client'

import { Activity, FileText, FlaskConical, ScrollText, Upload, Users } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { type SectionLink, SectionNav } from '@/components/ui/section-nav'

/** The admin area's own navigation, under the app header. */
export function AdminNav() {
  const t = useTranslations('admin.nav')
  const links: SectionLink[] = [
    {
      href: '/admin/documents',
      label: t('documents'),
      icon: FileText,
      // The list and each document's page, not the upload page below it.
      match: (p) => p === '/admin/documents' || /^\/admin\/documents\/(?!upload)[^/]+/.test(p),
    },
    {
      href: '/admin/documents/upload',
      label: t('upload'),
      icon: Upload,
      match: (p) => p === '/admin/documents/upload',
    },
    {
      href: '/admin/playground',
      label: t('playground'),
      icon: FlaskConical,
      match: (p) => p.startsWith('/admin/playground'),
    },
    { href: '/admin/users', label: t('users'), icon: Users, match: (p) => p.startsWith('/admin/users') },
    { href: '/admin/audit', label: t('audit'), icon: ScrollText, match: (p) => p.startsWith('/admin/audit') },
    {
      href: '/admin/system',
      label: t('system'),
      icon: Activity,
      match: (p) => p.startsWith('/admin/system'),
    },
  ]
  return <SectionNav label={t('label')} links={links} className="max-w-6xl" />
}
