/**
 * A synchronous, read-only look at a ZIP archive's central directory. jszip exposes entry sizes only
 * through a private field and only asynchronously; both type detection (is there a word/document.xml?)
 * and the zip-bomb guard need the declared sizes before anything is decompressed, so we read the
 * directory ourselves. Only readEntry inflates, and never beyond the limit it is given.
 */
import { inflateRawSync } from 'node:zlib'

export type ZipEntry = {
  name: string
  /** 0 = stored, 8 = deflate; anything else is unusual in OOXML. */
  method: number
  compressedSize: number
  uncompressedSize: number
  encrypted: boolean
  localHeaderOffset: number
}

export type ZipDirectory = { entryCount: number; entries: ZipEntry[] }

const EOCD_SIGNATURE = 0x06054b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_HEADER_SIGNATURE = 0x02014b50
const LOCAL_HEADER_SIGNATURE = 0x04034b50
const EOCD_MIN_LENGTH = 22
const MAX_COMMENT_LENGTH = 0xffff
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

/** Thrown for archives whose directory cannot be read; callers turn it into a user-facing rejection. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError'
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER_SIGNATURE
}

/**
 * Reads the central directory. `maxEntries` stops early (without listing) when the archive declares more
 * entries than the caller is willing to look at, so a directory with millions of entries costs nothing.
 */
export function readZipDirectory(bytes: Buffer, maxEntries = Number.POSITIVE_INFINITY): ZipDirectory {
  const eocd = findEndOfCentralDirectory(bytes)
  let entryCount = bytes.readUInt16LE(eocd + 10)
  let directoryOffset = bytes.readUInt32LE(eocd + 16)
  if (entryCount === U16_MAX || directoryOffset === U32_MAX) {
    const zip64 = readZip64End(bytes, eocd)
    entryCount = zip64.entryCount
    directoryOffset = zip64.directoryOffset
  }
  if (entryCount > maxEntries) return { entryCount, entries: [] }

  const entries: ZipEntry[] = []
  let offset = directoryOffset
  for (let i = 0; i < entryCount; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_HEADER_SIGNATURE) {
      throw new ZipFormatError('the central directory is damaged')
    }
    const flags = bytes.readUInt16LE(offset + 8)
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    const nameStart = offset + 46
    const extraStart = nameStart + nameLength
    if (extraStart + extraLength > bytes.length)
      throw new ZipFormatError('the central directory is truncated')
    const sizes = applyZip64Extra(
      {
        uncompressedSize: bytes.readUInt32LE(offset + 24),
        compressedSize: bytes.readUInt32LE(offset + 20),
        localHeaderOffset: bytes.readUInt32LE(offset + 42),
      },
      bytes.subarray(extraStart, extraStart + extraLength),
    )
    entries.push({
      name: bytes.toString('utf8', nameStart, extraStart),
      method: bytes.readUInt16LE(offset + 10),
      encrypted: (flags & 1) === 1,
      ...sizes,
    })
    offset = extraStart + extraLength + commentLength
  }
  return { entryCount, entries }
}

/** The raw (still compressed) bytes of one entry, located through its local header. */
export function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const start = entry.localHeaderOffset
  if (start + 30 > bytes.length || bytes.readUInt32LE(start) !== LOCAL_HEADER_SIGNATURE) {
    throw new ZipFormatError(`the local header of ${entry.name} is damaged`)
  }
  const dataStart = start + 30 + bytes.readUInt16LE(start + 26) + bytes.readUInt16LE(start + 28)
  const dataEnd = dataStart + entry.compressedSize
  if (dataEnd > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`)
  return bytes.subarray(dataStart, dataEnd)
}

/** One entry's bytes, inflated if deflated; a RangeError means it produced more than `limit` bytes. */
export function readEntry(bytes: Buffer, entry: ZipEntry, limit: number): Buffer {
  const data = entryData(bytes, entry)
  if (entry.method !== 8) return data
  // zlib requires a positive cap; an entry declared empty must still inflate to nothing.
  const output = inflateRawSync(data, { maxOutputLength: Math.max(limit, 1) })
  if (output.length > limit) throw new RangeError(`${entry.name} is larger than declared`)
  return output
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record sits at the very end, followed only by an optional comment of up to 64 KB.
  const lowest = Math.max(0, bytes.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH)
  for (let offset = bytes.length - EOCD_MIN_LENGTH; offset >= lowest; offset--) {
    if (bytes.readUInt32LE(offset) === EOCD_SIGNATURE) return offset
  }
  throw new ZipFormatError('no end-of-central-directory record (the archive is truncated)')
}

function readZip64End(bytes: Buffer, eocd: number): { entryCount: number; directoryOffset: number } {
  const locator = eocd - 20
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('the ZIP64 locator is missing')
  }
  const record = Number(bytes.readBigUInt64LE(locator + 8))
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipFormatError('the ZIP64 end record is damaged')
  }
  return {
    entryCount: Number(bytes.readBigUInt64LE(record + 32)),
    directoryOffset: Number(bytes.readBigUInt64LE(record + 48)),
  }
}

type EntrySizes = Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'localHeaderOffset'>

/** ZIP64 stores the real 64-bit values in extra field 0x0001, only for fields saturated at 0xFFFFFFFF. */
function applyZip64Extra(sizes: EntrySizes, extra: Buffer): EntrySizes {
  const result = { ...sizes }
  let offset = 0
  while (offset + 4 <= extra.length) {
    const id = extra.readUInt16LE(offset)
    const length = extra.readUInt16LE(offset + 2)
    if (id === 0x0001) {
      let cursor = offset + 4
      const end = Math.min(cursor + length, extra.length)
      const next = (): number | undefined => {
        if (cursor + 8 > end) return undefined
        const value = Number(extra.readBigUInt64LE(cursor))
        cursor += 8
        return value
      }
      if (sizes.uncompressedSize === U32_MAX) result.uncompressedSize = next() ?? U32_MAX
      if (sizes.compressedSize === U32_MAX) result.compressedSize = next() ?? U32_MAX
      if (sizes.localHeaderOffset === U32_MAX) result.localHeaderOffset = next() ?? U32_MAX
    }
    offset += 4 + length
  }
  return result
}
