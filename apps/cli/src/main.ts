import { Command } from 'commander'
import { registerAskCommand } from './commands/ask'
import { registerDbCommands } from './commands/db'
import { registerDocumentsCommands } from './commands/documents'
import { registerEvalCommand } from './commands/eval'
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
registerAskCommand(program)
registerEvalCommand(program)

await program.parseAsync(process.argv)
