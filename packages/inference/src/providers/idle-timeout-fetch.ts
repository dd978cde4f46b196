export class StreamIdleTimeout extends Error {
  override name = 'StreamIdleTimeout'
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/**
 * `fetch` whose response body fails when the server sends nothing for `idleMs`. The OpenAI SDK's `timeout`
 * only covers the wait for the response headers: a server that starts a stream and then goes silent would
 * otherwise hang the answer forever. Each attempt, and each gap between chunks, gets the full `idleMs`.
 */
export function fetchWithIdleTimeout(idleMs: number, base: typeof fetch = (...args) => fetch(...args)) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await base(input, init)
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response
    const reader = response.body.getReader()
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let timer: NodeJS.Timeout | undefined
        const silence = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new StreamIdleTimeout(`the server sent no data for ${idleMs} ms (LLM_TIMEOUT_MS)`)),
            idleMs,
          )
        })
        try {
          const { done, value } = await Promise.race([reader.read(), silence])
          if (done) controller.close()
          else controller.enqueue(value)
        } catch (error) {
          controller.error(error)
          reader.cancel(error).catch(() => {})
        } finally {
          clearTimeout(timer)
        }
      },
      cancel: (reason) => reader.cancel(reason),
    })
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
}
