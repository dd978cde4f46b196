import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getFeedbackForTrace, getUserByEmail, listConversations, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createInferenceDeps, type InferenceDeps } from '@policydesk/inference'
import { ingestMarkdown } from '@policydesk/inference/testing'
import { originalLinks } from '@policydesk/mcp'
import type { App } from '@slack/bolt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSlackApp } from './slack-app'

/**
 * The Slack app end to end on loopback: a signed `/policy` request to Bolt's HTTP receiver, and a local
 * server speaking Slack's side (Web API `auth.test` / `users.info`, and the command's `response_url`).
 */

const SECRET = 'The L4 Staff salary band in Lisbon is 60,000 to 71,000 EUR.'
const SIGNING_SECRET = 'test-signing-secret'
const SLACK_USERS: Record<string, string> = {
  U_EMP: 'employee@example.com',
  U_HR: 'hr@example.com',
  U_NOBODY: 'x@nowhere.test',
}

let database: TestDatabase
let deps: InferenceDeps
let slack: Server
let slackUrl: string
let app: App
let appUrl: string
type Posted = {
  text?: string
  replace_original?: boolean
  blocks?: {
    type: string
    elements?: { action_id?: string; value?: string; text?: string | { text: string } }[]
  }[]
}
const responses: { path: string; body: Posted }[] = []
/** Messages the app posted through the Web API (`chat.postMessage`), as Slack received them. */
const postedMessages: { channel: string; thread_ts: string; text: string; blocks: string }[] = []

const readBody = (req: import('node:http').IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = ''
    req.on('data', (chunk: Buffer) => {
      data += chunk.toString()
    })
    req.on('end', () => resolve(data))
  })

function startFakeSlack(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    res.setHeader('Content-Type', 'application/json')
    if (req.url?.startsWith('/respond/')) {
      responses.push({ path: req.url, body: JSON.parse(body) as Posted })
      res.end('{}')
      return
    }
    const method = req.url?.replace('/api/', '') ?? ''
    if (method === 'chat.postMessage') {
      const params = new URLSearchParams(body)
      postedMessages.push({
        channel: params.get('channel') ?? '',
        thread_ts: params.get('thread_ts') ?? '',
        text: params.get('text') ?? '',
        blocks: params.get('blocks') ?? '',
      })
      res.end(JSON.stringify({ ok: true, ts: '2.0' }))
    } else if (method === 'auth.test')
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'B1', team_id: 'T1' }))
    else if (method === 'users.info') {
      const user = new URLSearchParams(body).get('user') ?? ''
      res.end(JSON.stringify({ ok: true, user: { id: user, profile: { email: SLACK_USERS[user] } } }))
    } else res.end(JSON.stringify({ ok: false, error: 'unknown_method' }))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function signedPost(body: string, contentType = 'application/x-www-form-urlencoded'): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000).toString()
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`
  return fetch(`${appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': signature,
    },
    body,
  })
}

/** An @-mention of the app in a channel, as the Events API delivers it (JSON, signed like the rest). */
function mention(userId: string, text: string, ts: string): Promise<Response> {
  return signedPost(
    JSON.stringify({
      type: 'event_callback',
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${ts}`,
      event_time: 1,
      event: { type: 'app_mention', user: userId, text, ts, channel: 'C1', event_ts: ts },
    }),
    'application/json',
  )
}

async function threadReply(ts: string): Promise<{ text: string; blocks: string }> {
  for (let i = 0; i < 200; i++) {
    const found = postedMessages.find((m) => m.thread_ts === ts)
    if (found) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no reply in thread ${ts}`)
}

/** A click on a button of an answer, as Slack posts it (`block_actions`, form-encoded `payload`). */
function clickButton(userId: string, actionId: string, value: string, id: string): Promise<Response> {
  const payload = {
    type: 'block_actions',
    user: { id: userId, team_id: 'T1' },
    team: { id: 'T1' },
    channel: { id: 'C1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'tr',
    response_url: `${slackUrl}/respond/${id}`,
    container: { type: 'message', is_ephemeral: true },
    actions: [
      { type: 'button', action_id: actionId, block_id: 'policydesk_feedback', value, action_ts: '1' },
    ],
  }
  return signedPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())
}

async function posted(id: string): Promise<Posted> {
  for (let i = 0; i < 200; i++) {
    const found = responses.find((r) => r.path === `/respond/${id}`)
    if (found) return found.body
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`nothing posted to response_url ${id}`)
}

async function slashCommand(userId: string, text: string, id: string): Promise<Response> {
  const body = new URLSearchParams({
    command: '/policy',
    text,
    user_id: userId,
    team_id: 'T1',
    channel_id: 'C1',
    response_url: `${slackUrl}/respond/${id}`,
    trigger_id: 'tr',
    token: 'legacy',
  }).toString()
  return signedPost(body)
}

async function finalResponse(id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const found = responses.find((r) => r.path === `/respond/${id}` && r.body.replace_original)
    if (found) return found.body.text ?? ''
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no answer posted to response_url ${id}`)
}

beforeAll(async () => {
  database = await startTestDatabase()
  await seedDemoUsers(database.db)
  deps = createInferenceDeps(database.db, { settings: { cache: false } })
  await ingestMarkdown(database.db, deps.embedder, {
    slug: 'parking',
    title: 'Parking Policy',
    body: 'Parking in the company garage costs 5 EUR a day. Employees book a space in the workplace app before 10:00.',
  })
  await ingestMarkdown(database.db, deps.embedder, {
    slug: 'salary-bands',
    title: 'Salary Bands',
    groups: ['hr'],
    body: SECRET,
  })
  slack = await startFakeSlack()
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`
  const created = createSlackApp({
    signingSecret: SIGNING_SECRET,
    botToken: 'xoxb-test',
    deps,
    links: originalLinks('http://pd.test'),
    appUrl: 'http://pd.test',
    slackApiUrl: `${slackUrl}/api/`,
  })
  app = created.app
  const server = (await app.start(0)) as Server
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await app?.stop()
  await new Promise((r) => slack?.close(r))
  await database?.stop()
})

describe('the Slack app', () => {
  it('answers /policy privately, as the asker’s account, with linked sources, logged as a chat turn', async () => {
    const response = await slashCommand('U_EMP', 'How much does parking in the garage cost?', 'a1')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Looking it up')
    const text = await finalResponse('a1')
    expect(text).toContain('5 EUR')
    expect(text).toMatch(
      /<http:\/\/pd\.test\/api\/documents\/[0-9a-f-]{36}\/original\?version=[^|]+\|Parking Policy/,
    )
    const posted = responses.find((r) => r.path === '/respond/a1' && r.body.replace_original)
    expect(posted?.body).toMatchObject({ response_type: 'ephemeral' })
    const employee = await getUserByEmail(database.db, 'employee@example.com')
    const conversations = await listConversations(database.db, { userId: employee?.id ?? '' })
    expect(conversations.some((c) => c.title.endsWith('(Slack)'))).toBe(true)
  })

  it('puts 👍/👎 under an answer that feed the feedback table — for the asker only', async () => {
    await slashCommand('U_EMP', 'How much does parking in the garage cost?', 'f1')
    await finalResponse('f1')
    const answer = responses.find((r) => r.path === '/respond/f1' && r.body.replace_original)?.body
    const buttons = answer?.blocks?.find((b) => b.type === 'actions')?.elements ?? []
    expect(buttons.map((b) => b.action_id)).toEqual(['policydesk_feedback_up', 'policydesk_feedback_down'])
    const traceId = buttons[0]?.value ?? ''
    expect(traceId).toMatch(/^[0-9a-f-]{36}$/)

    // Someone else clicking (the message was ephemeral, but a payload can be forged by a workspace member).
    expect((await clickButton('U_HR', 'policydesk_feedback_down', traceId, 'f2')).status).toBe(200)
    expect((await posted('f2')).text).toContain('Only the person who asked')
    expect(await getFeedbackForTrace(database.db, traceId)).toBeNull()

    expect((await clickButton('U_EMP', 'policydesk_feedback_up', traceId, 'f3')).status).toBe(200)
    expect((await posted('f3')).text).toContain('recorded')
    expect(await getFeedbackForTrace(database.db, traceId)).toMatchObject({ rating: 'up' })
    // A second vote replaces the first, as in the web app.
    await clickButton('U_EMP', 'policydesk_feedback_down', traceId, 'f4')
    await posted('f4')
    expect(await getFeedbackForTrace(database.db, traceId)).toMatchObject({ rating: 'down' })
  })

  it('points an abstention to the web app', async () => {
    await slashCommand('U_EMP', 'What is the company policy on keeping bees on the office roof?', 'b1')
    const text = await finalResponse('b1')
    expect(text).toContain('bees')
    const answer = responses.find((r) => r.path === '/respond/b1' && r.body.replace_original)?.body
    expect(JSON.stringify(answer?.blocks)).toContain('<http://pd.test|Ask in Policy Desk>')
  })

  it('answers an @-mention in its thread, from documents shared with everyone only (the thread is public)', async () => {
    expect(
      (await mention('U_EMP', '<@UBOT> How much does parking in the garage cost?', '100.1')).status,
    ).toBe(200)
    const reply = await threadReply('100.1')
    expect(reply.text).toContain('5 EUR')
    expect(reply.blocks).toContain('policydesk_feedback_up')
    // Even the hr member gets nothing from the hr-only document in a channel thread.
    await mention('U_HR', '<@UBOT> What is the L4 Staff salary band in Lisbon?', '100.2')
    expect((await threadReply('100.2')).text).not.toMatch(/Salary Bands|60,000|71,000/)
    await mention('U_NOBODY', '<@UBOT> Parking?', '100.3')
    expect((await threadReply('100.3')).text).toContain('no Policy Desk account')
  })

  it('never gives an employee the hr-only document; gives it to the hr member', async () => {
    await slashCommand('U_EMP', 'What is the L4 Staff salary band in Lisbon?', 'e1')
    expect(await finalResponse('e1')).not.toMatch(/Salary Bands|60,000|71,000/)
    await slashCommand('U_HR', 'What is the L4 Staff salary band in Lisbon?', 'h1')
    expect(await finalResponse('h1')).toContain('Salary Bands')
  })

  it('refuses unsigned requests and Slack users without an account', async () => {
    const forged = await fetch(`${appUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Slack-Request-Timestamp': Math.floor(Date.now() / 1000).toString(),
        'X-Slack-Signature': 'v0=00',
      },
      body: 'command=/policy&text=hi&user_id=U_EMP',
    })
    expect(forged.status).toBe(401)
    await slashCommand('U_NOBODY', 'Parking?', 'n1')
    expect(await finalResponse('n1')).toContain('no Policy Desk account')
  })
})
