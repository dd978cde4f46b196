/** "wrong-source, Missing-Doc,,tone" → ['wrong-source', 'missing-doc', 'tone'] (unique, in order). */
export function parseLabelList(value: string): string[] {
  const labels = value
    .split(',')
    .map((l) => l.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter((l) => /^[a-z0-9][a-z0-9-]{0,39}$/.test(l))
  return [...new Set(labels)]
}

/** "missing-doc" → "Missing doc". */
export function labelText(label: string): string {
  const text = label.replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
