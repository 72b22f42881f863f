#!/bin/bash
# The retention job against the case file: how long it takes to delete a million expired rows in batches, and the
# case page's p95 (and CPU per request) while it runs against a run of the same length without it, in one session.
#
#   usage: loadtest/scripts/retention-benchmark.sh APP_PID PG_PORT
#
# The app must run with the job every 5 seconds, so that it starts as soon as the rows expire:
#   --vaerdig.access.retention.cron='*/5 * * * * *'
# (an empty run, with nothing expired, is a dozen index look-ups). Environment (defaults in brackets):
#   CANDIDATES [62500] closed case files, each with MEETINGS_EACH [16] meetings: 1,000,000 meetings
#   BASE_URL [http://127.0.0.1:8080] the app
#   USERS [20], DURATION [60] the CaseFileSimulation's users and seconds at full load, for both runs
#
# Steps: (1) CaseFileSimulation without the job (baseline); (2) fill the meetings of cases that are still open;
# (3) start the CaseFileSimulation again, and after its ramp close the cases (closed 2015-01-01, so their 5 years
# have run out): the job's next tick deletes the meetings (kind "meeting"), then the case files ("case-file"), 1,000
# rows per transaction; (4) print the job's time and rows per second from retention_run, the case page's p95 of both
# runs, and CPU per request of the app and of PostgreSQL (from /proc/<pid>/stat) in both windows.
set -euo pipefail
APP_PID=$1; PG_PORT=$2
BASE_URL=${BASE_URL:-http://127.0.0.1:8080}; CANDIDATES=${CANDIDATES:-62500}; MEETINGS_EACH=${MEETINGS_EACH:-16}; USERS=${USERS:-20}; DURATION=${DURATION:-60}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
export PGPASSWORD=${PGPASSWORD:-postgres}
TICK=$(getconf CLK_TCK)

postmaster() { ps -eo pid=,args= | awk -v port="$PG_PORT" '$2 ~ /bin\/postgres$/ && $0 ~ ("-p " port "( |$)") {print $1; exit}'; }
PM=$(postmaster)
[ -n "$PM" ] || { echo "no PostgreSQL postmaster on port $PG_PORT" >&2; exit 1; }
# CPU seconds: the app's process; PostgreSQL's postmaster with its reaped children (cutime) and its live backends
app_cpu() { awk -v t="$TICK" '{printf "%.2f", ($14+$15)/t}' "/proc/$APP_PID/stat"; }
pg_cpu() {
  local sum; sum=$(awk '{print $14+$15+$16+$17}' "/proc/$PM/stat")
  for c in $(pgrep -P "$PM"); do sum=$((sum + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  awk -v s="$sum" -v t="$TICK" 'BEGIN{printf "%.2f", s/t}'
}

# runs the CaseFileSimulation; prints "requests failed p95_case_page p95_search case_pages" from its console output
# (the global table's request count, and the assertions' actual values, which the simulation prints per request)
gatling() {
  local log=/tmp/retention-bench-$1.log
  mvn -B -o -f "$HERE/pom.xml" gatling:test -Dbase.url="$BASE_URL" -Dusers="$USERS" -Dduration="$DURATION" -Dp95.ms=100000 >"$log" 2>&1 || true
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def actual(request, what):
    m = re.search(re.escape(request) + r": " + what + r".*\(actual : ([0-9.]+)\)", text)
    return float(m.group(1)) if m else float("nan")
count = re.findall(r"> request count\s*\|\s*([0-9,]+)\s*\|\s*([0-9,]+)\s*\|\s*([0-9,-]+)", text)
total, ok, ko = count[-1] if count else ("0", "0", "0")
n = lambda v: int(v.replace(",", "")) if v.strip("-") else 0
rps = actual("case page", "mean requests per second")
print(n(total), n(ko), int(actual("case page", "95th percentile") if actual("case page", "95th percentile") == actual("case page", "95th percentile") else -1),
      int(actual("search", "95th percentile") if actual("search", "95th percentile") == actual("search", "95th percentile") else -1),
      "%.1f" % rps)
PY
}

measure() {  # label -> "requests failed p95case p95search casepages/s appcpu pgcpu seconds"
  local a0 p0 t0 out; a0=$(app_cpu); p0=$(pg_cpu); t0=$(date +%s.%N)
  out=$(gatling "$1")
  echo "$out $(awk -v a="$(app_cpu)" -v b="$a0" 'BEGIN{printf "%.2f", a-b}') $(awk -v a="$(pg_cpu)" -v b="$p0" 'BEGIN{printf "%.2f", a-b}') $(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{printf "%.1f", a-b}')"
}

echo "== 1. baseline: CaseFileSimulation, $USERS users, ${DURATION}s, no expired rows"
BASE=$(measure baseline); echo "   $BASE"

echo "== 2. filling $CANDIDATES open case files with $MEETINGS_EACH meetings each"
start=$(date +%s)
"${PSQL[@]}" <<SQL
INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, caseworker, team_id)
SELECT to_char(date '1930-01-01' + (i % 3650), 'DDMMYY') || '-' || lpad((i / 3650)::text, 4, '0'), 'Bench' || i,
       'Retentionbench', 'LAB01', date '2008-01-01', u.username, u.team_id
FROM generate_series(1, $CANDIDATES) i, (SELECT username, team_id FROM staff_user WHERE username = 'sagsbehandler') u
ON CONFLICT (cpr) DO NOTHING;
INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about, candidate_wishes, next_step)
SELECT c.id, 'sagsbehandler', timestamptz '2008-01-01 10:00' + k * interval '20 days', 'IN_PERSON', 'HELD',
       timestamptz '2008-01-01 10:00' + k * interval '20 days', 'Vi talte om job, uddannelse og helbred.',
       'Arbejde med mennesker', 'Send CV til to virksomheder'
FROM candidate c, generate_series(1, $MEETINGS_EACH) k WHERE c.last_name = 'Retentionbench';
ANALYZE candidate; ANALYZE meeting;
SQL
ROWS=$("${PSQL[@]}" -c "SELECT count(*) FROM meeting m JOIN candidate c ON c.id = m.candidate_id WHERE c.last_name = 'Retentionbench'")
echo "   $ROWS meetings in $(( $(date +%s) - start )) s"
LAST=$("${PSQL[@]}" -c "SELECT coalesce(max(id), 0) FROM retention_run")

echo "== 3. CaseFileSimulation again; after its ramp the cases close and the job deletes"
measure during > /tmp/retention-bench-during.out &
GATLING=$!
sleep 6
"${PSQL[@]}" -c "UPDATE candidate SET course_closed_on = date '2015-01-01' WHERE last_name = 'Retentionbench'"
closed=$(date +%s.%N)
RUN=""
while [ -z "$RUN" ]; do
  sleep 1
  RUN=$("${PSQL[@]}" -c "SELECT run_id FROM retention_run_kind WHERE run_id > $LAST AND kind = 'meeting' LIMIT 1")
done
JA0=$(app_cpu); JP0=$(pg_cpu)
while [ -z "$("${PSQL[@]}" -c "SELECT finished_at FROM retention_run WHERE id = $RUN")" ]; do sleep 1; done
JA=$(awk -v a="$(app_cpu)" -v b="$JA0" 'BEGIN{printf "%.1f", a-b}'); JP=$(awk -v a="$(pg_cpu)" -v b="$JP0" 'BEGIN{printf "%.1f", a-b}')
wait $GATLING || true
DURING=$(cat /tmp/retention-bench-during.out); echo "   $DURING"

read -r JOB_S STARTED_AFTER OUTCOME <<<"$("${PSQL[@]}" -F ' ' -c "SELECT extract(epoch FROM finished_at - started_at),
  extract(epoch FROM started_at) - $closed, outcome FROM retention_run WHERE id = $RUN")"
"${PSQL[@]}" -F ' ' -c "SELECT kind, removed FROM retention_run_kind WHERE run_id = $RUN ORDER BY kind" | sed 's/^/   removed: /'
REMOVED=$("${PSQL[@]}" -c "SELECT sum(removed) FROM retention_run_kind WHERE run_id = $RUN")

echo
echo "== retention job (run $RUN, $OUTCOME): $REMOVED rows in ${JOB_S%.*}.$(printf '%s' "${JOB_S#*.}" | cut -c1-1) s = $(awk -v r="$REMOVED" -v s="$JOB_S" 'BEGIN{printf "%.0f", r/s}') rows/s; started ${STARTED_AFTER%.*} s after the cases closed"
echo "   CPU while it ran (includes the simulation's requests): app ${JA} s, PostgreSQL ${JP} s"
report() {  # label fields
  local label=$1; shift; read -r req ko p95c p95s caserps app pg secs <<<"$*"
  printf "   %-8s requests %6d (failed %d); case page p95 %4d ms (%s pages/s), search p95 %4d ms; CPU per request: app %.2f ms, PostgreSQL %.2f ms\n" \
    "$label" "$req" "$ko" "$p95c" "$caserps" "$p95s" \
    "$(awk -v c="$app" -v r="$req" 'BEGIN{print 1000*c/r}')" "$(awk -v c="$pg" -v r="$req" 'BEGIN{print 1000*c/r}')"
}
echo "== CaseFileSimulation, $USERS users, ${DURATION}s each"
report baseline $BASE
report "job" $DURING
echo "   case page p95 during the job / without: $(awk -v a="$(echo "$DURING" | cut -d' ' -f3)" -v b="$(echo "$BASE" | cut -d' ' -f3)" 'BEGIN{printf "%.2f", a/b}')"
echo "   the job ran $(awk -v j="$JOB_S" -v d="$DURATION" 'BEGIN{printf "%.0f", 100*(j < d ? j/d : 1)}') % of the second run's full-load window"
