/**
 * L2-regularised logistic regression trained by full-batch gradient descent on standardised features.
 * Small and deterministic (zero initialisation, no sampling): the same data always gives the same weights.
 */

export type Normalisation = { mean: number[]; std: number[] }
export type LogisticModel = { weights: number[]; bias: number }
export type LogisticOptions = { l2: number; learningRate: number; epochs: number }

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

/** Column means and standard deviations; a constant column gets std 1 so it standardises to 0. */
export function fitNormalisation(rows: number[][]): Normalisation {
  const width = rows[0]?.length ?? 0
  const mean = Array.from(
    { length: width },
    (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length,
  )
  const std = mean.map((m, j) => {
    const variance = rows.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / rows.length
    return variance > 1e-12 ? Math.sqrt(variance) : 1
  })
  return { mean, std }
}

export const standardise = (rows: number[][], n: Normalisation) =>
  rows.map((r) => r.map((x, j) => (x - (n.mean[j] ?? 0)) / (n.std[j] ?? 1)))

export function predictLogit(model: LogisticModel, row: number[]): number {
  return row.reduce((s, x, j) => s + (model.weights[j] ?? 0) * x, model.bias)
}

/** Weighted mean log loss plus the L2 penalty (the bias is not penalised). */
export function objective(model: LogisticModel, x: number[][], y: number[], w: number[], l2: number): number {
  const total = w.reduce((a, b) => a + b, 0) || 1
  let loss = 0
  x.forEach((row, i) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(predictLogit(model, row))))
    loss += (w[i] ?? 1) * -((y[i] ?? 0) * Math.log(p) + (1 - (y[i] ?? 0)) * Math.log(1 - p))
  })
  return loss / total + (l2 / 2) * model.weights.reduce((s, b) => s + b * b, 0)
}

/** `x` must already be standardised. `w` are per-example weights (weak labels count less). */
export function trainLogistic(
  x: number[][],
  y: number[],
  w: number[],
  options: LogisticOptions,
): LogisticModel & { loss: number } {
  const width = x[0]?.length ?? 0
  const model: LogisticModel = { weights: new Array(width).fill(0), bias: 0 }
  const total = w.reduce((a, b) => a + b, 0) || 1
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = new Array(width).fill(0)
    let gradBias = 0
    x.forEach((row, i) => {
      const error = ((w[i] ?? 1) * (sigmoid(predictLogit(model, row)) - (y[i] ?? 0))) / total
      for (let j = 0; j < width; j++) grad[j] += error * (row[j] ?? 0)
      gradBias += error
    })
    for (let j = 0; j < width; j++)
      model.weights[j] =
        (model.weights[j] ?? 0) - options.learningRate * (grad[j] + options.l2 * (model.weights[j] ?? 0))
    model.bias -= options.learningRate * gradBias
  }
  return { ...model, loss: objective(model, x, y, w, options.l2) }
}
