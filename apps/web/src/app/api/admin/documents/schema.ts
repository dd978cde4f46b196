/**
 * `GET /api/admin/documents?q=&status=&group=&tag=&state=&sort=&dir=&page=&pageSize=`: the documents
 * page's filters (lib/shared/admin/search-params.ts), so a URL copied from the page works here.
 * `firstValues` keeps the first of repeated keys.
 */
export { documentSearchParamsSchema, firstValues } from '@/lib/shared/admin/search-params'
