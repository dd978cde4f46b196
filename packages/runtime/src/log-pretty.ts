/** Fields the pretty format shows in its own way (or not at all) rather than in the trailing JSON. */
const HIDDEN = new Set(['level', 'time', 'pid', 'scope', 'msg', 'hostname'])

/**
 * One pino JSON line as a terminal line: `[scope] warn: message {"extra":"fields"}`. Info lines carry no
 * level prefix, so `npm start` in a terminal reads like before structured logging.
 */
export function formatPrettyLine(line: string): string {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(line) as Record<string, unknown>
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`
  }
  const level = typeof entry.level === 'string' ? entry.level : 'info'
  const scope = typeof entry.scope === 'string' ? `[${entry.scope}] ` : ''
  const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)))
  const fields = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : ''
  return `${scope}${level === 'info' ? '' : `${level}: `}${String(entry.msg ?? '')}${fields}\n`
}
