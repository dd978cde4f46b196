import type { APIRequestContext } from '@playwright/test'

export type AskedAnswer = {
  traceId: string
  conversationId: string
  citations: { n: number; page: number | null; title: string }[]
}

/** Asks through POST /api/chat (with the app's Origin, as the browser does) and reads the `final` event. */
export async function askViaApi(
  api: APIRequestContext,
  baseURL: string,
  message: string,
): Promise<AskedAnswer> {
  const response = await api.post('/api/chat', { data: { message }, headers: { Origin: baseURL } })
  if (response.status() !== 200) throw new Error(`chat answered ${response.status()}`)
  const final = /^event: final\ndata: (.*)$/m.exec(await response.text())?.[1]
  if (!final) throw new Error('the chat stream had no final event')
  return JSON.parse(final) as AskedAnswer
}
