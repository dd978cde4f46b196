/** `POST /api/review/answers/:id/promote`: the answer's id, no body. */
export { traceIdSchema } from '@/lib/shared/review/trace-id'
