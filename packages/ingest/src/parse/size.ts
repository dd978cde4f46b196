/** Human-readable sizes for rejection messages: "73.2 MB", "50 MB", "512 KB". */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ]
  for (const [size, unit] of units) {
    if (bytes >= size) return `${trimZero((bytes / size).toFixed(1))} ${unit}`
  }
  return `${bytes} bytes`
}

function trimZero(value: string): string {
  return value.endsWith('.0') ? value.slice(0, -2) : value
}
