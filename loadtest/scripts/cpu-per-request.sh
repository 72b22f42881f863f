#!/usr/bin/env bash
# CPU per request of the app JVM and of its PostgreSQL across one Gatling run, and audit entries per request.
#
#   loadtest/scripts/cpu-per-request.sh <app-pid> <postgres-data-directory> [gatling -D options ...]
#
# e.g. (app started as in loadtest/README.md with --vaerdig.platform.embedded-db.data-directory=/tmp/vaerdig-national)
#   loadtest/scripts/cpu-per-request.sh "$(pgrep -f VaerdigApplication)" /tmp/vaerdig-national -Dusers=20 -Dduration=60
#
# The app's CPU is utime + stime of its JVM from /proc/<pid>/stat; PostgreSQL's is the postmaster's own and its
# finished children's (cutime + cstime) plus the live backends', the postmaster found by postmaster.pid in the data
# directory. Requests are Gatling's count (logins included). Audit entries are counted with psql (user postgres on the
# port in postmaster.pid); without psql that line is left out.
set -euo pipefail

APP_PID=${1:?app pid}
DATA_DIR=${2:?postgres data directory}
shift 2
HERE=$(cd "$(dirname "$0")/.." && pwd)
TICK_MS=$(awk "BEGIN { print 1000 / $(getconf CLK_TCK) }")
PG_PID=$(head -1 "$DATA_DIR/postmaster.pid")
PG_PORT=$(sed -n 4p "$DATA_DIR/postmaster.pid")

# utime + stime (+ cutime + cstime with "all") of one process, in ticks; fields after the ")" of the command name
ticks() {
	local rest
	rest=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
	if [ "${2:-}" = all ]; then
		echo "$rest" | awk '{ print $12 + $13 + $14 + $15 }'
	else
		echo "$rest" | awk '{ print $12 + $13 }'
	fi
}

pg_ticks() {
	local sum child
	sum=$(ticks "$PG_PID" all)
	for child in $(pgrep -P "$PG_PID"); do
		sum=$((sum + $(ticks "$child")))
	done
	echo "$sum"
}

audit_entries() {
	command -v psql > /dev/null || return 0
	psql -h localhost -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT count(*) FROM audit_entry" 2> /dev/null || true
}

app0=$(ticks "$APP_PID")
pg0=$(pg_ticks)
audit0=$(audit_entries)
load0=$(cut -d' ' -f1 /proc/loadavg)
log=$(mktemp)
# a run whose latency assertions fail (a loaded machine) still has its CPU figures
mvn -B -f "$HERE/pom.xml" gatling:test "$@" | tee "$log" || true
app1=$(ticks "$APP_PID")
pg1=$(pg_ticks)
audit1=$(audit_entries)
load1=$(cut -d' ' -f1 /proc/loadavg)

# Gatling's global table: "> request count    12345 (OK=12345  KO=0 )"
requests=$(grep -m1 -E '^> request count|Request count|request count' "$log" | grep -oE '[0-9][0-9,]*' | head -1 | tr -d ,)
rm -f "$log"
if [ -z "$requests" ] || [ "$requests" -eq 0 ]; then
	echo "no request count found in Gatling's output" >&2
	exit 1
fi
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v n="$requests" -v t="$TICK_MS" -v l0="$load0" -v l1="$load1" 'BEGIN {
	printf "CPU per request over %d requests: app JVM %.2f ms, PostgreSQL %.2f ms, together %.2f ms (load average %s -> %s)\n",
		n, a * t / n, p * t / n, (a + p) * t / n, l0, l1 }'
if [ -n "$audit0" ] && [ -n "$audit1" ]; then
	awk -v e=$((audit1 - audit0)) -v n="$requests" 'BEGIN {
		printf "audit entries: %d written, %.2f per request\n", e, e / n }'
fi
