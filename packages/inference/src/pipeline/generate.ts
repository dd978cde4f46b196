import { HumanMessage, SystemMessage } from '@langchain/core/messages'
import { countTokens } from '@policydesk/ingest'
import { errorMessage } from '@policydesk/runtime'
import type { ChatPrompt } from '../prompt/answer-prompt'
import { costUsd } from '../providers/prices'
import type { InferenceDeps } from './types'

export type GenerationStats = {
  model: string
  text: string
  tokensIn: number
  tokensOut: number
  costUsd: number
  ttftMs: number | null
}

type UsageMetadata = { input_tokens?: number; output_tokens?: number }

/**
 * Streams the answer from the first model that works (the fallback model only if the first fails before
 * producing any token: once tokens reached the user, switching models would garble the answer).
 * Token counts come from the provider's usage report, else from the local o200k tokenizer.
 */
export async function* generateAnswer(
  deps: InferenceDeps,
  prompt: ChatPrompt,
  signal?: AbortSignal,
): AsyncGenerator<string, GenerationStats> {
  const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)]
  const failures: string[] = []
  for (const { name, load } of deps.chat.models) {
    const started = performance.now()
    let text = ''
    let ttftMs: number | null = null
    let usage: UsageMetadata | undefined
    try {
      const chat = await load()
      const stream = await chat.stream(messages, { signal })
      for await (const chunk of stream) {
        const piece = typeof chunk.content === 'string' ? chunk.content : ''
        if (chunk.usage_metadata) usage = chunk.usage_metadata
        if (piece.length === 0) continue
        if (ttftMs === null) ttftMs = performance.now() - started
        text += piece
        yield piece
      }
      const tokensIn = usage?.input_tokens ?? countTokens(`${prompt.system}\n${prompt.user}`)
      const tokensOut = usage?.output_tokens ?? countTokens(text)
      return {
        model: name,
        text,
        tokensIn,
        tokensOut,
        costUsd: costUsd(deps.chat.prices, name, tokensIn, tokensOut),
        ttftMs,
      }
    } catch (error) {
      if (signal?.aborted) throw error
      if (text.length > 0)
        throw new Error(`Model ${name} failed after part of the answer was sent: ${reason(error)}`, {
          cause: error,
        })
      failures.push(`${name}: ${reason(error)}`)
    }
  }
  throw new Error(`Every configured model failed: ${failures.join('; ') || 'no model is configured'}`)
}

/** The first line of an error (LangChain appends troubleshooting links on later lines). */
const reason = (error: unknown) =>
  errorMessage(error)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0) ?? 'unknown error'
