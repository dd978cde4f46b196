/**
 * Second e2e web server: the same build and database as the main one (the embedded database of
 * POLICYDESK_DATA_DIR), but AUTH_MODE=oidc against a fake identity provider. Playwright starts it after
 * the main server is healthy and kills this process group at the end.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { acquireDatabase } from '@policydesk/db/embedded'
import { startFakeOidcProvider } from './fake-oidc-provider'
import { OIDC_E2E_USER, OIDC_PROVIDER_PORT } from './oidc-user'

const webPort = Number(process.env.OIDC_WEB_PORT ?? 3101)
const database = await acquireDatabase({ start: false })

const provider = await startFakeOidcProvider(OIDC_PROVIDER_PORT, OIDC_E2E_USER)
const webDir = path.resolve(import.meta.dirname, '../..')
const web = spawn(path.join(webDir, '../../node_modules/.bin/next'), ['start', '-p', String(webPort)], {
  cwd: webDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_MODE: 'oidc',
    AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only',
    APP_URL: `http://127.0.0.1:${webPort}`,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'policydesk-e2e',
    OIDC_CLIENT_SECRET: 'e2e-client-secret',
    OIDC_ALLOW_INSECURE_HTTP: 'true',
  },
})
const stop = () => {
  web.kill('SIGTERM')
  void provider.close()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
web.on('exit', (code) => process.exit(code ?? 0))
