import { describe, expect, it } from 'vitest'
import { seededRandom } from '../dataset/random'
import { fitNormalisation, objective, predictLogit, standardise, trainLogistic } from './logistic'
import { accuracy, auc, firstPositiveRank } from './metrics'

/** Two Gaussian-ish blobs that a line separates, plus a pure-noise feature on a very different scale. */
function blobs(n: number, seed: string) {
  const random = seededRandom(seed)
  const noise = () => random() + random() + random() - 1.5
  const x: number[][] = []
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    const label = i % 2
    const centre = label === 1 ? 1.5 : -1.5
    x.push([centre + noise(), -centre + noise(), 1000 * noise()])
    y.push(label)
  }
  return { x, y }
}

describe('logistic regression', () => {
  it('learns a separable problem (held-out AUC > 0.9) and ignores the noise feature', () => {
    const train = blobs(400, 'train')
    const test = blobs(200, 'test')
    const norm = fitNormalisation(train.x)
    const model = trainLogistic(
      standardise(train.x, norm),
      train.y,
      train.y.map(() => 1),
      {
        l2: 0.01,
        learningRate: 0.5,
        epochs: 500,
      },
    )
    const scores = standardise(test.x, norm).map((r) => predictLogit(model, r))
    expect(auc(scores, test.y)).toBeGreaterThan(0.9)
    expect(accuracy(scores, test.y)).toBeGreaterThan(0.85)
    expect(model.weights[0]).toBeGreaterThan(0.5)
    expect(model.weights[1]).toBeLessThan(-0.5)
    expect(Math.abs(model.weights[2] ?? 0)).toBeLessThan(0.3)
  })

  it('reduces the objective, and a stronger L2 shrinks the weights', () => {
    const { x, y } = blobs(200, 'l2')
    const z = standardise(x, fitNormalisation(x))
    const w = y.map(() => 1)
    const start = objective({ weights: [0, 0, 0], bias: 0 }, z, y, w, 0.01)
    const weak = trainLogistic(z, y, w, { l2: 0.001, learningRate: 0.5, epochs: 300 })
    const strong = trainLogistic(z, y, w, { l2: 1, learningRate: 0.5, epochs: 300 })
    expect(weak.loss).toBeLessThan(start)
    const norm = (ws: number[]) => Math.hypot(...ws)
    expect(norm(strong.weights)).toBeLessThan(norm(weak.weights) / 2)
  })

  it('is deterministic', () => {
    const { x, y } = blobs(100, 'det')
    const run = () =>
      trainLogistic(
        x,
        y,
        y.map(() => 1),
        { l2: 0.01, learningRate: 0.1, epochs: 50 },
      )
    expect(run()).toEqual(run())
  })

  it('standardises constant columns to zero instead of dividing by zero', () => {
    const norm = fitNormalisation([
      [1, 5],
      [3, 5],
    ])
    expect(norm).toEqual({ mean: [2, 5], std: [1, 1] })
    expect(standardise([[3, 5]], norm)).toEqual([[1, 0]])
  })
})

describe('metrics', () => {
  it('AUC: perfect, inverted, ties and single-class', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1)
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0)
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5)
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
    expect(auc([0.1, 0.2], [1, 1])).toBeNull()
  })

  it('first positive rank follows the scores, ties in input order', () => {
    expect(firstPositiveRank([0.1, 0.9, 0.5], [true, false, false])).toBe(3)
    expect(firstPositiveRank([0.5, 0.5], [false, true])).toBe(2)
    expect(firstPositiveRank([0.5], [false])).toBeNull()
  })
})
