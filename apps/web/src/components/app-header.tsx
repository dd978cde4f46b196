import { viewerHandlesHandoffs } from '@policydesk/db'
import { BookOpenCheck } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { LanguageSelect, ThemeToggle } from '@/components/preferences/preferences-controls'
import type { SessionUser } from '@/lib/server/auth/current-user'
import { ROLES } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { readPreferences } from '@/lib/server/preferences'

/** Top bar: product name, the areas this role may enter, who is signed in, display preferences, sign-out. */
export async function AppHeader({ user, children }: { user: SessionUser; children?: ReactNode }) {
  const t = await getTranslator()
  const { theme } = await readPreferences()
  // The handoffs inbox: admins and members of a group holding the `handoffs` permission.
  const handlesHandoffs = await viewerHandlesHandoffs(getDb(), user).catch(() => false)
  const links = [
    { href: '/', label: t('header.ask'), show: true },
    {
      href: '/review',
      label: t('header.review'),
      show: (ROLES.reviewers as readonly string[]).includes(user.role),
    },
    { href: '/handoffs', label: t('header.handoffs'), show: handlesHandoffs },
    { href: '/admin/documents', label: t('header.documents'), show: user.role === 'admin' },
    { href: '/settings/tokens', label: t('header.tokens'), show: true },
  ].filter((l) => l.show)
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-3 sm:px-4">
      {children}
      <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
        <BookOpenCheck className="size-5 text-indigo-600" aria-hidden />
        <span>{t('common.appName')}</span>
      </Link>
      <nav aria-label={t('header.mainNav')} className="ml-2 hidden items-center gap-1 sm:flex">
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
      <div className="ml-auto flex items-center gap-2 sm:gap-3">
        <div className="hidden text-right text-xs leading-tight lg:block" data-testid="signed-in-user">
          <div className="font-medium text-slate-800">{user.name}</div>
          <div className="text-slate-500">
            {t('header.signedInAs', { email: user.email, role: user.role })}
          </div>
        </div>
        <LanguageSelect />
        <ThemeToggle initial={theme} />
        <form action="/api/auth/sign-out" method="post">
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-50"
          >
            {t('header.signOut')}
          </button>
        </form>
      </div>
    </header>
  )
}
