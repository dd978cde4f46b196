import { Command } from 'commander'
import { registerAskCommand } from './commands/ask'
import { registerBenchCommands } from './commands/bench'
import { registerBenchChatCommand } from './commands/bench-chat'
import { registerDbCommands } from './commands/db'
import { registerDocumentsCommands } from './commands/documents'
import { registerEvalCommand } from './commands/eval'
import { registerFinetuneCommands } from './commands/finetune'
import { registerIngestCommand } from './commands/ingest'
import { registerReembedCommand } from './commands/reembed'
import { registerStartCommand } from './commands/start'

const program = new Command()
  .name('policydesk')
  .description('Policy Desk: answers policy questions from your documents, with citations.')
  .showHelpAfterError()

registerStartCommand(program)
registerDbCommands(program)
registerIngestCommand(program)
registerReembedCommand(program)
registerDocumentsCommands(program)
registerAskCommand(program)
registerEvalCommand(program)
registerFinetuneCommands(program)
registerBenchChatCommand(registerBenchCommands(program))

await program.parseAsync(process.argv)
