import type { Command } from 'commander'
import { printJson, printLine, runCommand } from '../lib/output'
import { isSeeded, migrateDatabase, seedDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'
import { seedConversations } from '../lib/seed-conversations'
import { withServices } from '../lib/services'
import { registerBackupCommands } from './db-backup'

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance')
  registerBackupCommands(db)

  db.command('migrate')
    .description('apply committed migrations (idempotent)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle, database }) => {
          await migrateDatabase(handle.db)
          if (opts.json) printJson({ migrated: true, database: database.kind })
          else printLine(`Database is up to date (${database.kind}).`)
          return 0
        }),
      ),
    )

  // What `policydesk start` runs first, as a child process: the launcher then supervises without holding the
  // migration and ingestion code (and their memory) for the life of the product (docs/benchmarks.md, Memory).
  db.command('prepare')
    .description('apply migrations, then seed the demo users and corpus if the database has no documents')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle, database }) => {
          await migrateDatabase(handle.db)
          const seed = !(await isSeeded(handle.db))
          if (seed && !opts.json) printLine('First run: seeding the demo users and the demo corpus…')
          const results = seed ? await seedDatabase(handle.db) : []
          const failed = results.filter((r) => r.result.status === 'failed')
          for (const f of failed)
            process.stderr.write(`failed: ${f.file}: ${'error' in f.result ? f.result.error : ''}\n`)
          if (opts.json)
            printJson({ migrated: true, database: database.kind, seeded: seed, documents: results.length })
          else printLine(`Database is up to date (${database.kind}).`)
          return 0
        }),
      ),
    )

  db.command('seed')
    .description('demo users and the demo corpus; returns when the corpus is ready (idempotent)')
    .option('--conversations', 'also demo conversations with feedback, answered by the real pipeline')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean; conversations?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          await migrateDatabase(handle.db)
          const progress = new ProgressLine()
          const results = await seedDatabase(handle.db, (done, total, file) =>
            progress.update('seeding', total === 0 ? 1 : done / total, file),
          )
          progress.done()
          const failed = results.filter((r) => r.result.status === 'failed')
          for (const f of failed)
            process.stderr.write(`failed: ${f.file}: ${'error' in f.result ? f.result.error : ''}\n`)
          // Conversations need the corpus: answers about missing documents would be abstentions.
          const conversations =
            opts.conversations && failed.length === 0 ? await seedConversations(handle.db) : null
          if (opts.json) printJson({ documents: results.length, failed: failed.length, conversations })
          else {
            printLine(`Seeded demo users and ${results.length} documents (${failed.length} failed).`)
            if (conversations)
              printLine(
                `Seeded ${conversations.conversations} demo conversations (${conversations.skipped} already there): ` +
                  `${conversations.traces} answers, ${conversations.abstained} abstained, ${conversations.up} thumbs up, ${conversations.down} thumbs down.`,
              )
          }
          return failed.length > 0 ? 1 : 0
        }),
      ),
    )
}
