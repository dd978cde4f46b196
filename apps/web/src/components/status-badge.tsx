const styles: Record<string, string> = {
  ready: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
  processing: 'bg-amber-100 text-amber-800',
  queued: 'bg-slate-200 text-slate-700',
}

export function StatusBadge({ status, stage }: { status: string | null; stage?: string | null }) {
  const label = status === 'processing' && stage ? stage : (status ?? 'no version')
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${styles[status ?? ''] ?? styles.queued}`}
    >
      {label}
    </span>
  )
}
