'use client'

import { FileText, FlaskConical, ScrollText, Upload, Users } from 'lucide-react'
import { type SectionLink, SectionNav } from '@/components/ui/section-nav'

const LINKS: SectionLink[] = [
  {
    href: '/admin/documents',
    label: 'Documents',
    icon: FileText,
    // The list and each document's page, not the upload page below it.
    match: (p) => p === '/admin/documents' || /^\/admin\/documents\/(?!upload)[^/]+/.test(p),
  },
  {
    href: '/admin/documents/upload',
    label: 'Upload',
    icon: Upload,
    match: (p) => p === '/admin/documents/upload',
  },
  {
    href: '/admin/playground',
    label: 'Playground',
    icon: FlaskConical,
    match: (p) => p.startsWith('/admin/playground'),
  },
  { href: '/admin/users', label: 'Users & groups', icon: Users, match: (p) => p.startsWith('/admin/users') },
  { href: '/admin/audit', label: 'Audit log', icon: ScrollText, match: (p) => p.startsWith('/admin/audit') },
]

/** The admin area's own navigation, under the app header. */
export function AdminNav() {
  return <SectionNav label="Admin" links={LINKS} className="max-w-6xl" />
}
