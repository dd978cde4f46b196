'use client'

import type { LucideIcon } from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/shared/utils'

export type SectionLink = {
  href: string
  label: string
  icon: LucideIcon
  /** Whether the link is the current section for this path. */
  match: (pathname: string) => boolean
}

/** An area's own tab navigation under the app header (admin, review); the current tab is aria-current. */
export function SectionNav({
  label,
  links,
  className,
}: {
  label: string
  links: SectionLink[]
  className?: string
}) {
  const pathname = usePathname()
  return (
    <nav aria-label={label} className="border-b border-slate-200 bg-white">
      <ul className={cn('mx-auto flex gap-1 overflow-x-auto px-4', className)}>
        {links.map(({ href, label: text, icon: Icon, match }) => {
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
                {text}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
