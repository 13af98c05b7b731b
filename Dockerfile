# The whole system in one image: the server, which also serves the built kiosk, display and console.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY kiosk/package.json kiosk/
COPY display/package.json display/
COPY staff-console/package.json staff-console/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
# PostgreSQL 17's client programs (pg_dump, pg_restore, psql) for `npm run backup` and `npm run
# restore` against the production PostgreSQL 17; Debian bookworm's own are version 15, too old to
# dump a 17 server. postgresql-common ships the PGDG repository's key and set-up script. This comes
# before ENV HOST, which that script would take for the repository's host name.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
  && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
  && apt-get install -y --no-install-recommends postgresql-client-17 \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "server/dist/server.js"]
