import { listDatasets, listFineTunedModels, listFineTuneJobs } from '@policydesk/db'
import { DatasetCard } from '@/components/review/datasets/dataset-card'
import { FineTuneJobsTable } from '@/components/review/datasets/fine-tune-jobs-table'
import { NewExportForm } from '@/components/review/datasets/new-export-form'
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatDateTime } from '@/lib/shared/format'
import { toViewer } from '@/lib/shared/review/viewer'

export const dynamic = 'force-dynamic'

/**
 * Fine-tuning datasets exported from reviewed answers, their files, and the jobs trained on them. Exports
 * start here or from the CLI; fine-tuning jobs are submitted from the CLI (credentialed, long-running).
 */
export default async function DatasetsPage() {
  const user = await requirePageRole(ROLES.reviewers)
  const db = getDb()
  const t = await getTranslator()
  const viewer = toViewer(user)
  const [datasets, jobs, models] = await Promise.all([
    listDatasets(db, { viewer }),
    listFineTuneJobs(db, { viewer }),
    listFineTunedModels(db),
  ])
  return (
    <>
      <PageHeader title={t('review.datasets.title')} description={t('review.datasets.description')} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label={t('review.datasets.exported')} className="space-y-3">
          {datasets.length === 0 ? (
            <EmptyState title={t('review.datasets.emptyTitle')}>
              {t.rich('review.datasets.emptyText', {
                code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
              })}
            </EmptyState>
          ) : (
            datasets.map((dataset) => <DatasetCard key={dataset.id} dataset={dataset} />)
          )}
        </section>
        <aside className="space-y-6">
          <NewExportForm />
          <Card>
            <CardTitle aside="LLM_MODEL">{t('review.datasets.models.title')}</CardTitle>
            {models.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-600">{t('review.datasets.models.empty')}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {models.map((m) => (
                  <li key={m.jobId} className="px-4 py-2" data-testid="finetuned-model">
                    <p className="font-mono text-xs break-all text-slate-900">{m.model}</p>
                    <p className="text-xs text-slate-500">
                      {t('review.datasets.models.from', {
                        base: m.baseModel,
                        at: formatDateTime(m.finishedAt),
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
      <div className="mt-6">
        <FineTuneJobsTable jobs={jobs} />
      </div>
    </>
  )
}
