#!/usr/bin/env node
// The CLI runs its TypeScript sources directly (no build step to remember): tsx compiles on load.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
