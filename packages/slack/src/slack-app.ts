import {
  type Database,
  EVERYONE_GROUP,
  getUserByEmail,
  groupIdByName,
  normaliseAttributes,
  readableGroupIds,
  upsertFeedback,
} from '@policydesk/db'
import type { InferenceDeps } from '@policydesk/inference'
import { askPolicy, type Links } from '@policydesk/mcp'
import { App, HTTPReceiver, LogLevel } from '@slack/bolt'
import { FEEDBACK_ACTION, slackReplyMessage } from './reply'

export type SlackAppOptions = {
  signingSecret: string
  botToken: string
  deps: InferenceDeps
  links: Links
  /** The web app's address, for "ask in Policy Desk" under an abstention. */
  appUrl: string
  /** Tests point the Web API client at a local server that speaks Slack's protocol. */
  slackApiUrl?: string
}

/** The Policy Desk account of a Slack user: by the e-mail address Slack holds for them, or null. */
async function accountOf(db: Database, email: string | undefined) {
  if (!email) return null
  const user = await getUserByEmail(db, email)
  return user
    ? {
        userId: user.id,
        email: user.email,
        groupIds: await readableGroupIds(db, user.id),
        attributes: normaliseAttributes(user.attributes),
      }
    : null
}

/**
 * `/policy <question>`: answered as the asker's Policy Desk account (their Slack profile e-mail), with their
 * groups only, and **ephemerally** — only the asker sees it, so an hr answer asked in a public channel
 * reaches nobody else. Stored like a chat turn ("… (Slack)"), with 👍/👎 buttons that feed the feedback
 * table. Requests are verified with the signing secret.
 */
export function createSlackApp(options: SlackAppOptions): { app: App; receiver: HTTPReceiver } {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    bodyLimit: 64 * 1024,
    logLevel: LogLevel.WARN,
  })
  const app = new App({
    token: options.botToken,
    receiver,
    logLevel: LogLevel.WARN,
    clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
  })

  app.command('/policy', async ({ command, ack, respond, client }) => {
    const question = command.text.trim()
    if (!question) {
      await ack({
        response_type: 'ephemeral',
        text: 'Ask a question after /policy, e.g. `/policy How many days of leave do I get?`',
      })
      return
    }
    // Slack wants the acknowledgement within 3 s; the answer follows through response_url.
    await ack({ response_type: 'ephemeral', text: 'Looking it up in the policies you may read…' })
    const profile = await client.users.info({ user: command.user_id })
    const caller = await accountOf(options.deps.db, profile.user?.profile?.email)
    if (!caller) {
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: 'Your Slack e-mail address has no Policy Desk account; ask your administrator.',
      })
      return
    }
    const result = await askPolicy(
      options.deps,
      { ...caller, scopes: ['chat'] },
      options.links,
      question,
      undefined,
      'Slack',
    )
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...slackReplyMessage(question, result, options.appUrl),
    })
  })

  // @-mentions are answered in the message's thread. A thread is seen by everyone in the channel, so the
  // answer draws only on documents shared with everyone — never on the asker's restricted groups, even for
  // an hr member (their hr questions belong in `/policy`, answered privately).
  app.event('app_mention', async ({ event, client }) => {
    const thread = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts }
    const question = event.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim()
    if (!question) {
      await client.chat.postMessage({
        ...thread,
        text: 'Mention me with a question, e.g. “@Policy Desk how much does parking cost?”',
      })
      return
    }
    const profile = event.user ? await client.users.info({ user: event.user }) : null
    const caller = await accountOf(options.deps.db, profile?.user?.profile?.email)
    if (!caller) {
      await client.chat.postMessage({
        ...thread,
        text: 'Your Slack e-mail address has no Policy Desk account; ask your administrator.',
      })
      return
    }
    const everyone = await groupIdByName(options.deps.db, EVERYONE_GROUP)
    const inPublic = {
      ...caller,
      groupIds: caller.groupIds.filter((id) => id === everyone),
      scopes: ['chat'],
    }
    const result = await askPolicy(options.deps, inPublic, options.links, question, undefined, 'Slack')
    await client.chat.postMessage({ ...thread, ...slackReplyMessage(question, result, options.appUrl) })
  })

  // 👍/👎 under an answer: the same feedback table as the web app. Only the asker may rate their answer
  // (upsertFeedback checks the trace's owner), so the clicking Slack user is mapped to their account again.
  app.action(
    { type: 'block_actions', action_id: FEEDBACK_ACTION },
    async ({ ack, body, action, client, respond }) => {
      await ack()
      if (action.type !== 'button') return
      const rating = FEEDBACK_ACTION.exec(action.action_id)?.[1] === 'up' ? 'up' : 'down'
      const profile = await client.users.info({ user: body.user.id })
      const caller = await accountOf(options.deps.db, profile.user?.profile?.email)
      const stored =
        caller && /^[0-9a-f-]{36}$/.test(action.value ?? '')
          ? await upsertFeedback(options.deps.db, {
              traceId: action.value ?? '',
              userId: caller.userId,
              rating,
            })
          : null
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: stored
          ? 'Thanks — your rating was recorded for the policy team.'
          : 'Only the person who asked can rate this answer.',
      })
    },
  )
  return { app, receiver }
}
