import type { schema } from '@policydesk/db'
import { Badge } from '@/components/review/ui'
import { getTranslator } from '@/lib/server/i18n/server'

const TONE: Record<schema.HandoffStatus, 'amber' | 'emerald' | 'slate'> = {
  open: 'amber',
  answered: 'emerald',
  closed: 'slate',
}

export async function HandoffStatusBadge({ status }: { status: schema.HandoffStatus }) {
  const t = await getTranslator()
  return <Badge tone={TONE[status]}>{t('handoffs.status', { status })}</Badge>
}

/** "3 h", "2 d": how long a question has been waiting. */
export function age(since: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`
}
