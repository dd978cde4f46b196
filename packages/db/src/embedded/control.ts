import { renameSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { dataDir, errorMessage } from '@policydesk/runtime'
import { z } from 'zod'

/**
 * A local control channel to the embedded database daemon: a Unix socket inside the data dir (whoever may
 * read the data dir may already copy the database, so file permissions are the access rule). One JSON
 * line in, one JSON line out. Used for online backups and for stopping an idle daemon before a restore.
 */
export const controlSocketPath = () => path.join(dataDir(), 'pg-control.sock')

const requestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('backup'), file: z.string().min(1) }),
  z.object({ op: z.literal('stop') }),
])
export type ControlRequest = z.infer<typeof requestSchema>
export type ControlResponse = { ok: true; bytes?: number } | { ok: false; error: string }

export type ControlHandlers = {
  snapshot: () => Promise<Uint8Array>
  clientCount: () => number
  stop: () => void
}

export async function startControlServer(socketPath: string, handlers: ControlHandlers): Promise<net.Server> {
  rmSync(socketPath, { force: true })
  const server = net.createServer((socket) => {
    let buffer = ''
    socket.on('error', () => socket.destroy())
    socket.on('data', (data) => {
      buffer += data.toString()
      const newline = buffer.indexOf('\n')
      if (newline === -1) return
      void handle(buffer.slice(0, newline), handlers).then((response) => {
        socket.end(`${JSON.stringify(response)}\n`)
        if (response.ok && buffer.startsWith('{"op":"stop"')) handlers.stop()
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => resolve())
  })
  return server
}

async function handle(line: string, handlers: ControlHandlers): Promise<ControlResponse> {
  let request: ControlRequest
  try {
    request = requestSchema.parse(JSON.parse(line))
  } catch (error) {
    return { ok: false, error: `bad request: ${errorMessage(error)}` }
  }
  if (request.op === 'stop') {
    // The caller's own control connection is not a database client.
    const clients = handlers.clientCount()
    return clients === 0 ? { ok: true } : { ok: false, error: `${clients} client(s) are connected` }
  }
  try {
    const bytes = await handlers.snapshot()
    // Written next to the target, then renamed: a crash never leaves a half-written backup under its name.
    const partial = `${request.file}.partial-${process.pid}`
    writeFileSync(partial, bytes, { mode: 0o600 })
    renameSync(partial, request.file)
    return { ok: true, bytes: bytes.length }
  } catch (error) {
    return { ok: false, error: errorMessage(error) }
  }
}

/** Sends one request to the daemon of this data dir and waits for its answer. */
export function controlRequest(request: ControlRequest, timeoutMs = 600_000): Promise<ControlResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath())
    let buffer = ''
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('the embedded database did not answer in time'))
    }, timeoutMs)
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`))
    socket.on('data', (data) => {
      buffer += data.toString()
    })
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('close', () => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(buffer) as ControlResponse)
      } catch {
        reject(new Error('the embedded database closed the control connection without an answer'))
      }
    })
  })
}
