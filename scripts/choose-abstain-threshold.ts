/**
 * The rule that picks ANSWER_ABSTAIN_BELOW (docs/quality.md, "Abstention"): from the coverage/risk sweeps of
 * `policydesk eval --json` on several sets, the threshold whose WORST set does best on balanced accuracy
 * (mean of answer rate on answerable and abstain rate on unanswerable questions); within 0.01 of the best,
 * the highest threshold wins, because saying "the documents don't say" is the safer error.
 *
 *   npx tsx scripts/choose-abstain-threshold.ts samples.json dev.json
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

const report = z.object({
  sweep: z.array(z.object({ threshold: z.number(), answerRate: z.number(), abstainRate: z.number() })),
})

const files = process.argv.slice(2)
if (files.length === 0) {
  process.stderr.write('usage: choose-abstain-threshold <eval.json>...\n')
  process.exit(2)
}
const sweeps = files.map((file) => report.parse(JSON.parse(readFileSync(file, 'utf8'))).sweep)
const rows = (sweeps[0] ?? []).map((point, i) => {
  const balanced = sweeps.map((sweep) => {
    const p = sweep[i]
    if (!p || p.threshold !== point.threshold) throw new Error('sweeps differ in their thresholds')
    return (p.answerRate + p.abstainRate) / 2
  })
  return { threshold: point.threshold, worst: Math.min(...balanced), balanced }
})
const best = Math.max(...rows.map((r) => r.worst))
const chosen = rows.filter((r) => r.worst >= best - 0.01).at(-1)
for (const r of rows)
  process.stdout.write(
    `${r === chosen ? '→' : ' '} ${r.threshold.toFixed(2)}  worst ${r.worst.toFixed(3)}  ${r.balanced.map((b) => b.toFixed(3)).join('  ')}\n`,
  )
process.stdout.write(`ANSWER_ABSTAIN_BELOW=${chosen?.threshold}\n`)
