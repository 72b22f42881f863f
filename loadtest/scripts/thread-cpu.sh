#!/usr/bin/env bash
# CPU of the app JVM's threads by group, across one command (a Gatling run), per request:
#
#   loadtest/scripts/thread-cpu.sh <app-pid> <requests-file> -- <command ...>
#
# Reads utime + stime of every thread (/proc/<pid>/task/*/stat, its name from /proc/<pid>/task/*/comm, cut to 15
# characters there) before and after the command, and prints the CPU of each group (request threads, the JIT's
# compiler threads, the garbage collector, the scheduled jobs, the rest) in seconds and, when the command left a
# request count in <requests-file> (one number), per request. Threads that ended during the command are not counted;
# the JVM total from /proc/<pid>/stat is printed beside the groups' sum so the difference shows.
set -euo pipefail
PID=${1:?app pid}
REQUESTS_FILE=${2:?requests file}
shift 2
[ "${1:-}" = "--" ] && shift
TICK=$(getconf CLK_TCK)

snapshot() {
  for t in /proc/"$PID"/task/*; do
    [ -r "$t/stat" ] || continue
    name=$(cat "$t/comm" 2>/dev/null || echo '?')
    # fields 14 and 15 after the comm (which may hold spaces): strip up to the last ')'
    ticks=$(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }')
    echo "${t##*/} $ticks $name"
  done
}
total() { sed 's/.*) //' /proc/"$PID"/stat | awk '{ print $12 + $13 }'; }

BEFORE=$(mktemp); AFTER=$(mktemp); trap 'rm -f "$BEFORE" "$AFTER"' EXIT
snapshot > "$BEFORE"; T0=$(total)
"$@"
snapshot > "$AFTER"; T1=$(total)
REQUESTS=$(cat "$REQUESTS_FILE" 2>/dev/null || echo 0)
awk -v tick="$TICK" -v requests="$REQUESTS" -v jvm=$((T1 - T0)) '
  NR == FNR { before[$1] = $2; next }
  {
    name = $0; sub(/^[0-9]+ [0-9]+ /, "", name)
    group = "other"
    if (name ~ /^http-nio-[0-9]+-e/) group = "request threads (http-nio-*-exec-*)"
    else if (name ~ /^C2 Compiler/) group = "JIT: C2 compiler threads"
    else if (name ~ /^C1 Compiler/) group = "JIT: C1 compiler threads"
    else if (name ~ /^(GC Thread|G1 |VM Thread|VM Periodic)/) group = "garbage collector and VM threads"
    else if (name ~ /^scheduling/) group = "scheduled jobs (scheduling-*)"
    else if (name ~ /^http-nio/) group = "Tomcat poller and acceptor"
    d = $2 - ($1 in before ? before[$1] : 0)
    cpu[group] += d; sum += d
  }
  END {
    for (g in cpu) {
      s = cpu[g] / tick
      if (requests > 0) printf "  %-40s %8.2f s  %6.3f ms per request\n", g, s, 1000 * s / requests
      else printf "  %-40s %8.2f s\n", g, s
    }
    printf "  %-40s %8.2f s (the JVM in all: %.2f s)\n", "sum of the threads alive at the end", sum / tick, jvm / tick
  }' "$BEFORE" "$AFTER" | sort
