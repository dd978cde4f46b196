# syntax=docker/dockerfile:1
#
# Policy Desk web image: the Next.js app (apps/web) served by `next start`.
#
# Build from the repository root (the .dockerignore there keeps node_modules and build output out):
#   docker build -f infra/docker/web.Dockerfile -t policydesk-web .
#
# `next build` runs with no DATABASE_URL, REDIS_URL or secrets: pages that touch the database must be
# dynamic. The workspace packages are TypeScript source that Next compiles into the build; the image
# runs Next's standalone output (NEXT_OUTPUT=standalone) on plain node.

ARG NODE_IMAGE=node:22-bookworm-slim
# Keep in step with "packageManager" in the root package.json (a test checks this).
ARG NPM_VERSION=11.19.1

# ---- base: Node LTS, the pinned npm, tini as PID 1 so SIGTERM reaches node and zombies are reaped ----
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
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

# ---- deps: everything, dev dependencies included (next build needs TypeScript, Tailwind, PostCSS) ----
FROM base AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --include=dev

# ---- build: next build, standalone: server.js plus only the node_modules it traces ----
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npm --workspace @policydesk/web run build \
  && cp -r apps/web/.next/static apps/web/.next/standalone/apps/web/.next/static \
  && rm -rf apps/web/.next/cache

# ---- runtime: the standalone output only (93 MB measured, docs/deployment.md), no npm install ----
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    POLICYDESK_DATA_DIR=/data \
    POLICYDESK_MIGRATIONS_DIR=/app/packages/db/migrations
# Owned by node: the server writes its cache (and ISR pages) under .next.
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./
RUN mkdir -p /data \
  && chown node:node /data

USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# Plain node, no tsx and no next CLI: Next's standalone server (PORT and HOSTNAME set above).
CMD ["node", "apps/web/server.js"]
