import { describe, expect, it } from 'vitest'
import {
  decodeLogCursor,
  decodeQueuePosition,
  encodeLogCursor,
  encodeQueuePosition,
} from '@/lib/shared/review/cursor'

describe('page and queue tokens', () => {
  it('round-trip with microsecond timestamps', () => {
    const cursor = { createdAt: '2026-11-26T10:00:00.123456Z', id: '0b7e7f0e-2a52-4a8e-9a57-4d0f6f5b2c11' }
    expect(decodeLogCursor(encodeLogCursor(cursor))).toEqual(cursor)
    const position = { bucket: 3, key: 'd41d8cd98f00b204e9800998ecf8427e' }
    expect(decodeQueuePosition(encodeQueuePosition(position))).toEqual(position)
    const first = { bucket: 0, key: `${cursor.createdAt},${cursor.id}` }
    expect(decodeQueuePosition(encodeQueuePosition(first))).toEqual(first)
    expect(decodeQueuePosition(encodeQueuePosition({ bucket: 0, key: position.key }))).toBeNull()
  })

  it('refuse anything else (the values reach SQL as parameters, but garbage is still an error)', () => {
    expect(decodeLogCursor('')).toBeNull()
    expect(decodeLogCursor(Buffer.from("2026-11-26|x'; drop table").toString('base64url'))).toBeNull()
    expect(decodeQueuePosition(Buffer.from('9|abc').toString('base64url'))).toBeNull()
    expect(decodeQueuePosition(Buffer.from('1|not hex at all!').toString('base64url'))).toBeNull()
  })
})
