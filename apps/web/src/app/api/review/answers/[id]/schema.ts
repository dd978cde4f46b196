/** `GET /api/review/answers/:id`: the answer's id. */
export { traceIdSchema } from '@/lib/shared/review/trace-id'
