import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { listGroups } from '@policydesk/db'
import { startEphemeralDatabase } from '@policydesk/db/embedded'
import {
  createInferenceDeps,
  type EvalReport,
  parseQuestions,
  resolveDocIds,
  runEval,
} from '@policydesk/inference'
import { slugFromFileName } from '@policydesk/ingest'
import type { Command } from 'commander'
import { z } from 'zod'
import { collectFiles } from '../lib/collect-files'
import { ingestFilesInProcess } from '../lib/ingest-in-process'
import { printJson, printLine, runCommand } from '../lib/output'
import { migrateDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'

const optionsSchema = z.object({
  corpus: z.string().min(1),
  questions: z.array(z.string().min(1)).min(1),
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
    .requiredOption('--questions <files...>', 'JSONL questions (several files are scored together)')
    .option('--k <n>', 'passages counted for hit@k', '5')
    .option('--scope <scope>', '"doc" restricts retrieval to each question\'s doc_id', 'all')
    .option('--limit <n>', 'only the first N questions')
    .option('--json', 'print the report as JSON')
    .action((raw: unknown) => runCommand(() => evaluate(optionsSchema.parse(raw))))
}

async function evaluate(options: z.infer<typeof optionsSchema>): Promise<number> {
  const parsed = []
  for (const file of options.questions)
    parsed.push(...parseQuestions(await readFile(file, 'utf8'), path.basename(file)))
  const files = await collectFiles([options.corpus])
  // Fails before any work when a doc_id names no file of the corpus.
  const questions = resolveDocIds(
    parsed,
    files.map((file) => ({ slug: slugFromFileName(path.basename(file)), fileName: path.basename(file) })),
  ).slice(0, options.limit)
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
    ['questions (answerable / not)', `${r.questions} (${r.answerable} / ${r.unanswerable})`],
    [`hit@${r.k}`, r.hitAtK],
    ['hit@256 tokens of context', r.hitAtTokens['256']],
    ['hit@512 tokens of context', r.hitAtTokens['512']],
    ['hit@1024 tokens of context', r.hitAtTokens['1024']],
    [
      'hit@256/512/1024 ranked, cut',
      `${r.hitAtTokensRanked['256']} / ${r.hitAtTokensRanked['512']} / ${r.hitAtTokensRanked['1024']}`,
    ],
    ['mean context tokens', r.meanContextTokens],
    ['MRR@10', r.mrrAt10],
    [`answer rate @ ${r.abstainBelow} (answerable)`, r.answerRate],
    [`abstain rate @ ${r.abstainBelow} (unanswerable)`, r.abstainRate],
    ['citation validity', r.citationValidity],
    ['supported sentence rate', r.supportedSentenceRate],
    ['answer F1', r.answerF1],
    ['retrieval p50 / p95 ms', `${r.latencyMs.retrievalP50} / ${r.latencyMs.retrievalP95}`],
    ['total p50 / p95 ms', `${r.latencyMs.totalP50} / ${r.latencyMs.totalP95}`],
  ]
  for (const [name, value] of rows) printLine(`${name.padEnd(34)} ${value}`)
  printLine('answerability sweep (threshold: answer rate / abstain rate)')
  const points = r.sweep.filter((_, i) => i % 2 === 0)
  printLine(
    `  ${points.map((p) => `${p.threshold.toFixed(1)}: ${p.answerRate}/${p.abstainRate}`).join('  ')}`,
  )
}
