import { createEmbeddingProvider, reembedMissing } from '@policydesk/ingest'
import type { Command } from 'commander'
import { printJson, printLine, runCommand } from '../lib/output'
import { ProgressLine } from '../lib/progress'
import { withServices } from '../lib/services'

export function registerReembedCommand(program: Command): void {
  program
    .command('reembed')
    .description(
      'embed every current chunk that has no vector for the configured embedding model (resumable)',
    )
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const provider = createEmbeddingProvider()
          const progress = new ProgressLine()
          const result = await reembedMissing(handle.db, provider, {
            onProgress: (p) =>
              progress.update(
                `re-embedding with ${provider.model}`,
                p.total === 0 ? 1 : p.done / p.total,
                `${p.done}/${p.total}`,
              ),
          })
          progress.done()
          if (opts.json) printJson({ model: provider.model, ...result })
          else printLine(`${result.done} chunks embedded with ${provider.model}.`)
          return 0
        }),
      ),
    )
}
