import { describe, expect, it } from 'vitest'
import { nextArgs, planStart } from './start-plan'

const base = { PORT: 3000, ALLOW_DEV_AUTH_WITH_REMOTE_DB: false } as const

describe('planStart', () => {
  it('binds dev sign-in to 127.0.0.1 by default, quietly', () => {
    const plan = planStart(base)
    expect(plan).toEqual({
      authMode: 'dev',
      host: '127.0.0.1',
      exposureWarning: null,
      url: 'http://localhost:3000',
    })
    expect(nextArgs(plan, { dev: false, port: 3000 })).toEqual(['start', '-p', '3000', '-H', '127.0.0.1'])
    expect(nextArgs(plan, { dev: true, port: 3000 })).toEqual(['dev', '-p', '3000', '-H', '127.0.0.1'])
  })

  it('follows HOST, and warns when dev sign-in is reachable from other machines', () => {
    const everywhere = planStart({ ...base, HOST: '0.0.0.0' })
    expect(everywhere.host).toBe('0.0.0.0')
    expect(everywhere.exposureWarning).toMatch(/every network interface.*without a password/)
    const lan = planStart({ ...base, HOST: '192.168.1.20', PORT: 8080 })
    expect(lan.url).toBe('http://192.168.1.20:8080')
    expect(lan.exposureWarning).toMatch(/listening on 192\.168\.1\.20/)
    expect(planStart({ ...base, HOST: 'localhost' }).exposureWarning).toBeNull()
  })

  it('leaves OIDC on Next.js defaults (every interface) without a warning', () => {
    const plan = planStart({ ...base, AUTH_MODE: 'oidc' })
    expect(plan.host).toBeUndefined()
    expect(plan.exposureWarning).toBeNull()
    expect(nextArgs(plan, { dev: false, port: 3000 })).toEqual(['start', '-p', '3000'])
  })

  it('refuses dev sign-in against a remote database unless explicitly allowed', () => {
    const remote = { ...base, DATABASE_URL: 'postgres://u:p@db.internal.example:5432/policydesk' }
    expect(() => planStart(remote)).toThrow(/ALLOW_DEV_AUTH_WITH_REMOTE_DB=1/)
    expect(planStart({ ...remote, ALLOW_DEV_AUTH_WITH_REMOTE_DB: true }).authMode).toBe('dev')
    expect(planStart({ ...remote, AUTH_MODE: 'oidc' }).authMode).toBe('oidc')
    expect(planStart({ ...base, DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x' }).authMode).toBe('dev')
  })

  it('refuses a placeholder or short AUTH_SECRET in any mode', () => {
    expect(() => planStart({ ...base, AUTH_SECRET: 'too-short' })).toThrow(/9 bytes long/)
    expect(() =>
      planStart({
        ...base,
        AUTH_MODE: 'oidc',
        AUTH_SECRET: 'replace-me-with-the-output-of-openssl-rand-base64-32',
      }),
    ).toThrow(/placeholder/)
    expect(planStart({ ...base, AUTH_SECRET: 'x'.repeat(32) }).authMode).toBe('dev')
  })
})
