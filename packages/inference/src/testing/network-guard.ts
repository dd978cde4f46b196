import net from 'node:net'

export type NetworkGuard = {
  /** Every non-loopback destination something tried to reach ("fetch https://…", "tcp host:port"). */
  blocked: string[]
  restore: () => void
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')

type ConnectOptions = { host?: unknown; port?: unknown; path?: unknown }

function destination(args: unknown[]): string | null {
  const first = args[0]
  // Node passes already-normalised arguments as an array: [options, callback].
  const options = (Array.isArray(first) ? first[0] : first) as ConnectOptions | number | string | undefined
  if (typeof options === 'number') {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost'
    return isLoopback(host) ? null : `tcp ${host}:${options}`
  }
  if (typeof options === 'string') return null // IPC path
  if (!options || typeof options !== 'object') return null
  if (typeof options.path === 'string') return null
  const host = typeof options.host === 'string' ? options.host : 'localhost'
  return isLoopback(host) ? null : `tcp ${host}:${String(options.port)}`
}

/**
 * Makes "nothing may need the internet" checkable: while installed, any fetch to a non-loopback URL and any
 * TCP connection to a non-loopback host fails at once (instead of hanging on DNS or a firewall) and is
 * recorded, so a test can assert that `blocked` stayed empty.
 */
export function installNetworkGuard(): NetworkGuard {
  const blocked: string[] = []
  const originalFetch = globalThis.fetch
  const originalConnect = net.Socket.prototype.connect

  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (!isLoopback(url.hostname)) {
      blocked.push(`fetch ${url.href}`)
      throw new TypeError(`network guard: blocked fetch to ${url.href} (tests must not need the internet)`)
    }
    return originalFetch(input, init)
  }

  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = destination(args)
    if (target) {
      blocked.push(target)
      process.nextTick(() => this.destroy(new Error(`network guard: blocked ${target}`)))
      return this
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof net.Socket.prototype.connect

  return {
    blocked,
    restore: () => {
      globalThis.fetch = originalFetch
      net.Socket.prototype.connect = originalConnect
    },
  }
}
