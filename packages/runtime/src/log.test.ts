import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatPrettyLine } from './log-pretty'

const index = path.join(import.meta.dirname, 'index.ts')

/** Runs a snippet in a fresh process (the logger reads its settings once) and returns its stderr lines. */
function logsOf(snippet: string, env: Record<string, string>): string[] {
  const script = `const rt = await import(${JSON.stringify(index)}); ${snippet}`
  const { LOG_LEVEL: _l, POLICYDESK_LOG_LEVEL: _p, LOG_CONTENT: _c, LOG_FORMAT: _f, ...base } = process.env
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...base, ...env },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(run.stderr)
  return run.stderr.split('\n').filter(Boolean)
}

describe('structured logs', () => {
  it('writes one JSON object per line with time, level, scope, message and the unit of work’s ids', () => {
    const lines = logsOf(
      `const log = rt.createLogger('web:chat')
       log.info('outside')
       await rt.runWithLogContext({ requestId: 'req-1' }, async () => {
         await new Promise((r) => setTimeout(r, 5))
         rt.addLogContext({ userId: 'user-7' })
         log.warn('answer failed', { conversationId: 'c-1' })
       })`,
      { LOG_FORMAT: 'json' },
    )
    const [outside, inside] = lines.map((l) => JSON.parse(l))
    expect(outside).toMatchObject({ level: 'info', scope: 'web:chat', msg: 'outside' })
    expect(outside.requestId).toBeUndefined()
    expect(new Date(outside.time).getTime()).toBeGreaterThan(Date.now() - 60_000)
    expect(inside).toMatchObject({
      level: 'warn',
      scope: 'web:chat',
      msg: 'answer failed',
      requestId: 'req-1',
      userId: 'user-7',
      conversationId: 'c-1',
    })
  })

  it('honours LOG_LEVEL (and the older POLICYDESK_LOG_LEVEL when LOG_LEVEL is unset)', () => {
    const snippet = `const log = rt.createLogger('x'); log.debug('d'); log.info('i'); log.warn('w'); log.error('e')`
    const levels = (env: Record<string, string>) =>
      logsOf(snippet, { LOG_FORMAT: 'json', ...env }).map((l) => JSON.parse(l).msg)
    expect(levels({})).toEqual(['i', 'w', 'e'])
    expect(levels({ LOG_LEVEL: 'warn' })).toEqual(['w', 'e'])
    expect(levels({ POLICYDESK_LOG_LEVEL: 'debug' })).toEqual(['d', 'i', 'w', 'e'])
    expect(levels({ LOG_LEVEL: 'error', POLICYDESK_LOG_LEVEL: 'debug' })).toEqual(['e'])
    expect(levels({ LOG_LEVEL: 'silent' })).toEqual([])
  })

  it('keeps question and answer text out unless LOG_CONTENT=on', () => {
    const snippet = `rt.createLogger('x').info('answered', rt.contentField('question', 'What is my salary band?'))`
    expect(JSON.parse(logsOf(snippet, { LOG_FORMAT: 'json' })[0] ?? '')).toMatchObject({ questionChars: 23 })
    expect(logsOf(snippet, { LOG_FORMAT: 'json' })[0]).not.toContain('salary')
    expect(JSON.parse(logsOf(snippet, { LOG_FORMAT: 'json', LOG_CONTENT: 'on' })[0] ?? '')).toMatchObject({
      question: 'What is my salary band?',
    })
  })

  it('prints readable lines in the pretty format', () => {
    expect(
      logsOf(`rt.createLogger('worker').info('started', { pid: 1, mode: 'queue' })`, {
        LOG_FORMAT: 'pretty',
      }),
    ).toEqual(['[worker] started {"mode":"queue"}'])
    expect(formatPrettyLine('{"level":"error","scope":"policydesk","msg":"boom","time":"t","pid":3}')).toBe(
      '[policydesk] error: boom\n',
    )
    expect(formatPrettyLine('not json')).toBe('not json\n')
  })
})
