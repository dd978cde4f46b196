export { defineJob, InvalidJobPayload, type JobDefinition, parseJobPayload } from './definitions/define-job'
export { type IngestJobPayload, ingestJob } from './definitions/ingest'
export { RETENTION_SCHEDULER_ID, retentionJob } from './definitions/retention'
export { readJobsEnv } from './env'
export { JobProducer } from './producer'
export {
  type FailedJob,
  QUEUE_STATES,
  type QueueOverview,
  type QueueState,
  readQueueOverview,
} from './queue-overview'
export { ingestJobOptions, ingestWorkerOptions } from './queues/ingest.config'
export { connectionFromUrl, pingRedis } from './redis/connection'
export { acquireRedis, type RedisTarget } from './redis/local-redis'
export { applyRetentionSchedule, type RetentionSchedule } from './retention-schedule'
