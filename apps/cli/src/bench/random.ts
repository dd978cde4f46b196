/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine and Node version. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick() from an empty list')
    return item
  }

  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0)
    let r = this.next() * total
    for (const [i, w] of weights.entries()) {
      r -= w
      if (r < 0) return i
    }
    return weights.length - 1
  }

  /** `count` distinct indexes in [0, n), drawn by weight (without replacement). */
  distinctWeighted(weights: readonly number[], count: number): number[] {
    const remaining = [...weights]
    const chosen: number[] = []
    while (chosen.length < Math.min(count, weights.length)) {
      const i = this.weighted(remaining)
      chosen.push(i)
      remaining[i] = 0
    }
    return chosen.sort((a, b) => a - b)
  }

  /** Standard normal (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
}
