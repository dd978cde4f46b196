import { type AnswerResult, createInferenceDeps, streamAnswer } from '@policydesk/inference'
import type { Command } from 'commander'
import { z } from 'zod'
import { askerByEmail } from '../lib/asker'
import { printJson, printLine, runCommand } from '../lib/output'
import { withServices } from '../lib/services'

const optionsSchema = z.object({
  as: z.email('--as must be an email address').default('employee@example.com'),
  json: z.boolean().default(false),
  doc: z.array(z.string().min(1)).optional(),
})

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the documents the user may read, with citations')
    .argument('<question>', 'the question')
    .option('--as <email>', 'ask as this user', 'employee@example.com')
    .option('--doc <slug>', 'restrict retrieval to a document (repeatable)', collect)
    .option('--json', 'print the final answer object as JSON')
    .action((question: string, raw: unknown) =>
      runCommand(async () => {
        const options = optionsSchema.parse(raw)
        const text = z
          .string()
          .trim()
          .min(1, 'the question is empty')
          .max(4000, 'the question is too long')
          .parse(question)
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const asker = await askerByEmail(handle.db, options.as)
          const deps = createInferenceDeps(handle.db)
          let result: AnswerResult | null = null
          for await (const event of streamAnswer(deps, {
            question: text,
            user: asker,
            filters: { documentSlugs: options.doc },
          })) {
            if (event.type === 'token' && !options.json) process.stdout.write(event.text)
            if (event.type === 'final') result = event.result
          }
          if (!result) return 1
          if (options.json) printJson(result)
          else printSources(result)
          return 0
        })
      }),
    )
}

function printSources(result: AnswerResult): void {
  printLine()
  if (result.abstained) return
  printLine()
  for (const c of result.citations) {
    const where = [c.title, ...c.headingPath.slice(1)].join(' › ')
    printLine(`[${c.n}] ${where}${c.page ? `, page ${c.page}` : ''}`)
    printLine(`    “${c.quote}”`)
  }
  const flagged = result.validation.sentences.filter((s) => s.claim && !s.supported)
  for (const s of flagged) printLine(`(unverified: “${s.text}”)`)
}
