import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..')

/**
 * Runs a TypeScript entry point of the repo (a script, or the `policydesk` CLI) against this run's
 * embedded database: the same data dir as the web server under test. Returns stdout.
 */
export async function runInRepo(
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    timeout: options.timeoutMs ?? 150_000,
    env: {
      ...process.env,
      POLICYDESK_DATA_DIR: process.env.POLICYDESK_E2E_DATA_DIR,
      POLICYDESK_LOG_LEVEL: 'warn',
      ...options.env,
    },
  })
  return stdout
}

/** The `policydesk` command, as a user runs it from the repo root. */
export const runPolicydesk = (args: string[], options?: Parameters<typeof runInRepo>[1]) =>
  runInRepo([path.join(REPO_ROOT, 'apps/cli/bin/policydesk.mjs'), ...args], options)

/** The last line of a command's stdout, parsed: `--json` commands print one JSON document last. */
export const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as T
