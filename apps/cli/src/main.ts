import { Command } from 'commander'
import { registerDbCommands } from './commands/db'
import { registerDocumentsCommands } from './commands/documents'
import { registerIngestCommand } from './commands/ingest'
import { registerStartCommand } from './commands/start'

const program = new Command()
  .name('policydesk')
  .description('Policy Desk: answers policy questions from your documents, with citations.')
  .showHelpAfterError()

registerStartCommand(program)
registerDbCommands(program)
registerIngestCommand(program)
registerDocumentsCommands(program)

await program.parseAsync(process.argv)
