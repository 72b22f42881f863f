#!/usr/bin/env bash
# An AOT cache for JDK 25 (JEP 483, 514, 515: the classes loaded and linked, and the methods' profiles) made by a
# training run under the case file's load, so the next start serves sooner with less JIT work:
#
#   loadtest/scripts/aot-train.sh <java-25> <out-dir> <seconds> [app arguments ...]
#   e.g. loadtest/scripts/aot-train.sh /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /tmp/vaerdig-aot 90 \
#          --vaerdig.platform.embedded-db.data-directory=/tmp/vaerdig-national --server.port=8080 \
#          --vaerdig.platform.public-rate-limit-per-minute=0
#
# 1. extracts the built jar into <out-dir> (java -Djarmode=tools -jar … extract: an AOT cache takes classes only from
#    plain jar files on the class path, not from the jars nested in Spring Boot's);
# 2. starts <out-dir>/vaerdig-*.jar with -XX:AOTCacheOutput=<out-dir>/vaerdig.aot and the app arguments, runs
#    CaseFileSimulation (20 users, BASE_URL, default http://127.0.0.1:8080) for <seconds>, and stops the app, which
#    writes the cache as it exits.
#
# Then start the app from the same directory, with the same JDK, with the cache:
#   <java-25> -XX:AOTCache=<out-dir>/vaerdig.aot -jar <out-dir>/vaerdig-0.1.0-SNAPSHOT.jar …
# The cache belongs to that JDK build and those jars: make it again after every build.
set -euo pipefail
JAVA=${1:?java 25}
OUT=${2:?output directory}
SECONDS_AT_LOAD=${3:?seconds}
shift 3
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(ls "$HERE"/../target/vaerdig-*.jar | grep -v original | head -1)
rm -rf "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT"
APP_JAR="$OUT/$(basename "$JAR")"
LOG="$OUT/training.log"
"$JAVA" -XX:AOTCacheOutput="$OUT/vaerdig.aot" -jar "$APP_JAR" "$@" > "$LOG" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
	grep -qE "Demo data|Started VaerdigApplication" "$LOG" && break
	kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $LOG" >&2; exit 1; }
	sleep 1
done
sleep 5
echo "training: CaseFileSimulation for $SECONDS_AT_LOAD s"
"$HERE/scripts/casefile-run.sh" "$SECONDS_AT_LOAD" "$OUT/training-requests"
kill "$APP_PID"
wait "$APP_PID" || true
trap - EXIT
grep -E "AOTCache creation is complete" "$LOG" || { echo "no cache written; see $LOG" >&2; exit 1; }
ls -la "$OUT/vaerdig.aot"
