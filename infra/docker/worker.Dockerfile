# syntax=docker/dockerfile:1
#
# Policy Desk worker image: the BullMQ worker (apps/worker) plus the `policydesk` CLI.
# The compose `migrate` service and the Kubernetes migrate Job run `policydesk db migrate` from this image.
#
# Build from the repository root (the .dockerignore there keeps node_modules and build output out):
#   docker build -f infra/docker/worker.Dockerfile -t policydesk-worker .
#
# The worker and the CLI are compiled (esbuild, tooling/build/bundle-node.mjs) and run on plain node: no
# tsx at run time (POLICYDESK_COMPILED=1 makes bin/policydesk.mjs load the compiled CLI).

ARG NODE_IMAGE=node:22-bookworm-slim
# Keep in step with "packageManager" in the root package.json (a test checks this).
ARG NPM_VERSION=11.19.1

# ---- base: Node LTS, the pinned npm, tini as PID 1 so SIGTERM reaches node and zombies are reaped ----
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/* \
  && npm install -g "npm@${NPM_VERSION}" \
  && npm cache clean --force
WORKDIR /app

# ---- manifests: only package.json files and the lockfile, so dependency layers stay cached ----
# Every workspace (apps/*, packages/*, infra) must be present for `npm ci` to accept the lockfile;
# collecting them with find keeps this file correct when a workspace is added.
FROM base AS manifests
COPY . /src
RUN mkdir -p /manifests \
  && cd /src \
  && cp package.json package-lock.json /manifests/ \
  && find apps packages infra -maxdepth 2 -name package.json -not -path '*/node_modules/*' \
    -exec cp --parents {} /manifests/ \;

# ---- deps: production dependencies only (tsx is a runtime dependency of @policydesk/cli) ----
FROM base AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- build: assemble the source tree on top of the installed dependencies ----
FROM base AS build
COPY --from=deps /app ./
COPY . .
RUN npm --workspace @policydesk/worker run build \
  && npm --workspace @policydesk/cli run build \
  && test -f apps/worker/build/dist/main.mjs \
  && test -f apps/cli/build/dist/main.mjs \
  && chmod 0755 apps/cli/bin/policydesk.mjs

# ---- runtime ----
FROM base AS runtime
ENV NODE_ENV=production \
    POLICYDESK_DATA_DIR=/data \
    POLICYDESK_COMPILED=1 \
    PATH=/app/node_modules/.bin:$PATH

# Probe used by the Docker HEALTHCHECK, compose and the Kubernetes probes: the worker is only useful
# while it can reach Redis, so "healthy" means Redis answers PING (or asks for AUTH, i.e. it is there).
# No template literals below: nothing in this file may look like a build variable.
COPY <<'EOF' /usr/local/lib/policydesk/healthcheck.mjs
import net from 'node:net'
import tls from 'node:tls'

const fail = (why) => {
  console.error('unhealthy: ' + why)
  process.exit(1)
}
setTimeout(() => fail('no answer from Redis within 4s'), 4000).unref()

const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379')
const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
const port = Number(url.port) || 6379
const secure = url.protocol === 'rediss:'
const socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port })
socket.setTimeout(4000)
socket.on('timeout', () => fail('timeout talking to ' + host + ':' + port))
socket.on('error', (error) => fail(error.message))
socket.once(secure ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'))
socket.once('data', (data) => {
  const reply = String(data)
  if (reply.startsWith('+PONG') || reply.startsWith('-NOAUTH')) process.exit(0)
  fail('unexpected reply ' + reply.trim())
})
EOF

COPY --from=build /app /app
RUN ln -s /app/apps/cli/bin/policydesk.mjs /usr/local/bin/policydesk \
  && mkdir -p /data \
  && chown node:node /data

USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/usr/local/lib/policydesk/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# The compiled worker on plain node (PID 1's child under tini), so SIGTERM lands directly in it, which
# lets running jobs finish (compose stop_grace_period / Kubernetes terminationGracePeriodSeconds: 60s).
CMD ["node", "apps/worker/build/dist/main.mjs"]
