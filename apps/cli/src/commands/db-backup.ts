import { existsSync } from 'node:fs'
import path from 'node:path'
import { readDbEnv } from '@policydesk/db'
import {
  acquireDatabase,
  controlRequest,
  findRunningEmbeddedDatabase,
  restoreEmbeddedDataDir,
} from '@policydesk/db/embedded'
import { dataDir, isProcessAlive, readServiceState, sleep, UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { printJson, printLine, runCommand } from '../lib/output'

const SERVER_HINT = 'docs/operations.md#backup-and-restore'

/** The embedded database only: a Postgres server has pg_dump/pg_restore, which do this better. */
function refuseServer(tool: string): void {
  if (readDbEnv().DATABASE_URL)
    throw new UserFacingError(
      `DATABASE_URL points at a Postgres server: use ${tool} for it (${SERVER_HINT}). ` +
        '`policydesk db backup|restore` is for the embedded database.',
    )
}

export function registerBackupCommands(db: Command): void {
  db.command('backup')
    .description('copy the embedded database to a file (online: safe while Policy Desk runs)')
    .argument('<file>', 'where to write the backup (a gzipped tarball of the data dir)')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'machine-readable output')
    .action((file: string, opts: { force?: boolean; json?: boolean }) =>
      runCommand(async () => {
        refuseServer('pg_dump')
        const target = path.resolve(file)
        if (existsSync(target) && !opts.force)
          throw new UserFacingError(`${target} exists; pass --force to overwrite it`)
        if (!existsSync(path.dirname(target)))
          throw new UserFacingError(`The folder ${path.dirname(target)} does not exist`)
        // Starts the daemon if nothing runs: the copy is always taken by the one process that owns the data.
        await acquireDatabase({ start: true })
        const response = await controlRequest({ op: 'backup', file: target })
        if (!response.ok) throw new UserFacingError(`Backup failed: ${response.error}`)
        if (opts.json) printJson({ file: target, bytes: response.bytes })
        else printLine(`Backed up ${dataDir()} to ${target} (${response.bytes} bytes).`)
        return 0
      }),
    )

  db.command('restore')
    .description('replace the embedded database with a backup (Policy Desk must be stopped)')
    .argument('<file>', 'a file written by `policydesk db backup`')
    .option('--yes', 'confirm: every document, answer and review is replaced by the backup’s')
    .option('--json', 'machine-readable output')
    .action((file: string, opts: { yes?: boolean; json?: boolean }) =>
      runCommand(async () => {
        refuseServer('pg_restore')
        const source = path.resolve(file)
        if (!existsSync(source)) throw new UserFacingError(`No such file: ${source}`)
        if (!opts.yes)
          throw new UserFacingError(
            `Restoring replaces everything in ${dataDir()} with ${source}. Run again with --yes to do it.`,
          )
        const app = readServiceState(path.join(dataDir(), 'app.json'))
        if (app && isProcessAlive(app.pid))
          throw new UserFacingError(`Policy Desk is running on ${dataDir()} (pid ${app.pid}): stop it first.`)
        await stopIdleDaemon()
        const result = await restoreEmbeddedDataDir(source)
        if (opts.json) printJson({ file: source, documents: result.documents, previous: result.previous })
        else
          printLine(
            `Restored ${result.documents} documents from ${source}.` +
              (result.previous ? ` The replaced data is kept in ${result.previous}.` : ''),
          )
        return 0
      }),
    )
}

/** A daemon left running by an earlier command is asked to stop; one with clients is refused. */
async function stopIdleDaemon(): Promise<void> {
  const running = await findRunningEmbeddedDatabase(5_000)
  if (!running) return
  const response = await controlRequest({ op: 'stop' }, 10_000)
  if (!response.ok)
    throw new UserFacingError(
      `The embedded database is in use (${response.error}): stop those programs first.`,
    )
  for (let i = 0; i < 100 && isProcessAlive(running.pid); i++) await sleep(100)
  if (isProcessAlive(running.pid)) throw new UserFacingError('The embedded database did not stop; try again.')
}
