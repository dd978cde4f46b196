import { createInferenceDeps } from '@policydesk/inference'
import { originalLinks } from '@policydesk/mcp'
import { UserFacingError } from '@policydesk/runtime'
import { createSlackApp } from '@policydesk/slack'
import type { Command } from 'commander'
import { readCliEnv } from '../env'
import { printLine, runCommand } from '../lib/output'
import { withServices } from '../lib/services'

/**
 * `policydesk slack`: serves the Slack app's request URL (`/slack/events` on SLACK_PORT) until stopped.
 * `/policy <question>` is answered privately as the asker's Policy Desk account, matched by the e-mail
 * address of their Slack profile. Needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.
 */
export function registerSlackCommand(program: Command): void {
  program
    .command('slack')
    .description(
      'serve the Slack app (/policy) on SLACK_PORT; needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN',
    )
    .action(() =>
      runCommand(async () => {
        const env = readCliEnv()
        if (!env.SLACK_SIGNING_SECRET || !env.SLACK_BOT_TOKEN)
          throw new UserFacingError(
            'Set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (docs/integrations.md, "Slack")',
          )
        const signingSecret = env.SLACK_SIGNING_SECRET
        const botToken = env.SLACK_BOT_TOKEN
        const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const { app } = createSlackApp({
            signingSecret,
            botToken,
            deps: createInferenceDeps(handle.db),
            links: originalLinks(appUrl),
            appUrl,
          })
          await app.start(env.SLACK_PORT)
          printLine(
            `Slack app listening on port ${env.SLACK_PORT} (request URL: …/slack/events); Ctrl-C stops it.`,
          )
          await new Promise<void>((resolve) => {
            for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
          })
          await app.stop()
          return 0
        })
      }),
    )
}
