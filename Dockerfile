# One image for the API, the worker and the staff console; docker-compose.yml picks the command.
# Node 24 LTS: the newest line package.json's engines declares and .ci/run tests on.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compile, then keep only what runs: production dependencies and dist/.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The console's React components: AdminJS bundles them from source when the console starts.
COPY --from=build --chown=node:node /app/apps/console/src/admin/components ./apps/console/src/admin/components
# The account-exports and request-log-archives volumes take these folders' owner when first
# mounted: the node user must write there (and in .adminjs, where the console bundles its components).
RUN mkdir -p /var/lib/relance/exports /var/lib/relance/archives /app/.adminjs && chown -R node:node /var/lib/relance /app/.adminjs
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
