import type { Embeddings } from '@langchain/core/embeddings'
import { type EmbeddingsEnv, readEmbeddingsEnv } from './env'
import {
  BUILTIN_EMBEDDING_DIMENSIONS,
  BUILTIN_EMBEDDING_MODEL,
  HashingEmbeddings,
} from './hashing-embeddings'
import { LazyOpenAIEmbeddings } from './lazy-openai-embeddings'

/** An embeddings model plus what must be stored with every vector it makes. */
export type EmbeddingProvider = { embeddings: Embeddings; model: string; dimensions: number }

export class EmbeddingDimensionMismatch extends Error {
  override name = 'EmbeddingDimensionMismatch'
}

/** Built-in offline embedder by default; any OpenAI-compatible /v1/embeddings when EMBEDDINGS_BASE_URL is set. */
export function createEmbeddingProvider(env: EmbeddingsEnv = readEmbeddingsEnv()): EmbeddingProvider {
  if (!env.EMBEDDINGS_BASE_URL || !env.EMBEDDINGS_MODEL || !env.EMBEDDINGS_DIMENSIONS) {
    return {
      embeddings: new HashingEmbeddings(),
      model: BUILTIN_EMBEDDING_MODEL,
      dimensions: BUILTIN_EMBEDDING_DIMENSIONS,
    }
  }
  const embeddings = new LazyOpenAIEmbeddings({
    ...env,
    EMBEDDINGS_MODEL: env.EMBEDDINGS_MODEL,
    EMBEDDINGS_BASE_URL: env.EMBEDDINGS_BASE_URL,
  })
  return {
    embeddings,
    model: `${env.EMBEDDINGS_MODEL}@${env.EMBEDDINGS_DIMENSIONS}`,
    dimensions: env.EMBEDDINGS_DIMENSIONS,
  }
}

/** Embeds texts and checks every vector has the configured dimension (a wrong model is caught before storing). */
export async function embedTexts(provider: EmbeddingProvider, texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return []
  const vectors = await provider.embeddings.embedDocuments(texts)
  if (vectors.length !== texts.length) {
    throw new Error(`The embeddings provider returned ${vectors.length} vectors for ${texts.length} texts`)
  }
  for (const vector of vectors) {
    if (vector.length !== provider.dimensions) {
      throw new EmbeddingDimensionMismatch(
        `Embedding model ${provider.model} returned ${vector.length} dimensions; EMBEDDINGS_DIMENSIONS says ${provider.dimensions}`,
      )
    }
  }
  return vectors
}

/** What gets embedded for a chunk: its heading path gives short passages their context. */
export function embeddingInput(chunk: { headingPath: string[]; text: string }): string {
  return chunk.headingPath.length > 0 ? `${chunk.headingPath.join(' > ')}\n${chunk.text}` : chunk.text
}
