import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-controls'
import type { DocumentSearchParams } from '@/lib/admin/search-params'

/**
 * A plain GET form: filtering works without JavaScript, the URL can be shared, and Enter submits from
 * the search box. Changing a filter starts again at page 1 (the form carries no page).
 */
export function DocumentFilters({
  params,
  groups,
  tags,
}: {
  params: DocumentSearchParams
  groups: string[]
  tags: string[]
}) {
  return (
    <search aria-label="Filter documents">
      <form
        method="get"
        action="/admin/documents"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
      >
        <div className="col-span-2 flex flex-col gap-1 md:col-span-1">
          <label htmlFor="filter-q" className="text-xs font-medium text-slate-700">
            Search titles
          </label>
          <Input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ''}
            placeholder="e.g. travel"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-xs font-medium text-slate-700">
            Status
          </label>
          <Select id="filter-status" name="status" defaultValue={params.status ?? ''}>
            <option value="">Any status</option>
            <option value="queued">Queued</option>
            <option value="processing">Processing</option>
            <option value="ready">Ready</option>
            <option value="failed">Failed</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-group" className="text-xs font-medium text-slate-700">
            Access group
          </label>
          <Select id="filter-group" name="group" defaultValue={params.group ?? ''}>
            <option value="">Any group</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-tag" className="text-xs font-medium text-slate-700">
            Tag
          </label>
          <Select id="filter-tag" name="tag" defaultValue={params.tag ?? ''}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-state" className="text-xs font-medium text-slate-700">
            Show
          </label>
          <Select id="filter-state" name="state" defaultValue={params.state}>
            <option value="active">Active</option>
            <option value="deleted">Deleted</option>
            <option value="all">All</option>
          </Select>
        </div>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div className="col-span-2 flex items-end gap-2 md:col-span-1">
          <Button type="submit" size="md">
            Apply
          </Button>
          <Link
            href="/admin/documents"
            className="px-2 py-2 text-sm text-slate-600 underline-offset-2 hover:underline"
          >
            Reset
          </Link>
        </div>
      </form>
    </search>
  )
}
