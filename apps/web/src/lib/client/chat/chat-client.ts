import { SseParser } from '@/lib/shared/chat/sse-parser'
import type { ChatFinal } from '@/lib/shared/chat/types'

export type ChatStreamHandlers = {
  onStart: (conversationId: string) => void
  onToken: (text: string) => void
  onFinal: (final: ChatFinal) => void
  onError: (message: string) => void
}

/** An HTTP-level refusal (401, 404, 429, 5xx) with the server's message. */
export class ChatRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/**
 * Browser side of POST /api/chat: sends the question and dispatches SSE events as they arrive. Aborting
 * `signal` cancels the fetch, which makes the server stop working on the answer.
 */
export async function streamChat(
  body: { message: string; conversationId?: string },
  handlers: ChatStreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  })
  if (!response.ok || !response.body) {
    const payload: unknown = await response.json().catch(() => null)
    const message =
      payload && typeof payload === 'object' && 'error' in payload && typeof payload.error === 'string'
        ? payload.error
        : `The server answered ${response.status}.`
    throw new ChatRequestError(message, response.status)
  }
  const parser = new SseParser()
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    for (const event of parser.push(value)) {
      if (event.event === 'start') handlers.onStart(readConversationId(event.data))
      else if (event.event === 'token') handlers.onToken(readText(event.data))
      else if (event.event === 'final') handlers.onFinal(event.data as ChatFinal)
      else if (event.event === 'error') handlers.onError(readError(event.data))
    }
  }
}

const readText = (data: unknown) =>
  data && typeof data === 'object' && 'text' in data && typeof data.text === 'string' ? data.text : ''

const readConversationId = (data: unknown) =>
  data && typeof data === 'object' && 'conversationId' in data && typeof data.conversationId === 'string'
    ? data.conversationId
    : ''

const readError = (data: unknown) =>
  data && typeof data === 'object' && 'error' in data && typeof data.error === 'string'
    ? data.error
    : 'Something went wrong while answering.'
