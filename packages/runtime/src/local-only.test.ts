import { describe, expect, it } from 'vitest'
import {
  devSignInDatabaseProblem,
  devSignInExposureWarning,
  isLocalDatabaseUrl,
  isLoopbackHost,
  isWildcardHost,
} from './local-only'

describe('isLoopbackHost', () => {
  it('accepts names and addresses only this machine reaches', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'app.localhost',
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
  })
  it('refuses everything else, wildcards included', () => {
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.5',
      '10.0.0.1',
      'db.example.com',
      'postgres',
      'localhost.evil.com',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
    expect(isWildcardHost('0.0.0.0')).toBe(true)
    expect(isWildcardHost('[::]')).toBe(true)
    expect(isWildcardHost('127.0.0.1')).toBe(false)
  })
})

describe('isLocalDatabaseUrl', () => {
  it('is true for loopback hosts and Unix sockets', () => {
    expect(isLocalDatabaseUrl('postgres://u:p@127.0.0.1:5433/policydesk')).toBe(true)
    expect(isLocalDatabaseUrl('postgresql://localhost/policydesk')).toBe(true)
    expect(isLocalDatabaseUrl('postgres://u@[::1]:5432/db')).toBe(true)
    expect(isLocalDatabaseUrl('postgres:///policydesk')).toBe(true)
    expect(isLocalDatabaseUrl('postgres://u@/db?host=/run/postgresql')).toBe(true)
  })
  it('is false for any other host, a socket parameter naming one, or garbage', () => {
    expect(isLocalDatabaseUrl('postgres://u:p@db.example.com:5432/policydesk')).toBe(false)
    expect(isLocalDatabaseUrl('postgres://u:p@postgres:5432/policydesk')).toBe(false)
    expect(isLocalDatabaseUrl('postgres://u:p@10.1.2.3/db')).toBe(false)
    expect(isLocalDatabaseUrl('postgres://u@localhost/db?host=db.example.com')).toBe(false)
    expect(isLocalDatabaseUrl('not a url')).toBe(false)
  })
})

describe('devSignInDatabaseProblem', () => {
  it('allows the embedded database and local ones', () => {
    expect(devSignInDatabaseProblem({ databaseUrl: undefined, allowRemote: false })).toBeNull()
    expect(
      devSignInDatabaseProblem({ databaseUrl: 'postgres://127.0.0.1:5432/x', allowRemote: false }),
    ).toBeNull()
  })
  it('refuses a remote database unless explicitly allowed, naming the way out', () => {
    const problem = devSignInDatabaseProblem({
      databaseUrl: 'postgres://db.example.com/x',
      allowRemote: false,
    })
    expect(problem).toContain('ALLOW_DEV_AUTH_WITH_REMOTE_DB=1')
    expect(problem).toContain('AUTH_MODE=oidc')
    expect(
      devSignInDatabaseProblem({ databaseUrl: 'postgres://db.example.com/x', allowRemote: true }),
    ).toBeNull()
  })
})

describe('devSignInExposureWarning', () => {
  it('is silent on loopback only', () => {
    expect(devSignInExposureWarning('127.0.0.1')).toBeNull()
    expect(devSignInExposureWarning('localhost')).toBeNull()
  })
  it('warns for every interface (also when unset: next start listens on all) and for named hosts', () => {
    expect(devSignInExposureWarning(undefined)).toContain('every network interface')
    expect(devSignInExposureWarning('0.0.0.0')).toContain('every network interface')
    expect(devSignInExposureWarning('192.168.1.5')).toContain('listening on 192.168.1.5')
  })
})
