import { createInferenceDeps } from '@policydesk/inference'
import { originalLinks, runMcpStdio } from '@policydesk/mcp'
import type { Command } from 'commander'
import { z } from 'zod'
import { readCliEnv } from '../env'
import { askerByEmail } from '../lib/asker'
import { runCommand } from '../lib/output'
import { withServices } from '../lib/services'

const optionsSchema = z.object({ as: z.email('--as must be an email address') })

/**
 * `policydesk mcp --as EMAIL`: the MCP server on stdin/stdout for a local assistant (Claude Desktop, an
 * IDE). It acts as that account — its groups decide what the tools and resources can read — with every
 * tool its role allows: whoever can run this command on the server already holds the database. Logs go to
 * stderr; stdout carries only MCP messages.
 */
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve the MCP tools (search_policies, ask_policy) and documents over stdio, as a user')
    .requiredOption('--as <email>', 'act as this user (their groups decide what can be read)')
    .action((raw: unknown) =>
      runCommand(async () => {
        const options = optionsSchema.parse(raw)
        const env = readCliEnv()
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const asker = await askerByEmail(handle.db, options.as)
          await runMcpStdio({
            deps: createInferenceDeps(handle.db),
            caller: {
              userId: asker.userId ?? '',
              email: asker.email,
              groupIds: asker.groupIds,
              scopes: 'all',
            },
            links: originalLinks(env.APP_URL ?? `http://localhost:${env.PORT}`),
            version: '0.1.0',
          })
          return 0
        })
      }),
    )
}
