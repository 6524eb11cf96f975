#!/usr/bin/env bash
# Extracts the production jar and writes its JDK 25 AOT cache from a training run (README "Cold start
# and the JDK 25 AOT cache"), so that MediScan starts with its classes already loaded and linked:
#
#   deploy/aot-cache.sh [--training=login|refresh] [JAR [DIR]]
#   java -XX:AOTCache=DIR/mediscan.aot -jar DIR/<jar name> --spring.profiles.active=prod
#
# JAR defaults to target/mediscan-*.jar, DIR to target/aot (replaced). The training run is a real start
# with the prod profile: it needs the environment of one (SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD,
# MEDISCAN_ADMIN_EMAIL/_PASSWORD on an empty database) and migrates that database as any start would;
# a scratch database is the usual choice. --training=login (default) waits until /login answers, fetches
# it once and stops the node, so the cache also holds what serving a page loads; --training=refresh stops
# once the Spring context is refreshed (spring.context.exit=onRefresh, Spring Boot's documented way).
# The cache is valid only for this jar, this directory and this JDK: build it again with each new jar,
# and do not move DIR (the cache records the jar's absolute path). DIR/mediscan.aot.jar-content is a
# SHA-256 of the jar's contents, by which the load driver knows the cache is of the jar it starts.
set -euo pipefail

training=login
if [[ "${1:-}" == --training=* ]]; then
  training="${1#--training=}"
  shift
fi
case "$training" in login|refresh) ;; *) echo "--training must be login or refresh" >&2; exit 2 ;; esac

jar="${1:-$(ls target/mediscan-*.jar 2>/dev/null | head -1)}"
dir="${2:-target/aot}"
[ -f "$jar" ] || { echo "No jar to extract (build it with ./mvnw package, or give its path)" >&2; exit 2; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
: "${SPRING_DATASOURCE_URL:?the training run starts MediScan: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD)}"

rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
dir="$(cd "$dir" && pwd)"
app="$dir/$(basename "$jar")"
cache="$dir/mediscan.aot"
log="$dir/training.log"

if [ "$training" = refresh ]; then
  (cd "$dir" && exec "$java" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$app" \
    --spring.profiles.active=prod) >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
else
  port="${MEDISCAN_TRAINING_PORT:-18089}"
  (cd "$dir" && exec "$java" -XX:AOTCacheOutput="$cache" -jar "$app" --spring.profiles.active=prod \
    --server.port="$port" --server.address=127.0.0.1) >"$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + ${MEDISCAN_TRAINING_TIMEOUT:-600}))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      kill "$pid" 2>/dev/null || true
      echo "The training run did not serve /login:" >&2; tail -20 "$log" >&2; exit 1
    fi
    sleep 0.2
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/login"
  kill -TERM "$pid"
  wait "$pid" || true # a JVM stopped by SIGTERM exits with 143 after writing the cache
fi

[ -f "$cache" ] || { echo "No AOT cache was written:" >&2; tail -20 "$log" >&2; exit 1; }
# What the jar holds (each entry's CRC-32 and name), not its bytes: a rebuild of the same sources
# differs only in timestamps, and the extracted copy the cache belongs to is the same for it.
unzip -v "$jar" | awk '$7 ~ /^[0-9a-f]{8}$/ {print $7, $8}' | LC_ALL=C sort | sha256sum | cut -d' ' -f1 >"$cache.jar-content"
echo "AOT cache $cache ($(du -h "$cache" | cut -f1), training: $training). Start with:"
echo "  $java -XX:AOTCache=$cache -jar $app --spring.profiles.active=prod"
