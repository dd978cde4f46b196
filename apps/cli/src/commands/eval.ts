import { readFile } from 'node:fs/promises'
import { listGroups } from '@policydesk/db'
import { startEphemeralDatabase } from '@policydesk/db/embedded'
import { createInferenceDeps, type EvalReport, parseQuestions, runEval } from '@policydesk/inference'
import type { Command } from 'commander'
import { z } from 'zod'
import { collectFiles } from '../lib/collect-files'
import { ingestFilesInProcess } from '../lib/ingest-in-process'
import { printJson, printLine, runCommand } from '../lib/output'
import { migrateDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'

const optionsSchema = z.object({
  corpus: z.string().min(1),
  questions: z.string().min(1),
  k: z.coerce.number().int().min(1).max(50).default(5),
  scope: z.enum(['all', 'doc']).default('all'),
  limit: z.coerce.number().int().min(1).optional(),
  json: z.boolean().default(false),
})

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'score retrieval and answers on a corpus and a questions file, in an isolated temporary database',
    )
    .requiredOption('--corpus <dir>', 'directory of documents (document id = file name without extension)')
    .requiredOption('--questions <file>', 'JSONL questions')
    .option('--k <n>', 'passages counted for hit@k', '5')
    .option('--scope <scope>', '"doc" restricts retrieval to each question\'s doc_id', 'all')
    .option('--limit <n>', 'only the first N questions')
    .option('--json', 'print the report as JSON')
    .action((raw: unknown) => runCommand(() => evaluate(optionsSchema.parse(raw))))
}

async function evaluate(options: z.infer<typeof optionsSchema>): Promise<number> {
  const questions = parseQuestions(await readFile(options.questions, 'utf8')).slice(0, options.limit)
  const files = await collectFiles([options.corpus])
  const progress = new ProgressLine()
  // Never touches .data/: an in-memory embedded Postgres that disappears with this process.
  const database = await startEphemeralDatabase()
  try {
    await migrateDatabase(database.db)
    const ingested = await ingestFilesInProcess(database.db, files, (done, total, file) =>
      progress.update('ingesting', done / total, file),
    )
    for (const f of ingested)
      if (f.result.status === 'failed') process.stderr.write(`ingest failed: ${f.file}: ${f.result.error}\n`)
    const groupIds = (await listGroups(database.db)).map((g) => g.id)
    const deps = createInferenceDeps(database.db, { settings: { cache: false } })
    const report = await runEval(deps, { userId: null, groupIds }, questions, {
      k: options.k,
      scopeToDoc: options.scope === 'doc',
      onProgress: (done, total) => progress.update('answering', done / total, `${done}/${total}`),
    })
    progress.done()
    if (options.json) printJson(report)
    else printReport(report)
    return 0
  } finally {
    await database.stop()
  }
}

function printReport(r: EvalReport): void {
  const rows: [string, string | number][] = [
    ['questions', r.questions],
    [`hit@${r.k}`, r.hitAtK],
    ['hit@256 tokens', r.hitAtTokens['256']],
    ['hit@512 tokens', r.hitAtTokens['512']],
    ['hit@1024 tokens', r.hitAtTokens['1024']],
    [`mean context tokens @${r.k}`, r.meanContextTokensAtK],
    ['MRR@10', r.mrrAt10],
    ['answer rate (answerable)', r.answerRate],
    ['abstain rate (unanswerable)', r.abstainRate],
    ['citation validity', r.citationValidity],
    ['supported sentence rate', r.supportedSentenceRate],
    ['answer F1', r.answerF1],
    ['retrieval p50 / p95 ms', `${r.latencyMs.retrievalP50} / ${r.latencyMs.retrievalP95}`],
    ['total p50 / p95 ms', `${r.latencyMs.totalP50} / ${r.latencyMs.totalP95}`],
  ]
  for (const [name, value] of rows) printLine(`${name.padEnd(30)} ${value}`)
}
