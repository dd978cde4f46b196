import { z } from 'zod'
import type { DashboardRange } from '@/lib/shared/review/dashboard-series'

/** `GET /api/review/dashboard?range=`. The API is strict where the page is lenient: an unknown range is a 400, not the default. */
export const dashboardQuerySchema = z.object({
  range: z.enum(['7d', '30d', '90d'] as const satisfies readonly DashboardRange[]).default('30d'),
})
