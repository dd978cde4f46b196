import { UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { printJson, printLine, runCommand } from '../lib/output'
import { clearRemote, readRemote, remoteFetch, remoteFile, saveRemote } from '../lib/remote'

const loginSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: '--url must be an http(s) URL' }),
  token: z.string().startsWith('pd_', '--token must be a Policy Desk API token (pd_…)'),
  json: z.boolean().default(false),
})

const meSchema = z.object({
  user: z.object({ email: z.string(), role: z.string(), groupIds: z.array(z.string()) }),
})

/**
 * `policydesk login --url --token`: `ask` and `ingest` then act on that server with the token's user and
 * scopes (create a token under Settings → API tokens); `policydesk logout` returns to this machine.
 */
export function registerLoginCommand(program: Command): void {
  program
    .command('login')
    .description('act on a remote Policy Desk: ask and ingest go to URL with an API token')
    .requiredOption('--url <url>', 'the server, e.g. https://policydesk.example.com')
    .requiredOption(
      '--token <token>',
      'an API token (Settings → API tokens); scopes chat and/or documents:write',
    )
    .option('--json', 'print { url, email, role } as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  policydesk login --url https://policydesk.example.com --token pd_…\n',
    )
    .action((raw: unknown) =>
      runCommand(async () => {
        const options = loginSchema.parse(raw)
        const remote = { url: options.url, token: options.token }
        // Checked before it is saved: a wrong URL or a revoked token is an error now, not at the next ask.
        const me = meSchema.safeParse(await (await remoteFetch(remote, '/api/me')).json())
        if (!me.success) throw new UserFacingError(`${options.url} does not look like Policy Desk (/api/me)`)
        saveRemote(remote)
        const { email, role } = me.data.user
        if (options.json) printJson({ url: options.url, email, role })
        else printLine(`Logged in to ${options.url} as ${email} (${role}); saved in ${remoteFile()}.`)
        return 0
      }),
    )
}

export function registerLogoutCommand(program: Command): void {
  program
    .command('logout')
    .description('forget the remote server: commands act on this machine again')
    .option('--json', 'print { loggedOut } as JSON')
    .action((raw: { json?: boolean }) =>
      runCommand(async () => {
        const remote = readRemote()
        const loggedOut = clearRemote()
        if (raw.json) printJson({ loggedOut, url: remote?.url ?? null })
        else printLine(loggedOut ? `Logged out of ${remote?.url}.` : 'Not logged in to a remote server.')
        return 0
      }),
    )
}
