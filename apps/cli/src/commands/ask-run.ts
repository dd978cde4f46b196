import {
  type AnswerResult,
  createInferenceDeps,
  streamAnswer,
  summarizeToolCall,
} from '@policydesk/inference'
import { askerByEmail } from '../lib/asker'
import { printJson, printLine } from '../lib/output'
import { withServices } from '../lib/services'
import { printToolCalls } from './ask-tools'

/** `policydesk ask`'s work, loaded only when a question is asked (not for `ask --help`). */
export async function runAsk(
  question: string,
  options: { as: string; json: boolean; doc?: string[] },
): Promise<number> {
  return withServices({ redis: 'none' }, async ({ handle }) => {
    const asker = await askerByEmail(handle.db, options.as)
    const deps = createInferenceDeps(handle.db)
    let result: AnswerResult | null = null
    for await (const event of streamAnswer(deps, {
      question,
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
}

function printSources(result: AnswerResult): void {
  printLine()
  printToolCalls(result.toolCalls.map(summarizeToolCall), result.handoffProposal)
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
