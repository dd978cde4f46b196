import { UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { runCommand } from '../lib/output'

const optionsSchema = z.object({
  as: z.email('--as must be an email address').optional(),
  json: z.boolean().default(false),
  doc: z.array(z.string().min(1)).optional(),
  local: z.boolean().default(false),
})

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the documents the user may read, with citations')
    .argument('<question>', 'the question')
    .option('--as <email>', 'ask as this user (on this machine; default employee@example.com)')
    .option('--doc <slug>', 'restrict retrieval to a document (repeatable)', collect)
    .option('--json', 'print the final answer object as JSON')
    .option('--local', 'use this machine’s database even after `policydesk login`')
    .action((question: string, raw: unknown) =>
      runCommand(async () => {
        const options = optionsSchema.parse(raw)
        const text = z
          .string()
          .trim()
          .min(1, 'the question is empty')
          .max(4000, 'the question is too long')
          .parse(question)
        const { readRemote } = await import('../lib/remote')
        const remote = options.local ? null : readRemote()
        if (remote) {
          // The server answers as the token's user, from everything it may read.
          if (options.as || options.doc)
            throw new UserFacingError(
              '--as and --doc work on this machine only: the remote server answers as the token’s user (add --local, or policydesk logout)',
            )
          const { runRemoteAsk } = await import('./ask-remote')
          return runRemoteAsk(remote, text, options)
        }
        // The pipeline (database, embedder, answerer) loads only now: `ask --help` stays instant.
        const { runAsk } = await import('./ask-run')
        return runAsk(text, { ...options, as: options.as ?? 'employee@example.com' })
      }),
    )
}
