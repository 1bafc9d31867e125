# The standalone Easel relay (the same relay `npm run relay` runs), serving the
# browser client too. Put it behind a TLS reverse proxy; see README "Deploying the relay".
#
#   docker build -t easel-relay .
#   docker run -d -p 4455:4455 -v easel-data:/data -e RELAY_TOKEN="$(openssl rand -hex 16)" easel-relay

# Build: the relay as one ES module (tsx is a dev dependency) and the browser client.
FROM node:24-slim AS build
WORKDIR /app
# The Electron binary is for the desktop app, not for this image.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:relay && npm run build:web

# Run: production dependencies, the bundle and the client; no compilers, no dev tools.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production \
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    HOST=0.0.0.0 \
    PORT=4455 \
    DATA_DIR=/data \
    WEB_ROOT=/app/web \
    LOG_LEVEL=info
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/out/relay ./relay
COPY --from=build /app/out/web ./web
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4455
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Flags after the image name are added (e.g. --token, --allow-origin); the relay flushes every board on SIGTERM.
ENTRYPOINT ["node", "relay/cli.js"]
