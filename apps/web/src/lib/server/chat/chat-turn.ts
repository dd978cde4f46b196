import 'server-only'
import {
  addAnswerMessage,
  addMessage,
  type ConversationSummary,
  conversationTurns,
  createConversationWithQuestion,
  type Database,
  getConversation,
  isDatabaseUnavailable,
} from '@policydesk/db'
import { type InferenceDeps, streamAnswer, summarizeToolCall } from '@policydesk/inference'
import { answerOutcome, recordAnswer, recordAnswerError, recordAnswerSpans } from '@policydesk/observability'
import { contentField, createLogger, errorMessage } from '@policydesk/runtime'
import type { SessionUser } from '@/lib/server/auth/current-user'
import { toUiCitations } from '@/lib/server/chat/citations'
import type { SseEvent } from '@/lib/server/chat/sse'
import { DATABASE_UNAVAILABLE } from '@/lib/server/service-unavailable'
import type { ChatFinal } from '@/lib/shared/chat/types'

const log = createLogger('web:chat')

/** Turns of history handed to follow-up rewriting: enough for "and for contractors?", bounded in cost. */
const HISTORY_TURNS = 10

export type PreparedTurn = {
  conversation: ConversationSummary
  history: { role: 'user' | 'assistant'; content: string }[]
}

export const conversationTitle = (message: string) => {
  const line = message.replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}

/**
 * Resolves the conversation (the user's own, or a new one titled after the question), reads the history
 * and stores the question. Returns null when the conversation is not the user's (or was deleted).
 */
export async function prepareChatTurn(
  db: Database,
  user: SessionUser,
  input: { conversationId?: string; message: string },
): Promise<PreparedTurn | null> {
  if (!input.conversationId) {
    // A new conversation has no history; it is created with its question in one statement.
    const conversation = await createConversationWithQuestion(db, {
      userId: user.id,
      title: conversationTitle(input.message),
      question: input.message,
    })
    return { conversation, history: [] }
  }
  const conversation = await getConversation(db, { id: input.conversationId, userId: user.id })
  if (!conversation) return null
  const history = await conversationTurns(db, {
    conversationId: conversation.id,
    groupIds: user.groupIds,
    limit: HISTORY_TURNS,
  })
  await addMessage(db, { conversationId: conversation.id, role: 'user', content: input.message })
  return { conversation, history }
}

/**
 * Streams one answer as SSE events and stores it as the assistant message. When the client disconnects
 * (`signal`), iteration stops and the pipeline generator is closed: no more retrieval or generation
 * happens, and no answer is stored.
 */
export async function* streamChatTurn(
  deps: InferenceDeps,
  user: SessionUser,
  turn: PreparedTurn,
  message: string,
  signal: AbortSignal,
): AsyncGenerator<SseEvent> {
  const conversationId = turn.conversation.id
  // First, so a client that stops early still knows which conversation its question went to.
  yield { event: 'start', data: { conversationId } }
  const startedAt = Date.now()
  try {
    for await (const event of streamAnswer(deps, {
      question: message,
      history: turn.history,
      user: { userId: user.id, groupIds: user.groupIds, attributes: user.attributes },
      conversationId,
      signal,
    })) {
      if (signal.aborted) return
      if (event.type === 'token') {
        yield { event: 'token', data: { text: event.text } }
        continue
      }
      if (event.type !== 'final') continue
      const { candidates: _candidates, citations, toolCalls, ...result } = event.result
      recordAnswer(event.result)
      recordAnswerSpans(startedAt, event.result, answerOutcome(event.result))
      log.info('answered', {
        conversationId,
        answerTraceId: result.traceId,
        outcome: answerOutcome(event.result),
        model: result.model,
        totalMs: result.latencyMs.total,
        ...contentField('question', message),
        ...contentField('answer', result.text),
      })
      const messageId = await addAnswerMessage(deps.db, {
        conversationId,
        content: result.text,
        traceId: result.traceId,
      })
      const final: ChatFinal = {
        ...result,
        citations: await toUiCitations(deps.db, citations, user.groupIds),
        toolCalls: toolCalls.map(summarizeToolCall),
        conversationId,
        messageId,
      }
      yield { event: 'final', data: final }
    }
  } catch (error) {
    if (signal.aborted) return
    recordAnswerError()
    const unavailable = isDatabaseUnavailable(error)
    log.error('answer failed', {
      conversationId,
      error: errorMessage(error),
      databaseUnavailable: unavailable,
    })
    yield {
      event: 'error',
      data: {
        error: unavailable ? DATABASE_UNAVAILABLE : 'Something went wrong while answering. Please try again.',
        reason: unavailable ? 'database-unavailable' : 'internal',
        conversationId,
      },
    }
  }
}
