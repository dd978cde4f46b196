import { describe, expect, it } from 'vitest'
import { appOrigins } from '@/lib/server/request/app-origins'

describe('appOrigins', () => {
  it('is exactly the origin of APP_URL when set (path and trailing slash ignored)', () => {
    expect(appOrigins({ appUrl: 'https://policydesk.example.com/base/', port: 3000 })).toEqual([
      'https://policydesk.example.com',
    ])
    expect(appOrigins({ appUrl: 'https://policydesk.example.com:443', port: 3000, host: '0.0.0.0' })).toEqual(
      ['https://policydesk.example.com'],
    )
  })

  it('defaults to the loopback names on PORT (npm start, npm run dev)', () => {
    const local = ['http://localhost:3100', 'http://127.0.0.1:3100', 'http://[::1]:3100']
    expect(appOrigins({ port: 3100 })).toEqual(local)
    expect(appOrigins({ port: 3100, host: '127.0.0.1' })).toEqual(local)
    expect(appOrigins({ port: 3100, host: '0.0.0.0' })).toEqual(local)
  })

  it('uses a named HOST as the origin', () => {
    expect(appOrigins({ port: 8080, host: 'desk.lan' })).toEqual(['http://desk.lan:8080'])
    expect(appOrigins({ port: 80, host: '192.168.1.20' })).toEqual(['http://192.168.1.20'])
    expect(appOrigins({ port: 8080, host: 'fd00::5' })).toEqual(['http://[fd00::5]:8080'])
  })
})
