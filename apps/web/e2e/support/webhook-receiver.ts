/**
 * Where the e2e server posts handoff webhooks (playwright.config.ts passes HANDOFF_WEBHOOK_URL and
 * HANDOFF_WEBHOOK_SECRET to `policydesk start`); e2e/handoffs.spec.ts listens there while it runs.
 */
export const WEBHOOK_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 3)
export const WEBHOOK_SECRET = 'e2e-handoff-webhook-secret'
export const WEBHOOK_URL = `http://127.0.0.1:${WEBHOOK_PORT}/hook`
