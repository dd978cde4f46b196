'use client'

import { FileText, X } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { describedBy, Field, Input } from '@/components/ui/form-controls'
import type { ItemFieldErrors, UploadItem } from '@/lib/shared/admin/upload-item'
import { fileExtension } from '@/lib/shared/admin/upload-rules'
import type { LiveVersion } from '@/lib/shared/admin/version-status'
import { formatBytes, formatInt } from '@/lib/shared/format'
import { VersionStatusBadge } from '../version-status-badge'

type Props = {
  item: UploadItem
  index: number
  groups: string[]
  errors: ItemFieldErrors
  showAccess: boolean
  live: LiveVersion | undefined
  onChange: (patch: Partial<UploadItem>) => void
  onRemove: () => void
  onRetry: (versionId: string) => void
}

/** One file: its metadata form before upload, then its live status. */
export function UploadItemCard({
  item,
  index,
  groups,
  errors,
  showAccess,
  live,
  onChange,
  onRemove,
  onRetry,
}: Props) {
  const t = useTranslations('admin.upload.item')
  const id = (field: string) => `upload-${item.key}-${field}`
  const editable = item.phase === 'pending' && !item.refusal
  const version = live ?? (item.result ? { status: 'queued' as const, stage: 'queued', progress: 0 } : null)
  const failedReason = live?.status === 'failed' ? live.error : null
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="upload-item"
      aria-label={t('label', { n: String(index + 1), name: item.file.name })}
    >
      <div className="flex items-start gap-3">
        <FileText className="mt-0.5 size-5 shrink-0 text-slate-400" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">{item.file.name}</p>
          <p className="text-xs text-slate-500">
            {formatBytes(item.file.size)}
            {fileExtension(item.file.name) ? ` · ${fileExtension(item.file.name).toUpperCase()}` : ''}
          </p>
        </div>
        <div className="flex items-center gap-2" aria-live="polite">
          {item.phase === 'uploading' ? (
            <span className="text-xs text-slate-600">{t('uploading')}</span>
          ) : null}
          {item.result && version ? <VersionStatusBadge version={version} /> : null}
          {item.phase === 'pending' ? (
            <Button
              variant="ghost"
              size="icon-sm"
              onClick={onRemove}
              aria-label={t('remove', { name: item.file.name })}
            >
              <X aria-hidden />
            </Button>
          ) : null}
        </div>
      </div>

      {item.refusal || item.error ? (
        <p
          className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          role="alert"
          data-testid="upload-refusal"
        >
          <span className="font-medium">{t('notUploaded')}</span> {item.refusal ?? item.error}
        </p>
      ) : null}
      {failedReason ? (
        <div className="mt-2 flex flex-wrap items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p data-testid="upload-failure">
            <span className="font-medium">{t('processingFailed')}</span> {failedReason}
          </p>
          {item.result ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => item.result && onRetry(item.result.versionId)}
            >
              {t('retry')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {item.result ? (
        <p className="mt-2 text-sm text-slate-600">
          {item.result.created
            ? t('stored', { n: String(item.result.versionNo) })
            : t('identical', { n: String(item.result.versionNo) })}{' '}
          <Link href={`/admin/documents/${item.result.documentId}`} className="text-indigo-700 underline">
            {t('open', { title: item.title })}
          </Link>
          {live?.status === 'ready'
            ? ` · ${t('chunks', { count: live.chunkCount, n: formatInt(live.chunkCount) })}`
            : ''}
        </p>
      ) : null}

      {editable ? (
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <Field id={id('title')} label={t('title')} error={errors.title}>
            <Input
              id={id('title')}
              value={item.title}
              onChange={(e) => onChange({ title: e.target.value })}
              aria-invalid={Boolean(errors.title)}
              aria-describedby={describedBy(id('title'), { error: errors.title })}
              maxLength={200}
            />
          </Field>
          <Field id={id('date')} label={t('effectiveDate')} error={errors.effectiveDate}>
            <Input
              id={id('date')}
              type="date"
              value={item.effectiveDate}
              onChange={(e) => onChange({ effectiveDate: e.target.value })}
              aria-invalid={Boolean(errors.effectiveDate)}
              aria-describedby={describedBy(id('date'), { error: errors.effectiveDate })}
            />
          </Field>
          <Field
            id={id('countries')}
            label={t('countries')}
            hint={t('countriesHint')}
            error={errors.countries}
          >
            <Input
              id={id('countries')}
              value={item.countries ?? ''}
              onChange={(e) => onChange({ countries: e.target.value })}
              aria-invalid={Boolean(errors.countries)}
              aria-describedby={describedBy(id('countries'), {
                hint: true,
                error: errors.countries,
              })}
            />
          </Field>
          {showAccess ? (
            <>
              <Field id={id('tags')} label={t('tags')} hint={t('tagsHint')} error={errors.tags}>
                <Input
                  id={id('tags')}
                  value={item.tags}
                  placeholder={t('tagsPlaceholder')}
                  onChange={(e) => onChange({ tags: e.target.value })}
                  aria-invalid={Boolean(errors.tags)}
                  aria-describedby={describedBy(id('tags'), { hint: true, error: errors.tags })}
                />
              </Field>
              <fieldset
                className="flex flex-col gap-1"
                aria-describedby={errors.groups ? id('groups-error') : undefined}
              >
                <legend className="mb-1 text-xs font-medium text-slate-700">{t('readers')}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {groups.map((group) => (
                    <label key={group} className="inline-flex items-center gap-1.5 text-sm text-slate-800">
                      <input
                        type="checkbox"
                        className="size-4 accent-indigo-600"
                        checked={item.groups.includes(group)}
                        onChange={(e) =>
                          onChange({
                            groups: e.target.checked
                              ? [...item.groups, group]
                              : item.groups.filter((g) => g !== group),
                          })
                        }
                      />
                      {group}
                    </label>
                  ))}
                </div>
                {errors.groups ? (
                  <p id={id('groups-error')} className="text-xs text-red-700">
                    {errors.groups}
                  </p>
                ) : null}
              </fieldset>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
