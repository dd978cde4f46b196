export { ReviewLoading as default } from '@/components/review/review-loading'
