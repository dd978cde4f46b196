/**
 * `GET /api/admin/audit?action=&actor=&from=&to=&page=&pageSize=`: the audit page's filters
 * (lib/shared/admin/search-params.ts), so a URL copied from the page works here. `firstValues` keeps the
 * first of repeated keys.
 */
export { auditDateRange, auditSearchParamsSchema, firstValues } from '@/lib/shared/admin/search-params'
