import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { getUserByEmail, listConversations, readableGroupIds, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createInferenceDeps, type InferenceDeps } from '@policydesk/inference'
import { ingestMarkdown, installNetworkGuard, type NetworkGuard } from '@policydesk/inference/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpCaller, originalLinks } from './caller'
import { createPolicyDeskMcpServer } from './server'

/**
 * The MCP server through the SDK's own client (in-memory transport) against the embedded Postgres: the
 * tools and resources an employee and an hr member get, and that nothing of the hr-only document reaches
 * the employee — not by search, not by an answer, not as a resource.
 */

const SECRET = 'The L4 Staff salary band in Lisbon is 60,000 to 71,000 EUR.'
let guard: NetworkGuard
let database: TestDatabase
let deps: InferenceDeps
const ids: Record<string, string> = {}

async function caller(email: string, scopes: McpCaller['scopes'] = 'all'): Promise<McpCaller> {
  const user = await getUserByEmail(database.db, email)
  if (!user) throw new Error(`missing ${email}`)
  return { userId: user.id, email, groupIds: await readableGroupIds(database.db, user.id), scopes }
}

async function connect(as: McpCaller): Promise<Client> {
  const server = createPolicyDeskMcpServer({
    deps,
    caller: as,
    links: originalLinks('http://pd.test'),
    version: 'test',
  })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await server.connect(serverSide)
  const client = new Client({ name: 'test', version: '1' })
  await client.connect(clientSide)
  return client
}

const textOf = (result: unknown) =>
  ((result as { content?: { text?: string }[] }).content ?? []).map((c) => c.text ?? '').join('\n')

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  await seedDemoUsers(database.db)
  deps = createInferenceDeps(database.db, { settings: { cache: false } })
  const docs = [
    {
      slug: 'parking',
      title: 'Parking Policy',
      body: 'Parking in the company garage costs 5 EUR a day. Employees book a space in the workplace app before 10:00.',
    },
    {
      slug: 'salary-bands',
      title: 'Salary Bands',
      groups: ['hr'],
      body: `${SECRET} Salary bands are reviewed every March by the compensation committee.`,
    },
  ]
  for (const doc of docs) ids[doc.slug] = (await ingestMarkdown(database.db, deps.embedder, doc)).documentId
})

afterAll(async () => {
  await database?.stop()
  guard?.restore()
})

describe('the Policy Desk MCP server', () => {
  it('lists search_policies and ask_policy, and only what the scopes allow', async () => {
    const all = await connect(await caller('employee@example.com'))
    expect((await all.listTools()).tools.map((t) => t.name).sort()).toEqual(['ask_policy', 'search_policies'])
    const searchOnly = await connect(await caller('employee@example.com', ['search']))
    expect((await searchOnly.listTools()).tools.map((t) => t.name)).toEqual(['search_policies'])
    await expect(
      searchOnly.callTool({ name: 'ask_policy', arguments: { question: 'Parking?' } }),
    ).resolves.toMatchObject({
      isError: true,
    })
  })

  it('search_policies returns passages with title, version, heading path, page and link', async () => {
    const client = await connect(await caller('employee@example.com'))
    const result = await client.callTool({
      name: 'search_policies',
      arguments: { query: 'How much does parking cost?', k: 3 },
    })
    const { passages } = result.structuredContent as {
      passages: {
        title: string
        versionNo: number
        url: string
        headingPath: string[]
        page: number | null
        resource: string
      }[]
    }
    expect(passages[0]).toMatchObject({ title: 'Parking Policy', versionNo: 1, page: null })
    expect(passages[0]?.url).toMatch(
      new RegExp(`^http://pd.test/api/documents/${ids.parking}/original\\?version=`),
    )
    expect(passages[0]?.resource).toBe(`policydesk://documents/${ids.parking}`)
    expect(textOf(result)).toContain('5 EUR a day')
  })

  it('ask_policy answers with citations and is logged as a chat turn', async () => {
    const employee = await caller('employee@example.com')
    const client = await connect(employee)
    const result = await client.callTool({
      name: 'ask_policy',
      arguments: { question: 'How much does parking in the garage cost?' },
    })
    const answer = result.structuredContent as {
      text: string
      abstained: boolean
      citations: { title: string; url: string }[]
      conversationId: string
    }
    expect(answer.abstained).toBe(false)
    expect(answer.text).toContain('5 EUR')
    expect(answer.citations[0]).toMatchObject({ title: 'Parking Policy' })
    expect(textOf(result)).toContain('Sources:')
    const conversations = await listConversations(database.db, { userId: employee.userId })
    expect(conversations.some((c) => c.id === answer.conversationId)).toBe(true)
  })

  it('an employee never sees the hr-only document; an hr member does', async () => {
    const employee = await connect(await caller('employee@example.com'))
    const hr = await connect(await caller('hr@example.com'))
    const search = await employee.callTool({ name: 'search_policies', arguments: { query: SECRET, k: 20 } })
    expect(JSON.stringify(search)).not.toMatch(/Salary Bands|60,000|71,000/)
    const asked = await employee.callTool({
      name: 'ask_policy',
      arguments: { question: 'What is the L4 Staff salary band in Lisbon?' },
    })
    expect(JSON.stringify(asked)).not.toMatch(/Salary Bands|60,000|71,000/)
    const listed = await employee.listResources()
    expect(listed.resources.map((r) => r.title)).toEqual(['Parking Policy'])
    await expect(
      employee.readResource({ uri: `policydesk://documents/${ids['salary-bands']}` }),
    ).rejects.toThrow(/No such document/)

    const hrSearch = await hr.callTool({ name: 'search_policies', arguments: { query: SECRET, k: 20 } })
    expect(JSON.stringify(hrSearch)).toContain('60,000')
    expect((await hr.listResources()).resources.map((r) => r.title)).toEqual([
      'Parking Policy',
      'Salary Bands',
    ])
    const read = await hr.readResource({ uri: `policydesk://documents/${ids['salary-bands']}` })
    expect(JSON.stringify(read.contents)).toContain('71,000 EUR')
  })
})
