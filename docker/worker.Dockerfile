# syntax=docker/dockerfile:1

# Sigap 112 background job worker (pg-boss queues). Build with the repository root as the context:
#   docker build -f docker/worker.Dockerfile -t sigap-112/worker .
# It runs the API's code with another entry point. Every stage up to `runtime` repeats
# api.Dockerfile instruction for instruction, so BuildKit builds them once for both images: keep
# them in step.

# The worker has no compile step: Node 24 strips the TypeScript types at load time, so the runtime
# major must stay at the root package.json's `engines.node` (the lint checks it).
ARG NODE_IMAGE=node:24-trixie-slim

FROM ${NODE_IMAGE} AS pnpm
# Keep equal to `packageManager` in the root package.json (the lint checks it). npm installs it
# because corepack is being dropped from the Node images.
ARG PNPM_VERSION=12.21.0
RUN npm install --global --no-audit --no-fund pnpm@${PNPM_VERSION}
# The pnpm above already is the pinned version, so pnpm must neither switch versions nor try to
# record the pin in the lockfile (which --frozen-lockfile would refuse).
ENV PNPM_CONFIG_STORE_DIR=/pnpm/store \
    PNPM_CONFIG_PM_ON_FAIL=ignore
WORKDIR /app

FROM pnpm AS deps
# The store depends on the lockfile alone, so this layer outlives every source edit, and the
# installs below are offline. node_modules goes: it would hold every project's packages.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch --prod && rm -rf node_modules

FROM deps AS build
COPY . .
# The workspace layout, not `pnpm deploy`: deploy copies workspace packages into node_modules, and
# Node refuses to strip types from files under node_modules, so `@sigap/db` must stay a symlink to
# packages/db. --filter-prod follows only `dependencies`, which keeps test tooling (embedded
# Postgres, browsers) that devDependencies would pull in out of the image.
RUN pnpm install --offline --frozen-lockfile --prod --filter-prod "@sigap/api..."

FROM ${NODE_IMAGE} AS runtime
# The runtime never installs anything; image scanners flag npm's bundled dependencies, so it goes.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production \
    LOG_LEVEL=info
WORKDIR /app
# Files stay owned by root, so the `node` user can read its code but a compromised process cannot
# rewrite it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/apps/api ./apps/api
USER node
# No port and no HEALTHCHECK: the worker serves no HTTP. pg-boss logs a lost database and
# reconnects; if the process exits, the orchestrator restarts it.
CMD ["node", "apps/api/src/worker.ts"]
