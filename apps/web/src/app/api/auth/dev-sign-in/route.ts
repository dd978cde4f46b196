import type { z } from 'zod'
import { signInAsUser } from '@/lib/server/auth/dev'
import { type Parsed, parseJsonBody, parseValue, tooLarge } from '@/lib/server/http'
import { takeClientRateLimit } from '@/lib/server/rate-limit/rate-limiters'
import { readBodyCapped } from '@/lib/server/request/read-body'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'
import { safeReturnTo } from '@/lib/shared/auth/return-to'
import { signInSchema } from './schema'

export const dynamic = 'force-dynamic'

type SignIn = z.infer<typeof signInSchema>

const FORM_LIMIT_BYTES = 8 * 1024

/**
 * Dev sign-in as a seeded user. An HTML form (urlencoded) gets a 303 redirect into the app; a JSON client
 * (the load benchmark, tests) gets JSON and the session cookie. Rate-limited per client address.
 */
export const POST = sameOriginOnly(async (request: Request) => {
  const limit = await takeClientRateLimit('sign-in', request)
  if (!limit.ok) return limit.response
  const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(
    request.headers.get('content-type') ?? '',
  )
  const input = isForm ? await readSignInForm(request) : await parseJsonBody(request, signInSchema)
  if (!input.ok) return input.response
  const result = await signInAsUser(input.data.email)
  if (!result.ok) {
    if (isForm) return redirectTo(`/sign-in?error=${encodeURIComponent(result.error)}`)
    return Response.json({ error: result.error }, { status: result.status })
  }
  if (isForm) return redirectTo(safeReturnTo(input.data.returnTo))
  return Response.json({ userId: result.userId })
})

async function readSignInForm(request: Request): Promise<Parsed<SignIn>> {
  const body = await readBodyCapped(request, FORM_LIMIT_BYTES)
  if (!body.ok) return { ok: false, response: tooLarge('The sign-in form is too large.') }
  const fields = new URLSearchParams(new TextDecoder().decode(body.bytes))
  return parseValue(Object.fromEntries(fields), signInSchema)
}

/** Relative Location: correct behind any proxy, whatever host the server thinks it has. */
const redirectTo = (path: string) => new Response(null, { status: 303, headers: { Location: path } })
