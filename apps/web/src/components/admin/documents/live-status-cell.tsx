'use client'

import { useRouter } from 'next/navigation'
import { useVersionStatuses } from '@/lib/client/admin/use-version-statuses'
import { isFinal, type LiveVersion } from '@/lib/shared/admin/version-status'
import { VersionStatusBadge } from '../version-status-badge'

type Initial = Pick<LiveVersion, 'id' | 'status' | 'stage' | 'progress' | 'error'>

/**
 * A version's status that keeps itself current while the version is queued or processing, then refreshes
 * the server-rendered page once (chunk counts, current version) when it settles.
 */
export function LiveStatusCell({ initial }: { initial: Initial }) {
  const router = useRouter()
  const live = useVersionStatuses(isFinal(initial.status) ? [] : [initial.id], {
    onSettled: () => router.refresh(),
  })
  const version = live.get(initial.id) ?? initial
  return (
    <div aria-live="polite">
      <VersionStatusBadge version={version} />
      {version.status === 'failed' && version.error ? (
        <p className="mt-1 max-w-xs text-xs text-red-700" data-testid="version-error">
          {version.error}
        </p>
      ) : null}
    </div>
  )
}
