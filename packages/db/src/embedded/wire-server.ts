import net from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4])
/** Extended-protocol messages that only take effect together with the Sync that follows them. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C'])
/** Postgres' own limits (MAX_STARTUP_PACKET_LENGTH, PQ_LARGE_MESSAGE_LIMIT); a length field counts itself. */
const STARTUP_LENGTH = { min: 8, max: 10_000 }
const MESSAGE_LENGTH = { min: 4, max: 0x3fff_ffff }

/**
 * A Postgres wire-protocol server in front of ONE PGlite instance (one backend session for everyone).
 *
 * Why not @electric-sql/pglite-socket: it forwards each protocol message on its own, so one client's
 * Parse/Bind/Execute/Sync could interleave with another's (08P01 "bind message supplies N parameters"
 * under concurrent load), and a client killed mid-sequence left the shared session mid-protocol.
 * Here a client owns the session from its first message until PGlite reports ReadyForQuery with
 * status Idle: an extended-protocol sequence, a transaction or a COPY never interleaves with another
 * client. A client that disconnects while owning the session is cleaned up (Sync, then ROLLBACK).
 */
export class WireServer {
  private readonly server: net.Server
  /** A client, or an internal task (a backup) that needs the session idle. */
  private owner: object | null = null
  private readonly waiters: { client: object; resume: () => void }[] = []
  private readonly clients = new Set<Client>()

  constructor(
    private readonly db: PGlite,
    private readonly maxConnections = 100,
  ) {
    this.server = net.createServer((socket) => this.accept(socket))
  }

  /** Connected clients; the daemon exits after a while at zero. */
  get clientCount(): number {
    return this.clients.size
  }

  listen(port: number, host = '127.0.0.1'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, host, () => {
        this.server.off('error', reject)
        resolve()
      })
    })
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(socket: net.Socket): void {
    if (this.clients.size >= this.maxConnections) {
      socket.destroy()
      return
    }
    socket.setNoDelay(true)
    const client = new Client(socket, this)
    this.clients.add(client)
    socket.on('close', () => {
      this.clients.delete(client)
      void client.closed()
    })
    socket.on('error', () => socket.destroy())
  }

  /** Waits until `client` may use the session (it already may while it owns it). */
  async acquire(client: object): Promise<void> {
    if (this.owner === client) return
    if (this.owner === null && this.waiters.length === 0) {
      this.owner = client
      return
    }
    await new Promise<void>((resume) => this.waiters.push({ client, resume }))
  }

  release(client: object): void {
    if (this.owner !== client) return
    this.owner = null
    const next = this.waiters.shift()
    if (next) {
      this.owner = next.client
      next.resume()
    }
  }

  /**
   * Runs `task` while no client is inside a transaction or protocol sequence, and none can start one:
   * what a consistent copy of the data dir needs.
   */
  async withIdleSession<T>(task: () => Promise<T>): Promise<T> {
    const token = {}
    await this.acquire(token)
    try {
      return await task()
    } finally {
      this.release(token)
    }
  }

  ownedBy(client: Client): boolean {
    return this.owner === client
  }

  /** Runs protocol messages against the session; returns the raw response bytes. */
  async exec(messages: Uint8Array[]): Promise<Uint8Array[]> {
    return this.db.runExclusive(async () => {
      const out: Uint8Array[] = []
      for (const message of messages) out.push(await this.db.execProtocolRaw(message))
      return out
    })
  }

  /** Brings the shared session back to idle after its owner vanished mid-sequence or mid-transaction. */
  async resetSession(): Promise<void> {
    await this.exec([SYNC])
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK')
  }

  removeWaiter(client: object): void {
    const index = this.waiters.findIndex((w) => w.client === client)
    if (index !== -1) this.waiters.splice(index, 1)
  }
}

class Client {
  private buffer = Buffer.alloc(0)
  private started = false
  private pending: Uint8Array[] = []
  private chain: Promise<void> = Promise.resolve()
  private alive = true
  /** Set after a malformed length: nothing more from this socket is read. */
  private broken = false

  constructor(
    readonly socket: net.Socket,
    private readonly server: WireServer,
  ) {
    socket.on('data', (data: Buffer) => {
      if (this.broken) return
      this.buffer = Buffer.concat([this.buffer, data])
      this.drain()
    })
  }

  /**
   * A length field outside Postgres' limits: without this check a length of -1 (or anything below 4)
   * never consumes a byte and the loop spins forever, and a huge one buffers until memory runs out. The
   * client gets a FATAL 08P01 ErrorResponse and is disconnected; the others are unaffected (if it owned
   * the session, `closed()` resets it as for any vanished client).
   */
  private rejectLength(what: string, length: number): void {
    this.broken = true
    this.buffer = Buffer.alloc(0)
    this.pending = []
    if (this.socket.writable) this.socket.end(protocolError(`invalid ${what} length ${length}`))
    else this.socket.destroy()
  }

  /** Splits the buffer into messages and queues each complete unit (up to and including its Sync). */
  private drain(): void {
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return
        const length = this.buffer.readInt32BE(0)
        const code = this.buffer.readInt32BE(4)
        if (code === SSL_REQUEST) {
          this.buffer = this.buffer.subarray(8)
          this.socket.write('N')
          continue
        }
        if (code === CANCEL_REQUEST) {
          this.socket.destroy()
          return
        }
        if (length < STARTUP_LENGTH.min || length > STARTUP_LENGTH.max) {
          this.rejectLength('startup packet', length)
          return
        }
        if (this.buffer.length < length) return
        this.started = true
        this.enqueue([new Uint8Array(this.buffer.subarray(0, length))])
        this.buffer = this.buffer.subarray(length)
        continue
      }
      if (this.buffer.length < 5) return
      const declared = this.buffer.readInt32BE(1)
      if (declared < MESSAGE_LENGTH.min || declared > MESSAGE_LENGTH.max) {
        this.rejectLength('message', declared)
        return
      }
      const length = 1 + declared
      if (this.buffer.length < length) return
      const type = String.fromCharCode(this.buffer[0] ?? 0)
      const message = new Uint8Array(this.buffer.subarray(0, length))
      this.buffer = this.buffer.subarray(length)
      if (type === 'X') {
        this.socket.end()
        return
      }
      this.pending.push(message)
      if (!EXTENDED.has(type)) {
        this.enqueue(this.pending)
        this.pending = []
      }
    }
  }

  private enqueue(unit: Uint8Array[]): void {
    this.chain = this.chain
      .then(() => this.run(unit))
      .catch(() => {
        this.socket.destroy()
      })
  }

  private async run(unit: Uint8Array[]): Promise<void> {
    if (!this.alive) return
    await this.server.acquire(this)
    if (!this.alive) {
      // Disconnected while waiting: hand the session on without touching it.
      this.server.release(this)
      return
    }
    const responses = await this.server.exec(unit)
    for (const response of responses)
      if (response.length > 0 && this.socket.writable) this.socket.write(response)
    const status = lastReadyStatus(responses)
    // Keep the session while a transaction is open ('T'/'E') or the sequence is not finished (no 'Z').
    if (status === 'I') this.server.release(this)
  }

  async closed(): Promise<void> {
    this.alive = false
    this.server.removeWaiter(this)
    await this.chain
    if (this.server.ownedBy(this)) {
      await this.server.resetSession().catch(() => {})
      this.server.release(this)
    }
  }
}

/** A FATAL ErrorResponse with SQLSTATE 08P01 (protocol_violation), as Postgres sends before hanging up. */
function protocolError(message: string): Buffer {
  const fields = Buffer.concat(
    [`SFATAL`, `VFATAL`, `C08P01`, `M${message}`].map((f) => Buffer.from(`${f}\0`, 'utf8')),
  )
  const header = Buffer.alloc(5)
  header.write('E', 0, 'ascii')
  header.writeInt32BE(4 + fields.length + 1, 1)
  return Buffer.concat([header, fields, Buffer.from([0])])
}

/** The transaction status of the last ReadyForQuery ('Z') message in a response, if any. */
function lastReadyStatus(responses: Uint8Array[]): string | null {
  let status: string | null = null
  for (const bytes of responses) {
    let offset = 0
    while (offset + 5 <= bytes.length) {
      const type = bytes[offset]
      const length =
        ((bytes[offset + 1] ?? 0) << 24) |
        ((bytes[offset + 2] ?? 0) << 16) |
        ((bytes[offset + 3] ?? 0) << 8) |
        (bytes[offset + 4] ?? 0)
      if (type === 0x5a && length === 5) status = String.fromCharCode(bytes[offset + 5] ?? 0)
      offset += 1 + length
    }
  }
  return status
}
