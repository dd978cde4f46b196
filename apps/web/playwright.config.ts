import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

/**
 * E2E against the real thing: `policydesk start` (embedded Postgres, redis-server, migrations, demo seed,
 * worker, `next start`) in a fresh data dir, dev sign-in. Build the web app first (`npm run e2e` does).
 */
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${port}`
const oidcPort = Number(process.env.OIDC_WEB_PORT ?? port + 1)
process.env.OIDC_WEB_PORT = String(oidcPort)

// The config is evaluated again in every worker process: create the data dir once, in the main process,
// and hand it to the workers through the environment they inherit.
if (!process.env.POLICYDESK_E2E_DATA_DIR) {
  for (const stale of fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('policydesk-e2e-web-'))) {
    fs.rmSync(path.join(os.tmpdir(), stale), { recursive: true, force: true })
  }
  process.env.POLICYDESK_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-e2e-web-'))
}

const reports = process.env.POLICYDESK_TEST_REPORTS

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: reports ? [['list'], ['json', { outputFile: path.join(reports, 'e2e-web.json') }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 } } },
  ],
  webServer: [
    {
      command: 'node ../cli/bin/policydesk.mjs start',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      // First start creates the database and ingests the demo corpus.
      timeout: 180_000,
      // SIGTERM lets `policydesk start` stop its worker, web process and database daemon.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        POLICYDESK_DATA_DIR: process.env.POLICYDESK_E2E_DATA_DIR,
        PORT: String(port),
        AUTH_MODE: 'dev',
        // `next start` runs with NODE_ENV=production; dev sign-in must be allowed explicitly.
        AUTH_DEV_ALLOW_IN_PRODUCTION: 'true',
        // The suite asks more questions per minute than the default limit allows one user.
        CHAT_RATE_LIMIT_PER_MINUTE: '600',
        CHAT_RATE_LIMIT_BURST: '50',
        POLICYDESK_LOG_LEVEL: 'warn',
      },
    },
    {
      // Same build and database, AUTH_MODE=oidc against a fake identity provider (e2e/oidc.spec.ts).
      command: 'node --import tsx e2e/support/start-oidc-web.ts',
      url: `http://127.0.0.1:${oidcPort}/api/health`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        POLICYDESK_DATA_DIR: process.env.POLICYDESK_E2E_DATA_DIR,
        OIDC_WEB_PORT: String(oidcPort),
        POLICYDESK_LOG_LEVEL: 'warn',
      },
    },
  ],
})
