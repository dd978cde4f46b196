import path from 'node:path'
import { mergeConfig } from 'vitest/config'
import { workspaceTestConfig } from '../../tooling/vitest.shared.mts'

// `@/…` is the app's import root (tsconfig `paths`); Next resolves it for builds, vitest needs telling.
export default mergeConfig(workspaceTestConfig('web'), {
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
})
