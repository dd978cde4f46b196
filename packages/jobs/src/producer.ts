import { Queue } from 'bullmq'
import type { z } from 'zod'
import { type JobDefinition, parseJobPayload } from './definitions/define-job'
import { connectionFromUrl } from './redis/connection'

/**
 * Enqueues jobs of one definition. The payload is validated with the same schema the consumer uses, and
 * the job id comes from the definition, so enqueueing the same work twice is a no-op.
 */
export class JobProducer<S extends z.ZodType> {
  private readonly queue: Queue

  constructor(
    private readonly definition: JobDefinition<S>,
    redisUrl: string,
    private readonly defaults: Parameters<Queue['add']>[2] = {},
  ) {
    this.queue = new Queue(definition.queue, { connection: connectionFromUrl(redisUrl) })
    this.queue.on('error', () => {})
  }

  async enqueue(payload: z.infer<S>): Promise<string> {
    const data = parseJobPayload(this.definition, payload)
    const jobId = this.definition.jobId(data)
    const job = await this.queue.add(this.definition.name, data, { ...this.defaults, jobId })
    return job.id ?? jobId
  }

  /** Workers currently connected to this queue (used to decide whether to process in-process). */
  async workerCount(): Promise<number> {
    return (await this.queue.getWorkers()).length
  }

  get raw(): Queue {
    return this.queue
  }

  async close(): Promise<void> {
    await this.queue.close()
  }
}
