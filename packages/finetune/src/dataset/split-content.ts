/** The training and validation JSONL of a stored dataset. */
export function splitDatasetContent(row: { content: string; stats: Record<string, unknown> }): {
  train: string
  validation: string
} {
  const lines = row.content.split('\n').filter((l) => l.trim() !== '')
  const trainCount = typeof row.stats.train === 'number' ? row.stats.train : lines.length
  const join = (part: string[]) => part.map((l) => `${l}\n`).join('')
  return { train: join(lines.slice(0, trainCount)), validation: join(lines.slice(trainCount)) }
}
