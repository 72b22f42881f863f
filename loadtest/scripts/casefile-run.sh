#!/usr/bin/env bash
# One CaseFileSimulation run of <seconds> at 20 users, for thread-cpu.sh: prints p95 and requests per second of the
# search and the case page, and writes Gatling's request count (logins included) to <requests-file>.
#
#   loadtest/scripts/thread-cpu.sh "$APP_PID" /tmp/requests -- loadtest/scripts/casefile-run.sh 60 /tmp/requests
#
# BASE_URL (http://127.0.0.1:8080) and USERS (20) by environment.
set -uo pipefail
SECONDS_AT_LOAD=${1:?seconds}
REQUESTS_FILE=${2:?requests file}
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
mvn -B -f "$HERE/pom.xml" gatling:test -Dbase.url="${BASE_URL:-http://127.0.0.1:8080}" -Dusers="${USERS:-20}" \
  -Dduration="$SECONDS_AT_LOAD" -Dp95.ms=100000 > "$OUT" 2>&1
grep -E "^(search|case page): (95th|mean)" "$OUT" | sed 's/ is .*actual : / /; s/)$//'
grep "request count" "$OUT" | head -1 | awk -F'|' '{ gsub(/[ ,]/, "", $2); print $2 }' > "$REQUESTS_FILE"
echo "requests: $(cat "$REQUESTS_FILE")"
