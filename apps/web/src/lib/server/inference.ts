import 'server-only'
import { createInferenceDeps, type InferenceDeps } from '@policydesk/inference'
import { getDb } from '@/lib/server/db'

const globalForDeps = globalThis as unknown as { policydeskInference?: InferenceDeps }

/** One set of providers per server process (embedders and chat models are reusable and stateless). */
export function getInferenceDeps(): InferenceDeps {
  globalForDeps.policydeskInference ??= createInferenceDeps(getDb())
  return globalForDeps.policydeskInference
}
