import 'server-only'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { traceCarrier } from '@policydesk/observability'
import { createLogger, errorMessage } from '@policydesk/runtime'
import { webEnv } from '@/lib/server/env'

const log = createLogger('web')
const ENQUEUE_TIMEOUT_MS = 3_000

type IngestProducer = JobProducer<typeof ingestJob.payload>
const globalForQueue = globalThis as unknown as { policydeskIngestProducer?: IngestProducer }

function producer(redisUrl: string): IngestProducer {
  globalForQueue.policydeskIngestProducer ??= new JobProducer(ingestJob, redisUrl, ingestJobOptions)
  return globalForQueue.policydeskIngestProducer
}

/** The ingest queue this web process talks to, or null without REDIS_URL (inline mode). */
export function ingestQueue() {
  const redisUrl = webEnv().REDIS_URL
  return redisUrl ? producer(redisUrl).raw : null
}

export type EnqueueOutcome = 'queued' | 'inline' | 'deferred'

/**
 * Hands a stored version to the ingest worker. Without REDIS_URL the worker runs inline and polls the
 * database, so storing the version was enough. If Redis is unreachable the upload still stands: the
 * worker's reconciler re-enqueues versions left queued (`deferred`). `restart` first removes a finished
 * job with the same id (a retry), because BullMQ ignores an add whose id it still remembers.
 */
export async function enqueueIngest(
  versionId: string,
  options: { restart?: boolean } = {},
): Promise<EnqueueOutcome> {
  const redisUrl = webEnv().REDIS_URL
  if (!redisUrl) return 'inline'
  const work = async () => {
    const queue = producer(redisUrl)
    if (options.restart) {
      const job = await queue.raw.getJob(ingestJob.jobId({ versionId }))
      const state = job ? await job.getState() : 'missing'
      if (job && (state === 'completed' || state === 'failed')) await job.remove()
    }
    // The upload's trace continues in the worker (docs/operations.md#traces).
    await queue.enqueue({ versionId, trace: traceCarrier() })
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`)),
      ENQUEUE_TIMEOUT_MS,
    )
  })
  try {
    await Promise.race([work(), timeout])
    return 'queued'
  } catch (error) {
    log.warn(`could not enqueue version ${versionId}; the reconciler will: ${errorMessage(error)}`)
    return 'deferred'
  } finally {
    clearTimeout(timer)
  }
}
