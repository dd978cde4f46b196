/**
 * `GET /api/review/answers?from=&to=&feedback=&abstained=&validation=&lowScore=&group=&doc=&model=&review=&q=
 * &cursor=&dir=`: the /review page's filters (lib/shared/review/filters.ts), so a URL copied from the page
 * works here. `parseLogQuery` checks the query with `logQuerySchema` and turns it into database filters.
 */
export { logQuerySchema, parseLogQuery } from '@/lib/shared/review/filters'
