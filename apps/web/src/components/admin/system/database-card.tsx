import { Card, CardHeader } from '@/components/ui/form-controls'
import { getTranslator } from '@/lib/server/i18n/server'
import type { SystemStatus } from '@/lib/server/system/system-status'
import { formatBytes, formatInt } from '@/lib/shared/format'

/** Database size, migrations and the HNSW index of each embedding model. */
export async function DatabaseCard({ database, vectors }: Pick<SystemStatus, 'database' | 'vectors'>) {
  const t = await getTranslator()
  const { migrations } = database
  return (
    <Card aria-labelledby="database-heading">
      <CardHeader
        title={<span id="database-heading">{t('admin.system.database.title')}</span>}
        description={t(
          migrations.current ? 'admin.system.database.summary' : 'admin.system.database.summaryBehind',
          {
            size: formatBytes(database.sizeBytes),
            applied: formatInt(migrations.applied),
            expected: formatInt(migrations.expected),
          },
        )}
      />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-2 text-left text-xs font-medium text-slate-600">
            {t('admin.system.database.caption')}
          </caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('admin.system.database.model')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.system.database.embeddings')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.system.database.index')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.system.database.size')}
              </th>
            </tr>
          </thead>
          <tbody>
            {vectors.models.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-3 text-slate-600">
                  {t('admin.system.database.noEmbeddings')}
                </td>
              </tr>
            ) : (
              vectors.models.map((entry) => (
                <tr key={entry.model} className="border-t border-slate-100">
                  <td className="px-3 py-2 font-mono text-xs">
                    {entry.model}
                    {entry.model === vectors.activeModel ? (
                      <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 font-sans text-indigo-700">
                        {t('admin.system.database.active')}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{entry.embeddings}</td>
                  <td className="px-3 py-2">
                    {entry.index === null ? (
                      <span className="text-red-700">{t('admin.system.database.missing')}</span>
                    ) : entry.index.valid ? (
                      <span className="text-emerald-700">
                        {t('admin.system.database.valid', {
                          dimensions: String(entry.index.dimensions ?? '?'),
                        })}
                      </span>
                    ) : (
                      <span className="text-red-700">{t('admin.system.database.invalid')}</span>
                    )}
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {entry.index ? formatBytes(entry.index.sizeBytes) : '–'}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
