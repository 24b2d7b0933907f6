# syntax=docker/dockerfile:1

# Sigap 112 API server. Build with the repository root as the context:
#   docker build -f docker/api.Dockerfile -t sigap-112/api .
# compose.yaml also runs the one-shot `roles` and `migrate` steps from this image: they need exactly
# the packages/db source and database driver that the API already carries, and a third image would
# only drift from it.

# The API has no compile step: Node 24 strips the TypeScript types at load time, so the runtime
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
    API_HOST=0.0.0.0 \
    API_PORT=3001 \
    LOG_LEVEL=info
WORKDIR /app
# Files stay owned by root, so the `node` user can read its code but a compromised process cannot
# rewrite it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/apps/api ./apps/api
USER node
EXPOSE 3001
# Slim images have no curl; Node's fetch does the probe. /healthz answers 200 only while Postgres does.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 3001) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/src/server.ts"]
