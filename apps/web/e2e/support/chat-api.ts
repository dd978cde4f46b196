import { type APIRequestContext, expect, type PlaywrightWorkerArgs } from '@playwright/test'
import { DEMO_USERS, type DemoUser } from '../pages/sign-in-page'

export type SseEvent = { event: string; data: Record<string, unknown> }
export type ChatOutcome = {
  status: number
  events: SseEvent[]
  error: string | null
  final: SseEvent['data'] | null
}

/**
 * A signed-in API client for a demo user. Every request carries `Origin` = the app's URL, as a browser
 * would, so state-changing routes that check it accept the request.
 */
export async function signedInApi(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  user: DemoUser,
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  const response = await context.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS[user].email } })
  expect(response.status()).toBe(200)
  return context
}

/** Parses a text/event-stream body into its events (each `data:` line is one JSON document). */
export function parseSse(body: string): SseEvent[] {
  const events: SseEvent[] = []
  for (const block of body.split('\n\n')) {
    const event = /^event: (.*)$/m.exec(block)?.[1]
    const data = /^data: (.*)$/m.exec(block)?.[1]
    if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> })
  }
  return events
}

/** Asks one question through POST /api/chat and reads the whole stream. */
export async function askApi(
  api: APIRequestContext,
  message: string,
  timeoutMs = 30_000,
): Promise<ChatOutcome> {
  const response = await api.post('/api/chat', { data: { message }, timeout: timeoutMs })
  const status = response.status()
  const body = await response.text()
  if (status !== 200) {
    const payload = JSON.parse(body || '{}') as { error?: string }
    return { status, events: [], error: payload.error ?? body, final: null }
  }
  const events = parseSse(body)
  const failure = events.find((e) => e.event === 'error')
  return {
    status,
    events,
    error: typeof failure?.data.error === 'string' ? failure.data.error : null,
    final: events.find((e) => e.event === 'final')?.data ?? null,
  }
}
