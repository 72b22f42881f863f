#!/bin/bash
# Makes N single-use survey invitations directly in the database and writes their tokens to a CSV feeder for
# AnswerSimulation (header "token", shuffled).
#   usage: scripts/answer-tokens.sh N PREFIX OUT.csv  [psql connection options, e.g. -h 127.0.0.1 -p 5433 -U postgres -d vaerdig]
# PREFIX keeps runs apart (tokens are PREFIX-n-<md5>); meeting ids are 100000000 + a per-prefix offset + n, so pick a
# new PREFIX per run. Candidate, team and target group come from existing candidates (cycled); meeting_on is spread
# over the last 60 days, so answers land in the rollups of 2-3 months.
set -euo pipefail
N=$1; PREFIX=$2; OUT=$3; shift 3
psql -v ON_ERROR_STOP=1 -q "$@" <<SQL
INSERT INTO survey_invitation (token, meeting_id, candidate_id, team_id, target_group_code, meeting_on, created_at,
  expires_at, used_on)
SELECT '$PREFIX-' || n || '-' || md5(random()::text || clock_timestamp()::text),
       100000000 + (SELECT coalesce(max(meeting_id), 100000000) FROM survey_invitation WHERE meeting_id >= 100000000) - 100000000 + n,
       c.id, c.team_id, c.target_group_code, current_date - (n % 60), now(), now() + interval '30 days', NULL
FROM generate_series(1, $N) AS n
JOIN (SELECT id, team_id, target_group_code, row_number() OVER (ORDER BY id) - 1 AS rn FROM candidate) c
  ON c.rn = n % (SELECT count(*) FROM candidate);
SQL
psql -v ON_ERROR_STOP=1 -q "$@" -c "\copy (SELECT token FROM survey_invitation WHERE token LIKE '$PREFIX-%' ORDER BY random()) TO '$OUT' WITH (FORMAT csv, HEADER)"
echo "$(($(wc -l < "$OUT") - 1)) tokens in $OUT"
