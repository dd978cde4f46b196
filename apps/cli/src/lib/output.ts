import { errorMessage, UserFacingError } from '@policydesk/runtime'
import { ZodError } from 'zod'

/** One JSON object per line on stdout: the `--json` contract scripts rely on. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** Runs a command body; any error becomes one readable line on stderr and a non-zero exit. */
export async function runCommand(body: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await body()
    process.exitCode = code ?? 0
  } catch (error) {
    const message =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : error instanceof UserFacingError
          ? error.message
          : describeError(error)
    process.stderr.write(`policydesk: ${message}\n`)
    process.exitCode = 1
  }
}

/** drizzle wraps driver errors ("Failed query: …"); the driver's own message is the useful part. */
function describeError(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  return cause instanceof Error
    ? `${errorMessage(cause)} (${errorMessage(error).split('\n')[0]})`
    : errorMessage(error)
}
