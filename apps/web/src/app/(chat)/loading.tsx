import { getTranslator } from '@/lib/server/i18n/server'

/** The chat's shape while the page loads the user's conversations on the server. */
export default async function ChatLoading() {
  const t = await getTranslator()
  return (
    <div className="flex h-dvh flex-col" role="status" aria-live="polite" data-testid="chat-loading">
      <span className="sr-only">{t('chat.loadingChat')}</span>
      <div className="h-14 shrink-0 border-b border-slate-200 bg-white" />
      <div className="flex min-h-0 flex-1">
        <div className="hidden w-72 shrink-0 space-y-2 border-r border-slate-200 bg-white p-3 md:block">
          <div className="h-9 animate-pulse rounded-md bg-slate-200" />
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-8 animate-pulse rounded-md bg-slate-100" />
          ))}
        </div>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-10">
            <div className="mx-auto h-8 w-2/3 animate-pulse rounded bg-slate-200" />
            <div className="mx-auto h-4 w-1/2 animate-pulse rounded bg-slate-200" />
          </div>
          <div className="border-t border-slate-200 bg-slate-50 px-3 pt-3 pb-2 sm:px-4">
            <div className="mx-auto h-20 w-full max-w-3xl animate-pulse rounded-xl bg-slate-200" />
          </div>
        </div>
      </div>
    </div>
  )
}
