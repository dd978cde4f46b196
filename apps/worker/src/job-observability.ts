import type { IngestTimings, ProcessResult } from '@policydesk/ingest'
import { ingestJob } from '@policydesk/jobs'
import { recordIngestJob, recordPastSpans, withSpan, withTraceCarrier } from '@policydesk/observability'
import { createLogger, errorMessage, runWithLogContext } from '@policydesk/runtime'
import type { Job } from 'bullmq'

const log = createLogger('worker:job')

/**
 * Wraps the ingest processor with what operators need and nothing else: every log line of the job names
 * it (job id, version id, attempt), the job continues the upload's trace (context carried in the job
 * data) with one span per stage, and the outcome and stage durations land in the metrics.
 */
export function observeIngestJobs(processor: (job: Job) => Promise<ProcessResult>) {
  return (job: Job): Promise<ProcessResult> => {
    const payload = ingestJob.payload.safeParse(job.data)
    const versionId = payload.success ? payload.data.versionId : null
    return runWithLogContext({ jobId: job.id ?? null, versionId, attempt: job.attemptsMade + 1 }, () =>
      withTraceCarrier(payload.success ? payload.data.trace : undefined, () =>
        withSpan(
          'ingest.job',
          { 'policydesk.version_id': versionId ?? '', 'policydesk.attempt': job.attemptsMade + 1 },
          async () => {
            const started = Date.now()
            try {
              const result = await processor(job)
              if (result.status === 'ready') {
                if (result.timings) stageSpans(started, result.timings)
                recordIngestJob('ready', result.timings)
                log.info('version ready', {
                  chunks: result.chunks,
                  skipped: result.skipped,
                  totalMs: Date.now() - started,
                })
              } else if (result.status === 'failed') {
                recordIngestJob('failed')
                log.warn('version failed', { error: result.error })
              }
              return result
            } catch (error) {
              recordIngestJob('error')
              log.error('job attempt failed', { error: errorMessage(error) })
              throw error
            }
          },
        ),
      ),
    )
  }
}

/** The ingest pipeline reports each stage's duration; the stages ran back to back after loading. */
function stageSpans(startedAt: number, timings: IngestTimings): void {
  recordPastSpans(startedAt + timings.loadMs, [
    { name: 'ingest.parse', ms: timings.parseMs, attributes: { 'policydesk.bytes': timings.bytes } },
    { name: 'ingest.chunk', ms: timings.chunkMs },
    { name: 'ingest.embed', ms: timings.embedMs },
    { name: 'ingest.store', ms: timings.storeMs },
  ])
}
