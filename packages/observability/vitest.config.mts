import { workspaceTestConfig } from '../../tooling/vitest.shared.mts'

export default workspaceTestConfig('observability')
