# syntax=docker/dockerfile:1
# Tempodesk image: `docker build -t tempodesk .` (docker-compose.yml builds it too).
# Stage 1 builds the bootable jar with the Maven wrapper; the webapp module runs npm, so the build
# stage also carries Node 20. Stage 2 runs the jar on a JRE as an unprivileged user.

FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:21-jdk AS build
# Node and npm from the official image (glibc builds, fine on the Ubuntu-based JDK image).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# Tests run in CI, not here. jOOQ code generation starts an embedded PostgreSQL, which works as
# root. The cache mounts keep Maven and npm downloads between builds.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q -DskipTests package \
 && cp api/target/tempodesk-exec.jar /tempodesk.jar

FROM eclipse-temurin:21-jre
# curl for the health check only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system tempodesk \
 && useradd --system --gid tempodesk --home-dir /app --shell /usr/sbin/nologin tempodesk \
 && mkdir -p /app/data \
 && chown -R tempodesk:tempodesk /app
WORKDIR /app
COPY --from=build --chown=tempodesk:tempodesk /tempodesk.jar /app/tempodesk.jar
USER tempodesk
# Without DATABASE_URL the app starts an embedded PostgreSQL; its data goes here (mount a volume).
ENV PORT=8080 \
    TEMPODESK_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# Liveness, not full health: a stale mailbox or a Temporal hiccup shows DOWN on /actuator/health
# for alerting, but restarting the container would not fix it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/tempodesk.jar"]
