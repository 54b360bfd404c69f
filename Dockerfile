# Signet, production image (docs/deploy.md). Multi-stage: the build stage has the dev dependencies (Remix's
# compiler); the image has only the production ones, runs as the unprivileged "node" user, and is stateless —
# the database is PostgreSQL (DATABASE_URL), photos are in an S3-compatible bucket (STORAGE_URL).
#   docker build -t signet .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# patches/ before npm ci: its postinstall applies them (patch-package; docs/decisions/034-route-matching-cache.md).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx remix build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# tsx (it runs server/index.ts) is a production dependency; no compiler, test runner or browser here.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json \
    SIGNET_DEMO=0 \
    TRUST_PROXY=1
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY package.json package-lock.json tsconfig.json remix.config.js remix.env.d.ts ./
COPY app ./app
COPY db ./db
COPY server ./server
# The server rebuilds when a source is newer than the build: the build is newest here, so it never does.
RUN touch build/index.js && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Readiness: the database answers and the server is not stopping (liveness alone is /livez).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains: requests in progress and the message being sent finish (server/shutdown.ts), up to 20 s.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "server/index.ts"]
