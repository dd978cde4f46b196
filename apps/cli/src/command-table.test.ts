import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { COMMANDS, commandsFor } from './command-table'

describe('the lazy command table', () => {
  it('names exactly the command each module registers (the table cannot drift from the modules)', async () => {
    for (const entry of COMMANDS) {
      const program = new Command()
      ;(await entry.load())(program)
      expect(program.commands.map((c) => c.name())).toEqual([entry.name])
    }
  })

  it('loads only the command being run; help, no command and unknown commands load all', () => {
    expect(commandsFor(['ask', 'What is the leave policy?']).map((c) => c.name)).toEqual(['ask'])
    expect(commandsFor(['ask', '--help']).map((c) => c.name)).toEqual(['ask'])
    expect(commandsFor(['bench', 'retrieval', '--json']).map((c) => c.name)).toEqual(['bench'])
    expect(commandsFor(['--help'])).toHaveLength(COMMANDS.length)
    expect(commandsFor([])).toHaveLength(COMMANDS.length)
    expect(commandsFor(['help', 'ask'])).toHaveLength(COMMANDS.length)
    expect(commandsFor(['nonsense'])).toHaveLength(COMMANDS.length)
    expect(commandsFor(['completion', 'bash'])).toHaveLength(COMMANDS.length)
  })
})
