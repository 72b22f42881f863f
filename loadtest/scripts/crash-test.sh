#!/bin/bash
# Answer submission through a PostgreSQL restart: AnswerSimulation at RATE answers/s for DURATION s against the app on
# APP_PORT (which runs against the restartable PostgreSQL on PG_PORT, data directory PGDATA), with
# `pg_ctl restart -m fast` RESTART_AFTER seconds into the run; then compares what the clients counted as acknowledged
# with what the database holds.
#   usage: scripts/crash-test.sh [RATE=200] [DURATION=60] [RESTART_AFTER=20]
# environment: PG_PORT (55433), PGDATA (/tmp/pgcrash/data), APP_PORT (8081), DB (vaerdig), LABEL (crash), TRIES (10),
#   PAUSE_MS (1000), MODE (fast; immediate = no shutdown checkpoint, recovery from the WAL as after a crash);
#   PostgreSQL runs as the OS user postgres with the Debian binaries in /usr/lib/postgresql/15/bin.
set -euo pipefail
RATE=${1:-200}; DURATION=${2:-60}; RESTART_AFTER=${3:-20}
PG_PORT=${PG_PORT:-55433}; PGDATA=${PGDATA:-/tmp/pgcrash/data}; APP_PORT=${APP_PORT:-8081}; DB=${DB:-vaerdig}
LABEL=${LABEL:-crash}; MODE=${MODE:-fast}; TRIES=${TRIES:-10}; PAUSE_MS=${PAUSE_MS:-1000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d $DB -v ON_ERROR_STOP=1 -At"
"$HERE/scripts/answer-tokens.sh" $((RATE * (DURATION + 10))) "$LABEL" "/tmp/answer-$LABEL.csv" -h 127.0.0.1 -p $PG_PORT -U postgres -d $DB
ANSWERS_BEFORE=$($PSQL -c "SELECT count(*) FROM survey_answer")
ITEMS_BEFORE=$($PSQL -c "SELECT count(*) FROM survey_answer_item")
ROLLUP_BEFORE=$($PSQL -c "SELECT coalesce(sum(answers), 0) FROM survey_rollup_answer")
echo "before: answers=$ANSWERS_BEFORE items=$ITEMS_BEFORE rollup_answers=$ROLLUP_BEFORE; $(uptime)"
( sleep "$RESTART_AFTER"; echo "restart (-m $MODE) at $(date -u +%T)"
  su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PGDATA -m $MODE -w restart -l $PGDATA/../pg.log" ;
  echo "restarted at $(date -u +%T)" ) &
RESTARTER=$!
mvn -B -f "$HERE/pom.xml" gatling:test -Dsimulation=AnswerSimulation -Dbase.url=http://127.0.0.1:$APP_PORT \
  -Dtokens=/tmp/answer-$LABEL.csv -Drate=$RATE -Dduration=$DURATION -Dramp=5 -Dtries=$TRIES -Dretry.pause.ms=$PAUSE_MS \
  -Dresult.file=/tmp/answer-$LABEL.result > /tmp/answer-$LABEL.log 2>&1 || true
wait $RESTARTER
sed -n '/Global Information/,$p' /tmp/answer-$LABEL.log | grep -E "request count|percentile|throughput" || true
grep -E "^> [a-zA-Z.]+Exception|^> status|^> regex" /tmp/answer-$LABEL.log | sort | uniq -c | sort -rn | head -8 || true
echo "clients: $(tr '\n' ' ' < /tmp/answer-$LABEL.result)"
ACK=$(grep '^acknowledged=' /tmp/answer-$LABEL.result | cut -d= -f2)
$PSQL -F ' ' <<SQL
SELECT 'db: new answers', count(*) - $ANSWERS_BEFORE FROM survey_answer;
CREATE TEMP TABLE run_token (token TEXT);
\copy run_token FROM '/tmp/answer-$LABEL.csv' WITH (FORMAT csv, HEADER)
SELECT 'db: used tokens', count(*) FROM survey_invitation i JOIN run_token t
  ON i.token_sha256 = encode(sha256(convert_to(t.token, 'UTF8')), 'hex') WHERE i.used_on IS NOT NULL;
SELECT 'db: new answer items', count(*) - $ITEMS_BEFORE FROM survey_answer_item;
SELECT 'db: rollup answers added', coalesce(sum(answers), 0) - $ROLLUP_BEFORE FROM survey_rollup_answer;
SELECT 'db: answers without items (new)', count(*) FROM survey_answer a WHERE NOT EXISTS (SELECT 1 FROM survey_answer_item i WHERE i.answer_id = a.id);
SQL
echo "clients acknowledged: $ACK"
