import { describe, expect, it } from 'vitest'
import { resolveAuthMode, startupProblems } from '@/lib/server/auth/startup-checks'

const base = { NODE_ENV: 'production', ALLOW_DEV_AUTH_WITH_REMOTE_DB: false } as const

describe('startupProblems (instrumentation.ts stops the server on any)', () => {
  it('accepts a sound production configuration', () => {
    expect(
      startupProblems({
        ...base,
        AUTH_MODE: 'oidc',
        AUTH_SECRET: 'k'.repeat(44),
        DATABASE_URL: 'postgres://db.example.com/x',
      }),
    ).toEqual([])
  })

  it('refuses the example placeholder and short secrets', () => {
    expect(
      startupProblems({ ...base, AUTH_SECRET: 'replace-me-with-the-output-of-openssl-rand-base64-32' })[0],
    ).toMatch(/placeholder/)
    expect(startupProblems({ ...base, AUTH_MODE: 'oidc', AUTH_SECRET: 'x'.repeat(31) })[0]).toMatch(
      /31 bytes long/,
    )
  })

  it('refuses dev sign-in against a remote database unless allowed', () => {
    const remote = {
      ...base,
      AUTH_MODE: 'dev',
      DATABASE_URL: 'postgres://u:p@postgres:5432/policydesk',
    } as const
    expect(startupProblems(remote)[0]).toMatch(/ALLOW_DEV_AUTH_WITH_REMOTE_DB=1/)
    expect(startupProblems({ ...remote, ALLOW_DEV_AUTH_WITH_REMOTE_DB: true })).toEqual([])
    expect(startupProblems({ ...remote, DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x' })).toEqual([])
  })

  it('resolves the mode as the app does: dev outside production unless set', () => {
    expect(resolveAuthMode({ NODE_ENV: 'development' })).toBe('dev')
    expect(resolveAuthMode({ NODE_ENV: 'production' })).toBe('oidc')
    expect(resolveAuthMode({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toBe('dev')
    // No AUTH_MODE in production means OIDC, so a remote database is fine there.
    expect(startupProblems({ ...base, DATABASE_URL: 'postgres://db.example.com/x' })).toEqual([])
  })
})
