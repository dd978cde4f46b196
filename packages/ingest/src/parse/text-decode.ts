/**
 * Bytes → string for the text formats (Markdown, HTML, plain text). UTF-8 is the norm; UTF-16 with a BOM
 * (what Windows Notepad calls "Unicode") and legacy single-byte files are common enough in policy
 * folders that refusing them would be unhelpful, so they are decoded too. Type detection and the parsers
 * use this same function so they always see the same text.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export function sniffEncoding(bytes: Buffer): TextEncoding | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

export function isValidUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  try {
    // `stream: true` tolerates a multi-byte character cut in half at the end of a sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated })
    return true
  } catch {
    return false
  }
}

/** Decodes the whole buffer and drops a leading byte-order mark. */
export function decodeText(bytes: Buffer): string {
  const encoding = sniffEncoding(bytes) ?? guessSingleByteOrUtf8(bytes)
  const text =
    encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes)
  return text.replace(/^\uFEFF/, '')
}

// Node 20's TextDecoder('windows-1252') is really ISO-8859-1 (0x80 becomes U+0080, not €), so the
// 0x80–0x9F range, where the two differ, is mapped by hand. Undefined code points stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function decodeWindows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char)
}

/**
 * Invalid UTF-8 is either a legacy 8-bit file (almost every high byte is invalid) or a UTF-8 file with a
 * few damaged bytes (most multi-byte sequences are fine). Only the first is re-read as Windows-1252, so
 * a stray bad byte does not turn every accented letter of a UTF-8 file into mojibake.
 */
function guessSingleByteOrUtf8(bytes: Buffer): TextEncoding {
  if (isValidUtf8(bytes, false)) return 'utf-8'
  let highBytes = 0
  for (const byte of bytes) if (byte >= 0x80) highBytes++
  const replaced = (new TextDecoder('utf-8').decode(bytes).match(/\uFFFD/g) ?? []).length
  return replaced * 2 >= highBytes ? 'windows-1252' : 'utf-8'
}
