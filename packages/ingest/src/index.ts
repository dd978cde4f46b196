export { type ChunkOptions, chunkDocument, type DocumentChunk, defaultChunkOptions } from './chunk/chunk-document'
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
export { IngestRejection, type ParsedDocument } from './parse/types'
export { markVersionFailed, type ProcessDeps, type ProcessResult, processVersion, type ProgressReport } from './process-version'
export { sha256, slugFromFileName, type SubmitInput, type SubmitResult, submitDocumentVersion, titleFromFileName } from './submit'
export { type SeedCorpusResult, seedDemoCorpus } from './seed-demo-corpus'
