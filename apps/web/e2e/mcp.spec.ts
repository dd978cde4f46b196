import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { apiAs, expect, test } from './fixtures'
import type { DemoUser } from './pages/sign-in-page'

/**
 * /api/mcp with the SDK's own client over Streamable HTTP, authenticated by API tokens: tools listed and
 * called, documents as resources, and nothing of the hr-only document for an employee's token.
 */

async function tokenFor(
  playwright: Parameters<typeof apiAs>[0],
  baseURL: string,
  user: DemoUser,
  scopes: string[],
) {
  const session = await apiAs(playwright, baseURL, user)
  const response = await session.post('/api/me/tokens', {
    data: { name: `mcp ${user}`, scopes, expiresInDays: 1 },
  })
  expect(response.status()).toBe(201)
  const { secret } = (await response.json()) as { secret: string }
  await session.dispose()
  return secret
}

async function connect(baseURL: string, secret: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('/api/mcp', baseURL), {
    requestInit: { headers: { Authorization: `Bearer ${secret}` } },
  })
  const client = new Client({ name: 'policydesk-e2e', version: '1' })
  await client.connect(transport)
  return client
}

const BANDS = 'What is the Lisbon salary band of an L3 Senior engineer?'

test('an assistant lists and calls the tools with a token; an employee token never sees hr passages', async ({
  playwright,
  baseURL,
}) => {
  const url = baseURL ?? ''
  const employee = await connect(url, await tokenFor(playwright, url, 'employee', ['chat', 'search']))
  const hr = await connect(url, await tokenFor(playwright, url, 'hr', ['search']))

  expect((await employee.listTools()).tools.map((t) => t.name).sort()).toEqual([
    'ask_policy',
    'search_policies',
  ])
  expect((await hr.listTools()).tools.map((t) => t.name)).toEqual(['search_policies'])

  const found = await employee.callTool({
    name: 'search_policies',
    arguments: { query: 'parental leave', k: 3 },
  })
  const passages = (found.structuredContent as { passages: { title: string; url: string }[] }).passages
  expect(passages.length).toBeGreaterThan(0)
  expect(passages[0]?.url).toMatch(/\/api\/documents\/[0-9a-f-]{36}\/original\?version=/)

  const asked = await employee.callTool({
    name: 'ask_policy',
    arguments: { question: 'How do I request time off in PeopleHub?' },
  })
  const answer = asked.structuredContent as {
    abstained: boolean
    citations: unknown[]
    conversationId: string
  }
  expect(answer.abstained).toBe(false)
  expect(answer.citations.length).toBeGreaterThan(0)

  const hidden = JSON.stringify([
    await employee.callTool({ name: 'search_policies', arguments: { query: BANDS, k: 20 } }),
    await employee.callTool({ name: 'ask_policy', arguments: { question: BANDS } }),
    await employee.listResources(),
  ])
  expect(hidden).not.toMatch(/Compensation Bands|46,000|compa-ratio/)
  const hrFound = JSON.stringify(
    await hr.callTool({ name: 'search_policies', arguments: { query: BANDS, k: 20 } }),
  )
  expect(hrFound).toContain('Compensation Bands')
  const hrDocs = (await hr.listResources()).resources
  const bands = hrDocs.find((r) => r.title?.startsWith('Compensation Bands'))
  expect(bands).toBeDefined()
  await expect(employee.readResource({ uri: bands?.uri ?? '' })).rejects.toThrow(/No such document/)
  expect(JSON.stringify(await hr.readResource({ uri: bands?.uri ?? '' }))).toContain('46,000')

  // The answer was logged as a chat turn in the employee's history.
  const session = await apiAs(playwright, url, 'employee')
  const conversations = (await (await session.get('/api/conversations')).json()) as {
    conversations: { id: string }[]
  }
  expect(conversations.conversations.some((c) => c.id === answer.conversationId)).toBe(true)
  await session.dispose()
  await employee.close()
  await hr.close()
})

test('no token, a bad token or a token without search/chat cannot use MCP', async ({
  playwright,
  baseURL,
}) => {
  const url = baseURL ?? ''
  const body = { jsonrpc: '2.0', id: 1, method: 'tools/list' }
  const headers = { Accept: 'application/json, text/event-stream' }
  const anonymous = await playwright.request.newContext({ baseURL: url })
  expect((await anonymous.post('/api/mcp', { data: body, headers })).status()).toBe(401)
  expect(
    (
      await anonymous.post('/api/mcp', { data: body, headers: { ...headers, Authorization: 'Bearer pd_x' } })
    ).status(),
  ).toBe(401)
  const reviewOnly = await tokenFor(playwright, url, 'analyst', ['review:read'])
  const refused = await anonymous.post('/api/mcp', {
    data: body,
    headers: { ...headers, Authorization: `Bearer ${reviewOnly}` },
  })
  expect(refused.status()).toBe(403)
  await anonymous.dispose()
})
