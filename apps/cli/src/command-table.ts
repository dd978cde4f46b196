import type { Command } from 'commander'

type Register = (program: Command) => void

/**
 * Every top-level command and how to load the module that registers it. `main.ts` imports only the module
 * of the command being run (an import of every command pulls in the worker, BullMQ, the parsers and the
 * fine-tuning code: ~1 s before `policydesk ask` could print anything); help, unknown commands and
 * `completion` (which describes the whole tree) load all.
 * Order = the order `policydesk --help` lists them.
 */
export const COMMANDS: readonly { name: string; load: () => Promise<Register> }[] = [
  { name: 'start', load: async () => (await import('./commands/start')).registerStartCommand },
  { name: 'db', load: async () => (await import('./commands/db')).registerDbCommands },
  { name: 'ingest', load: async () => (await import('./commands/ingest')).registerIngestCommand },
  { name: 'reembed', load: async () => (await import('./commands/reembed')).registerReembedCommand },
  { name: 'documents', load: async () => (await import('./commands/documents')).registerDocumentsCommands },
  { name: 'ask', load: async () => (await import('./commands/ask')).registerAskCommand },
  { name: 'login', load: async () => (await import('./commands/login')).registerLoginCommand },
  { name: 'logout', load: async () => (await import('./commands/login')).registerLogoutCommand },
  { name: 'mcp', load: async () => (await import('./commands/mcp')).registerMcpCommand },
  { name: 'slack', load: async () => (await import('./commands/slack')).registerSlackCommand },
  { name: 'eval', load: async () => (await import('./commands/eval')).registerEvalCommand },
  { name: 'finetune', load: async () => (await import('./commands/finetune')).registerFinetuneCommands },
  {
    name: 'bench',
    load: async () => {
      const [{ registerBenchCommands }, { registerBenchChatCommand }] = await Promise.all([
        import('./commands/bench'),
        import('./commands/bench-chat'),
      ])
      return (program) => registerBenchChatCommand(registerBenchCommands(program))
    },
  },
  // Completion describes the whole tree: running it loads every command (commandsFor).
  { name: 'completion', load: async () => (await import('./commands/completion')).registerCompletionCommand },
]

/** The command modules to load for these arguments (the ones after `policydesk`). */
export function commandsFor(
  args: readonly string[],
): readonly { name: string; load: () => Promise<Register> }[] {
  const first = args.find((a) => !a.startsWith('-'))
  const chosen = COMMANDS.filter((c) => c.name === first)
  return chosen.length > 0 && first !== 'completion' ? chosen : COMMANDS
}
