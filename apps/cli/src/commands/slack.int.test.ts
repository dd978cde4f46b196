import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

/** The Slack app itself is tested in packages/slack; here, the command's configuration check. */
describe('policydesk slack', () => {
  it('refuses to start without the Slack credentials, naming them', async () => {
    const run = await runCli(['slack'], { SLACK_SIGNING_SECRET: undefined, SLACK_BOT_TOKEN: undefined })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('Set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN')
  }, 60_000)
})
