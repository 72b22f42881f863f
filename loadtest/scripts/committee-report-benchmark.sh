#!/usr/bin/env bash
# The committee's report (issue 15) over the data the running app has: logs in as the demo manager and times 5 page
# and 5 PDF requests of the report for one period, printing each time and the median (target < 5 s for a year over the
# national data set: 50,000 candidates, a year of meetings and answers).
#
#   loadtest/scripts/committee-report-benchmark.sh [base-url] [period] [user] [password]
#   e.g. loadtest/scripts/committee-report-benchmark.sh http://127.0.0.1:8080 2026
#
# Start the app with the national data set first, as in loadtest/README.md. Only talks to the given (local) address.
set -euo pipefail

BASE=${1:-http://127.0.0.1:8080}
PERIOD=${2:-$(date +%Y)}
USER_NAME=${3:-leder}
PASSWORD=${4:-demo}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" \
	--data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
	"$BASE/login")
case "$status" in
	*login*) echo "login failed: $status" >&2; exit 1 ;;
esac

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for kind in page pdf; do
	path="/insights/committee-report"
	[ "$kind" = pdf ] && path="/insights/committee-report.pdf"
	times=()
	for i in $(seq ${RUNS:-5}); do
		t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$JAR" "$BASE$path?period=$PERIOD")
		code=${t% *}
		[ "$code" = 200 ] || { echo "$kind $i answered $code" >&2; exit 1; }
		times+=("${t#* }")
		echo "$kind $i: ${t#* } s"
	done
	echo "$kind median: $(printf '%s\n' "${times[@]}" | median) s (period $PERIOD)"
done
