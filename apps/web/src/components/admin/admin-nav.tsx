'use client'

import { FileText, FlaskConical, ScrollText, Upload, Users } from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/utils'

const LINKS = [
  { href: '/admin/documents', label: 'Documents', icon: FileText, exact: true },
  { href: '/admin/documents/upload', label: 'Upload', icon: Upload, exact: true },
  { href: '/admin/playground', label: 'Playground', icon: FlaskConical, exact: false },
  { href: '/admin/users', label: 'Users & groups', icon: Users, exact: false },
  { href: '/admin/audit', label: 'Audit log', icon: ScrollText, exact: false },
]

/** The admin area's own navigation, under the app header. */
export function AdminNav() {
  const pathname = usePathname()
  const isActive = (href: string, exact: boolean) =>
    exact
      ? pathname === href ||
        (href === '/admin/documents' && /^\/admin\/documents\/(?!upload)[^/]+/.test(pathname))
      : pathname.startsWith(href)
  return (
    <nav aria-label="Admin" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
        {LINKS.map(({ href, label, icon: Icon, exact }) => {
          const active = isActive(href, exact)
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
