import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ABSTENTION } from '../prompt/answer-prompt'
import {
  echoFirstSource,
  type FakeOpenAIServer,
  fakeVector,
  startFakeOpenAIServer,
} from './fake-openai-server'

let server: FakeOpenAIServer

beforeAll(async () => {
  server = await startFakeOpenAIServer({ dimensions: 4 })
})
afterAll(async () => {
  await server?.close()
})
afterEach(() => server.reset())

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify(body),
  })

type ChatCompletion = { choices: { message: { content: string } }[] }
type ErrorBody = { error: { message: string } }
type EmbeddingList = {
  data: { index: number; embedding: number[] | string }[]
  usage: { total_tokens: number }
}
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T

const events = (sse: string) =>
  sse
    .split('\n\n')
    .filter((e) => e.length > 0)
    .map((e) => e.replace(/^data: /, ''))

describe('fake OpenAI server: chat completions', () => {
  const messages = [
    {
      role: 'system',
      content:
        'Rules.\n<sources>\n<source n="1" title="T">\nBadges are worn visibly. Always.\n</source>\n</sources>',
    },
    { role: 'user', content: 'Do I wear my badge?' },
  ]

  it('answers non-streaming requests with a chat.completion and usage', async () => {
    server.enqueueChat({
      kind: 'reply',
      text: 'Yes [1].',
      usage: { prompt_tokens: 10, completion_tokens: 2 },
    })
    const res = await post('/chat/completions', { model: 'm', messages })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Yes [1].' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
    })
    expect(server.requests[0]).toMatchObject({ model: 'm', stream: false, messages })
    expect(server.requests[0]?.headers.authorization).toBe('Bearer k')
  })

  it('streams SSE chunks, then a usage chunk only when asked, then [DONE]', async () => {
    server.enqueueChat(
      { kind: 'reply', text: 'ab', chunks: ['a', 'b'] },
      { kind: 'reply', text: 'ab', chunks: ['a', 'b'] },
    )
    const withUsage = events(
      await (
        await post('/chat/completions', {
          model: 'm',
          messages,
          stream: true,
          stream_options: { include_usage: true },
        })
      ).text(),
    )
    expect(withUsage.at(-1)).toBe('[DONE]')
    const chunks = withUsage.slice(0, -1).map((e) => JSON.parse(e))
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? null)).toEqual(['', 'a', 'b', null, null])
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop')
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 2 } })

    const without = events(
      await (await post('/chat/completions', { model: 'm', messages, stream: true })).text(),
    )
    expect(without.some((e) => e.includes('"usage"'))).toBe(false)
  })

  it('echo-sources quotes the first sentence of the first source, cited; abstains without sources', async () => {
    expect(echoFirstSource(messages)).toBe('Badges are worn visibly [1].')
    expect(echoFirstSource([{ content: 'no sources here' }])).toBe(ABSTENTION)
    const res = await post('/chat/completions', { model: 'm', messages })
    expect((await json<ChatCompletion>(res)).choices[0]?.message.content).toBe('Badges are worn visibly [1].')
  })

  it('scripted statuses, per-model behaviours and malformed bodies', async () => {
    server.enqueueChat(
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
      { kind: 'malformed' },
    )
    server.setModelBehaviour('broken', { kind: 'status', status: 500, message: 'boom' })
    const limited = await post('/chat/completions', { model: 'm', messages })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('0')
    expect((await json<ErrorBody>(limited)).error.message).toMatch(/429/)
    const broken = await post('/chat/completions', { model: 'broken', messages })
    expect([broken.status, (await json<ErrorBody>(broken)).error.message]).toEqual([500, 'boom'])
    const malformed = await post('/chat/completions', { model: 'm', messages })
    await expect(malformed.json()).rejects.toThrow(SyntaxError)
    expect(server.requests.map((r) => r.behaviour)).toEqual(['status', 'status', 'malformed'])
  })

  it('streams scripted tool calls as OpenAI does and records tools and tool messages', async () => {
    server.enqueueChat(
      {
        kind: 'tool-calls',
        calls: [
          { id: 'call_a', name: 'get_my_profile', arguments: '{}' },
          {
            id: 'call_b',
            name: 'calculate_dates',
            arguments: '{"operation":"add"}',
            chunks: ['{"opera', 'tion":"add"}'],
          },
        ],
      },
      { kind: 'tool-calls', calls: [{ id: 'call_c', name: 'search_policies', arguments: '{"query":"x"}' }] },
    )
    const tools = [{ type: 'function', function: { name: 'get_my_profile', parameters: { type: 'object' } } }]
    const sent = [
      ...messages,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_z', type: 'function', function: { name: 'get_my_profile', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_z', content: '{"hasProfile":false}' },
    ]
    const streamed = events(
      await (await post('/chat/completions', { model: 'm', messages: sent, tools, stream: true })).text(),
    )
    const chunks = streamed.slice(0, -1).map((e) => JSON.parse(e))
    const deltas = chunks.map((c) => c.choices[0]?.delta?.tool_calls?.[0]).filter(Boolean)
    expect(deltas).toEqual([
      { index: 0, id: 'call_a', type: 'function', function: { name: 'get_my_profile', arguments: '' } },
      // Split in three by default: '{}' arrives as '{' and '}'.
      { index: 0, function: { arguments: '{' } },
      { index: 0, function: { arguments: '}' } },
      { index: 1, id: 'call_b', type: 'function', function: { name: 'calculate_dates', arguments: '' } },
      { index: 1, function: { arguments: '{"opera' } },
      { index: 1, function: { arguments: 'tion":"add"}' } },
    ])
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls')
    expect(server.requests[0]?.tools).toEqual(tools)
    expect(server.requests[0]?.messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_z', name: 'get_my_profile', arguments: '{}' }],
      },
      { role: 'tool', content: '{"hasProfile":false}', toolCallId: 'call_z' },
    ])

    const whole = await json<{ choices: { message: unknown; finish_reason: string }[] }>(
      await post('/chat/completions', { model: 'm', messages }),
    )
    expect(whole.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        tool_calls: [
          {
            id: 'call_c',
            type: 'function',
            function: { name: 'search_policies', arguments: '{"query":"x"}' },
          },
        ],
      },
    })
  })

  it('rejects unknown routes and non-JSON bodies, and records them', async () => {
    expect((await fetch(`${server.url}/models`)).status).toBe(404)
    const bad = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{nope' })
    expect(bad.status).toBe(400)
    expect(server.requests.map((r) => r.behaviour)).toEqual(['not-found', 'bad-request'])
  })
})

describe('fake OpenAI server: embeddings', () => {
  const embed = async (body: Record<string, unknown>) =>
    json<EmbeddingList>(await post('/embeddings', { model: 'e', ...body }))

  it('returns deterministic unit vectors as floats or base64 float32, with usage', async () => {
    const floats = await embed({ input: ['a', 'b'], encoding_format: 'float' })
    expect(floats.data.map((d) => d.index)).toEqual([0, 1])
    expect(floats.data[0]?.embedding).toEqual(fakeVector('a', 4))
    expect(floats.usage.total_tokens).toBeGreaterThan(0)
    expect(Math.hypot(...((floats.data[1]?.embedding as number[]) ?? []))).toBeCloseTo(1, 12)

    const base64 = await embed({ input: 'a', encoding_format: 'base64' })
    // Copy into an own buffer: Buffer.from may hand out a slice of Node's shared pool.
    const bytes = new Uint8Array(Buffer.from(String(base64.data[0]?.embedding), 'base64'))
    const decoded = [...new Float32Array(bytes.buffer)]
    expect(decoded.map((v) => Math.round(v * 1e5))).toEqual(
      fakeVector('a', 4).map((v) => Math.round(v * 1e5)),
    )
  })

  it('honours a requested or scripted dimension', async () => {
    const requested = await embed({ input: 'a', dimensions: 6, encoding_format: 'float' })
    expect(requested.data[0]?.embedding).toHaveLength(6)
    server.enqueueEmbeddings({ kind: 'vectors', dimensions: 3 })
    const scripted = await embed({ input: 'a', encoding_format: 'float' })
    expect(scripted.data[0]?.embedding).toHaveLength(3)
  })
})

describe('fake OpenAI server: close', () => {
  it('closes even while a request hangs', async () => {
    const other = await startFakeOpenAIServer()
    other.enqueueChat({ kind: 'hang' })
    const pending = fetch(`${other.url}/chat/completions`, { method: 'POST', body: '{}' }).catch((e) => e)
    while (other.requests.length === 0) await new Promise((r) => setTimeout(r, 5))
    await other.close()
    expect(await pending).toBeInstanceOf(Error)
  })
})
