import { type DbOrTx, getUserByEmail, readableGroupIds } from '@policydesk/db'
import { UserFacingError } from '@policydesk/runtime'

export type Analyst = { id: string; email: string; groupIds: string[] }

/** The user a dataset is exported as: an analyst or admin; their groups bound what the dataset may contain. */
export async function analystByEmail(db: DbOrTx, email: string): Promise<Analyst> {
  const user = await getUserByEmail(db, email)
  if (!user) throw new UserFacingError(`No user ${email} (seed the demo users with \`policydesk db seed\`)`)
  if (user.role === 'employee')
    throw new UserFacingError(
      `${email} is an employee: exporting training data needs the analyst or admin role`,
    )
  return { id: user.id, email: user.email, groupIds: await readableGroupIds(db, user.id) }
}
