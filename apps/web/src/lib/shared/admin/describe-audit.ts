/** One audit entry as a sentence for people, from its action and details (pure; unit-tested). */

type Entry = { action: string; targetType: string; targetId: string | null; details: Record<string, unknown> }

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).join(', ') : text(value))
const quoted = (value: unknown) => (text(value) ? `“${text(value)}”` : 'a document')

export function describeAuditEntry(entry: Entry): string {
  const d = entry.details
  switch (entry.action) {
    case 'document.upload':
      return `Uploaded ${quoted(d.title)} (${text(d.fileName)}, v${text(d.versionNo)})${d.groups ? ` for ${list(d.groups)}` : ''}`
    case 'document.replace':
      return `Uploaded version ${text(d.versionNo)} of ${quoted(d.title)} (${text(d.fileName)})`
    case 'document.retry':
      return `Retried version ${text(d.versionNo)} of ${quoted(d.title)}`
    case 'document.access': {
      const change = `Changed who may read ${quoted(d.title)}: ${list(d.before) || 'nobody'} → ${list(d.after) || 'nobody'}`
      const via = d.via === 'cli' ? ' (command line)' : d.via === 'seed' ? ' (demo seed)' : ''
      // A replace that widens access: the additions wait for the new version (replace-access.ts).
      const waits = `${list(d.pending)} once version ${text(d.pendingVersionNo)} is ready`
      if (d.pending && list(d.before) === list(d.after))
        return `Asked that ${quoted(d.title)} be readable by ${waits}${via}`
      if (d.pending) return `${change}${via}; ${waits}`
      if (d.appliedWithVersionNo) return `${change} with version ${text(d.appliedWithVersionNo)}`
      return `${change}${via}`
    }
    case 'document.delete':
      return `Deleted ${quoted(d.title)}`
    case 'document.purge':
      return `Purged ${quoted(d.title)}`
    case 'user.role':
      return `Changed the role of ${text(d.email)}: ${text(d.before)} → ${text(d.after)}`
    case 'user.membership.add':
      return `Added ${text(d.email)} to ${text(d.group)}`
    case 'user.membership.remove':
      return `Removed ${text(d.email)} from ${text(d.group)}`
    case 'group.create':
      return `Created the group ${text(d.name)}`
    case 'token.create':
      return `Created the ${text(d.kind)} API token ${quoted(d.name)} (${list(d.scopes)}, ${text(d.days)} days)`
    case 'token.revoke':
      return `Revoked the API token ${quoted(d.name)}`
    case 'group.rename':
      return `Renamed the group ${text(d.before)} → ${text(d.after)}`
    default: {
      const summary = JSON.stringify(d)
      const target = `${entry.targetType}${entry.targetId ? ` ${entry.targetId.slice(0, 8)}` : ''}`
      return summary === '{}'
        ? target
        : `${target}: ${summary.length > 160 ? `${summary.slice(0, 157)}…` : summary}`
    }
  }
}

/** Where an entry's target can be looked at in the console, if anywhere. */
export function auditTargetHref(entry: Entry): string | null {
  if (!entry.targetId) return null
  if (entry.targetType === 'document') return `/admin/documents/${entry.targetId}`
  const documentId = entry.details.documentId
  if (entry.targetType === 'document_version' && typeof documentId === 'string')
    return `/admin/documents/${documentId}`
  return null
}
