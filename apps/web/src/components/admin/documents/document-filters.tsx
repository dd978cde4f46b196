import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-controls'
import { getTranslator } from '@/lib/server/i18n/server'
import type { DocumentSearchParams } from '@/lib/shared/admin/search-params'

/**
 * A plain GET form: filtering works without JavaScript, the URL can be shared, and Enter submits from
 * the search box. Changing a filter starts again at page 1 (the form carries no page).
 */
export async function DocumentFilters({
  params,
  groups,
  tags,
}: {
  params: DocumentSearchParams
  groups: string[]
  tags: string[]
}) {
  const t = await getTranslator()
  return (
    <search aria-label={t('admin.documents.filters.label')}>
      <form
        method="get"
        action="/admin/documents"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
      >
        <div className="col-span-2 flex flex-col gap-1 md:col-span-1">
          <label htmlFor="filter-q" className="text-xs font-medium text-slate-700">
            {t('admin.documents.filters.search')}
          </label>
          <Input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ''}
            placeholder={t('admin.documents.filters.searchPlaceholder')}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-xs font-medium text-slate-700">
            {t('admin.documents.filters.status')}
          </label>
          <Select id="filter-status" name="status" defaultValue={params.status ?? ''}>
            <option value="">{t('admin.documents.filters.anyStatus')}</option>
            <option value="queued">{t('admin.documents.filters.queued')}</option>
            <option value="processing">{t('admin.documents.filters.processing')}</option>
            <option value="ready">{t('admin.documents.filters.ready')}</option>
            <option value="failed">{t('admin.documents.filters.failed')}</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-group" className="text-xs font-medium text-slate-700">
            {t('admin.documents.filters.group')}
          </label>
          <Select id="filter-group" name="group" defaultValue={params.group ?? ''}>
            <option value="">{t('admin.documents.filters.anyGroup')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-tag" className="text-xs font-medium text-slate-700">
            {t('admin.documents.filters.tag')}
          </label>
          <Select id="filter-tag" name="tag" defaultValue={params.tag ?? ''}>
            <option value="">{t('admin.documents.filters.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-state" className="text-xs font-medium text-slate-700">
            {t('admin.documents.filters.show')}
          </label>
          <Select id="filter-state" name="state" defaultValue={params.state}>
            <option value="active">{t('admin.documents.filters.active')}</option>
            <option value="deleted">{t('admin.documents.filters.deleted')}</option>
            <option value="all">{t('admin.documents.filters.all')}</option>
          </Select>
        </div>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div className="col-span-2 flex items-end gap-2 md:col-span-1">
          <Button type="submit" size="md">
            {t('admin.filters.apply')}
          </Button>
          <Link
            href="/admin/documents"
            className="px-2 py-2 text-sm text-slate-600 underline-offset-2 hover:underline"
          >
            {t('admin.filters.reset')}
          </Link>
        </div>
      </form>
    </search>
  )
}
