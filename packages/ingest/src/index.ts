export {
  type ChunkOptions,
  chunkDocument,
  type DocumentChunk,
  defaultChunkOptions,
} from './chunk/chunk-document'
export { countTokens } from './chunk/tokens'
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
export { contentTerms, normalizeText, stem } from './embed/text-features'
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
export { type ReembedProgress, reembedMissing } from './reembed'
export { type SeedCorpusResult, seedDemoCorpus } from './seed-demo-corpus'
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
