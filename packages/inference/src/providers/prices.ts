/** Parses "model=in/out,…" (USD per million tokens) from LLM_PRICES. Unknown models cost 0 (self-hosted). */
export function parsePrices(spec: string): Map<string, { input: number; output: number }> {
  const prices = new Map<string, { input: number; output: number }>()
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([^=]+)=([\d.]+)\/([\d.]+)$/.exec(entry)
    if (!match) throw new Error(`Invalid LLM_PRICES entry "${entry}" (expected model=input/output)`)
    prices.set(match[1] as string, { input: Number(match[2]), output: Number(match[3]) })
  }
  return prices
}

export function costUsd(
  prices: Map<string, { input: number; output: number }>,
  model: string,
  tokensIn: number,
  tokensOut: number,
): number {
  const price = prices.get(model)
  if (!price) return 0
  return (tokensIn * price.input + tokensOut * price.output) / 1_000_000
}
