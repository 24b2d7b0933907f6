# syntax=docker/dockerfile:1

# Sigap 112 portal (SvelteKit with adapter-node). Build with the repository root as the context:
#   docker build -f docker/portal.Dockerfile -t sigap-112/portal .

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
RUN pnpm fetch && rm -rf node_modules

FROM deps AS build
COPY . .
# The build needs dev dependencies too (Vite, Tailwind, the SvelteKit toolchain).
RUN pnpm install --offline --frozen-lockfile --filter "@sigap/portal..." \
    && pnpm --filter @sigap/portal build

# adapter-node bundles devDependencies into build/ and leaves `dependencies` as imports, so the
# runtime gets those and nothing else. Same workspace layout as the API, so a workspace package
# listed in `dependencies` still resolves to its source under packages/, where Node may strip types.
FROM deps AS prod-deps
COPY . .
RUN pnpm install --offline --frozen-lockfile --prod --filter-prod "@sigap/portal..."

FROM ${NODE_IMAGE} AS runtime
# The runtime never installs anything; image scanners flag npm's bundled dependencies, so it goes.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# ORIGIN must be the public URL that browsers use, or SvelteKit rejects form posts as cross-site;
# compose and deployments set it. API_URL is where the portal's server forwards /trpc and /v1.
# BODY_SIZE_LIMIT is the API's request body limit (apps/api/src/http/body-limit.ts).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    API_URL=http://api:3001 \
    BODY_SIZE_LIMIT=2M
WORKDIR /app
# Files stay owned by root, so the `node` user can read its code but a compromised process cannot
# rewrite it.
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/packages ./packages
COPY --from=prod-deps /app/apps/portal/package.json ./apps/portal/package.json
COPY --from=prod-deps /app/apps/portal/node_modules ./apps/portal/node_modules
COPY --from=build /app/apps/portal/build ./apps/portal/build
USER node
EXPOSE 3000
# Slim images have no curl; Node's fetch does the probe. A redirect (to the login page) counts as
# up, a 5xx does not.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/', { redirect: 'manual' }).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/portal/build/index.js"]
