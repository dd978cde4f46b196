import { AsyncResource } from 'node:async_hooks'

/**
 * Server-Sent Events framing. Data is one JSON document per event: JSON.stringify never emits a raw
 * newline, so a single `data:` line is always enough.
 */
export type SseEvent = { event: string; data: unknown }

export function encodeSseEvent({ event, data }: SseEvent): string {
  if (/[\r\n]/.test(event)) throw new Error('SSE event names cannot contain line breaks')
  return `event: ${event}\ndata: ${JSON.stringify(data) ?? 'null'}\n\n`
}

/** A comment line: keeps proxies from closing an idle stream and flushes headers early. */
export const SSE_COMMENT = ': stream open\n\n'

/**
 * A streaming response from an async event source. Pull-based, so a slow client applies back-pressure to
 * the answer pipeline; when the client goes away the stream is cancelled and the source is closed.
 */
export function sseResponse(source: AsyncIterable<SseEvent>, init: ResponseInit = {}): Response {
  const encoder = new TextEncoder()
  const iterator = source[Symbol.asyncIterator]()
  // The stream is pulled later, from the framework's context: bind the callbacks to the request's, so
  // log lines and spans of the answer keep the request's trace id and user.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(SSE_COMMENT))
    },
    pull: AsyncResource.bind(async (controller: ReadableStreamDefaultController<Uint8Array>) => {
      const step = await iterator.next()
      if (step.done) controller.close()
      else controller.enqueue(encoder.encode(encodeSseEvent(step.value)))
    }),
    cancel: AsyncResource.bind(async () => {
      await iterator.return?.()
    }),
  })
  const headers = new Headers(init.headers)
  headers.set('Content-Type', 'text/event-stream; charset=utf-8')
  // no-transform: Next's gzip would otherwise buffer the stream and tokens would arrive all at once.
  headers.set('Cache-Control', 'no-cache, no-transform')
  headers.set('X-Accel-Buffering', 'no')
  return new Response(body, { ...init, headers })
}
