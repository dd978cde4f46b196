import type { UntrustedReason, UntrustedSpan } from '@policydesk/text/untrusted'
import type { ReactNode } from 'react'

/**
 * Document text with the sentences the untrusted-text detector flagged (addressed to an AI, overriding
 * instructions) marked: highlighted with their reason for admins, struck out for employees, who must never
 * read them as policy. No hooks, so server and client components share it: callers pass the catalog's
 * strings (`untrusted.*`), from `getTranslator` or `useTranslations`.
 */

/** The reason labels of the catalog's `untrusted.reasons`, keyed by the detector's reasons. */
export type UntrustedReasonLabels = Record<UntrustedReason, string>

/** The catalog keys of each reason (`untrusted.reasons.<key>`): catalog keys are camelCase. */
export const UNTRUSTED_REASON_KEYS = {
  override: 'override',
  'addressed-to-ai': 'addressedToAi',
  persona: 'persona',
  'output-directive': 'outputDirective',
  'prompt-disclosure': 'promptDisclosure',
  concealment: 'concealment',
} as const satisfies Record<UntrustedReason, string>

/** All reason labels from a translator scoped to `untrusted.reasons` (or any function of those keys). */
export function untrustedReasonLabels(
  label: (key: (typeof UNTRUSTED_REASON_KEYS)[UntrustedReason]) => string,
): UntrustedReasonLabels {
  const entries = Object.entries(UNTRUSTED_REASON_KEYS) as [
    UntrustedReason,
    (typeof UNTRUSTED_REASON_KEYS)[UntrustedReason],
  ][]
  return Object.fromEntries(entries.map(([reason, key]) => [reason, label(key)])) as UntrustedReasonLabels
}

type Segment = { text: string; span?: UntrustedSpan }

/** Text cut at the spans (sorted, clamped to the text, overlaps dropped). */
export function splitAtSpans(text: string, spans: readonly UntrustedSpan[]): Segment[] {
  const segments: Segment[] = []
  let last = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, last)
    const end = Math.min(span.end, text.length)
    if (end <= start) continue
    if (start > last) segments.push({ text: text.slice(last, start) })
    segments.push({ text: text.slice(start, end), span })
    last = end
  }
  if (last < text.length) segments.push({ text: text.slice(last) })
  return segments
}

/** For admins: "Addressed to an AI · 2" (`label`) next to a chunk or passage that has flagged sentences. */
export function UntrustedBadge({ count, label, title }: { count: number; label: string; title: string }) {
  if (count === 0) return null
  return (
    <span
      className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
      data-testid="untrusted-badge"
      title={title}
    >
      {label}
    </span>
  )
}

/** For admins: each flagged sentence highlighted, its reason after it. */
export function FlaggedText({
  text,
  spans,
  reasonLabels,
}: {
  text: string
  spans: readonly UntrustedSpan[]
  reasonLabels: UntrustedReasonLabels
}) {
  return (
    <>
      {splitAtSpans(text, spans).map((segment, i) =>
        segment.span ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i}>
            <mark
              className="rounded-sm bg-amber-100 px-0.5 text-amber-950 ring-1 ring-amber-300"
              data-testid="untrusted-sentence"
            >
              {segment.text}
            </mark>{' '}
            <span className="text-[11px] font-medium text-amber-800" data-testid="untrusted-reason">
              [{reasonLabels[segment.span.reason]}]
            </span>
          </span>
        ) : (
          segment.text
        ),
      )}
    </>
  )
}

/**
 * For employees: flagged sentences struck through and greyed with `omittedLabel` ("(omitted: addressed to
 * an AI assistant)");
 * `renderText` renders the ordinary parts (the citation panel highlights its quote there).
 */
export function OmittedText({
  text,
  spans,
  omittedLabel,
  renderText = (part) => part,
}: {
  text: string
  spans: readonly UntrustedSpan[]
  omittedLabel: string
  renderText?: (part: string) => ReactNode
}) {
  return (
    <>
      {splitAtSpans(text, spans).map((segment, i) =>
        segment.span ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i} data-testid="omitted-sentence">
            <s className="text-slate-400">{segment.text}</s>{' '}
            <span className="text-xs text-slate-500 italic">{omittedLabel}</span>
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i}>{renderText(segment.text)}</span>
        ),
      )}
    </>
  )
}
