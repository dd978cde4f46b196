'use client'

import { MessageCircleQuestion } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { EXAMPLE_QUESTIONS } from '@/lib/shared/chat/examples'

export function EmptyState({ name, onAsk }: { name: string; onAsk: (question: string) => void }) {
  const t = useTranslations('chat')
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-10 text-center sm:py-16">
      <MessageCircleQuestion className="mb-3 size-10 text-indigo-600" aria-hidden />
      <h1 className="text-2xl font-semibold text-slate-900">
        {t('greeting', { name: name.split(' ')[0] ?? name })}
      </h1>
      <p className="mt-2 text-slate-600">{t('intro')}</p>
      <ul aria-label={t('examples')} className="mt-8 grid w-full gap-3 sm:grid-cols-2">
        {EXAMPLE_QUESTIONS.map((q) => (
          <li key={q}>
            <button
              type="button"
              onClick={() => onAsk(q)}
              className="h-full w-full rounded-xl border border-slate-200 bg-white p-4 text-left text-sm text-slate-700 shadow-sm transition hover:border-indigo-300 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {q}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
