import { Command } from 'commander'
import cliPackage from '../package.json' with { type: 'json' }
import { commandsFor } from './command-table'

const program = new Command()
  .name('policydesk')
  .description('Policy Desk: answers policy questions from your documents, with citations.')
  .version(cliPackage.version, '-V, --version', 'print the version')
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Examples:
  policydesk start                                   run everything on this machine (http://localhost:3000)
  policydesk ingest ./policies --group everyone      add or update documents
  policydesk ask "How many vacation days do I get?" --as employee@example.com
  policydesk documents list --json                   one JSON object per line
  policydesk eval --corpus samples/policies --questions samples/questions.jsonl
  eval "$(policydesk completion bash)"               shell completion

Every command takes --help; most take --json for scripts. Docs: README.md and docs/.`,
  )

const args = process.argv.slice(2)
for (const register of await Promise.all(commandsFor(args).map((c) => c.load()))) register(program)

await program.parseAsync(process.argv)
