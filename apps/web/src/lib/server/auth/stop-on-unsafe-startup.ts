import { createLogger, errorMessage } from '@policydesk/runtime'
import { startupProblems } from '@/lib/server/auth/startup-checks'
import { webEnv } from '@/lib/server/env'

const log = createLogger('web:startup')

/**
 * Called once by instrumentation.ts before the server takes requests: an invalid environment or an unsafe
 * sign-in configuration ends the process with the reason, instead of a server that fails (or is open)
 * request by request.
 */
export function stopOnUnsafeStartup(): void {
  let problems: string[]
  try {
    problems = startupProblems(webEnv())
  } catch (error) {
    problems = [errorMessage(error)]
  }
  if (problems.length === 0) return
  for (const problem of problems) log.error(`refusing to start: ${problem}`)
  process.exit(1)
}
