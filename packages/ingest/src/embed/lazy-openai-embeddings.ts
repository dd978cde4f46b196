import { Embeddings } from '@langchain/core/embeddings'
import type { OpenAIEmbeddings } from '@langchain/openai'
import type { EmbeddingsEnv } from './env'

/**
 * OpenAIEmbeddings, imported on first use: @langchain/openai takes seconds to load, which every CLI
 * command, worker and web process would otherwise pay even with the built-in embedder configured.
 */
export class LazyOpenAIEmbeddings extends Embeddings {
  private inner: Promise<OpenAIEmbeddings> | undefined

  constructor(
    private readonly env: EmbeddingsEnv & { EMBEDDINGS_MODEL: string; EMBEDDINGS_BASE_URL: string },
  ) {
    super({})
  }

  private load(): Promise<OpenAIEmbeddings> {
    this.inner ??= import('@langchain/openai').then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          model: this.env.EMBEDDINGS_MODEL,
          apiKey: this.env.EMBEDDINGS_API_KEY ?? 'not-needed',
          batchSize: this.env.EMBEDDINGS_BATCH_SIZE,
          // LangChain's AsyncCaller retries 429/5xx with exponential backoff.
          maxRetries: this.env.EMBEDDINGS_MAX_RETRIES,
          timeout: this.env.EMBEDDINGS_TIMEOUT_MS,
          configuration: { baseURL: this.env.EMBEDDINGS_BASE_URL },
        }),
    )
    return this.inner
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(texts)
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.load()).embedQuery(text)
  }
}
