import busboy from 'busboy'
import { declaredLength } from '@/lib/server/request/read-body'
import { formatBytes } from '@/lib/shared/format'

export type UploadedFile = { name: string; type: string; bytes: Buffer }
export type MultipartBody = { files: UploadedFile[]; fields: [name: string, value: string][] }
export type MultipartLimits = { maxFileBytes: number; maxRequestBytes: number; maxFiles: number }
export type MultipartResult =
  | { ok: true; body: MultipartBody }
  | { ok: false; status: 400 | 413 | 415; error: string }

const MAX_FIELDS = 100
const MAX_FIELD_BYTES = 64 * 1024

/**
 * A multipart/form-data body, parsed while it streams in (busboy), with every limit enforced as the bytes
 * arrive: the whole request (UPLOAD_REQUEST_LIMIT_MB, chunked bodies included), each file (INGEST_MAX_MB),
 * the number of files and fields. The first limit crossed stops reading: the rest of the body is never
 * read, and the caller answers 413 (or 400 for a malformed body) at once.
 */
export async function readMultipart(request: Request, limits: MultipartLimits): Promise<MultipartResult> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    return { ok: false, status: 415, error: 'Send the files as multipart/form-data.' }
  }
  const tooLarge = (error: string): MultipartResult => ({ ok: false, status: 413, error })
  const requestCap = `The request is larger than ${formatBytes(limits.maxRequestBytes)}: send fewer files per request.`
  const declared = declaredLength(request.headers)
  if (declared !== null && declared > limits.maxRequestBytes) return tooLarge(requestCap)
  if (!request.body) return { ok: false, status: 400, error: 'The multipart body is empty.' }

  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send UTF-8 file names; busboy's default would read them as Latin-1.
      defParamCharset: 'utf8',
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: limits.maxFiles + MAX_FIELDS,
      },
    })
  } catch (error) {
    return { ok: false, status: 400, error: `The multipart body could not be read: ${String(error)}` }
  }

  const body: MultipartBody = { files: [], fields: [] }
  // Set from parser callbacks; an object so the reads below are not narrowed to the initial null.
  const state: { failure: MultipartResult | null } = { failure: null }
  const fail = (result: MultipartResult) => {
    state.failure ??= result
  }
  parser.on('file', (name, stream, info) => {
    const chunks: Buffer[] = []
    // A malformed or abandoned body also errors the open file stream; the parser's 'error' reports it.
    stream.on('error', () => {})
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('limit', () =>
      fail(tooLarge(`${info.filename || name} is larger than ${formatBytes(limits.maxFileBytes)}.`)),
    )
    stream.on('end', () => {
      if (stream.truncated) return
      body.files.push({ name: info.filename ?? '', type: info.mimeType, bytes: Buffer.concat(chunks) })
    })
  })
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) {
      fail({
        ok: false,
        status: 400,
        error: `The field ${name} is longer than ${formatBytes(MAX_FIELD_BYTES)}.`,
      })
    }
    body.fields.push([name, value])
  })
  parser.on('filesLimit', () => fail(tooLarge(`At most ${limits.maxFiles} files per request.`)))
  parser.on('fieldsLimit', () =>
    fail({ ok: false, status: 400, error: `At most ${MAX_FIELDS} fields per request.` }),
  )
  parser.on('partsLimit', () =>
    fail({ ok: false, status: 400, error: 'Too many parts in the multipart body.' }),
  )
  const settled = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      fail({ ok: false, status: 400, error: `The multipart body could not be read: ${errorText(error)}` })
      resolve()
    })
    parser.on('close', resolve)
  })

  const reader = request.body.getReader()
  let total = 0
  for (;;) {
    if (state.failure) break
    const { done, value } = await reader.read()
    if (done) {
      parser.end()
      break
    }
    total += value.byteLength
    if (total > limits.maxRequestBytes) {
      fail(tooLarge(requestCap))
      break
    }
    if (!parser.write(value)) await drained(parser)
  }
  if (state.failure) {
    // Stop here: neither the parser nor the connection reads any further (see read-body.ts).
    reader.releaseLock()
    parser.destroy()
    return state.failure
  }
  await settled
  return state.failure ?? { ok: true, body }
}

/** Resolves when the parser wants more, or will never want more (error, close). */
function drained(parser: busboy.Busboy): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done)
      parser.off('error', done)
      parser.off('close', done)
      resolve()
    }
    parser.on('drain', done)
    parser.on('error', done)
    parser.on('close', done)
  })
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))
