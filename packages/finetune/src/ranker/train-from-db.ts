import type { DbOrTx } from '@policydesk/db'
import { defaultRankerOptions, type RankerTrainOptions, trainRanker } from './train'
import { loadRankerData } from './training-data'

/** Loads every reviewed trace of the database and trains a ranker on it (nothing is written). */
export async function trainRankerFromDb(
  db: DbOrTx,
  options: Partial<RankerTrainOptions> & { weakNegativeWeight?: number } = {},
) {
  const { weakNegativeWeight = 0.3, ...rest } = options
  const data = await loadRankerData(db, { weakNegativeWeight })
  const trained = trainRanker(data.traces, data.feedback, { ...defaultRankerOptions, ...rest })
  return { ...trained, purgedCandidates: data.purgedCandidates, reviewedTraces: data.traces.length }
}
