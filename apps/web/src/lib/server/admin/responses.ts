import 'server-only'

/** Refusals the admin query functions return, as HTTP answers people can read. */
const MESSAGES: Record<string, { status: number; error: string }> = {
  'not-found': { status: 404, error: 'Not found.' },
  'user-not-found': { status: 404, error: 'No such user.' },
  'group-not-found': { status: 404, error: 'No such group.' },
  'already-deleted': { status: 409, error: 'The document is already deleted.' },
  'not-failed': { status: 409, error: 'Only a failed version can be retried.' },
  purged: { status: 409, error: 'The original file was purged; upload it again instead.' },
  exists: { status: 409, error: 'A group with this name already exists.' },
  'last-admin': { status: 409, error: 'This is the last admin: make someone else admin first.' },
  'implicit-group': {
    status: 409,
    error: 'Everyone belongs to the everyone group implicitly; it cannot be renamed or joined.',
  },
}

export function refusal(reason: string, detail?: string): Response {
  const known = MESSAGES[reason] ?? { status: 400, error: 'The request was refused.' }
  return Response.json(
    { error: detail ? `${known.error} ${detail}` : known.error, reason },
    { status: known.status },
  )
}
