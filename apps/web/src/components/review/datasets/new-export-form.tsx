'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Button } from '@/components/ui/button'
import { CardHeader, Field, Input } from '@/components/ui/form-controls'
import { Alert, Card } from '@/components/ui/page'

type Verdict = 'approved' | 'corrected'
type Outcome = { tone: 'error' | 'success'; text: string }

/** A labelled number input with its hint; `range` is [min, max, step]. */
function NumberField({
  name,
  label,
  hint,
  range: [min, max, step],
  defaultValue,
}: {
  name: string
  label: string
  hint: string
  range: [number, number, number]
  defaultValue: number
}) {
  const id = `export-${name}`
  return (
    <Field id={id} label={label} hint={hint}>
      <Input
        id={id}
        name={name}
        type="number"
        min={min}
        max={max}
        step={step}
        defaultValue={defaultValue}
        aria-describedby={`${id}-hint`}
      />
    </Field>
  )
}

/**
 * Exports approved and corrected answers as a new dataset, as the signed-in analyst (the same export as
 * `policydesk finetune export --as <you>`). The list below refreshes with the new dataset.
 */
export function NewExportForm() {
  const router = useRouter()
  const [verdicts, setVerdicts] = useState<Verdict[]>(['approved', 'corrected'])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const toggle = (verdict: Verdict, on: boolean) =>
    setVerdicts((current) =>
      on ? [...new Set([...current, verdict])] : current.filter((v) => v !== verdict),
    )

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setOutcome(null)
    const response = await fetch('/api/review/datasets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: String(form.get('name') ?? ''),
        since: String(form.get('since') ?? ''),
        verdicts,
        distractors: Number(form.get('distractors') ?? 0),
        validationShare: Number(form.get('validationShare') ?? 0.1),
      }),
    }).catch(() => null)
    setBusy(false)
    const body = response
      ? ((await response.json().catch(() => null)) as {
          error?: string
          name?: string
          stats?: { examples: number }
        } | null)
      : null
    if (!response?.ok) {
      setOutcome({ tone: 'error', text: body?.error ?? 'The export failed. Please try again.' })
      return
    }
    setOutcome({ tone: 'success', text: `Exported ${body?.name}: ${body?.stats?.examples ?? 0} examples.` })
    router.refresh()
  }

  return (
    <Card>
      <CardHeader
        title="New export"
        description="Approved and corrected answers drawn only from documents you may read, scrubbed of personal data."
      />
      <form onSubmit={submit} className="space-y-3 p-4" aria-label="New export">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="export-name" label="Name (optional)" hint="Letters, digits, dots, dashes, underscores.">
            <Input
              id="export-name"
              name="name"
              maxLength={80}
              placeholder="reviews-…"
              aria-describedby="export-name-hint"
            />
          </Field>
          <Field id="export-since" label="Reviewed since (optional)">
            <Input id="export-since" name="since" type="date" />
          </Field>
          <NumberField
            name="distractors"
            label="Distractor passages per example"
            hint="RAFT-style: 0 to 5."
            range={[0, 5, 1]}
            defaultValue={0}
          />
          <NumberField
            name="validationShare"
            label="Validation share"
            hint="0 to 0.5 of the examples."
            range={[0, 0.5, 0.05]}
            defaultValue={0.1}
          />
        </div>
        <fieldset className="flex flex-wrap gap-4 text-sm text-slate-800">
          <legend className="mb-1 text-xs font-medium text-slate-700">Verdicts</legend>
          {(['approved', 'corrected'] as const).map((verdict) => (
            <label key={verdict} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={verdicts.includes(verdict)}
                onChange={(e) => toggle(verdict, e.target.checked)}
              />
              {verdict === 'approved' ? 'Approved' : 'Corrected'}
            </label>
          ))}
        </fieldset>
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        <Button type="submit" disabled={busy || verdicts.length === 0}>
          {busy ? 'Exporting…' : 'Export dataset'}
        </Button>
      </form>
    </Card>
  )
}
