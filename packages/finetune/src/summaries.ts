import type { FineTuneJobRow } from '@policydesk/db'
import type { DatasetStats } from './dataset/build-dataset'
import type { RankerReport } from './ranker/train'

/** Human-readable lines for the CLI (and logs): one place decides how results read. */

export function summariseDataset(
  id: string,
  name: string,
  files: { train: string; validation: string | null },
  s: DatasetStats,
): string[] {
  const dropped = Object.entries(s.dropped).map(([why, n]) => `${why} ${n}`)
  const pii = Object.entries(s.pii).map(([kind, n]) => `${kind} ${n}`)
  const rows: [string, string | number][] = [
    ['dataset', `${name} (${id})`],
    ['examples', `${s.examples} (${s.train} train / ${s.validation} validation) of ${s.considered} reviewed`],
    [
      'labels',
      `${s.labels.approved} approved (${s.labels.abstentions} abstentions), ${s.labels.corrected} corrected`,
    ],
    ['tokens', `${s.tokens.total} total, mean ${s.tokens.mean}, max ${s.tokens.max}`],
    ['documents covered', s.documents.covered],
    ['distractors', `${s.distractors.perExample} per example (${s.distractors.total} total)`],
    ['PII replaced', pii.join(', ')],
    ['dropped', dropped.length ? dropped.join(', ') : 'none'],
    ['training file', files.train],
    ['validation file', files.validation ?? '(none)'],
  ]
  return rows.map(([label, value]) => `${label.padEnd(18)} ${value}`)
}

export function summariseJob(job: FineTuneJobRow): string[] {
  return [
    `job ${job.id}  provider job ${job.externalJobId ?? '-'}  ${job.baseModel}  status: ${job.status}`,
    ...job.events.slice(-8).map((e) => `  ${e.at}  ${e.message}`),
    ...(job.error ? [`error: ${job.error}`] : []),
    ...(job.resultModel
      ? [
          `Fine-tuned model: ${job.resultModel}`,
          `Use it for answers: LLM_MODEL=${job.resultModel} (same LLM_BASE_URL)`,
        ]
      : []),
  ]
}

export function summariseRanker(r: RankerReport): string[] {
  const h = r.heldOut
  const lines = [
    `Trained on ${r.examples.train} passages of ${r.traces.train} answers (${r.examples.positives} relevant, ${r.examples.negatives} irrelevant, ${r.examples.weakNegatives} weak negatives); ${r.traces.heldOut} answers held out.`,
    `Held-out AUC ${h.auc ?? '-'} (strong labels ${h.aucStrongLabels ?? '-'}), accuracy ${h.accuracy ?? '-'}`,
    `Held-out first relevant passage: MRR ${h.ranking.mrrFused ?? '-'} → ${h.ranking.mrrRanker ?? '-'}, top-1 ${h.ranking.top1Fused ?? '-'} → ${h.ranking.top1Ranker ?? '-'} (fused → ranker, ${h.ranking.traces} answers)`,
  ]
  if (h.ranking.traces === 0)
    lines.push('Warning: no held-out answer with a relevant passage; the ranker is untested.')
  else if ((h.ranking.mrrRanker ?? 0) < (h.ranking.mrrFused ?? 0))
    lines.push(
      'Warning: on held-out answers this ranker orders worse than the fused ranking; do not enable it.',
    )
  return lines
}
