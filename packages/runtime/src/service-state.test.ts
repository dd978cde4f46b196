import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimServiceState, publishServicePort, readServiceState, releaseServiceState } from './service-state'

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'pd-state-')), 'svc.json')

describe('service state files', () => {
  it('lets exactly one live process own a service', () => {
    const file = tempFile()
    expect(claimServiceState(file)).toBe(true)
    // The owner is this (live) process: a second claim must fail.
    expect(claimServiceState(file)).toBe(false)
    publishServicePort(file, 5555)
    expect(readServiceState(file)).toMatchObject({ pid: process.pid, port: 5555 })
    releaseServiceState(file)
    expect(readServiceState(file)).toBeNull()
  })

  it('takes over a stale file left by a crashed owner', () => {
    const file = tempFile()
    // PID 2^22+1 is above Linux's pid_max default: no live process has it.
    writeFileSync(file, JSON.stringify({ pid: 4_194_305, port: 1234, startedAt: 'x' }))
    expect(claimServiceState(file)).toBe(true)
    expect(readServiceState(file)?.pid).toBe(process.pid)
  })

  it('treats a corrupt file as stale', () => {
    const file = tempFile()
    writeFileSync(file, '{not json')
    expect(readServiceState(file)).toBeNull()
    expect(claimServiceState(file)).toBe(true)
  })
})
