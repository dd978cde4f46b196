import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliBin, runCli } from '../testing/run-cli'

/** The real `policydesk mcp --as …` over stdio, driven by the MCP SDK's own client, on the demo corpus. */

let dataDir: string
const env = () => ({ POLICYDESK_DATA_DIR: dataDir, POLICYDESK_JOBS: 'inline', POLICYDESK_LOG_LEVEL: 'warn' })

async function connect(email: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliBin, 'mcp', '--as', email],
    env: { ...(process.env as Record<string, string>), ...env(), APP_URL: 'http://pd.example' },
    stderr: 'ignore',
  })
  const client = new Client({ name: 'cli-test', version: '1' })
  await client.connect(transport)
  return client
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pd-mcp-'))
  expect((await runCli(['db', 'migrate'], env())).code).toBe(0)
  const seeded = await runCli(['db', 'seed'], env(), 280_000)
  expect(seeded.code, seeded.stderr).toBe(0)
}, 300_000)

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('policydesk mcp', () => {
  it('serves the tools and documents over stdio as the given user, within their groups', async () => {
    const employee = await connect('employee@example.com')
    expect((await employee.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'ask_policy',
      'search_policies',
    ])
    const found = await employee.callTool({
      name: 'search_policies',
      arguments: { query: 'parental leave', k: 2 },
    })
    const passages = (found.structuredContent as { passages: { url: string }[] }).passages
    expect(passages[0]?.url).toMatch(/^http:\/\/pd\.example\/api\/documents\//)
    const bands = 'What is the Lisbon salary band of an L3 Senior engineer?'
    const hidden = JSON.stringify([
      await employee.callTool({ name: 'search_policies', arguments: { query: bands, k: 20 } }),
      await employee.listResources(),
    ])
    expect(hidden).not.toMatch(/Compensation Bands|46,000/)
    await employee.close()

    const hr = await connect('hr@example.com')
    const asked = await hr.callTool({ name: 'ask_policy', arguments: { question: bands } })
    expect(JSON.stringify(asked)).toContain('Compensation Bands')
    await hr.close()
  }, 120_000)

  it('refuses an unknown user with a message', async () => {
    const run = await runCli(['mcp', '--as', 'nobody@example.com'], env())
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('No user nobody@example.com')
  }, 60_000)
})
