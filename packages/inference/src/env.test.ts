import { describe, expect, it } from 'vitest'
import { readInferenceEnv } from './env'

describe('readInferenceEnv', () => {
  it('needs LLM_MODEL with LLM_BASE_URL', () => {
    expect(() => readInferenceEnv({ LLM_BASE_URL: 'http://127.0.0.1:8000/v1' })).toThrow(
      /LLM_BASE_URL needs LLM_MODEL/,
    )
  })

  it('coerces numbers and rejects out-of-range values with the variable name', () => {
    const env = readInferenceEnv({ LLM_TIMEOUT_MS: '1500', LLM_MAX_RETRIES: '0', ANSWER_CACHE: 'off' })
    expect(env).toMatchObject({ LLM_TIMEOUT_MS: 1_500, LLM_MAX_RETRIES: 0, ANSWER_CACHE: 'off' })
    expect(() => readInferenceEnv({ LLM_TIMEOUT_MS: '10' })).toThrow(/LLM_TIMEOUT_MS/)
    expect(() => readInferenceEnv({ LLM_BASE_URL: 'not a url', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/)
  })
})
