import { mergeConfig } from 'vitest/config'
import { workspaceTestConfig } from '../../tooling/vitest.shared.mts'

// One module graph for all files (they run one after another anyway): @langchain/openai and the ingest
// package take seconds to import, and re-importing them for every file doubled the run time. Test files
// keep no global state between them (servers, databases and the network guard are per file, restored).
export default mergeConfig(workspaceTestConfig('inference'), { test: { isolate: false } })
