#!/usr/bin/env bash
# The case file measured against its limit, in one session on the same data (issue 16):
#
#   loadtest/scripts/limit-run.sh <app-pid> <postgres-data-directory> [gatling -D options ...]
#   e.g. loadtest/scripts/limit-run.sh "$APP_PID" /tmp/vaerdig-national -Dbase.url=http://127.0.0.1:8080 -Dusers=20 -Dduration=60
#
# 1. the app run: CaseFileSimulation through Gatling, with CPU per request of the app JVM and of PostgreSQL
#    (/proc/<pid>/stat before and after, as cpu-per-request.sh), SQL statements per request from pg_stat_statements
#    (reset before the run; every statement PostgreSQL executed in the window, the background jobs' too), and p50 /
#    p95 / p99 and requests per second of "search" and "case page" (Gatling's figures);
# 2. the limit run: pgbench executing the statements of a search and of a case page (loadtest/pgbench/*.sql, weighted
#    as the app run's searches and case pages) at the same concurrency, for as long, on the same database, with
#    PostgreSQL's CPU per page; then the app's throughput as a share of the limit's;
# 3. how exactly the limit run repeats the app run: the share of the app run's statement executions whose
#    pg_stat_statements queryid the limit run also executed, and the app's most frequent statements it did not.
#
# Needs psql and pgbench (Debian's postgresql-client), user postgres on the embedded PostgreSQL (as the app's
# data directory gives it), and pg_stat_statements loaded: once, with the app running,
#   psql -h localhost -p <port> -U postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
# then restart the app (its embedded PostgreSQL reads the setting at start). USERS / DURATION default to the Gatling
# options' -Dusers / -Dduration (20 / 60).
set -euo pipefail

APP_PID=${1:?app pid}
DATA_DIR=${2:?postgres data directory}
shift 2
HERE=$(cd "$(dirname "$0")/.." && pwd)
USERS=20
DURATION=60
for arg in "$@"; do
	case "$arg" in
		-Dusers=*) USERS=${arg#-Dusers=} ;;
		-Dduration=*) DURATION=${arg#-Dduration=} ;;
	esac
done
PG_PID=$(head -1 "$DATA_DIR/postmaster.pid")
PG_PORT=$(sed -n 4p "$DATA_DIR/postmaster.pid")
HZ=$(getconf CLK_TCK)
PSQL=(psql -h localhost -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAX)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ticks() { # utime + stime (+ cutime + cstime with "all") of one process
	local rest
	rest=$(sed 's/^.*) //' "/proc/$1/stat" 2> /dev/null) || { echo 0; return; }
	if [ "${2:-}" = all ]; then echo "$rest" | awk '{ print $12 + $13 + $14 + $15 }'; else echo "$rest" | awk '{ print $12 + $13 }'; fi
}
pg_ticks() {
	local sum child
	sum=$(ticks "$PG_PID" all)
	for child in $(pgrep -P "$PG_PID"); do sum=$((sum + $(ticks "$child"))); done
	echo "$sum"
}
ms() { awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }'; }

if ! "${PSQL[@]}" -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
	echo "pg_stat_statements is not loaded: run, then restart the app:" >&2
	echo "  ${PSQL[*]} -c \"ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'\"" >&2
	exit 2
fi
"${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" > /dev/null
# the statements of this script's own psql calls are left out of every count
OWN="query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE 'SHOW %' AND query NOT LIKE 'CREATE EXTENSION%'"
snapshot() { # <file>: queryid, calls, query (first line, 110 characters) of everything since the last reset
	"${PSQL[@]}" -F $'\t' -c "SELECT queryid, calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
		FROM pg_stat_statements WHERE $OWN ORDER BY calls DESC" > "$1"
}

echo "== app run: CaseFileSimulation, $USERS users, $DURATION s (load average $(cut -d' ' -f1 /proc/loadavg))"
"${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" > /dev/null
app0=$(ticks "$APP_PID"); pg0=$(pg_ticks)
mvn -B -f "$HERE/pom.xml" gatling:test "$@" > "$WORK/gatling.log" 2>&1 || true
app1=$(ticks "$APP_PID"); pg1=$(pg_ticks)
snapshot "$WORK/app.tsv"
# Gatling's final table (it prints progress tables while running): from the last "Global Information" on
awk '/Global Information/ { n = NR } { line[NR] = $0 } END { for (i = n; i <= NR; i++) print line[i] }' "$WORK/gatling.log" \
	| grep -E '^(> |Global:|search:|case page:)' | grep -vE 'min response|max response|std deviation|^> OK|^> KO' || true
requests=$(grep -E '^> request count' "$WORK/gatling.log" | tail -1 | grep -oE '[0-9][0-9,]*' | head -1 | tr -d , || true)
[ -n "$requests" ] && [ "$requests" -gt 0 ] || { echo "no request count in Gatling's output" >&2; tail -30 "$WORK/gatling.log" >&2; exit 1; }
# "search: mean requests per second is greater than or equal to 0.0 : true (actual : 123.4)" (Harness.assertions)
rps() { { grep -E "^$1: mean requests per second" "$WORK/gatling.log" | grep -oE 'actual : [0-9.]+' | grep -oE '[0-9.]+' | head -1; } || true; }
pct() { { grep -E "^$1: $2 percentile of response time" "$WORK/gatling.log" | grep -oE 'actual : [0-9.]+' | grep -oE '[0-9.]+' | head -1; } || true; }
search_rps=$(rps search); page_rps=$(rps "case page")
statements=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$WORK/app.tsv")
# the requests' own: without transaction control and the background jobs' statements (the audit chainer, ShedLock,
# the event registry, the job log), as CaseFileStatementsIntegrationTest counts them
BACKGROUND='audit_chain|shedlock|event_publication|job_run|^(BEGIN|COMMIT|ROLLBACK)|FROM audit_entry WHERE \(tx, seq\)'
own=$(awk -F'\t' -v bg="$BACKGROUND" '$3 !~ bg { s += $2 } END { print s + 0 }' "$WORK/app.tsv")
printf '%-10s %8s %8s %8s %10s\n' request p50 p95 p99 'req/s'
for r in search "case page"; do
	printf '%-10s %6s ms %6s ms %6s ms %10s\n' "$r" "$(pct "$r" 50th)" "$(pct "$r" 95th)" "$(pct "$r" 99th)" "$(rps "$r")"
done
echo "app run: $requests requests (logins included); CPU per request: app JVM $(ms $((app1 - app0)) "$requests") ms," \
	"PostgreSQL $(ms $((pg1 - pg0)) "$requests") ms"
echo "SQL statements per request: $(awk -v s="$own" -v n="$requests" 'BEGIN { printf "%.2f", s / n }') of the requests' own" \
	"(logins count as requests), $(awk -v s="$statements" -v n="$requests" 'BEGIN { printf "%.2f", s / n }') with BEGIN/COMMIT and the background jobs'"
echo "most executed statements (calls per request):"
awk -F'\t' -v n="$requests" 'NR <= 12 { printf "  %6.2f  %s\n", $2 / n, $3 }' "$WORK/app.tsv"

echo "== limit run: pgbench, the statements of a search and a case page, $USERS clients, $DURATION s"
IFS=$'\t' read -r sid team < <("${PSQL[@]}" -F $'\t' -c "SELECT s.session_id, u.team_id FROM spring_session s
	JOIN staff_user u ON u.username = s.principal_name WHERE u.username = 'sagsbehandler'
	ORDER BY s.last_access_time DESC LIMIT 1")
[ -n "${sid:-}" ] || { echo "no session of sagsbehandler left from the app run" >&2; exit 1; }
IFS=$'\t' read -r minid maxid < <("${PSQL[@]}" -F $'\t' -c "SELECT min(id), max(id) FROM candidate")
ids=$("${PSQL[@]}" -c "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM candidate
	WHERE team_id = $team AND search_name LIKE '%hansen%' ORDER BY last_name, first_name, id LIMIT 25) p")
[ "$ids" != "{}" ] && [ -n "$ids" ] || ids="{$minid}"
weights_search=$(awk -v s="${search_rps:-1}" 'BEGIN { printf "%d", s * 100 + 1 }')
weights_page=$(awk -v p="${page_rps:-1}" 'BEGIN { printf "%d", p * 100 + 1 }')
"${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" > /dev/null
pg0=$(pg_ticks)
pgbench -h localhost -p "$PG_PORT" -U postgres -n -M prepared -c "$USERS" -j 2 -T "$DURATION" \
	-f "$HERE/pgbench/search.sql@$weights_search" -f "$HERE/pgbench/case-page.sql@$weights_page" \
	-D sid="$sid" -D team="$team" -D minid="$minid" -D maxid="$maxid" -D ids="$ids" \
	-D now="$(date -u '+%Y-%m-%d %H:%M:%S+00')" -D today="$(date -u +%F)" -D actor=pgbench-limit-run \
	-D viewcase=VIEW_CASE -D search=SEARCH -D viewlist=VIEW_LIST -D detail=limit-run -D namesearch='name search' -D cprsearch='name search' \
	-D list='candidate list' -D word=hansen -D pattern='%hansen%' -D cprfrom=010190-0000 -D cprto=010190-9999 \
	-D pagesize=26 -D zero=0 -D meetings=10 -D timeline=50 -D zone=Europe/Copenhagen postgres > "$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log" >&2; exit 1; }
# pgbench's backends count while they live and then in the postmaster's children's total, which can take a moment
# to include them after they exit: a reading taken as pgbench ended once had 551 of a run's 1,542 ticks. So read
# until two readings a second apart agree (within 5 ticks, PostgreSQL's background work), at most 5 s.
pg1=$(pg_ticks)
for _ in 1 2 3 4 5; do
	sleep 1
	again=$(pg_ticks)
	settled=$((again - pg1 <= 5))
	pg1=$again
	[ "$settled" = 1 ] && break
done
snapshot "$WORK/limit.tsv"
limit_tps=$(grep -m1 -E '^tps = ' "$WORK/pgbench.log" | grep -oE '[0-9.]+' | head -1 || true)
pages=$(grep -m1 -E 'number of transactions actually processed' "$WORK/pgbench.log" | grep -oE '[0-9]+' | head -1 || true)
grep -E '^(latency average|tps|SQL script| - [0-9]+ transactions)' "$WORK/pgbench.log" || true
app_pages=$(awk -v s="${search_rps:-0}" -v p="${page_rps:-0}" 'BEGIN { printf "%.1f", s + p }')
echo "limit run: $pages pages, $limit_tps pages/s; PostgreSQL CPU per page $(ms $((pg1 - pg0)) "$pages") ms"
echo "== the app at $(awk -v a="$app_pages" -v l="$limit_tps" 'BEGIN { printf "%.0f", 100 * a / l }') % of the limit" \
	"($app_pages searches and case pages/s against $limit_tps)"
# how exactly the limit run repeats the app's statements, by queryid
covered=$(awk -F'\t' 'NR == FNR { seen[$1] = 1; next } { all += $2; if ($1 in seen) hit += $2 }
	END { printf "%.0f", (all > 0 ? 100 * hit / all : 0) }' "$WORK/limit.tsv" "$WORK/app.tsv")
echo "the limit run executed the statements (by queryid) of $covered % of the app run's statement executions; the app's most frequent ones it did not:"
awk -F'\t' -v n="$requests" 'NR == FNR { seen[$1] = 1; next } !($1 in seen) && shown < 8 { printf "  %6.2f per request  %s\n", $2 / n, $3; shown++ }' \
	"$WORK/limit.tsv" "$WORK/app.tsv"
