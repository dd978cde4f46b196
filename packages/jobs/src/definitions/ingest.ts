import { z } from 'zod'
import { defineJob } from './define-job'

/** Parse, chunk, embed and store one document version. */
export const ingestJob = defineJob({
  name: 'ingest',
  queue: 'ingest',
  payload: z.object({ versionId: z.uuid() }),
  // BullMQ reserves ':' in ids; one job per version means a double enqueue is a no-op.
  jobId: ({ versionId }) => `ingest-${versionId}`,
})

export type IngestJobPayload = z.infer<typeof ingestJob.payload>
