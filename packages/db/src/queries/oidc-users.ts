import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { type UserRole, users } from '../schema'
import { setUserGroups } from './users'

/**
 * Which account an OIDC sign-in is. The identity is the issuer plus the subject (`sub`), which a provider
 * never reassigns; the e-mail is only an attribute. So:
 *
 * 1. An account with this issuer + subject: it is the user, whatever their e-mail is now (an e-mail change
 *    at the provider keeps the account; the new address is stored).
 * 2. Otherwise an account with this e-mail that has never signed in with OIDC (a seeded user): it is
 *    linked to this identity, but only when the provider says the e-mail is verified. An unverified
 *    address must not open somebody else's account.
 * 3. An account with this e-mail already bound to another identity: refused. A new subject that claims an
 *    existing user's address is exactly what an account takeover looks like.
 * 4. Nobody: a new account.
 *
 * Role and groups come from the provider's claims and are re-applied on every sign-in.
 */

export type OidcSignIn = {
  issuer: string
  subject: string
  email: string
  /** `email_verified` as the provider sent it (undefined when it sent nothing). */
  emailVerified: boolean | undefined
  name: string
  role: UserRole
  groups: string[]
}

export type OidcSignInResult =
  | { ok: true; userId: string; outcome: 'signed-in' | 'linked' | 'created' }
  | { ok: false; reason: 'email-taken' | 'link-needs-verified-email'; message: string }

export async function signInOidcUser(db: DbOrTx, identity: OidcSignIn): Promise<OidcSignInResult> {
  const email = identity.email.toLowerCase()
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)))
      .for('update')
    const [holder] = await tx
      .select({ id: users.id, oidcSubject: users.oidcSubject })
      .from(users)
      .where(eq(users.email, email))
      .for('update')

    if (known) {
      if (holder && holder.id !== known.id) return emailTaken(email)
      await updateAccount(tx, known.id, { ...identity, email })
      return { ok: true, userId: known.id, outcome: 'signed-in' }
    }
    if (holder) {
      if (holder.oidcSubject !== null) return emailTaken(email)
      if (identity.emailVerified !== true) {
        return {
          ok: false,
          reason: 'link-needs-verified-email',
          message:
            `An account for ${email} already exists. It is linked to your company sign-in only when your ` +
            'identity provider confirms this e-mail address (email_verified); ask your administrator.',
        }
      }
      await updateAccount(tx, holder.id, { ...identity, email })
      return { ok: true, userId: holder.id, outcome: 'linked' }
    }
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: identity.name,
        role: identity.role,
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      })
      .returning({ id: users.id })
    if (!created) throw new Error(`Could not create the user ${email}`)
    await setUserGroups(tx, created.id, identity.groups)
    return { ok: true, userId: created.id, outcome: 'created' }
  })
}

const emailTaken = (email: string): OidcSignInResult => ({
  ok: false,
  reason: 'email-taken',
  message:
    `The e-mail address ${email} belongs to another Policy Desk account, signed in with a different ` +
    'identity. Sign-in was refused so that account is not taken over; ask your administrator.',
})

async function updateAccount(tx: DbOrTx, userId: string, identity: OidcSignIn): Promise<void> {
  await tx
    .update(users)
    .set({
      email: identity.email,
      name: identity.name,
      role: identity.role,
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
    })
    .where(eq(users.id, userId))
  await setUserGroups(tx, userId, identity.groups)
}
