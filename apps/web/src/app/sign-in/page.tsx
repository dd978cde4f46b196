import { listUsersWithGroups } from '@policydesk/db'
import { BookOpenCheck } from 'lucide-react'
import { redirect } from 'next/navigation'
import { LanguageSelect, ThemeToggle } from '@/components/preferences/preferences-controls'
import { authConfig } from '@/lib/server/auth/config'
import { getCurrentUser } from '@/lib/server/auth/current-user'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { readPreferences } from '@/lib/server/preferences'

type Translator = Awaited<ReturnType<typeof getTranslator>>

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ error?: string }> }

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/')
  const config = authConfig()
  const { error } = await searchParams
  const users = config.mode === 'dev' && !config.problem ? await listUsersWithGroups(getDb()) : []
  const t = await getTranslator()
  const { theme } = await readPreferences()
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center p-6">
      <div className="mb-6 flex items-center gap-2 text-xl font-semibold">
        <BookOpenCheck className="size-6 text-indigo-600" aria-hidden />
        {t('common.appName')}
        <div className="ml-auto flex items-center gap-2 text-base font-normal">
          <LanguageSelect />
          <ThemeToggle initial={theme} />
        </div>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">{t('signIn.title')}</h1>
        {config.exposureWarning ? (
          <p
            role="alert"
            data-testid="dev-exposure-warning"
            className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900"
          >
            {config.exposureWarning}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        {config.problem ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {config.problem}
          </p>
        ) : config.mode === 'oidc' ? (
          <a
            href="/api/auth/sign-in"
            className="mt-4 inline-flex w-full items-center justify-center rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            {t('signIn.withCompanyAccount')}
          </a>
        ) : (
          <DevUserPicker users={users} t={t} />
        )}
      </div>
    </main>
  )
}

function DevUserPicker({
  users,
  t,
}: {
  users: Awaited<ReturnType<typeof listUsersWithGroups>>
  t: Translator
}) {
  if (users.length === 0) {
    return <p className="text-sm text-slate-600">{t('signIn.noUsers')}</p>
  }
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">{t('signIn.devMode')}</p>
      <form action="/api/auth/dev-sign-in" method="post">
        <fieldset>
          <legend className="sr-only">{t('signIn.demoUsers')}</legend>
          <ul className="space-y-2">
            {users.map((u) => (
              <li key={u.id}>
                <button
                  type="submit"
                  name="email"
                  value={u.email}
                  className="flex w-full items-center justify-between gap-3 rounded-lg border border-slate-200 px-4 py-3 text-left hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span>
                    <span className="sr-only">{t('signIn.signInAs')} </span>
                    <span className="block font-medium">{u.name}</span>
                    <span className="block text-sm text-slate-500">{u.email}</span>
                  </span>
                  <span className="flex gap-1.5 text-xs">
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">{u.role}</span>
                    {u.groups.map((g) => (
                      <span key={g} className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">
                        {g}
                      </span>
                    ))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      </form>
    </>
  )
}
