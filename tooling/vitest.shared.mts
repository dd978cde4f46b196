import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * One vitest setup for every workspace: unit tests next to the code, `*.int.test.ts` against the embedded
 * Postgres and a real Redis. Files run one at a time: integration tests start their own servers, and the
 * machine has two cores. With POLICYDESK_TEST_REPORTS set, a JSON report lands there for the CI summary.
 */
export function workspaceTestConfig(name: string) {
  const reports = process.env.POLICYDESK_TEST_REPORTS
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      fileParallelism: false,
      passWithNoTests: true,
      reporters: reports ? ['default', 'json'] : ['default'],
      outputFile: reports ? { json: path.join(reports, `${name}.json`) } : undefined,
    },
  })
}
