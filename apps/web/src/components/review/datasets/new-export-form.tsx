'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { CardHeader, Field, Input } from '@/components/ui/form-controls'
import { Alert, Card } from '@/components/ui/page'
import { callApi } from '@/lib/client/api-client'
import { formatInt } from '@/lib/shared/format'

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
  const t = useTranslations('review.datasets.export')
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
    const result = await callApi<{ name?: string; stats?: { examples: number } }>('/api/review/datasets', {
      json: {
        name: String(form.get('name') ?? ''),
        since: String(form.get('since') ?? ''),
        verdicts,
        distractors: Number(form.get('distractors') ?? 0),
        validationShare: Number(form.get('validationShare') ?? 0.1),
      },
    })
    setBusy(false)
    if (!result.ok) {
      setOutcome({ tone: 'error', text: result.serverError ?? t('failed') })
      return
    }
    const body = result.data
    setOutcome({
      tone: 'success',
      text: t('done', {
        name: body?.name ?? '',
        count: body?.stats?.examples ?? 0,
        n: formatInt(body?.stats?.examples ?? 0),
      }),
    })
    router.refresh()
  }

  return (
    <Card>
      <CardHeader title={t('title')} description={t('description')} />
      <form onSubmit={submit} className="space-y-3 p-4" aria-label={t('title')}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="export-name" label={t('name')} hint={t('nameHint')}>
            <Input
              id="export-name"
              name="name"
              maxLength={80}
              placeholder="reviews-…"
              aria-describedby="export-name-hint"
            />
          </Field>
          <Field id="export-since" label={t('since')}>
            <Input id="export-since" name="since" type="date" />
          </Field>
          <NumberField
            name="distractors"
            label={t('distractors')}
            hint={t('distractorsHint')}
            range={[0, 5, 1]}
            defaultValue={0}
          />
          <NumberField
            name="validationShare"
            label={t('validationShare')}
            hint={t('validationShareHint')}
            range={[0, 0.5, 0.05]}
            defaultValue={0.1}
          />
        </div>
        <fieldset className="flex flex-wrap gap-4 text-sm text-slate-800">
          <legend className="mb-1 text-xs font-medium text-slate-700">{t('verdicts')}</legend>
          {(['approved', 'corrected'] as const).map((verdict) => (
            <label key={verdict} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={verdicts.includes(verdict)}
                onChange={(e) => toggle(verdict, e.target.checked)}
              />
              {verdict === 'approved' ? t('approved') : t('corrected')}
            </label>
          ))}
        </fieldset>
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        <Button type="submit" disabled={busy || verdicts.length === 0}>
          {busy ? t('exporting') : t('submit')}
        </Button>
      </form>
    </Card>
  )
}
