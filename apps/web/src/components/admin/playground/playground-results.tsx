import type { PlaygroundResult } from '@/lib/admin/playground-schema'
import { AnswerCard } from './answer-card'
import { ExcludedCard } from './excluded-card'
import { PassagesCard } from './passages-card'

export function PlaygroundResults({ result }: { result: PlaygroundResult }) {
  return (
    <div className="space-y-5">
      <p role="status" className="text-sm text-slate-700" data-testid="playground-reader">
        Reading as <span className="font-medium">{result.reader.label}</span> · groups:{' '}
        {result.reader.groups.join(', ')} · retrieval {result.timings.retrieveMs} ms, answer{' '}
        {result.timings.answerMs} ms
      </p>
      <AnswerCard result={result} />
      <ExcludedCard result={result} />
      <PassagesCard result={result} />
    </div>
  )
}
