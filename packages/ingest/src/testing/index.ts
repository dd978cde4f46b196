export { syntheticPdf } from './synthetic-pdf'
