import { UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { completionScript, SHELLS, type Shell } from '../lib/completion'
import { runCommand } from '../lib/output'

const isShell = (value: string): value is Shell => (SHELLS as readonly string[]).includes(value)

export function registerCompletionCommand(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash or zsh)')
    .argument('[shell]', `one of ${SHELLS.join(', ')}`, 'bash')
    .addHelpText(
      'after',
      '\nExamples:\n  eval "$(policydesk completion bash)"   # in ~/.bashrc\n  eval "$(policydesk completion zsh)"    # in ~/.zshrc\n',
    )
    .action((shell: string) =>
      runCommand(async () => {
        if (!isShell(shell))
          throw new UserFacingError(`unknown shell "${shell}": use one of ${SHELLS.join(', ')}`)
        process.stdout.write(completionScript(program, shell))
        return 0
      }),
    )
}
