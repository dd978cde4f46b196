import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { auditLog, users } from '../schema'

/** The admin actions the console records (other areas add their own, e.g. `finetune.dataset.export`). */
export const ADMIN_AUDIT_ACTIONS = [
  'document.upload',
  'document.replace',
  'document.retry',
  'document.access',
  'document.delete',
  'document.purge',
  'document.applicability',
  'document.applicability.dismiss',
  'user.role',
  'user.attributes',
  'user.membership.add',
  'user.membership.remove',
  'group.create',
  'group.rename',
] as const
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number]

export type AuditEntry = {
  actorId: string | null
  action: string
  targetType: 'document' | 'document_version' | 'user' | 'group' | (string & {})
  targetId: string | null
  /** Enough to read the entry without joining: titles, names, before/after. Never file contents. */
  details?: Record<string, unknown>
}

/** Call with the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
  })
}

export type AuditFilters = {
  action?: string
  actorId?: string
  /** Inclusive lower bound. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
}

export type AuditListRow = {
  id: number
  action: string
  targetType: string
  targetId: string | null
  details: Record<string, unknown>
  createdAt: Date
  actorId: string | null
  actorName: string | null
  actorEmail: string | null
}

export function auditConditions(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = []
  if (filters.action) conditions.push(eq(auditLog.action, filters.action))
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId))
  if (filters.from) conditions.push(gte(auditLog.createdAt, filters.from))
  if (filters.to) conditions.push(lt(auditLog.createdAt, filters.to))
  return conditions.length > 0 ? and(...conditions) : undefined
}

/** Newest first, one page at a time, with the total for pagination. */
export async function listAuditLog(
  db: DbOrTx,
  input: AuditFilters & { limit: number; offset: number },
): Promise<{ rows: AuditListRow[]; total: number }> {
  const where = auditConditions(input)
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where)
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit)
    .offset(input.offset)
  return { rows, total: count?.n ?? 0 }
}

/** Every action that occurs in the log (for the filter), the console's own first. */
export async function listAuditActions(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog)
  const known: readonly string[] = ADMIN_AUDIT_ACTIONS
  const others = rows.map((r) => r.action).filter((a) => !known.includes(a))
  return [...ADMIN_AUDIT_ACTIONS, ...others.sort()]
}
