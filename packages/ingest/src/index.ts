export {
  countriesInHeading,
  sectionApplicability,
  suggestApplicability,
} from './applicability/gazetteer'
export { BYTES_PER_UNIT, type IndexMode, type IndexPlan, planIndexForLoad } from './bulk-load'
export {
  type ChunkOptions,
  chunkDocument,
  type DocumentChunk,
  defaultChunkOptions,
} from './chunk/chunk-document'
export { readEmbeddingsEnv } from './embed/env'
export {
  BUILTIN_EMBEDDING_DIMENSIONS,
  BUILTIN_EMBEDDING_MODEL,
  HashingEmbeddings,
} from './embed/hashing-embeddings'
export {
  createEmbeddingProvider,
  EmbeddingDimensionMismatch,
  type EmbeddingProvider,
  embeddingInput,
  embedTexts,
} from './embed/provider'
export { readIngestEnv } from './env'
export { detectType, parseDocument } from './parse'
export { IngestRejection, type ParsedDocument, type SupportedMime, supportedMimes } from './parse/types'
export {
  type IngestTimings,
  markVersionFailed,
  type ProcessDeps,
  type ProcessResult,
  type ProgressReport,
  processVersion,
} from './process-version'
export { type ProcessingLimits, ProcessingTimeout, processingLimits } from './processing-limits'
export { type ReembedProgress, reembedMissing } from './reembed'
export { GroupsConflict, type GroupsOutcome } from './replace-access'
export { type SeedCorpusResult, seedDemoCorpus } from './seed-demo-corpus'
export { backfillChunkTerms } from './store/backfill-terms'
export type { StoreTimings } from './store/store-version'
export {
  decodeVectorBinary,
  type EmbeddingRow,
  encodeVectorBinary,
  insertEmbeddings,
} from './store/vector-insert'
export {
  type SubmitInput,
  type SubmitResult,
  sha256,
  slugFromFileName,
  submitDocumentVersion,
  titleFromFileName,
} from './submit'
