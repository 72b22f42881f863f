#!/bin/bash
# Two app nodes behind HAProxy against one PostgreSQL, one node killed in the middle; counts what survived.
#
#   usage: loadtest/scripts/two-nodes.sh            (from the repository root, after `mvn -B package -DskipTests`)
#
# What it does (everything on loopback, under $WORK):
#   1. a throw-away PostgreSQL 15 cluster (Debian's binaries, as the OS user postgres, as crash-test.sh) on $PG_PORT;
#   2. node A (port $A_PORT) and node B ($B_PORT): the built jar, java -jar, against that database; A generates the demo
#      municipality (2,000 candidates), B finds it there; both log their scheduled jobs' runs (job_run);
#   3. HAProxy ($LB_PORT, round robin, no stickiness, health check /actuator/health every second);
#   4. logs $SESSIONS staff sessions in through HAProxy; edits the letter dictionary on A and measures how long until
#      B's analysis uses the edit; uploads a batch audit of $LETTERS letters to A and reads its progress on B;
#   5. runs CaseFileSimulation (caseworkers: search and case page) and AnswerSimulation (candidates answering, with
#      retries) through HAProxy at the same time, and kills node A (kill -9) $KILL_AFTER s into the run;
#   6. prints the counts: sessions still logged in, answers acknowledged = stored = used tokens, the case-file
#      requests that failed and why (a lost session would show as a redirect to /login), scheduled job runs per node
#      and overlapping runs (must be 0), the dictionary delay, the batch audit's progress on B and its end.
# environment: PG_PORT (55434), A_PORT (8181), B_PORT (8182), LB_PORT (8180), WORK (/tmp/two-nodes), RATE (30 answers/s),
#   USERS (5 case-file users), JAR (target/vaerdig-*.jar), DURATION (60 s), KILL_AFTER (25 s), LETTERS (1500), SESSIONS (10), XMX (768m)
set -uo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd); ROOT=$(cd "$HERE/.." && pwd)
PG_PORT=${PG_PORT:-55434}; A_PORT=${A_PORT:-8181}; B_PORT=${B_PORT:-8182}; LB_PORT=${LB_PORT:-8180}
WORK=${WORK:-/tmp/two-nodes}; RATE=${RATE:-30}; USERS=${USERS:-5}; DURATION=${DURATION:-60}; KILL_AFTER=${KILL_AFTER:-25}
LETTERS=${LETTERS:-1500}; SESSIONS=${SESSIONS:-10}; XMX=${XMX:-768m}
PGBIN=/usr/lib/postgresql/15/bin
JAR=${JAR:-$(ls "$ROOT"/target/vaerdig-*.jar 2>/dev/null | grep -v original | head -1)}
[ -n "$JAR" ] || { echo "no jar in $ROOT/target: run mvn -B package -DskipTests first"; exit 1; }
LB=http://127.0.0.1:$LB_PORT; NODE_A=http://127.0.0.1:$A_PORT; NODE_B=http://127.0.0.1:$B_PORT
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d vaerdig -v ON_ERROR_STOP=1 -At"
export PGPASSWORD=twonodes
LABEL=two$(date +%H%M%S)

cleanup() {
  [ -n "${A_PID:-}" ] && kill "$A_PID" 2>/dev/null
  [ -n "${B_PID:-}" ] && kill "$B_PID" 2>/dev/null
  [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null
  sleep 2
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $WORK/data -m fast stop" >/dev/null 2>&1
}
trap cleanup EXIT

echo "== PostgreSQL 15 on $PG_PORT, data in $WORK/data"
rm -rf "$WORK"; mkdir -p "$WORK/letters"; chown postgres "$WORK"
su postgres -s /bin/bash -c "$PGBIN/initdb -D $WORK/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && $PGBIN/pg_ctl -D $WORK/data -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200' -l $WORK/pg.log -w start >/dev/null"
psql -h 127.0.0.1 -p $PG_PORT -U postgres -q -c "ALTER USER postgres PASSWORD 'twonodes'" \
  -c "CREATE ROLE vaerdig_owner LOGIN PASSWORD 'twonodes'" -c "CREATE ROLE vaerdig_app LOGIN PASSWORD 'twonodes'" \
  -c "CREATE DATABASE vaerdig OWNER vaerdig_owner"
# as a real installation: Flyway migrates as the owner, the nodes run as the app's role that owns nothing; both nodes
# share one audit key, one survey-token secret and one append-only checkpoint file
AUDIT_KEY="harness:$(head -c 32 /dev/urandom | base64)"
TOKEN_SECRET="$(head -c 32 /dev/urandom | base64)"

start_node() { # name port
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/vaerdig SPRING_DATASOURCE_USERNAME=vaerdig_app \
  SPRING_DATASOURCE_PASSWORD=twonodes SPRING_FLYWAY_USER=vaerdig_owner SPRING_FLYWAY_PASSWORD=twonodes \
  VAERDIG_AUDIT_KEY="$AUDIT_KEY" VAERDIG_SURVEYS_TOKEN_SECRET="$TOKEN_SECRET" \
  VAERDIG_ACCESS_AUDIT_CHECKPOINT_FILE="$WORK/audit-checkpoints.log" java -Xmx$XMX -jar "$JAR" --server.port=$2 --vaerdig.demo.enabled=true \
    --vaerdig.demo.candidates=2000 --vaerdig.platform.public-rate-limit-per-minute=0 --vaerdig.platform.job-run-log=true \
    --vaerdig.letters.audit-takeover-after=15s --vaerdig.surveys.public-base-url=$LB > "$WORK/node-$1.log" 2>&1 &
  echo $!
}
wait_up() { # url log
  for _ in $(seq 1 240); do
    curl -sf "$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "node at $1 did not start; see $2"; exit 1
}
echo "== node A on $A_PORT (generates the demo municipality), then node B on $B_PORT"
A_PID=$(start_node a $A_PORT); wait_up $NODE_A "$WORK/node-a.log"
B_PID=$(start_node b $B_PORT); wait_up $NODE_B "$WORK/node-b.log"
grep -h "Demo data" "$WORK"/node-*.log | sed 's/.*Demo data/Demo data/'

cat > "$WORK/haproxy.cfg" <<CFG
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  option redispatch
  retries 3
  retry-on conn-failure empty-response response-timeout 503
frontend vaerdig
  bind 127.0.0.1:$LB_PORT
  default_backend nodes
backend nodes
  balance roundrobin
  # liveness only: a node that is busy is still up (the full health, with the database check, can be slow under load)
  option httpchk GET /actuator/health/liveness
  http-check expect status 200
  timeout check 5s
  server a 127.0.0.1:$A_PORT check inter 1s fall 2 rise 2
  server b 127.0.0.1:$B_PORT check inter 1s fall 2 rise 2
CFG
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid" || { echo "haproxy did not start"; exit 1; }
sleep 3
echo "== HAProxy on $LB_PORT, round robin over A and B"

csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
login() { # jar user base
  local token; token=$(curl -s -c "$1" -b "$1" "$3/login" | csrf)
  curl -s -o /dev/null -w '%{redirect_url}' -c "$1" -b "$1" --data-urlencode "username=$2" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$token" "$3/login"
}
status_of() { curl -s -o /dev/null -w '%{http_code}' -b "$1" "$2"; }

echo "== $SESSIONS staff sessions logged in through HAProxy"
USERS_LIST=(sagsbehandler sagsbehandler2 teamleder leder klage virksomhed)
for i in $(seq 1 "$SESSIONS"); do
  login "$WORK/s$i.jar" "${USERS_LIST[$((i % ${#USERS_LIST[@]}))]}" $LB >/dev/null
done
ok=0; for i in $(seq 1 "$SESSIONS"); do [ "$(status_of "$WORK/s$i.jar" $LB/cases)" = 200 ] && ok=$((ok + 1)); done
echo "sessions logged in and answering 200 on /cases before the kill: $ok of $SESSIONS"

echo "== dictionary: a new phrase saved on node A, then analysed on node B until it is found"
login "$WORK/comm.jar" kommunikation $NODE_A >/dev/null
WORD="tonodeord$(tr -dc 'a-z' </dev/urandom | head -c 6)"
token=$(curl -s -b "$WORK/comm.jar" "$NODE_B/letters/editor" | csrf)
before=$(curl -s -b "$WORK/comm.jar" -H 'HX-Request: true' --data-urlencode "text=Vi sender dig et $WORD om din sag." \
  --data-urlencode category=INFORMATION --data-urlencode "_csrf=$token" "$NODE_B/letters/editor" | grep -c "»brev«")
dtoken=$(curl -s -b "$WORK/comm.jar" "$NODE_A/letters/dictionary" | csrf)
T0=$(date +%s.%N)
curl -s -o /dev/null -b "$WORK/comm.jar" --data-urlencode kind=OFFICIALESE --data-urlencode "phrase=$WORD" \
  --data-urlencode alternative=brev --data-urlencode "_csrf=$dtoken" "$NODE_A/letters/dictionary"
DICT_SECONDS=never
for _ in $(seq 1 300); do
  if curl -s -b "$WORK/comm.jar" -H 'HX-Request: true' --data-urlencode "text=Vi sender dig et $WORD om din sag." \
      --data-urlencode category=INFORMATION --data-urlencode "_csrf=$token" "$NODE_B/letters/editor" | grep -q "»brev«"; then
    DICT_SECONDS=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $T0 }"); break
  fi
  sleep 0.1
done
echo "dictionary: found on B before the edit: $before; edit on A used by B after $DICT_SECONDS s"

echo "== load through HAProxy: CaseFileSimulation ($USERS users) and AnswerSimulation ($RATE answers/s), $DURATION s; node A killed after $KILL_AFTER s"
for i in $(seq 1 "$LETTERS"); do
  printf 'Kære modtager\n\nUndertegnede skal hermed meddele, at De bedes fremsende dokumentation for brev nr. %d.\nDer er truffet afgørelse i Deres sag. Såfremt De har spørgsmål, bedes De kontakte os.\n' "$i" > "$WORK/letters/brev-$i.txt"
done
"$HERE/scripts/answer-tokens.sh" $((RATE * (DURATION + 10))) "$LABEL" "$WORK/tokens.csv" -h 127.0.0.1 -p $PG_PORT -U postgres -d vaerdig
ANSWERS_BEFORE=$($PSQL -c "SELECT count(*) FROM survey_answer")
mvn -B -q -f "$HERE/pom.xml" test-compile >/dev/null 2>&1   # so that both simulations start at once
mvn -B -q -f "$HERE/pom.xml" gatling:test -Dsimulation=CaseFileSimulation -Dbase.url=$LB -Dusers=$USERS -Dduration=$DURATION \
  -Dramp=5 -Dp95.ms=100000 > "$WORK/casefile.log" 2>&1 &
CF=$!
mvn -B -q -f "$HERE/pom.xml" gatling:test -Dsimulation=AnswerSimulation -Dbase.url=$LB -Dtokens="$WORK/tokens.csv" -Drate=$RATE \
  -Dduration=$DURATION -Dramp=5 -Dtries=10 -Dretry.pause.ms=1000 -Dp95.ms=100000 -Dresult.file="$WORK/answers.result" \
  > "$WORK/answers.log" 2>&1 &
AN=$!
for _ in $(seq 1 300); do   # until both simulations report requests
  grep -q "elapsed" "$WORK/casefile.log" && grep -q "elapsed" "$WORK/answers.log" && break; sleep 1
done
echo "both simulations running at $(date -u +%T)"
echo "== batch audit of $LETTERS letters uploaded to node A, while the load runs"
atoken=$(curl -s -b "$WORK/comm.jar" "$NODE_A/letters/audit" | csrf)
FILES=(); for f in "$WORK"/letters/*.txt; do FILES+=(-F "files=@$f"); done
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$WORK/comm.jar" -F category=SYSTEM -F "_csrf=$atoken" "${FILES[@]}" \
  "$NODE_A/letters/audit")
JOB=${LOCATION##*/}
echo "batch audit job $JOB started on A"
progress_on_b() { curl -s -b "$WORK/comm.jar" -H 'HX-Request: true' "$NODE_B/letters/audit/$JOB/progress" \
  | sed -n 's/.*>\([0-9.,]* af [0-9.,]*\) breve er gennemgået.*/\1/p' | head -1; }
echo "progress read on B: $(progress_on_b)"

sleep "$KILL_AFTER"
echo "progress on B just before the kill: $(progress_on_b)"
A_JAVA=$A_PID; kill -9 "$A_PID"; echo "node A killed (kill -9) at $(date -u +%T)"; A_PID=
sleep 3
echo "progress on B 3 s after the kill: $(progress_on_b) (A's heartbeat stops; B takes the job over after 15 s)"
wait $CF; wait $AN
ok=0; for i in $(seq 1 "$SESSIONS"); do [ "$(status_of "$WORK/s$i.jar" $LB/cases)" = 200 ] && ok=$((ok + 1)); done
echo
echo "==================== counts ===================="
echo "sessions: still logged in after the kill (200 on /cases through HAProxy, only B left): $ok of $SESSIONS"
echo "case file (Gatling, through HAProxy):"
sed -n '/Global Information/,/^====/p' "$WORK/casefile.log" | grep -E "request count|95th percentile|mean throughput" | sed 's/^/  /'
echo "  failed requests by cause, whole run (a lost session would be a 302 to /login after a successful login):"
sed -n '/Global Information/,$p' "$WORK/casefile.log" | sed -n '/---- Errors/,/^====/p' | grep -E "^> " | sed 's/^/    /'
echo "answers:"
echo "  clients: $(tr '\n' ' ' < "$WORK/answers.result")"
ACK=$(grep '^acknowledged=' "$WORK/answers.result" | cut -d= -f2)
NEW=$(( $($PSQL -c "SELECT count(*) FROM survey_answer") - ANSWERS_BEFORE ))
USED=$($PSQL <<SQL | tail -1
CREATE TEMP TABLE run_token (token TEXT);
\copy run_token FROM '$WORK/tokens.csv' WITH (FORMAT csv, HEADER)
SELECT count(*) FROM survey_invitation i JOIN run_token t
  ON i.token_sha256 = encode(sha256(convert_to(t.token, 'UTF8')), 'hex') WHERE i.used_on IS NOT NULL;
SQL
)
echo "  acknowledged $ACK, stored (new answers) $NEW, used tokens $USED -> $([ "$ACK" = "$NEW" ] && [ "$NEW" = "$USED" ] && echo 'none lost, none doubled' || echo 'MISMATCH')"
echo "scheduled jobs (job_run, written inside the ShedLock hold):"
$PSQL -F ' ' -c "SELECT name, 'on', CASE WHEN node LIKE '$A_JAVA@%' THEN 'A' WHEN node LIKE '$B_PID@%' THEN 'B' ELSE node END,
  count(*), 'runs,', count(*) FILTER (WHERE ended_at IS NULL), 'unfinished' FROM job_run GROUP BY 1, 3 ORDER BY 1, 3" | sed 's/^/  /'
OVERLAPS=$($PSQL -c "SELECT count(*) FROM job_run a JOIN job_run b ON a.name = b.name AND a.id < b.id
  AND tstzrange(a.started_at, coalesce(a.ended_at, a.started_at + interval '1 ms')) && tstzrange(b.started_at, coalesce(b.ended_at, b.started_at + interval '1 ms'))")
echo "  runs of the same job that overlapped in time (on any nodes): $OVERLAPS"
echo "dictionary: an edit on A used by B after $DICT_SECONDS s (B polls every 2 s)"
for _ in $(seq 1 150); do
  [ "$($PSQL -c "SELECT state FROM letter_audit_job WHERE id = '$JOB'")" != RUNNING ] && break; sleep 2
done
echo "batch audit: $($PSQL -F ' ' -c "SELECT 'state', state, 'done', done, 'of', total, 'takeovers', takeovers, 'rows', (SELECT count(*) FROM letter_audit_row WHERE job_id = j.id), 'uploads left', (SELECT count(*) FROM letter_audit_upload WHERE job_id = j.id) FROM letter_audit_job j WHERE id = '$JOB'")"
echo "  progress on B now: $(progress_on_b); report CSV from B: $(( $(curl -s -b "$WORK/comm.jar" "$NODE_B/letters/audit/$JOB/report.csv" | wc -l) - 1 )) rows"
echo "logs: $WORK (node-a.log, node-b.log, casefile.log, answers.log, pg.log)"
