import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager'
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
} from '@langchain/core/language_models/chat_models'
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages'
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs'
import { withoutOmissionPlaceholders } from '../prompt/omit-untrusted'
import {
  composeExtractiveAnswer,
  DEFAULT_EXTRACTIVE_OPTIONS,
  type ExtractiveOptions,
  type ExtractiveSource,
} from './extractive-answer'

export const EXTRACTIVE_MODEL = 'builtin-extractive-v1'

// `applies-to` (a restricted passage, answer-prompt.ts) is read by the pipeline, not by this model.
const SOURCE_BLOCK = /<source n="(\d+)" title="([^"]*)"(?: applies-to="[^"]*")?>\n([\s\S]*?)\n<\/source>/g

/** Reads the numbered sources back out of the versioned prompt, so this model takes the same input as an LLM. */
export function sourcesFromPrompt(system: string): ExtractiveSource[] {
  return [...system.matchAll(SOURCE_BLOCK)].map((m) => ({
    n: Number(m[1]),
    title: m[2] ?? '',
    text: withoutOmissionPlaceholders(m[3] ?? ''),
  }))
}

/** What the pipeline knows beyond the prompt: the reader's corpus statistics for the question's terms. */
export type ExtractiveCallOptions = BaseChatModelCallOptions & { termWeights?: Record<string, number> }

const messageText = (message: BaseMessage | undefined) =>
  typeof message?.content === 'string' ? message.content : ''

/**
 * The built-in extractive answerer as a LangChain chat model: the answer pipeline streams from it exactly as
 * from ChatOpenAI. Streams word by word so the UI path is the same as with a real model.
 */
export class ExtractiveChatModel extends BaseChatModel<ExtractiveCallOptions> {
  constructor(
    params: BaseChatModelParams = {},
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  ) {
    super(params)
  }

  _llmType(): string {
    return 'policydesk-extractive'
  }

  private answer(messages: BaseMessage[], termWeights?: Record<string, number>): string {
    const system = messages.find((m) => m.getType() === 'system')
    const question = [...messages].reverse().find((m) => m.getType() === 'human')
    return composeExtractiveAnswer(messageText(question), sourcesFromPrompt(messageText(system)), {
      ...this.options,
      ...(termWeights ? { termWeights } : {}),
    })
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const text = this.answer(messages, options.termWeights)
    return { generations: [{ text, message: new AIMessage(text) }] }
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const text = this.answer(messages, options.termWeights)
    for (const token of text.match(/\S+\s*/g) ?? []) {
      if (options.signal?.aborted) return
      yield new ChatGenerationChunk({ text: token, message: new AIMessageChunk({ content: token }) })
      await runManager?.handleLLMNewToken(token)
    }
  }
}
