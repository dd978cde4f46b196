import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type FineTuneJobRow, listDatasets, listFineTuneJobs } from '@policydesk/db'
import {
  analystByEmail,
  createFineTuneClient,
  DATASET_DEFAULTS,
  DATASET_FORMATS,
  defaultRankerDir,
  exportDataset,
  finetuneProvider,
  parseSyntheticQuestions,
  readFinetuneEnv,
  refreshFineTuneJob,
  runRankerExperiment,
  seedDemoReviews,
  submitFineTuneJob,
  summariseDataset,
  summariseJob,
  summariseRanker,
  trainRankerFromDb,
  waitForFineTuneJob,
  writeRankerArtifact,
} from '@policydesk/finetune'
import { createInferenceDeps } from '@policydesk/inference'
import { dataDir } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { printJson, printLine, runCommand } from '../lib/output'
import { isSeeded, samplesDir, seedDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'
import { withServices } from '../lib/services'

const collect = (value: string, previous: string[] = []) => [...previous, value]
const share = z.coerce.number().min(0).max(1)

const exportOptions = z.object({
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  verdict: z
    .string()
    .default(DATASET_DEFAULTS.verdicts.join(','))
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(['approved', 'corrected'])).min(1)),
  format: z.enum(DATASET_FORMATS).default(DATASET_DEFAULTS.format),
  out: z.string().min(1).optional(),
  as: z.email('--as must be an email address').default('analyst@example.com'),
  distractors: z.coerce.number().int().min(0).max(20).default(DATASET_DEFAULTS.distractors),
  seed: z.string().min(1).default(DATASET_DEFAULTS.seed),
  validationShare: share.default(DATASET_DEFAULTS.validationShare),
  maxTokens: z.coerce.number().int().min(256).max(1_000_000).default(DATASET_DEFAULTS.maxTokens),
  piiPattern: z.array(z.string().min(1)).default([]),
  name: z.string().min(1).max(200).optional(),
  json: z.boolean().default(false),
})

const rankerOptions = z.object({
  out: z.string().min(1).optional(),
  heldOut: share.default(0.2),
  weakNegativeWeight: z.coerce.number().min(0).max(1).default(0.3),
  l2: z.coerce.number().min(0).default(0.01),
  epochs: z.coerce.number().int().min(1).max(100_000).default(2_000),
  json: z.boolean().default(false),
})

const experimentOptions = z.object({
  corpus: z.string().min(1).optional(),
  questions: z.string().min(1).optional(),
  trainShare: share.default(0.6),
  splitSeed: z.string().min(1).default('questions'),
  out: z.string().min(1).optional(),
  json: z.boolean().default(false),
})

const fineTuneClient = () => {
  const env = readFinetuneEnv()
  const provider = finetuneProvider(env)
  return createFineTuneClient({
    ...provider,
    timeoutMs: env.FINETUNE_TIMEOUT_MS,
    maxRetries: env.FINETUNE_MAX_RETRIES,
  })
}

/** `policydesk finetune …`: the training side. Nothing here runs on the answer path. */
export function registerFinetuneCommands(program: Command): void {
  const finetune = program
    .command('finetune')
    .description('training data from reviewed answers, fine-tune jobs, the learned ranker')

  finetune
    .command('export')
    .description(
      'build a chat fine-tuning dataset from approved and corrected answers, record it, write JSONL',
    )
    .option('--since <iso>', 'only reviews updated at or after this date/time')
    .option('--verdict <list>', 'approved,corrected (either or both)', DATASET_DEFAULTS.verdicts.join(','))
    .option('--format <format>', 'dataset format', 'openai-chat')
    .option('--out <file>', 'training JSONL (validation goes next to it as <name>.validation.jsonl)')
    .option('--as <email>', 'the exporting analyst: only documents they may read', 'analyst@example.com')
    .option('--distractors <n>', 'RAFT: random passages of other documents mixed into each context', '0')
    .option('--seed <seed>', 'seed for distractors and their order', DATASET_DEFAULTS.seed)
    .option(
      '--validation-share <x>',
      'share of examples in the validation file (by example id hash)',
      String(DATASET_DEFAULTS.validationShare),
    )
    .option(
      '--max-tokens <n>',
      'drop examples longer than this (o200k tokens)',
      String(DATASET_DEFAULTS.maxTokens),
    )
    .option(
      '--pii-pattern <regex>',
      'extra PII pattern to scrub (repeatable; also FINETUNE_PII_PATTERNS)',
      collect,
    )
    .option('--name <name>', 'dataset name')
    .option('--json', 'print the result as JSON')
    .action((raw: unknown) =>
      runCommand(async () => {
        const options = exportOptions.parse(raw)
        const env = readFinetuneEnv()
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const analyst = await analystByEmail(handle.db, options.as)
          const exported = await exportDataset(handle.db, {
            actorId: analyst.id,
            actorEmail: analyst.email,
            name: options.name,
            options: {
              groupIds: analyst.groupIds,
              verdicts: options.verdict,
              since: options.since ? new Date(options.since) : undefined,
              format: options.format,
              distractors: options.distractors,
              seed: options.seed,
              validationShare: options.validationShare,
              maxTokens: options.maxTokens,
              piiPatterns: [...env.FINETUNE_PII_PATTERNS, ...options.piiPattern],
            },
          })
          const train = path.resolve(
            options.out ?? path.join(dataDir(), 'datasets', `${exported.name}.jsonl`),
          )
          const validation = train.replace(/(\.jsonl)?$/, '.validation.jsonl')
          await mkdir(path.dirname(train), { recursive: true })
          await writeFile(train, exported.train)
          if (exported.validation) await writeFile(validation, exported.validation)
          const files = { train, validation: exported.validation ? validation : null }
          if (options.json) printJson({ id: exported.id, name: exported.name, files, stats: exported.stats })
          else printLines(summariseDataset(exported.id, exported.name, files, exported.stats))
          return 0
        })
      }),
    )

  finetune
    .command('submit')
    .description('upload a dataset and start a fine-tuning job (FINETUNE_BASE_URL / FINETUNE_API_KEY)')
    .requiredOption('--dataset <id>', 'dataset id (see `finetune list`)')
    .option('--model <model>', 'base model', 'gpt-4o-mini')
    .option('--as <email>', 'who submits (recorded)', 'analyst@example.com')
    .option('--wait', 'poll until the job finishes')
    .option('--json', 'print the job as JSON')
    .action((raw: { dataset: string; model: string; as: string; wait?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const client = fineTuneClient()
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const analyst = await analystByEmail(handle.db, raw.as)
          let job = await submitFineTuneJob(handle.db, client, {
            datasetId: raw.dataset,
            model: raw.model,
            actorId: analyst.id,
          })
          if (!raw.json)
            printLine(`Submitted job ${job.id} (${job.externalJobId}) to ${job.provider}: ${job.status}`)
          if (raw.wait) job = await waitUntilDone(handle.db, client, job.id, !raw.json)
          if (raw.json) printJson(job)
          else printLines(summariseJob(job))
          return job.status === 'failed' ? 1 : 0
        })
      }),
    )

  finetune
    .command('status')
    .description('poll a fine-tuning job once (or until it finishes) and record its status and events')
    .argument('<job>', 'our job id or the provider job id')
    .option('--wait', 'poll until the job finishes')
    .option('--json', 'print the job as JSON')
    .action((id: string, raw: { wait?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const client = fineTuneClient()
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const job = raw.wait
            ? await waitUntilDone(handle.db, client, id, !raw.json)
            : await refreshFineTuneJob(handle.db, client, id)
          if (raw.json) printJson(job)
          else printLines(summariseJob(job))
          return job.status === 'failed' ? 1 : 0
        })
      }),
    )

  finetune
    .command('list')
    .description('datasets and fine-tuning jobs')
    .option('--json', 'print { datasets, jobs } as JSON')
    .action((raw: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const datasets = await listDatasets(handle.db)
          const jobs = await listFineTuneJobs(handle.db)
          if (raw.json) {
            printJson({ datasets, jobs })
            return 0
          }
          if (datasets.length === 0) printLine('No datasets yet. Try `policydesk finetune export`.')
          for (const d of datasets)
            printLine(
              `${d.id}  ${d.name}  ${String(d.stats.examples ?? 0)} examples (${String(d.stats.train ?? 0)} train / ${String(d.stats.validation ?? 0)} validation)  ${d.createdAt.toISOString()}  ${d.createdByEmail ?? ''}`,
            )
          for (const j of jobs)
            printLine(
              `job ${j.id}  ${j.datasetName}  ${j.baseModel} → ${j.resultModel ?? '-'}  ${j.status}${j.error ? ` (${j.error})` : ''}`,
            )
          return 0
        }),
      ),
    )

  finetune
    .command('train-ranker')
    .description('train the re-ranking model on reviewed answers; writes ranker-v1-<time>.json')
    .option('--out <dir>', 'directory for the artifact (default $POLICYDESK_DATA_DIR/rankers)')
    .option('--held-out <x>', 'share of questions held out for the reported metrics', '0.2')
    .option('--weak-negative-weight <x>', 'weight of retrieved-but-not-cited passages (0 = ignore)', '0.3')
    .option('--l2 <x>', 'L2 regularisation', '0.01')
    .option('--epochs <n>', 'gradient descent steps', '2000')
    .option('--json', 'print the result as JSON')
    .action((raw: unknown) =>
      runCommand(async () => {
        const options = rankerOptions.parse(raw)
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const trained = await trainRankerFromDb(handle.db, {
            heldOutShare: options.heldOut,
            weakNegativeWeight: options.weakNegativeWeight,
            l2: options.l2,
            epochs: options.epochs,
          })
          const file = await writeRankerArtifact(trained.artifact, options.out ?? defaultRankerDir())
          if (options.json) printJson({ artifact: file, report: trained.report })
          else {
            printLines(summariseRanker(trained.report))
            printLine(`Wrote ${file}`)
            printLine(`Use it: RANKER=${file} (answers) or RANKER=${file} npx policydesk eval …`)
          }
          return 0
        })
      }),
    )

  finetune
    .command('seed-reviews')
    .description('demo data: answer samples/questions.jsonl as the demo users and review them synthetically')
    .option('--questions <file>', 'questions JSONL (default samples/questions.jsonl)')
    .option('--json', 'print the counts as JSON')
    .action((raw: { questions?: string; json?: boolean }) =>
      runCommand(async () => {
        const questions = parseSyntheticQuestions(
          await readFile(raw.questions ?? path.join(samplesDir(), 'questions.jsonl'), 'utf8'),
        )
        return withServices({ redis: 'none' }, async ({ handle }) => {
          const progress = new ProgressLine()
          if (!(await isSeeded(handle.db)))
            await seedDatabase(handle.db, (done, total, file) =>
              progress.update('seeding', done / total, file),
            )
          const deps = createInferenceDeps(handle.db, { settings: { cache: false } })
          const stats = await seedDemoReviews(handle.db, deps, questions, (done, total) =>
            progress.update('answering', done / total, `${done}/${total}`),
          )
          progress.done()
          if (raw.json) printJson(stats)
          else
            printLine(
              `Reviewed ${stats.questions - stats.skipped} answers: ${stats.approved} approved, ${stats.corrected} corrected, ${stats.rejected} rejected (${stats.skipped} already reviewed).`,
            )
          return 0
        })
      }),
    )

  finetune
    .command('ranker-experiment')
    .description('train a ranker on synthetic reviews of a TRAIN share of the questions (temporary database)')
    .option('--corpus <dir>', 'documents (default samples/policies)')
    .option('--questions <file>', 'questions JSONL (default samples/questions.jsonl)')
    .option('--train-share <x>', 'share of questions (by id hash) used for training', '0.6')
    .option('--split-seed <seed>', 'another seed gives another train/held-out split', 'questions')
    .option('--out <dir>', 'where the artifact and the question splits go')
    .option('--json', 'print the result as JSON')
    .action((raw: unknown) =>
      runCommand(async () => {
        const options = experimentOptions.parse(raw)
        const corpus = path.resolve(options.corpus ?? path.join(samplesDir(), 'policies'))
        const progress = new ProgressLine()
        const result = await runRankerExperiment({
          corpusDir: corpus,
          questionsFile: path.resolve(options.questions ?? path.join(samplesDir(), 'questions.jsonl')),
          outDir: path.resolve(options.out ?? path.join(defaultRankerDir(), `experiment-${Date.now()}`)),
          trainShare: options.trainShare,
          splitSeed: options.splitSeed,
          onProgress: (stage, done, total) => progress.update(stage, total === 0 ? 1 : done / total),
        })
        progress.done()
        const evalCommand = `npx policydesk eval --corpus ${corpus} --questions ${result.heldOutQuestions}`
        const commands = { without: evalCommand, with: `RANKER=${result.artifact} ${evalCommand}` }
        if (options.json) printJson({ ...result, commands })
        else {
          printLine(
            `Questions: ${result.questions.train} train, ${result.questions.heldOut} held out. Reviews: ${result.reviews.approved} approved, ${result.reviews.corrected} corrected, ${result.reviews.rejected} rejected.`,
          )
          printLines(summariseRanker(result.report))
          printLine(`Wrote ${result.artifact}`)
          printLine('Score the held-out questions without and with it:')
          printLine(`  ${commands.without}`)
          printLine(`  ${commands.with}`)
        }
        return 0
      }),
    )
}

async function waitUntilDone(
  db: Parameters<typeof waitForFineTuneJob>[0],
  client: ReturnType<typeof fineTuneClient>,
  id: string,
  verbose: boolean,
): Promise<FineTuneJobRow> {
  let last = ''
  return waitForFineTuneJob(db, client, id, {
    intervalMs: readFinetuneEnv().FINETUNE_POLL_INTERVAL_MS,
    onUpdate: (row) => {
      if (verbose && row.status !== last) printLine(`${new Date().toISOString()}  ${row.status}`)
      last = row.status
    },
  })
}

const printLines = (lines: string[]) => {
  for (const line of lines) printLine(line)
}
