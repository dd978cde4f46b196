/** A one-line progress bar on stderr, drawn only on a terminal (pipes and CI get the final lines only). */
export class ProgressLine {
  private readonly enabled = process.stderr.isTTY === true
  private last = ''

  update(label: string, fraction: number, detail = ''): void {
    if (!this.enabled) return
    const width = 24
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const line = `${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${label} ${detail}`.slice(
      0,
      (process.stderr.columns ?? 100) - 1,
    )
    if (line === this.last) return
    this.last = line
    process.stderr.write(`\r\x1b[2K${line}`)
  }

  done(): void {
    if (this.enabled && this.last) process.stderr.write('\r\x1b[2K')
    this.last = ''
  }
}
