import { statSync } from 'node:fs'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'

/** This machine's addresses other machines could use to reach it. */
const externalAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
    .map((a) => a?.address ?? '')

const canConnect = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })

test.describe('dev sign-in is local-only (`policydesk start`, AUTH_MODE=dev, no HOST)', () => {
  test('the web app listens on 127.0.0.1 only', async ({ baseURL }) => {
    const port = Number(new URL(baseURL ?? '').port)
    expect(await canConnect('127.0.0.1', port)).toBe(true)
    const external = externalAddresses()
    test.skip(external.length === 0, 'this machine has no non-loopback IPv4 address to try')
    for (const address of external) expect(await canConnect(address, port), address).toBe(false)
  })

  test('the sign-in page shows no exposure warning when local', async ({ page }) => {
    await page.goto('/sign-in')
    await expect(page.getByRole('button', { name: /Sign in as Adam Admin/ })).toBeVisible()
    await expect(page.getByTestId('dev-exposure-warning')).toHaveCount(0)
  })

  test('the session secret was generated for this data dir, readable by its owner only', () => {
    const dataDir = process.env.POLICYDESK_E2E_DATA_DIR ?? ''
    const mode = statSync(path.join(dataDir, 'session-secret')).mode & 0o777
    expect(mode).toBe(0o600)
  })
})
