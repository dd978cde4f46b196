import 'server-only'
import { webEnv } from '@/lib/server/env'
import { appOrigins } from '@/lib/server/request/app-origins'
import { checkRequestOrigin } from '@/lib/server/request/origin-check'
import { isCookielessBearerRequest } from '@/lib/shared/auth/bearer'

let cachedOrigins: string[] | undefined

/** This deployment's own origins (APP_URL, or the local defaults), computed once. */
export function ownOrigins(): string[] {
  if (!cachedOrigins) {
    const env = webEnv()
    cachedOrigins = appOrigins({ appUrl: env.APP_URL, port: env.PORT, host: env.HOST })
  }
  return cachedOrigins
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response

/**
 * Every state-changing route handler (POST, PUT, PATCH, DELETE under app/api) is wrapped in this, and
 * app/api/state-changing-routes.test.ts fails for one that is not. It runs before authentication and before
 * the body is read, so a forged request changes nothing and costs nothing. (Why not Next.js `proxy.ts`: a
 * proxy makes Next buffer every request body before the route runs, up to `proxyClientMaxBodySize`, then
 * hands the route a silently truncated body — which would defeat the streaming body limits. docs/security.md)
 * An API-token request without any cookie is not checked: it carries no ambient credential to forge with
 * (auth/bearer.ts says why); the route still authenticates the token.
 */
export function sameOriginOnly<C>(handler: Handler<C>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    if (isCookielessBearerRequest(request.headers)) return handler(request, context)
    const verdict = checkRequestOrigin(
      {
        method: request.method,
        origin: request.headers.get('origin'),
        secFetchSite: request.headers.get('sec-fetch-site'),
      },
      ownOrigins(),
    )
    if (!verdict.allowed) {
      return Response.json(
        {
          error: `Cross-site request refused: ${verdict.reason}. This app accepts changes from ${ownOrigins().join(', ')} (set APP_URL to the address people open).`,
        },
        { status: 403 },
      )
    }
    return handler(request, context)
  }
}
