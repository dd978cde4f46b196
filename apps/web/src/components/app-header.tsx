import { BookOpenCheck } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import type { SessionUser } from '@/lib/auth/current-user'
import { ROLES } from '@/lib/auth/require-role'

/** Top bar: product name, the areas this role may enter, who is signed in, sign-out. */
export function AppHeader({ user, children }: { user: SessionUser; children?: ReactNode }) {
  const links = [
    { href: '/', label: 'Ask', show: true },
    { href: '/review', label: 'Review', show: (ROLES.reviewers as readonly string[]).includes(user.role) },
    { href: '/admin/documents', label: 'Documents', show: user.role === 'admin' },
  ].filter((l) => l.show)
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 sm:px-4">
      {children}
      <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
        <BookOpenCheck className="size-5 text-indigo-600" aria-hidden />
        <span>Policy Desk</span>
      </Link>
      <nav aria-label="Main" className="ml-2 hidden items-center gap-1 sm:flex">
        {links.map((l) => (
          <Link
            key={l.href}
            href={l.href}
            className="rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
          >
            {l.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <div className="hidden text-right text-xs leading-tight sm:block" data-testid="signed-in-user">
          <div className="font-medium text-slate-800">{user.name}</div>
          <div className="text-slate-500">
            {user.email} · {user.role}
          </div>
        </div>
        <form action="/api/auth/sign-out" method="post">
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            Sign out
          </button>
        </form>
      </div>
    </header>
  )
}
