import { findStaleVersions } from '@policydesk/db'
import { type ProcessDeps, processVersion } from '@policydesk/ingest'
import { errorMessage, type Logger } from '@policydesk/runtime'

/**
 * Inline mode (no Redis): the same domain pipeline, fed by polling the database for queued versions
 * instead of by BullMQ. One at a time, in this process.
 */
export async function processQueuedVersions(
  deps: Omit<ProcessDeps, 'onProgress'>,
  log: Logger,
): Promise<number> {
  const pending = await findStaleVersions(deps.db, 0, 50)
  let done = 0
  for (const version of pending) {
    try {
      const result = await processVersion(deps, version.id)
      if (result.status === 'failed') log.warn(`version ${version.id} failed: ${result.error}`)
      done++
    } catch (error) {
      log.error(`version ${version.id}: ${errorMessage(error)} (will retry)`)
    }
  }
  return done
}
