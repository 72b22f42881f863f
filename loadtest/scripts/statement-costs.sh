#!/usr/bin/env bash
# PostgreSQL's execution time per request by statement, across one command (a Gatling run at low load, so the times
# are the statements' own and not the wait for a busy CPU):
#
#   loadtest/scripts/statement-costs.sh <pg-port> <requests-file> -- <command ...>
#   e.g. USERS=2 loadtest/scripts/statement-costs.sh 54380 /tmp/requests -- loadtest/scripts/casefile-run.sh 30 /tmp/requests
#
# Resets pg_stat_statements (loaded as limit-run.sh says), runs the command, then prints for the 25 statements with
# the most execution time: microseconds per request, calls per request, mean microseconds per call, shared buffers hit
# per call and rows per call; and the sum over all statements. <requests-file> holds the command's request count (one
# number), as casefile-run.sh leaves it. Planning time is not in these figures (pg_stat_statements.track_planning).
set -euo pipefail
PG_PORT=${1:?postgres port}
REQUESTS_FILE=${2:?requests file}
shift 2
[ "${1:-}" = "--" ] && shift
PSQL=(psql -h localhost -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -X -q -P pager=off)
"${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" > /dev/null
"$@"
REQUESTS=$(cat "$REQUESTS_FILE")
[ "$REQUESTS" -gt 0 ] || { echo "no requests counted" >&2; exit 1; }
echo "requests: $REQUESTS"
"${PSQL[@]}" -c "
SELECT round((total_exec_time / $REQUESTS * 1000)::numeric) AS us_per_request,
       round(calls::numeric / $REQUESTS, 2) AS calls_per_request,
       round((mean_exec_time * 1000)::numeric) AS mean_us,
       round(shared_blks_hit::numeric / nullif(calls, 0)) AS blocks_per_call,
       rows / nullif(calls, 0) AS rows_per_call,
       left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25" \
  -c "SELECT round((sum(total_exec_time) / $REQUESTS * 1000)::numeric) AS all_statements_us_per_request FROM pg_stat_statements"
