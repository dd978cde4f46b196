import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readServiceState, sleep } from '@policydesk/runtime'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Malformed length fields against the real daemon in its own process: the old server spun forever on a
 * length of -1, which would have frozen this test process too had the server run in it.
 */
const daemonMain = path.join(path.dirname(fileURLToPath(import.meta.url)), 'daemon-main.ts')
let dataDir: string
let daemon: ChildProcess
const server = { port: 0, url: '' }

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'policydesk-wire-'))
  daemon = spawn(process.execPath, ['--import', 'tsx', daemonMain], {
    env: { ...process.env, POLICYDESK_DATA_DIR: dataDir, POLICYDESK_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  })
  const deadline = Date.now() + 60_000
  for (;;) {
    const state = readServiceState(path.join(dataDir, 'pg.json'))
    if (state?.port) {
      server.port = state.port
      server.url = `postgres://postgres:postgres@127.0.0.1:${state.port}/postgres`
      return
    }
    if (Date.now() > deadline || daemon.exitCode !== null)
      throw new Error('the database daemon did not start')
    await sleep(100)
  }
}, 70_000)
afterAll(async () => {
  if (daemon && daemon.exitCode === null) {
    const exited = new Promise((resolve) => daemon.once('exit', resolve))
    daemon.kill('SIGTERM')
    // A daemon stuck in a busy loop never runs its SIGTERM handler.
    const timer = setTimeout(() => daemon.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** A client speaking the wire protocol by hand, so it can send what `pg` never would. */
class RawClient {
  private received = Buffer.alloc(0)
  readonly closed: Promise<void>

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.received = Buffer.concat([this.received, data])
    })
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()))
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = net.connect(port, '127.0.0.1')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    socket.on('error', () => {})
    return new RawClient(socket)
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes)
  }

  /** Startup packet (protocol 3.0, user postgres) and wait for the first ReadyForQuery. */
  async startUp(): Promise<void> {
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0')
    const packet = Buffer.alloc(8)
    packet.writeInt32BE(8 + params.length, 0)
    packet.writeInt32BE(196608, 4)
    this.send(Buffer.concat([packet, params]))
    await this.waitFor((bytes) => bytes.includes(Buffer.from([0x5a, 0, 0, 0, 5])), 'ReadyForQuery')
  }

  /** A simple-protocol Query message; resolves once its ReadyForQuery arrived. */
  async query(text: string): Promise<void> {
    const body = Buffer.from(`${text}\0`)
    const header = Buffer.alloc(5)
    header.write('Q', 0, 'ascii')
    header.writeInt32BE(4 + body.length, 1)
    const before = this.received.length
    this.send(Buffer.concat([header, body]))
    await this.waitFor(
      (bytes) => bytes.subarray(before).includes(Buffer.from([0x5a, 0, 0, 0, 5])),
      `the reply to ${text}`,
    )
  }

  /** Everything the server sent since connecting, as text (message bodies are mostly ASCII). */
  text(): string {
    return this.received.toString('latin1')
  }

  private async waitFor(done: (bytes: Buffer) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000
    while (!done(this.received)) {
      if (Date.now() > deadline) throw new Error(`no ${what} from the server`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

/** A message header of `type` whose length field says `length`, followed by a few bytes of body. */
const malformed = (type: string, length: number) => {
  const bytes = Buffer.alloc(9)
  bytes.write(type, 0, 'ascii')
  bytes.writeInt32BE(length, 1)
  return bytes
}

/** Resolves with true if `promise` settles within `ms`. */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))])

describe('embedded wire server: malformed lengths', () => {
  it.each([
    ['-1', -1],
    ['0', 0],
    ['3 (shorter than the length field)', 3],
    ['2 GiB', 0x7fff_ffff],
  ])(
    'a message length of %s closes that connection with 08P01; other clients keep working',
    async (_, length) => {
      const connected = new pg.Client({ connectionString: server.url })
      await connected.connect()
      const bad = await RawClient.connect(server.port)
      await bad.startUp()
      bad.send(malformed('Q', length))
      expect(await within(bad.closed, 5_000)).toBe(true)
      expect(bad.text()).toContain('C08P01')
      expect(bad.text()).toContain(`invalid message length ${length}`)

      // The server did not spin on the bad buffer: a client connected before, and a new one, are served.
      expect((await connected.query('select 41 + 1 as v')).rows[0].v).toBe(42)
      const fresh = new pg.Client({ connectionString: server.url })
      await fresh.connect()
      expect((await fresh.query('select 1 as v')).rows[0].v).toBe(1)
      await fresh.end()
      await connected.end()
    },
  )

  it.each([
    ['-1', -1],
    ['4', 4],
    ['1 MB', 1_000_000],
  ])('a startup packet length of %s is refused the same way', async (_, length) => {
    const bad = await RawClient.connect(server.port)
    const packet = Buffer.alloc(8)
    packet.writeInt32BE(length, 0)
    packet.writeInt32BE(196608, 4)
    bad.send(packet)
    expect(await within(bad.closed, 5_000)).toBe(true)
    expect(bad.text()).toContain(`invalid startup packet length ${length}`)
  })

  it('a client that sends a bad length inside its transaction has the transaction rolled back', async () => {
    const setup = new pg.Client({ connectionString: server.url })
    await setup.connect()
    await setup.query('create table if not exists wire_bad (n int)')
    const bad = await RawClient.connect(server.port)
    await bad.startUp()
    await bad.query('begin')
    await bad.query('insert into wire_bad values (1)')
    // Another client waits for the open transaction…
    const other = setup.query('select count(*)::int as n from wire_bad')
    // …which ends when its owner breaks the protocol.
    bad.send(malformed('Q', -1))
    expect(await within(bad.closed, 5_000)).toBe(true)
    expect((await other).rows[0].n).toBe(0)
    await setup.end()
  })
})
