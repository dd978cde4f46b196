/** A long Markdown policy: enough chunks that a worker is still busy with it when a test kills it. */
export function bigPolicy(sections: number): string {
  const parts = ['# Facilities Handbook']
  for (let s = 0; s < sections; s++) {
    parts.push(`## Section ${s}: rules for building ${s}`)
    for (let p = 0; p < 6; p++) {
      parts.push(
        `Building ${s} paragraph ${p}: visitors must register at reception ${s * 10 + p} minutes before arrival, ` +
          'wear a visible badge, stay with their host, and leave through the main entrance. '.repeat(4),
      )
    }
  }
  return parts.join('\n\n')
}
