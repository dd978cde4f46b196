import type { DbHandle } from '../client'

export {
  type EphemeralDatabase as TestDatabase,
  startEphemeralDatabase as startTestDatabase,
} from '../embedded/ephemeral'

/** Empties every application table (keeps migrations) so tests sharing one server start clean. */
export async function truncateAll(handle: DbHandle): Promise<void> {
  await handle.pool.query(`
    TRUNCATE api_tokens, curated_answers, answer_cache, audit_log, finetune_jobs, finetune_datasets, reviews, feedback, answer_traces, messages,
      conversations, chunk_embeddings, chunks, document_groups, document_versions, documents,
      corpus_revision, user_groups, groups, users, worker_heartbeats, handoffs, handoff_replies, webhook_deliveries CASCADE`)
}
