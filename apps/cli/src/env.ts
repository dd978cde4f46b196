import { parseEnv } from '@policydesk/runtime'
import { z } from 'zod'

/** "true"/"false"/"1"/"0" flags: z.coerce.boolean() would read the string "false" as true. */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1')

const cliEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where `policydesk start` listens: 127.0.0.1 in dev sign-in mode unless set (lib/start-plan.ts). */
  HOST: z.string().trim().min(1).optional(),
  /** Where the demo corpus lives (samples/ in the repo by default). */
  POLICYDESK_SAMPLES_DIR: z.string().min(1).optional(),
  /** Passed to the web app; `policydesk start` defaults it to dev sign-in (a local, single-machine run). */
  AUTH_MODE: z.enum(['dev', 'oidc']).optional(),
  /** Checked before anything starts (same rule as the web app's startup check). */
  AUTH_SECRET: z.string().min(1).optional(),
  /** Only to tell a local database from a remote one before dev sign-in starts; @policydesk/db validates it. */
  DATABASE_URL: z.string().min(1).optional(),
  ALLOW_DEV_AUTH_WITH_REMOTE_DB: flag,
  /** The web app's address people open: links in MCP results (`policydesk mcp`) point there. */
  APP_URL: z.url().optional(),
  /** `policydesk slack`: the Slack app's signing secret and bot token (docs/integrations.md). */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  /** Where `policydesk slack` listens for Slack's requests (`/slack/events`). */
  SLACK_PORT: z.coerce.number().int().min(1).max(65535).default(3300),
  /** Where `policydesk login` keeps the remote server and token (XDG base directory; default ~/.config). */
  XDG_CONFIG_HOME: z.string().min(1).optional(),
  /** Passed to the web app and worker; `policydesk start` generates one in the data dir when unset. */
  METRICS_TOKEN: z.string().min(16).optional(),
})

export type CliEnv = z.infer<typeof cliEnvSchema>

export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  return parseEnv(cliEnvSchema, source)
}
