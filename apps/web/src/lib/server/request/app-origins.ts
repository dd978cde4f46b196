import { isLoopbackHost, isWildcardHost } from '@policydesk/runtime'

export type AppOriginSettings = { appUrl?: string; port: number; host?: string }

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']

/**
 * The origins this app is served from, the only ones allowed to send it state-changing requests.
 * APP_URL, when set, is the one origin. Unset (npm start, npm run dev), the app is on this machine's port
 * PORT: http://localhost, 127.0.0.1 and [::1] are the same server under three names, so all three count —
 * or the named HOST when it binds to one. A server reached under any other name needs APP_URL.
 */
export function appOrigins(settings: AppOriginSettings): string[] {
  if (settings.appUrl) return [new URL(settings.appUrl).origin]
  const host = settings.host?.trim()
  const names =
    !host || isWildcardHost(host) || isLoopbackHost(host)
      ? LOOPBACK_NAMES
      : [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host]
  return names.map((name) => new URL(`http://${name}:${settings.port}`).origin)
}
