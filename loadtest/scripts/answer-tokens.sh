#!/bin/bash
# Makes N single-use survey invitations directly in the database and writes their tokens to a CSV feeder for
# AnswerSimulation (header "token", shuffled).
#   usage: scripts/answer-tokens.sh N PREFIX OUT.csv  [psql connection options, e.g. -h 127.0.0.1 -p 5433 -U postgres -d vaerdig]
# PREFIX keeps runs apart (tokens are PREFIX-n-<md5>; the database keeps only their SHA-256); meeting ids are 100000000 + a per-prefix offset + n, so pick a
# new PREFIX per run. Candidate, team and target group come from existing candidates (cycled); meeting_on is spread
# over the last 60 days, so answers land in the rollups of 2-3 months.
set -euo pipefail
N=$1; PREFIX=$2; OUT=$3; shift 3
psql -v ON_ERROR_STOP=1 -q "$@" <<SQL
CREATE TEMP TABLE new_token AS
SELECT n, '$PREFIX-' || n || '-' || md5(random()::text || clock_timestamp()::text) AS token FROM generate_series(1, $N) AS n;
INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code, meeting_on, created_at,
  expires_at, used_on)
SELECT encode(sha256(convert_to(t.token, 'UTF8')), 'hex'),
       100000000 + (SELECT coalesce(max(meeting_id), 100000000) FROM survey_invitation WHERE meeting_id >= 100000000) - 100000000 + t.n,
       c.id, c.team_id, c.target_group_code, current_date - (t.n % 60), now(), now() + interval '30 days', NULL
FROM new_token t
JOIN (SELECT id, team_id, target_group_code, row_number() OVER (ORDER BY id) - 1 AS rn FROM candidate) c
  ON c.rn = t.n % (SELECT count(*) FROM candidate);
\copy (SELECT token FROM new_token ORDER BY random()) TO '$OUT' WITH (FORMAT csv, HEADER)
SQL
echo "$(($(wc -l < "$OUT") - 1)) tokens in $OUT"
