import { useTranslations } from 'use-intl'
import { type LiveVersion, stageLabel } from '@/lib/shared/admin/version-status'
import { cn } from '@/lib/shared/utils'

const TONES: Record<LiveVersion['status'], string> = {
  ready: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
  processing: 'bg-amber-100 text-amber-900',
  queued: 'bg-slate-200 text-slate-700',
}

/** Status pill (the stage while processing) with a thin progress bar under it while work is under way. */
export function VersionStatusBadge({
  version,
  className,
}: {
  version: Pick<LiveVersion, 'status' | 'stage' | 'progress'> | null
  className?: string
}) {
  const t = useTranslations('admin.versionStatus')
  if (!version) return <span className="text-xs text-slate-500">{t('none')}</span>
  const working = version.status === 'processing' || version.status === 'queued'
  return (
    <span className={cn('inline-flex min-w-24 flex-col gap-1', className)}>
      <span
        data-testid="version-status"
        data-status={version.status}
        className={cn(
          'inline-flex w-fit rounded-full px-2 py-0.5 text-xs font-medium',
          TONES[version.status],
        )}
      >
        {t('stage', { stage: stageLabel(version) })}
      </span>
      {working ? (
        <span
          role="progressbar"
          aria-label={t('progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={version.progress}
          className="h-1 w-24 overflow-hidden rounded-full bg-slate-200"
        >
          <span
            className="block h-full rounded-full bg-amber-500 transition-[width] duration-500"
            style={{ width: `${Math.max(4, version.progress)}%` }}
          />
        </span>
      ) : null}
    </span>
  )
}
