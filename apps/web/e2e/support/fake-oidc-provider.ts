import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

export type FakeOidcUser = {
  sub: string
  email: string
  name: string
  groups: string[]
  /** Default true. */
  email_verified?: boolean
}

/**
 * A minimal OpenID provider for e2e tests, on loopback: discovery, JWKS, an authorize endpoint that
 * approves at once, a token endpoint that checks PKCE (S256) and signs an RS256 ID token carrying the
 * nonce, and userinfo. Enough to exercise the real openid-client flow without an identity provider.
 * `PUT /e2e/user` (JSON FakeOidcUser) changes who the next sign-in is, as a user editing their profile at
 * the provider, or another person signing in, would.
 */
export async function startFakeOidcProvider(port: number, initialUser: FakeOidcUser) {
  let user = initialUser
  const issuer = `http://127.0.0.1:${port}`
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'e2e', alg: 'RS256', use: 'sig' }
  const grants = new Map<string, { nonce: string; challenge: string; clientId: string }>()

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      })
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] })
    if (url.pathname === '/e2e/user' && req.method === 'PUT') {
      let body = ''
      for await (const chunk of req) body += String(chunk)
      user = JSON.parse(body) as FakeOidcUser
      return json(res, 200, user)
    }
    if (url.pathname === '/authorize') {
      const code = randomUUID()
      const q = url.searchParams
      grants.set(code, {
        nonce: q.get('nonce') ?? '',
        challenge: q.get('code_challenge') ?? '',
        clientId: q.get('client_id') ?? '',
      })
      const back = new URL(q.get('redirect_uri') ?? '')
      back.searchParams.set('code', code)
      back.searchParams.set('state', q.get('state') ?? '')
      res.writeHead(302, { location: back.toString() })
      return res.end()
    }
    if (url.pathname === '/token') {
      let body = ''
      for await (const chunk of req) body += String(chunk)
      const form = new URLSearchParams(body)
      const code = form.get('code') ?? ''
      const grant = grants.get(code)
      grants.delete(code)
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url')
      if (!grant || challenge !== grant.challenge) return json(res, 400, { error: 'invalid_grant' })
      const idToken = await new SignJWT({
        email: user.email,
        email_verified: user.email_verified ?? true,
        name: user.name,
        nonce: grant.nonce,
        groups: user.groups,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'e2e' })
        .setIssuer(issuer)
        .setAudience(grant.clientId)
        .setSubject(user.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey)
      return json(res, 200, {
        access_token: randomUUID(),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      })
    }
    if (url.pathname === '/userinfo')
      return json(res, 200, { ...user, email_verified: user.email_verified ?? true })
    json(res, 404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
