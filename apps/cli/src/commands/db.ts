import type { Command } from 'commander'
import { printJson, printLine, runCommand } from '../lib/output'
import { migrateDatabase, seedDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'
import { withServices } from '../lib/services'

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance')

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

  db.command('seed')
    .description('demo users and the demo corpus; returns when the corpus is ready (idempotent)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          await migrateDatabase(handle.db)
          const progress = new ProgressLine()
          const results = await seedDatabase(handle.db, (done, total, file) =>
            progress.update('seeding', total === 0 ? 1 : done / total, file),
          )
          progress.done()
          const failed = results.filter((r) => r.result.status === 'failed')
          if (opts.json) printJson({ documents: results.length, failed: failed.length })
          else printLine(`Seeded demo users and ${results.length} documents (${failed.length} failed).`)
          for (const f of failed)
            process.stderr.write(`failed: ${f.file}: ${'error' in f.result ? f.result.error : ''}\n`)
          return failed.length > 0 ? 1 : 0
        }),
      ),
    )
}
