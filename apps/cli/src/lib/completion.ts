import type { Command } from 'commander'

export const SHELLS = ['bash', 'zsh'] as const
export type Shell = (typeof SHELLS)[number]

/** Every command path of the program with the words that may follow it (subcommands, then options). */
export function completionTable(program: Command): Map<string, string[]> {
  const table = new Map<string, string[]>()
  const visit = (command: Command, path: string[]) => {
    const words = [
      ...command.commands.map((c) => c.name()),
      ...command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))),
      '--help',
    ]
    table.set(path.join(' '), [...new Set(words)])
    for (const sub of command.commands) visit(sub, [...path, sub.name()])
  }
  visit(program, [])
  return table
}

const quote = (words: string[]) => words.join(' ')

/**
 * A completion script generated from the live command tree, so it never drifts from the CLI: the words
 * typed so far (flags and their values skipped) select the deepest known command, whose subcommands and
 * flags are offered.
 */
export function completionScript(program: Command, shell: Shell): string {
  const name = program.name()
  const fn = `_${name.replace(/[^a-z0-9]/gi, '_')}_complete`
  const cases = [...completionTable(program)]
    .map(([path, words]) => `    "${path}") words="${quote(words)}" ;;`)
    .join('\n')
  const body = `${fn}() {
  local cur path="" word candidate
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) continue ;; esac
    candidate="\${path:+$path }$word"
    if ${fn}_known "$candidate"; then path="$candidate"; fi
  done
  COMPREPLY=( $(compgen -W "$(${fn}_words "$path")" -- "$cur") )
}
${fn}_words() {
  local words=""
  case "$1" in
${cases}
  esac
  printf '%s' "$words"
}
${fn}_known() {
  case "$1" in
${[...completionTable(program).keys()].map((p) => `    "${p}") return 0 ;;`).join('\n')}
  esac
  return 1
}
`
  if (shell === 'bash')
    return `# ${name} completion for bash: eval "$(${name} completion bash)"\n${body}complete -F ${fn} ${name}\n`
  // zsh runs bash completion functions through bashcompinit.
  return `# ${name} completion for zsh: eval "$(${name} completion zsh)"\nautoload -U +X bashcompinit && bashcompinit\n${body}complete -F ${fn} ${name}\n`
}
