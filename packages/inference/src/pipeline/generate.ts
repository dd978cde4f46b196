import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import {
  AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages'
import { errorMessage } from '@policydesk/runtime'
import { countTokens } from '@policydesk/text'
import { ExtractiveChatModel } from '../generate/extractive-chat-model'
import type { ChatPrompt } from '../prompt/answer-prompt'
import { costUsd } from '../providers/prices'
import {
  MAX_CALLS_PER_ROUND,
  MAX_TOOL_ROUNDS,
  type RequestedToolCall,
  type ToolSession,
} from '../tools/session'
import type { InferenceDeps } from './types'

export type GenerationStats = {
  model: string
  text: string
  tokensIn: number
  tokensOut: number
  costUsd: number
  ttftMs: number | null
}

/** What the pipeline knows besides the prompt: IDF of the question's terms over the reader's documents. */
export type GenerationHints = { termWeights?: Record<string, number> }

/**
 * Streams the answer from the first model that works (the fallback model only if the first fails before
 * producing any token: once tokens reached the user, switching models would garble the answer).
 * Token counts come from the provider's usage report, else from the local o200k tokenizer.
 */
export async function* generateAnswer(
  deps: InferenceDeps,
  prompt: ChatPrompt,
  signal?: AbortSignal,
  hints: GenerationHints = {},
  tools: ToolSession | null = null,
): AsyncGenerator<string, GenerationStats> {
  const failures: string[] = []
  for (const { name, load } of deps.chat.models) {
    const started = performance.now()
    let text = ''
    let ttftMs: number | null = null
    let tokensIn = 0
    let tokensOut = 0
    let reported = true
    try {
      const chat = await load()
      // Tool rounds first (bounded), then the answer. Each round's text is streamed as it comes.
      const messages: BaseMessage[] = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)]
      for (let round = 0; ; round++) {
        // After the last tool round the tools stay declared (the history holds tool calls) but unusable.
        const last = round >= MAX_TOOL_ROUNDS
        const bound = tools ? withTools(chat, tools, last) : null
        // The built-in answerer also reads the corpus statistics; other models get the prompt only.
        const stream =
          chat instanceof ExtractiveChatModel
            ? await chat.stream(messages, { signal, termWeights: hints.termWeights })
            : await (bound ?? chat).stream(messages, { signal })
        let message: AIMessageChunk | undefined
        for await (const chunk of stream) {
          message = message ? message.concat(chunk) : chunk
          const piece = typeof chunk.content === 'string' ? chunk.content : ''
          if (piece.length === 0) continue
          if (ttftMs === null) ttftMs = performance.now() - started
          text += piece
          yield piece
        }
        const usage = message?.usage_metadata
        if (usage) {
          tokensIn += usage.input_tokens
          tokensOut += usage.output_tokens
        } else reported = false
        const calls = message && bound && tools ? requestedToolCalls(message, round) : []
        if (calls.length === 0 || !tools) break
        if (last) {
          // A server that ignores tool_choice "none": the calls are recorded, not run.
          for (const call of calls) tools.reject(call, `no tool rounds left (at most ${MAX_TOOL_ROUNDS})`)
          break
        }
        messages.push(assistantToolCalls(message, calls))
        for (const [i, call] of calls.entries()) {
          const reply =
            i < MAX_CALLS_PER_ROUND
              ? await tools.run(call)
              : tools.reject(call, `at most ${MAX_CALLS_PER_ROUND} tool calls per round`)
          messages.push(
            new ToolMessage({
              content: reply.content,
              tool_call_id: call.id,
              name: call.name,
              status: reply.failed ? 'error' : 'success',
            }),
          )
        }
      }
      // Without a usage report from every round, count locally (the first round's prompt is a lower bound).
      if (!reported) {
        tokensIn = countTokens(`${prompt.system}\n${prompt.user}`)
        tokensOut = countTokens(text)
      }
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

/**
 * The model with the session's tools bound (`tool_choice: "none"` for the final answer); null for models
 * without tool calling (the built-in one).
 */
function withTools(chat: BaseChatModel, tools: ToolSession, final: boolean) {
  if (chat instanceof ExtractiveChatModel || !chat.bindTools) return null
  return chat.bindTools(tools.definitions(), final ? { tool_choice: 'none' } : {})
}

/**
 * The tool calls of a streamed message, from the raw chunks (grouped by index, arguments concatenated) rather
 * than LangChain's parsed `tool_calls`: its lenient partial-JSON parser would accept truncated arguments,
 * and invalid ones must reach the session to be recorded as errors.
 */
function requestedToolCalls(message: AIMessageChunk, round: number): RequestedToolCall[] {
  const byIndex = new Map<number, RequestedToolCall>()
  for (const [position, chunk] of (message.tool_call_chunks ?? []).entries()) {
    const index = chunk.index ?? position
    const call = byIndex.get(index) ?? { id: '', name: '', rawArguments: '' }
    if (chunk.id) call.id = chunk.id
    if (chunk.name) call.name = chunk.name
    call.rawArguments += chunk.args ?? ''
    byIndex.set(index, call)
  }
  return [...byIndex.values()].map((call, i) => ({ ...call, id: call.id || `call_${round + 1}_${i + 1}` }))
}

/**
 * The assistant turn that asked for the calls. Every call must be in it (the API rejects a tool message
 * answering an unknown call id); arguments that are not a JSON object are passed on wrapped, so the model
 * sees what it sent next to the error its tool message reports.
 */
function assistantToolCalls(message: AIMessageChunk | undefined, calls: RequestedToolCall[]): AIMessage {
  return new AIMessage({
    content: typeof message?.content === 'string' ? message.content : '',
    tool_calls: calls.map((c) => ({
      id: c.id,
      name: c.name,
      args: argsObject(c.rawArguments),
      type: 'tool_call' as const,
    })),
  })
}

function argsObject(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
  } catch {
    // Falls through: kept verbatim below.
  }
  return { invalid_arguments: raw }
}

/** The first line of an error (LangChain appends troubleshooting links on later lines). */
const reason = (error: unknown) =>
  errorMessage(error)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0) ?? 'unknown error'
