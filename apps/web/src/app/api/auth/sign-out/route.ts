import { endSession } from '@/lib/server/auth/session'
import { sameOriginOnly } from '@/lib/server/request/same-origin-only'

export const dynamic = 'force-dynamic'

export const POST = sameOriginOnly(async (request: Request) => {
  await endSession()
  const isForm = (request.headers.get('content-type') ?? '').includes('form')
  return isForm
    ? new Response(null, { status: 303, headers: { Location: '/sign-in' } })
    : new Response(null, { status: 204 })
})
