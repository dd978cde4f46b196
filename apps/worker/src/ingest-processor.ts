import { markVersionFailed, type ProcessDeps, type ProcessResult, processVersion } from '@policydesk/ingest'
import { InvalidJobPayload, ingestJob, parseJobPayload } from '@policydesk/jobs'
import { errorMessage } from '@policydesk/runtime'
import { type Job, UnrecoverableError } from 'bullmq'

/**
 * The BullMQ processor for `ingest` jobs: validates the payload with the producer's schema, runs the
 * domain pipeline and mirrors stage progress onto the job. A bad payload is not retried; a transient
 * error is, and the last failed attempt records its reason on the version so the upload is not stuck.
 */
export function createIngestProcessor(deps: Omit<ProcessDeps, 'onProgress'>) {
  return async (job: Job): Promise<ProcessResult> => {
    let payload: { versionId: string }
    try {
      payload = parseJobPayload(ingestJob, job.data)
    } catch (error) {
      if (error instanceof InvalidJobPayload) throw new UnrecoverableError(error.message)
      throw error
    }
    try {
      return await processVersion(
        { ...deps, onProgress: (report) => job.updateProgress(report) },
        payload.versionId,
      )
    } catch (error) {
      const attempts = job.opts.attempts ?? 1
      if (job.attemptsMade + 1 >= attempts) {
        await markVersionFailed(
          deps.db,
          payload.versionId,
          `Ingestion failed after ${attempts} attempts: ${errorMessage(error)}`,
        )
      }
      throw error
    }
  }
}
