export { type Analyst, analystByEmail } from './dataset/analyst'
export {
  type BuiltDataset,
  buildDataset,
  DATASET_DEFAULTS,
  DATASET_FORMATS,
  type DatasetFormat,
  type DatasetOptions,
  type DatasetStats,
  toJsonl,
} from './dataset/build-dataset'
export { dedupe, duplicateKey } from './dataset/dedupe'
export {
  type ChatExample,
  chatExampleSchema,
  checkExample,
  countExampleTokens,
  validateJsonl,
} from './dataset/format'
export { createPiiScrubber, PII_PLACEHOLDERS, type PiiCounts } from './dataset/pii'
export { PROMPT_BUILDERS, reconstructExample, renumberCitations } from './dataset/reconstruct'
export { hashUnit, splitOf } from './dataset/split'
export { type ExportedDataset, exportDataset } from './dataset/store'
export type { ChunkRow, DropReason, ReviewedTrace } from './dataset/types'
export { finetuneProvider, type ProviderConfig, readFinetuneEnv } from './env'
export { type FineTuneJob, isTerminal } from './jobs/api-schemas'
export { createFineTuneClient, FineTuneApiError, type FineTuneClient } from './jobs/client'
export {
  refreshFineTuneJob,
  submitFineTuneJob,
  waitForFineTuneJob,
} from './jobs/service'
export { defaultRankerDir, rankerFileName, writeRankerArtifact } from './ranker/artifact'
export { labelCandidates } from './ranker/labels'
export { defaultRankerOptions, type RankerReport, type RankerTrainOptions, trainRanker } from './ranker/train'
export { trainRankerFromDb } from './ranker/train-from-db'
export { loadRankerData, type RankerCandidate, type RankerTrace } from './ranker/training-data'
export { type RankerExperiment, runRankerExperiment } from './ranker-experiment'
export { seedDemoReviews } from './seed-reviews'
export { summariseDataset, summariseJob, summariseRanker } from './summaries'
export {
  generateSyntheticReviews,
  parseSyntheticQuestions,
  type SyntheticQuestion,
  syntheticVerdict,
} from './synthetic-reviews'
