import { endSession } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  await endSession()
  const isForm = (request.headers.get('content-type') ?? '').includes('form')
  return isForm
    ? new Response(null, { status: 303, headers: { Location: '/sign-in' } })
    : new Response(null, { status: 204 })
}
