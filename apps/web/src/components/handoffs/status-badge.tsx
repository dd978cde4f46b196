import type { schema } from '@policydesk/db'
import { Badge } from '@/components/review/ui'
import { getTranslator } from '@/lib/server/i18n/server'
import type { Age } from '@/lib/shared/format'

const TONE: Record<schema.HandoffStatus, 'amber' | 'emerald' | 'slate'> = {
  open: 'amber',
  answered: 'emerald',
  closed: 'slate',
}

export async function HandoffStatusBadge({ status }: { status: schema.HandoffStatus }) {
  const t = await getTranslator()
  return <Badge tone={TONE[status]}>{t('handoffs.status', { status })}</Badge>
}

/** How long a question has been waiting ("3 h", "2 d" once phrased by the catalog's `common.duration`). */
export function age(since: Date, now = new Date()): Age {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000))
  if (minutes < 60) return { n: minutes, unit: 'min' }
  const hours = Math.round(minutes / 60)
  return hours < 48 ? { n: hours, unit: 'h' } : { n: Math.round(hours / 24), unit: 'd' }
}
