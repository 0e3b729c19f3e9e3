# syntax=docker/dockerfile:1

# --- build: all dependencies, compile TypeScript to dist/ ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies and dist/ only, as the unprivileged `node` user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# postgres15-server is an optional dependency for the fault suite's pg_dump test only: not shipped.
RUN npm ci --omit=dev && rm -rf node_modules/postgres15-server && npm cache clean --force
COPY --from=build /app/dist ./dist
# Without DATABASE_URL the service starts an embedded PostgreSQL under ./.data: let `node` own it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
