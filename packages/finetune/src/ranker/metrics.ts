/** Area under the ROC curve (Mann–Whitney U with tied scores counted half); null without both classes. */
export function auc(scores: number[], labels: number[]): number | null {
  const items = scores.map((score, i) => ({ score, label: labels[i] ?? 0 })).sort((a, b) => a.score - b.score)
  const positives = items.filter((i) => i.label === 1).length
  const negatives = items.length - positives
  if (positives === 0 || negatives === 0) return null
  let rankSum = 0
  for (let i = 0; i < items.length; ) {
    let j = i
    while (j + 1 < items.length && items[j + 1]?.score === items[i]?.score) j++
    const averageRank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) if (items[k]?.label === 1) rankSum += averageRank
    i = j + 1
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** Share of examples on the right side of probability 0.5 (logit 0). */
export function accuracy(logits: number[], labels: number[]): number | null {
  if (logits.length === 0) return null
  return logits.filter((z, i) => (z >= 0 ? 1 : 0) === labels[i]).length / logits.length
}

/** 1-based rank of the first positive when sorted by score (ties keep the given order); null if none. */
export function firstPositiveRank(scores: number[], positive: boolean[]): number | null {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i)
  const index = order.findIndex(({ i }) => positive[i])
  return index === -1 ? null : index + 1
}

export const round = (value: number | null, digits = 3) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits
