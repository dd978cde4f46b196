import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { UserFacingError } from '@policydesk/runtime'
import { z } from 'zod'
import { readCliEnv } from '../env'

/**
 * A remote Policy Desk the CLI acts on (`policydesk login --url --token`): its base URL and an API token.
 * Kept in the user's config directory, readable by the owner only; the token is the credential.
 */
const remoteSchema = z.object({ url: z.url({ protocol: /^https?$/ }), token: z.string().startsWith('pd_') })
export type Remote = z.infer<typeof remoteSchema>

const configDir = () =>
  path.join(readCliEnv().XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'policydesk')
export const remoteFile = () => path.join(configDir(), 'remote.json')

/** The saved remote, or null when the CLI works on this machine's database. */
export function readRemote(): Remote | null {
  let raw: string
  try {
    raw = readFileSync(remoteFile(), 'utf8')
  } catch {
    return null
  }
  const parsed = remoteSchema.safeParse(JSON.parse(raw))
  if (!parsed.success)
    throw new UserFacingError(`${remoteFile()} is not a valid login: run policydesk login again`)
  return parsed.data
}

export function saveRemote(remote: Remote): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 })
  writeFileSync(remoteFile(), `${JSON.stringify(remote)}\n`, { mode: 0o600 })
  chmodSync(remoteFile(), 0o600)
}

export function clearRemote(): boolean {
  const existed = readRemoteSafely() !== null
  rmSync(remoteFile(), { force: true })
  return existed
}

const readRemoteSafely = () => {
  try {
    return readRemote()
  } catch {
    return null
  }
}

const errorBody = z.object({ error: z.string() })

/** A request to the remote API with the token; a non-2xx answer becomes one readable CLI error. */
export async function remoteFetch(
  remote: Remote,
  pathname: string,
  init: RequestInit = {},
): Promise<Response> {
  const url = new URL(pathname, remote.url)
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${remote.token}` },
      signal: init.signal ?? AbortSignal.timeout(120_000),
    })
  } catch (error) {
    throw new UserFacingError(
      `cannot reach ${remote.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    )
  }
  if (response.ok) return response
  const text = await response.text()
  const parsed = errorBody.safeParse(safeJson(text))
  const reason = parsed.success ? parsed.data.error : text.slice(0, 200) || response.statusText
  const hint =
    response.status === 401 ? ' (the token is wrong, expired or revoked: run policydesk login again)' : ''
  throw new UserFacingError(`${remote.url} answered ${response.status}: ${reason}${hint}`)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Server-sent events of a response body, one `{ event, data }` per event (data parsed as JSON). */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: unknown }> {
  let buffer = ''
  for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
    buffer += chunk
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n')
      yield { event, data: safeJson(data) }
    }
  }
}
