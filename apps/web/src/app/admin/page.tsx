import { redirect } from 'next/navigation'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'

export default async function AdminHome() {
  await requirePageRole(ROLES.admins)
  redirect('/admin/documents')
}
