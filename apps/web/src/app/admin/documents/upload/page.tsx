import { listGroups } from '@policydesk/db'
import { readIngestEnv } from '@policydesk/ingest'
import { UploadPanel } from '@/components/admin/upload/upload-panel'
import { PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'

export const dynamic = 'force-dynamic'

export default async function UploadPage() {
  await requirePageRole(ROLES.admins)
  const groups = await listGroups(getDb())
  const t = await getTranslator()
  return (
    <>
      <PageHeader title={t('admin.upload.title')} description={t('admin.upload.description')} />
      <UploadPanel
        maxBytes={readIngestEnv().INGEST_MAX_MB * 1024 * 1024}
        groups={groups.map((g) => g.name)}
      />
    </>
  )
}
