import { listApiTokens, SCOPE_DESCRIPTIONS, scopesForRole } from '@policydesk/db'
import { TokenManager } from '@/components/settings/token-manager'
import { PageHeader } from '@/components/ui/page'
import { requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'

export const dynamic = 'force-dynamic'

/** Personal API tokens: create (the secret is shown once), see scopes, expiry and last use, revoke. */
export default async function TokensPage() {
  const user = await requirePageRole()
  const tokens = await listApiTokens(getDb(), { userId: user.id })
  const t = await getTranslator()
  const scopes = scopesForRole(user.role).map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] }))
  return (
    <>
      <PageHeader title={t('settings.tokens.title')} description={t('settings.tokens.description')} />
      <TokenManager
        initialTokens={tokens.map((token) => ({
          id: token.id,
          name: token.name,
          prefix: token.prefix,
          scopes: token.scopes,
          status: token.status,
          expiresAt: token.expiresAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          createdAt: token.createdAt.toISOString(),
        }))}
        scopes={scopes}
      />
    </>
  )
}
