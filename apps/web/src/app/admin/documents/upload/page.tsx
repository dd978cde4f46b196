import { listGroups } from '@policydesk/db'
import { readIngestEnv } from '@policydesk/ingest'
import { UploadPanel } from '@/components/admin/upload/upload-panel'
import { PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

export default async function UploadPage() {
  await requirePageRole(ROLES.admins)
  const groups = await listGroups(getDb())
  return (
    <>
      <PageHeader
        title="Upload documents"
        description="Each file becomes a new document. Set its title, tags and who may read it, then follow its processing live."
      />
      <UploadPanel
        maxBytes={readIngestEnv().INGEST_MAX_MB * 1024 * 1024}
        groups={groups.map((g) => g.name)}
      />
    </>
  )
}
