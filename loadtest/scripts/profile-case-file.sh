#!/usr/bin/env bash
# A JFR profile of the case file under a light local load, without Gatling: curl clients that log in once each, then
# loop over a search (POST /cases, q=...) and the case pages it found, for DURATION seconds; then where the app's CPU
# went (loadtest/scripts/jfr-top.py).
#
#   BASE_URL=http://127.0.0.1:8080 CLIENTS=4 DURATION=60 WARMUP=30 loadtest/scripts/profile-case-file.sh <app-pid> [out.jfr]
#
# Start the app with deep stacks so the frames that matter are not cut off:
#   java -XX:FlightRecorderOptions=stackdepth=256 -jar target/vaerdig-*.jar --vaerdig.demo.candidates=50000 ...
# WARMUP seconds of the same load run first (not recorded; the clients log in there, once each), so the JIT has
# compiled the hot paths and BCrypt is not in the profile.
set -euo pipefail

APP_PID=${1:?app pid}
OUT=${2:-/tmp/case-file-$(date +%H%M%S).jfr}
BASE_URL=${BASE_URL:-http://127.0.0.1:8080}
CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-30}
LOGINS=${LOGINS:-sagsbehandler,teamleder,leder}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IFS=, read -r -a USERS <<< "$LOGINS"
WORDS=(hans jensen mette nielsen anne peter hansen lars sofie pedersen 010190 150385 jorgensen)

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

client() { # <n> <seconds>: one logged-in caseworker looping; prints its request count
	local n=$1 until=$(($(date +%s) + $2)) jar="$WORK/jar$1" count=0 token page ids id word
	if [ ! -f "$jar" ]; then # log in once per client (in the warm-up), so BCrypt is not in the profile
		token=$(curl -s -c "$jar" -b "$jar" "$BASE_URL/login" | csrf)
		curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=${USERS[$((n % ${#USERS[@]}))]}" \
			--data-urlencode "password=demo" --data-urlencode "_csrf=$token" "$BASE_URL/login"
	fi
	token=$(curl -s -c "$jar" -b "$jar" "$BASE_URL/cases" | csrf)
	while [ "$(date +%s)" -lt "$until" ]; do
		word=${WORDS[$((RANDOM % ${#WORDS[@]}))]}
		page=$(curl -s -c "$jar" -b "$jar" --data-urlencode "q=$word" --data-urlencode "_csrf=$token" "$BASE_URL/cases")
		count=$((count + 1))
		ids=$(echo "$page" | grep -o 'href="/cases/[0-9]*"' | grep -o '[0-9]*' | shuf -n 2 || true)
		for id in $ids; do
			curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE_URL/cases/$id"
			count=$((count + 1))
		done
	done
	echo "$count"
}

load() { # <seconds>: CLIENTS clients at once; prints the total request count
	local pids=() i total=0
	for i in $(seq 1 "$CLIENTS"); do
		client "$i" "$1" > "$WORK/count$i" &
		pids+=($!)
	done
	wait "${pids[@]}"
	for i in $(seq 1 "$CLIENTS"); do total=$((total + $(cat "$WORK/count$i"))); done
	echo "$total"
}

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

echo "warm-up (the clients log in): $CLIENTS clients for $WARMUP s: $(load "$WARMUP") requests"
jcmd "$APP_PID" JFR.start name=casefile settings=profile filename="$OUT" > /dev/null
t0=$(ticks "$APP_PID")
requests=$(load "$DURATION")
t1=$(ticks "$APP_PID")
jcmd "$APP_PID" JFR.stop name=casefile > /dev/null
awk -v r="$requests" -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v d="$DURATION" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
	printf "profiled: %d requests in %d s (%.1f/s), app JVM CPU %.2f ms per request (load average %s)\n",
		r, d, r / d, t * 1000 / hz / r, l }'
echo "recording: $OUT"
python3 "$HERE/jfr-top.py" "$OUT"
