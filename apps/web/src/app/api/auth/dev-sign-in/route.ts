import { z } from 'zod'
import { signInAsUser } from '@/lib/auth/dev'
import { safeReturnTo } from '@/lib/auth/return-to'
import { parseValue } from '@/lib/http'

export const dynamic = 'force-dynamic'

const signInSchema = z.object({ email: z.email(), returnTo: z.string().optional() })

/**
 * Dev sign-in as a seeded user. An HTML form gets a 303 redirect into the app; a JSON client (the load
 * benchmark, tests) gets JSON and the session cookie.
 */
export async function POST(request: Request) {
  const isForm = (request.headers.get('content-type') ?? '').includes('form')
  const raw: unknown = isForm
    ? Object.fromEntries(await request.formData())
    : await request.json().catch(() => ({}))
  const input = parseValue(raw, signInSchema)
  if (!input.ok) return input.response
  const result = await signInAsUser(input.data.email)
  if (!result.ok) {
    if (isForm) return redirectTo(`/sign-in?error=${encodeURIComponent(result.error)}`)
    return Response.json({ error: result.error }, { status: result.status })
  }
  if (isForm) return redirectTo(safeReturnTo(input.data.returnTo))
  return Response.json({ userId: result.userId })
}

/** Relative Location: correct behind any proxy, whatever host the server thinks it has. */
const redirectTo = (path: string) => new Response(null, { status: 303, headers: { Location: path } })
