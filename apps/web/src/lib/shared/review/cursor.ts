import type { LogCursor, QueuePosition } from '@policydesk/db'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const QUEUE_TIME_KEY =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
const decode = (token: string) => Buffer.from(token, 'base64url').toString('utf8')

/** Opaque page token for the answers log: the row's microsecond timestamp and id. */
export function encodeLogCursor(cursor: LogCursor): string {
  return encode(`${cursor.createdAt}|${cursor.id}`)
}

export function decodeLogCursor(token: string): LogCursor | null {
  const [createdAt, id, ...rest] = decode(token).split('|')
  if (rest.length > 0 || !createdAt || !id || !TS.test(createdAt) || !UUID.test(id)) return null
  return { createdAt, id }
}

/** Opaque queue position: bucket and sort key. */
export function encodeQueuePosition(position: QueuePosition): string {
  return encode(`${position.bucket}|${position.key}`)
}

export function decodeQueuePosition(token: string): QueuePosition | null {
  const [bucket, key, ...rest] = decode(token).split('|')
  const n = Number(bucket)
  if (rest.length > 0 || !key || !Number.isInteger(n) || n < 0 || n > 3) return null
  // The random sample is keyed by md5(id); the other buckets by "createdAt,id".
  const valid = n === 3 ? /^[0-9a-f]{32}$/.test(key) : QUEUE_TIME_KEY.test(key)
  return valid ? { bucket: n, key } : null
}
