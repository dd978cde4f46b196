/** An error whose message is meant for the person at the keyboard: printed as one line, no stack. */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}

/**
 * One line about what went wrong. drizzle's "Failed query: <sql>\nparams: <values>" drops the parameter
 * values (they can be questions, answers or document text) and names the driver's reason instead.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.message.startsWith('Failed query:')) {
    const query = error.message
      .replace(/\nparams:[\s\S]*$/, '')
      .replace(/\s+/g, ' ')
      .slice(0, 200)
    const cause = error.cause instanceof Error ? error.cause.message : null
    return cause ? `${query}: ${cause}` : query
  }
  return error.message
}

/** A connection URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '<invalid url>'
  }
}
