import Link from 'next/link'
import { useTranslations } from 'use-intl'
import { QUEUE_SHORTCUTS } from '@/lib/shared/review/shortcuts'
import { Kbd } from '../ui'

/** Previous / next in the review queue, and the list of keyboard shortcuts. */
export function QueueNavigation({
  nextHref,
  previousHref,
}: {
  nextHref: string
  previousHref: string | null
}) {
  const t = useTranslations('review.panel.queue')
  return (
    <div className="border-t border-slate-100 p-4">
      <div className="mb-3 flex gap-2">
        {previousHref ? (
          <Link
            href={previousHref}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            {t('previous')} <Kbd>k</Kbd>
          </Link>
        ) : null}
        <Link
          href={nextHref}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
        >
          {t('next')} <Kbd>j</Kbd> <Kbd>n</Kbd>
        </Link>
      </div>
      <div className="text-xs text-slate-500" data-testid="shortcut-help">
        <p className="mb-1 font-medium text-slate-600">{t('shortcuts')}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {QUEUE_SHORTCUTS.map((s) => (
            <li key={s.action}>
              {s.keys.map((k) => (
                <Kbd key={k}>{k}</Kbd>
              ))}{' '}
              {t(`actions.${s.action}`)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
