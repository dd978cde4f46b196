import { z } from 'zod'
import { defineJob } from './define-job'

/** Parse, chunk, embed and store one document version. */
export const ingestJob = defineJob({
  name: 'ingest',
  queue: 'ingest',
  payload: z.object({
    versionId: z.uuid(),
    /** W3C trace context of the upload (traceparent, tracestate): the worker continues that trace. */
    trace: z.record(z.string(), z.string().max(512)).optional(),
  }),
  // BullMQ reserves ':' in ids; one job per version means a double enqueue is a no-op.
  jobId: ({ versionId }) => `ingest-${versionId}`,
})

export type IngestJobPayload = z.infer<typeof ingestJob.payload>
