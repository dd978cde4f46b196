import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import { type InferenceEnv, readInferenceEnv } from '../env'
import { EXTRACTIVE_MODEL, ExtractiveChatModel } from '../generate/extractive-chat-model'
import { fetchWithIdleTimeout } from './idle-timeout-fetch'
import { parsePrices } from './prices'

export type ChatProvider = {
  /**
   * Models tried in order: the configured one, then LLM_FALLBACK_MODEL. Loaded on first use:
   * @langchain/openai takes seconds to import, which every CLI command and worker start would pay.
   */
  models: { name: string; load: () => Promise<BaseChatModel> }[]
  prices: Map<string, { input: number; output: number }>
  builtin: boolean
  /**
   * Whether the model may call tools (LLM_TOOLS; on by default for OpenAI-compatible models). The built-in
   * answerer has no tool calling: its pipeline computes dates itself (pipeline/builtin-dates.ts).
   */
  tools?: boolean
}

/**
 * The built-in extractive answerer by default; any OpenAI-compatible chat API (OpenAI, Azure, Ollama, vLLM,
 * LM Studio) when LLM_BASE_URL is set. Only `.stream()` is used on these: LangChain's token counting for
 * `.invoke()` downloads tokenizer data, which must never happen here (offline machines).
 */
export function createChatProvider(env: InferenceEnv = readInferenceEnv()): ChatProvider {
  const prices = parsePrices(env.LLM_PRICES)
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) {
    const extractive = new ExtractiveChatModel()
    return { models: [{ name: EXTRACTIVE_MODEL, load: async () => extractive }], prices, builtin: true }
  }
  const make = (model: string) => {
    let loaded: Promise<BaseChatModel> | undefined
    return () => {
      loaded ??= import('@langchain/openai').then(({ ChatOpenAI }) => openAiChat(ChatOpenAI, model, env))
      return loaded
    }
  }
  const models = [{ name: env.LLM_MODEL, load: make(env.LLM_MODEL) }]
  if (env.LLM_FALLBACK_MODEL)
    models.push({ name: env.LLM_FALLBACK_MODEL, load: make(env.LLM_FALLBACK_MODEL) })
  return { models, prices, builtin: false, tools: env.LLM_TOOLS === 'on' }
}

function openAiChat(
  ChatOpenAI: typeof import('@langchain/openai').ChatOpenAI,
  model: string,
  env: InferenceEnv,
) {
  return new ChatOpenAI({
    model,
    apiKey: env.LLM_API_KEY ?? 'not-needed',
    temperature: env.LLM_TEMPERATURE,
    streaming: true,
    streamUsage: true,
    // Until the response headers (the SDK's own timeout), then between any two chunks of the body.
    timeout: env.LLM_TIMEOUT_MS,
    // AsyncCaller: exponential backoff on 5xx, timeouts, and 429s whose retry-after is at most 60 s; a 429
    // without retry-after (or a longer one) fails at once, so the fallback model takes over.
    maxRetries: env.LLM_MAX_RETRIES,
    configuration: { baseURL: env.LLM_BASE_URL, fetch: fetchWithIdleTimeout(env.LLM_TIMEOUT_MS) },
  })
}
