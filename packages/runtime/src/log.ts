import pino from 'pino'
import { readRuntimeEnv } from './env'
import { currentLogContext } from './log-context'
import { formatPrettyLine } from './log-pretty'

export type LogFields = Record<string, unknown>
type Level = 'debug' | 'info' | 'warn' | 'error'

export type Logger = Record<Level, (message: string, fields?: LogFields) => void>

let root: pino.Logger | undefined

/**
 * One pino logger per process, on stderr (stdout stays clean for `--json` output). JSON lines, one per
 * event, with time, level, scope, message and the current log context (request id, trace id, user id…);
 * human-readable lines instead when stderr is a terminal (LOG_FORMAT overrides). Writes are synchronous:
 * the last lines before a crash or `process.exit` are not lost.
 */
function rootLogger(): pino.Logger {
  if (root) return root
  const env = readRuntimeEnv()
  const pretty = env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === 'auto' && process.stderr.isTTY === true)
  const destination = pretty
    ? { write: (line: string) => void process.stderr.write(formatPrettyLine(line)) }
    : pino.destination({ fd: 2, sync: true })
  root = pino(
    {
      level: env.LOG_LEVEL,
      base: { pid: process.pid },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext(),
    },
    destination,
  )
  return root
}

function wrap(logger: pino.Logger): Logger {
  const at = (level: Level) => (message: string, fields?: LogFields) => {
    if (fields && Object.keys(fields).length > 0) logger[level](fields, message)
    else logger[level](message)
  }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  }
}

/** A logger for one part of the program (`worker`, `web:chat`…), named in every line as `scope`. */
export function createLogger(scope: string): Logger {
  return wrap(rootLogger().child({ scope }))
}

/**
 * Question and answer text is personal data: it reaches the logs only with LOG_CONTENT=on. Otherwise the
 * field is replaced by its length, which is enough to debug truncation and limits.
 */
export function contentField(name: string, text: string): LogFields {
  return readRuntimeEnv().LOG_CONTENT === 'on' ? { [name]: text } : { [`${name}Chars`]: text.length }
}
