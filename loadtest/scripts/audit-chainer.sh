#!/bin/bash
# The audit chainer at the case-file load. Runs CaseFileSimulation against the app on APP_PORT while sampling, every
# second, how many audit entries wait to be chained and how old the oldest is; then prints the entries written and
# chained per second, the chainer's busy time and CPU per entry (its own metrics, /actuator/prometheus), and its
# capacity (entries chained per second of chainer time). Then a backlog: BACKLOG entries inserted at once, and the time
# until they are all chained.
#   usage: scripts/audit-chainer.sh [USERS=20] [DURATION=60] [BACKLOG=100000]
# environment: APP_PORT (8080), PG_PORT (the embedded database's port, --vaerdig.platform.embedded-db.port),
#   ADMIN (admin) / ADMIN_PASSWORD (demo) for the metrics. The backlog entries (actor 'loadtest-backlog') stay in the log.
set -euo pipefail
USERS=${1:-20}; DURATION=${2:-60}; BACKLOG=${3:-100000}
APP_PORT=${APP_PORT:-8080}; PG_PORT=${PG_PORT:?set PG_PORT to the embedded database port}
ADMIN=${ADMIN:-admin}; ADMIN_PASSWORD=${ADMIN_PASSWORD:-demo}
HERE=$(cd "$(dirname "$0")/.." && pwd)
BASE=http://127.0.0.1:$APP_PORT
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U vaerdig_owner -d postgres -v ON_ERROR_STOP=1 -At -F|"
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
CSRF=$(curl -s -c "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
metric() { curl -s -b "$JAR" "$BASE/actuator/prometheus" | awk -v m="$1" 'index($0, m) == 1 { v = $NF } END { print v + 0 }'; }
snapshot() { echo "$(metric vaerdig_audit_chained_entries_total) $(metric vaerdig_audit_chain_seconds_sum) $(metric vaerdig_audit_chain_cpu_seconds_total)"; }
PENDING="WITH h AS (SELECT c.seq, e.tx FROM audit_chain c JOIN audit_entry e USING (seq) ORDER BY c.pos DESC LIMIT 1)
  SELECT count(*), round(coalesce(extract(epoch FROM max(clock_timestamp() - e.occurred_at)), 0)::numeric, 2)
  FROM audit_entry e, h WHERE (e.tx, e.seq) > (h.tx, h.seq)"
report() { # label, before snapshot, after snapshot, seconds
  read -r n0 b0 c0 <<< "$2"; read -r n1 b1 c1 <<< "$3"
  awk -v label="$1" -v n="$(echo "$n1 - $n0" | bc)" -v b="$(echo "$b1 - $b0" | bc)" -v c="$(echo "$c1 - $c0" | bc)" -v t="$4" 'BEGIN {
    printf "%s: %d entries chained in %.1f s = %.0f entries/s\n", label, n, t, n / t
    printf "%s: chainer busy %.2f s (%.1f %% of the time), CPU %.2f s = %.1f us per entry\n", label, b, 100 * b / t, c, n ? 1e6 * c / n : 0
    printf "%s: capacity %.0f entries/s of chainer time\n", label, b ? n / b : 0 }'
}

echo "== case-file load: $USERS users for $DURATION s; $(uptime)"
WRITTEN0=$($PSQL -c "SELECT count(*) FROM audit_entry")
S0=$(snapshot); T0=$(date +%s.%N)
( while sleep 1; do $PSQL -c "$PENDING" | tr '|' ' '; done ) > /tmp/audit-chainer-pending.txt 2>/dev/null &
SAMPLER=$!
mvn -B -f "$HERE/pom.xml" gatling:test -Dbase.url=$BASE -Dusers=$USERS -Dduration=$DURATION -Dramp=5 \
  > /tmp/audit-chainer-gatling.log 2>&1 || echo "(the simulation reported a failed assertion, see /tmp/audit-chainer-gatling.log)"
sleep 2
kill $SAMPLER 2>/dev/null || true
T1=$(date +%s.%N); S1=$(snapshot)
WRITTEN1=$($PSQL -c "SELECT count(*) FROM audit_entry")
T=$(echo "$T1 - $T0" | bc)
grep -E "^> (case page|search) .*(mean requests/sec|95th)" /tmp/audit-chainer-gatling.log || \
  sed -n '/Global Information/,/Response time distribution/p' /tmp/audit-chainer-gatling.log | grep -E "request count|95th|mean requests/sec" || true
echo "load: $((WRITTEN1 - WRITTEN0)) audit entries written in $T s = $(echo "($WRITTEN1 - $WRITTEN0) / $T" | bc) entries/s"
report load "$S0" "$S1" "$T"
sort -n -k1 /tmp/audit-chainer-pending.txt | tail -1 | awk '{ printf "load: most entries waiting to be chained %d; oldest waiting at most %.2f s (sampled every second)\n", $1, $2 }'
sort -n -k2 /tmp/audit-chainer-pending.txt | tail -1 | awk '{ printf "load: oldest unchained entry at most %.2f s old\n", $2 }'

echo "== backlog: $BACKLOG entries at once"
S0=$(snapshot); T0=$(date +%s.%N)
$PSQL -c "INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
  SELECT clock_timestamp(), 'loadtest-backlog', g, 'VIEW_CASE', NULL FROM generate_series(1, $BACKLOG) g" > /dev/null
until [ "$($PSQL -c "$PENDING" | cut -d'|' -f1)" = 0 ]; do sleep 0.2; done
T1=$(date +%s.%N); sleep 1; S1=$(snapshot)
report backlog "$S0" "$S1" "$(echo "$T1 - $T0" | bc)"
