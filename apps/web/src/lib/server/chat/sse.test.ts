import { describe, expect, it } from 'vitest'
import { encodeSseEvent, sseResponse } from '@/lib/server/chat/sse'
import { SseParser } from '@/lib/shared/chat/sse-parser'

describe('encodeSseEvent', () => {
  it('frames one JSON document per event', () => {
    expect(encodeSseEvent({ event: 'token', data: { text: 'Hello ' } })).toBe(
      'event: token\ndata: {"text":"Hello "}\n\n',
    )
  })

  it('keeps line breaks inside the data escaped, so one data line is enough', () => {
    const frame = encodeSseEvent({ event: 'token', data: { text: 'a\nb\r\n' } })
    expect(frame.split('\n')).toHaveLength(4)
    expect(new SseParser().push(frame)).toEqual([{ event: 'token', data: { text: 'a\nb\r\n' } }])
  })

  it('refuses event names that would break the framing', () => {
    expect(() => encodeSseEvent({ event: 'a\nb', data: 1 })).toThrow()
  })
})

describe('SseParser', () => {
  it('reassembles events split at arbitrary chunk boundaries and skips comments', () => {
    const stream = `: stream open\n\n${encodeSseEvent({ event: 'token', data: { text: 'Hi' } })}${encodeSseEvent(
      {
        event: 'final',
        data: { ok: true },
      },
    )}`
    const parser = new SseParser()
    const events = []
    for (let i = 0; i < stream.length; i += 7) events.push(...parser.push(stream.slice(i, i + 7)))
    expect(events).toEqual([
      { event: 'token', data: { text: 'Hi' } },
      { event: 'final', data: { ok: true } },
    ])
  })

  it('accepts CRLF framing and defaults the event name to "message"', () => {
    expect(new SseParser().push('data: {"a":1}\r\n\r\n')).toEqual([{ event: 'message', data: { a: 1 } }])
  })
})

describe('sseResponse', () => {
  it('streams the events with SSE headers that disable buffering', async () => {
    async function* events() {
      yield { event: 'token', data: { text: 'one' } }
      yield { event: 'final', data: { done: true } }
    }
    const response = sseResponse(events(), { headers: { 'X-Test': '1' } })
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('cache-control')).toContain('no-transform')
    expect(response.headers.get('x-test')).toBe('1')
    expect(new SseParser().push(await response.text())).toEqual([
      { event: 'token', data: { text: 'one' } },
      { event: 'final', data: { done: true } },
    ])
  })

  it('closes the source when the client cancels', async () => {
    let closed = false
    async function* events() {
      try {
        for (let i = 0; ; i++) yield { event: 'token', data: { i } }
      } finally {
        closed = true
      }
    }
    const reader = sseResponse(events()).body?.getReader()
    await reader?.read()
    await reader?.read()
    await reader?.cancel()
    expect(closed).toBe(true)
  })
})
