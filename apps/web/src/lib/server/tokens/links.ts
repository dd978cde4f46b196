import 'server-only'
import { ownOrigins } from '@/lib/server/request/same-origin-only'

/** An absolute link to a version's original file (the same access rule applies when it is opened). */
export function passageLink(p: { documentId: string; versionId: string; pageStart?: number | null }): string {
  const origin = ownOrigins()[0] ?? ''
  const page = p.pageStart ? `#page=${p.pageStart}` : ''
  return `${origin}/api/documents/${p.documentId}/original?version=${p.versionId}${page}`
}
