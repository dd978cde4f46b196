'use client'

import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert, Card, Field, Input, Select } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'

export type TokenRow = {
  id: string
  name: string
  prefix: string
  scopes: string[]
  status: 'active' | 'expired' | 'revoked'
  expiresAt: string
  lastUsedAt: string | null
  createdAt: string
}

type Props = { initialTokens: TokenRow[]; scopes: { scope: string; description: string }[] }

/** The day part of an ISO timestamp (UTC); null when there is none. */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null)

type Created = { token: TokenRow; secret: string }

/** Create, list and revoke the user's tokens; a new token's secret is shown once, with a copy button. */
export function TokenManager({ initialTokens, scopes }: Props) {
  const t = useTranslations('settings.tokens')
  const [tokens, setTokens] = useState(initialTokens)
  const [created, setCreated] = useState<Created | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function create(form: HTMLFormElement) {
    const data = new FormData(form)
    setBusy(true)
    setError(null)
    const result = await callApi<Partial<Created>>('/api/me/tokens', {
      json: {
        name: String(data.get('name') ?? ''),
        scopes: data.getAll('scopes').map(String),
        expiresInDays: Number(data.get('expiresInDays')),
      },
    })
    setBusy(false)
    const token = result.ok ? result.data.token : undefined
    const secret = result.ok ? result.data.secret : undefined
    if (!token || !secret) {
      setError((result.ok ? null : result.serverError) ?? t('createFailed'))
      return
    }
    setCreated({ token, secret })
    setTokens((list) => [token, ...list])
    form.reset()
  }

  async function revoke(id: string) {
    const result = await callApi(`/api/me/tokens/${id}`, { method: 'DELETE' })
    if (!result.ok) {
      setError(t('revokeFailed'))
      return
    }
    setTokens((list) =>
      list.map((token) =>
        token.id === id ? { ...token, status: 'revoked', lastUsedAt: token.lastUsedAt } : token,
      ),
    )
  }

  return (
    <div className="space-y-6">
      <Card className="p-4">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t('newToken')}</h2>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault()
            void create(event.currentTarget)
          }}
        >
          <Field id="token-name" label={t('name')} hint={t('nameHint')}>
            <Input id="token-name" name="name" required maxLength={80} aria-describedby="token-name-hint" />
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">{t('scopes')}</legend>
            <div className="space-y-1">
              {scopes.map(({ scope, description }) => (
                <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'search'} />
                  <span>
                    <code className="font-mono">{scope}</code> — {description}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="token-expiry" label={t('expiresAfter')}>
            <Select id="token-expiry" name="expiresInDays" defaultValue="90">
              <option value="7">{t('days', { n: '7' })}</option>
              <option value="30">{t('days', { n: '30' })}</option>
              <option value="90">{t('days', { n: '90' })}</option>
              <option value="365">{t('year')}</option>
            </Select>
          </Field>
          <Button type="submit" disabled={busy}>
            {busy ? t('creating') : t('create')}
          </Button>
        </form>
      </Card>

      {created ? (
        <Alert tone="success">
          <p className="font-medium">{t('copyNow')}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="new-token-secret"
              className="rounded bg-white px-2 py-1 font-mono text-sm break-all"
            >
              {created.secret}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void navigator.clipboard?.writeText(created.secret)}
            >
              {t('copy')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}

      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">{t('columns.name')}</th>
              <th className="px-3 py-2 font-medium">{t('columns.token')}</th>
              <th className="px-3 py-2 font-medium">{t('columns.scopes')}</th>
              <th className="px-3 py-2 font-medium">{t('columns.expires')}</th>
              <th className="px-3 py-2 font-medium">{t('columns.lastUsed')}</th>
              <th className="px-3 py-2 font-medium">{t('columns.status')}</th>
              <th className="px-3 py-2">
                <span className="sr-only">{t('columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-600">
                  {t('empty')}
                </td>
              </tr>
            ) : (
              tokens.map((token) => (
                <tr key={token.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2 text-slate-900">{token.name}</td>
                  <td className="px-3 py-2 font-mono text-slate-700">{token.prefix}…</td>
                  <td className="px-3 py-2 text-slate-700">{token.scopes.join(', ')}</td>
                  <td className="px-3 py-2 text-slate-700">{day(token.expiresAt)}</td>
                  <td className="px-3 py-2 text-slate-700">{day(token.lastUsedAt) ?? t('never')}</td>
                  <td className="px-3 py-2 text-slate-700">{t('status', { status: token.status })}</td>
                  <td className="px-3 py-2 text-right">
                    {token.status === 'active' ? (
                      <Button size="sm" variant="danger" onClick={() => void revoke(token.id)}>
                        {t('revoke')} <span className="sr-only">{token.name}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </Card>
    </div>
  )
}
