import { UserFacingError } from '@policydesk/runtime'
import { z } from 'zod'
import { printJson, printLine } from '../lib/output'
import { type Remote, readServerSentEvents, remoteFetch } from '../lib/remote'
import { printToolCalls } from './ask-tools'

/** The parts of the chat's `final` event the CLI prints; the server's output is validated like any input. */
const finalSchema = z.looseObject({
  text: z.string(),
  abstained: z.boolean(),
  citations: z.array(
    z.object({
      n: z.number(),
      title: z.string(),
      headingPath: z.array(z.string()),
      page: z.number().nullable(),
      quote: z.string(),
    }),
  ),
  // Older servers send no tool calls.
  toolCalls: z.array(z.object({ name: z.string(), status: z.string(), summary: z.string() })).default([]),
  handoffProposal: z.object({ note: z.string() }).optional(),
})
const tokenSchema = z.object({ text: z.string() })
const errorSchema = z.object({ error: z.string() })

/** `policydesk ask` against a remote server (`policydesk login`): the chat API, streamed, as the token's user. */
export async function runRemoteAsk(
  remote: Remote,
  question: string,
  options: { json: boolean },
): Promise<number> {
  const response = await remoteFetch(remote, '/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ message: question }),
  })
  if (!response.body) throw new UserFacingError(`${remote.url} sent no answer stream`)
  for await (const { event, data } of readServerSentEvents(response.body)) {
    if (event === 'token' && !options.json) {
      const token = tokenSchema.safeParse(data)
      if (token.success) process.stdout.write(token.data.text)
    } else if (event === 'error') {
      const failure = errorSchema.safeParse(data)
      throw new UserFacingError(
        `${remote.url}: ${failure.success ? failure.data.error : 'the answer failed'}`,
      )
    } else if (event === 'final') {
      const final = finalSchema.safeParse(data)
      if (!final.success) throw new UserFacingError(`${remote.url} sent a final answer this CLI cannot read`)
      if (options.json) printJson(final.data)
      else {
        printLine()
        if (!final.data.abstained) printLine()
        for (const c of final.data.abstained ? [] : final.data.citations) {
          const where = [c.title, ...c.headingPath.slice(1)].join(' › ')
          printLine(`[${c.n}] ${where}${c.page ? `, page ${c.page}` : ''}`)
          printLine(`    “${c.quote}”`)
        }
        printToolCalls(final.data.toolCalls, final.data.handoffProposal)
      }
      return 0
    }
  }
  throw new UserFacingError(`${remote.url} ended the answer stream without a final answer`)
}
