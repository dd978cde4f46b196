import { readRuntimeEnv } from './env'

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const
type Level = Exclude<keyof typeof levels, 'silent'>

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>

/** A tiny structured logger on stderr: stdout stays clean for `--json` output. */
export function createLogger(scope: string): Logger {
  const threshold = levels[readRuntimeEnv().POLICYDESK_LOG_LEVEL]
  const write = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (levels[level] < threshold) return
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''
    process.stderr.write(`[${scope}] ${level === 'info' ? '' : `${level}: `}${message}${extra}\n`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
