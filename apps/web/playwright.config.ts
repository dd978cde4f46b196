import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { WEBHOOK_SECRET, WEBHOOK_URL } from './e2e/support/webhook-receiver'

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

/**
 * The suite signs in ~60 times from 127.0.0.1 and exports several times per user: bursts big enough for
 * that, refills slow enough that e2e/limits.spec.ts can still reach a 429 by firing requests at once.
 */
const RATE_LIMITS_FOR_E2E = {
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '600',
  SIGN_IN_RATE_LIMIT_BURST: '40',
  PLAYGROUND_RATE_LIMIT_PER_MINUTE: '120',
  PLAYGROUND_RATE_LIMIT_BURST: '5',
  REVIEW_EXPORT_RATE_LIMIT_PER_MINUTE: '120',
  REVIEW_EXPORT_RATE_LIMIT_BURST: '5',
  DATASET_EXPORT_RATE_LIMIT_PER_MINUTE: '120',
  DATASET_EXPORT_RATE_LIMIT_BURST: '5',
}

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
        ...RATE_LIMITS_FOR_E2E,
        // Handoff webhooks go to the receiver e2e/handoffs.spec.ts runs (deliveries made while it is not
        // listening fail and are retried; nothing else checks them).
        HANDOFF_WEBHOOK_URL: WEBHOOK_URL,
        HANDOFF_WEBHOOK_SECRET: WEBHOOK_SECRET,
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
        ...RATE_LIMITS_FOR_E2E,
        POLICYDESK_LOG_LEVEL: 'warn',
      },
    },
  ],
})
