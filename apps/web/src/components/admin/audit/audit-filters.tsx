import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-controls'
import { getTranslator } from '@/lib/server/i18n/server'
import type { AuditSearchParams } from '@/lib/shared/admin/search-params'

/** GET form: shareable URLs, works without JavaScript; a new filter starts at page 1. */
export async function AuditFilters({
  params,
  actions,
  actors,
}: {
  params: AuditSearchParams
  actions: string[]
  actors: { id: string; label: string }[]
}) {
  const t = await getTranslator()
  return (
    <search aria-label={t('admin.audit.filters.label')}>
      <form
        method="get"
        action="/admin/audit"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-[1fr_1fr_10rem_10rem_auto]"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-xs font-medium text-slate-700">
            {t('admin.audit.filters.action')}
          </label>
          <Select id="audit-action" name="action" defaultValue={params.action ?? ''}>
            <option value="">{t('admin.audit.filters.anyAction')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-xs font-medium text-slate-700">
            {t('admin.audit.filters.actor')}
          </label>
          <Select id="audit-actor" name="actor" defaultValue={params.actor ?? ''}>
            <option value="">{t('admin.audit.filters.anyone')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="text-xs font-medium text-slate-700">
            {t('admin.audit.filters.from')}
          </label>
          <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ''} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="text-xs font-medium text-slate-700">
            {t('admin.audit.filters.to')}
          </label>
          <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ''} />
        </div>
        <div className="col-span-2 flex items-end gap-2 md:col-span-1">
          <Button type="submit">{t('admin.filters.apply')}</Button>
          <Link
            href="/admin/audit"
            className="px-2 py-2 text-sm text-slate-600 underline-offset-2 hover:underline"
          >
            {t('admin.filters.reset')}
          </Link>
        </div>
      </form>
    </search>
  )
}
