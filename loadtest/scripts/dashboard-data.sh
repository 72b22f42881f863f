#!/bin/bash
# 2,000,000 synthetic survey answers for the dashboard load test (DashboardSimulation), spread over the demo
# municipality's 3 teams and their 10 target groups (LAB01..LAB10, each in the team its candidates belong to, weighted
# like the candidates) and the last 12 months, with 7 scale items each (about 4 % left out, 6 % "don't know"), 5 %
# with a comment; then the rollups rebuilt the way DemoSurveyData.rebuildRollups() does. survey_rollup_invited gets
# plausible counts (answers x 2.5, a 40 % response rate, or the invitations, whichever is more) because the data set
# has no invitation for most of these answers.
#   usage: scripts/dashboard-data.sh BATCHES [psql connection options]     (one batch = 500,000 answers)
#   e.g.   scripts/dashboard-data.sh 4 -h 127.0.0.1 -p 46259 -U postgres -d postgres
set -euo pipefail
BATCHES=$1; shift
for b in $(seq 1 "$BATCHES"); do
  echo "batch $b: $(date -u +%T)"
  psql -v ON_ERROR_STOP=1 -q "$@" <<'SQL'
SET work_mem = '256MB';
-- skip the foreign-key triggers for the bulk insert (the rows are made to fit: version 1, questions 1..7)
SET session_replication_role = replica;
CREATE TEMP TABLE slot AS
SELECT (row_number() OVER () - 1)::int AS s, c.team_id, c.target_group_code
FROM (VALUES (1, 'LAB01', 30), (1, 'LAB02', 14), (1, 'LAB04', 6), (1, 'LAB10', 3), (2, 'LAB03', 14), (2, 'LAB06', 5),
             (2, 'LAB07', 4), (2, 'LAB09', 1), (3, 'LAB05', 18), (3, 'LAB08', 5)) AS c (team_id, target_group_code, weight),
     generate_series(1, c.weight);
CREATE TEMP TABLE batch AS
SELECT gen_random_uuid() AS id, sl.team_id, sl.target_group_code, r.month, r.unanswered, g
FROM (SELECT g, floor(random() * 100)::int AS s,
             (date_trunc('month', current_date) - make_interval(months => floor(random() * 12)::int))::date AS month,
             random() < 0.15 AS unanswered
      FROM generate_series(1, 500000) g) r
JOIN slot sl ON sl.s = r.s;
INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel, lang,
  comment, has_unanswered, wants_contact)
SELECT id, 1, team_id, target_group_code, month, least(month + floor(random() * 40)::int, current_date), 'LINK', 'da',
       CASE WHEN random() < 0.05 THEN 'Syntetisk kommentar nr. ' || g END, unanswered, unanswered AND random() < 0.4
FROM batch;
INSERT INTO survey_answer_item (answer_id, question_id, score, dont_know)
SELECT id, q, CASE WHEN dk THEN NULL ELSE least(5, greatest(1, round(3.4 + random() * 2.6 - random() * 1.8)))::smallint END, dk
FROM (SELECT b.id, q, random() < 0.06 AS dk, random() < 0.04 AS left_out FROM batch b CROSS JOIN generate_series(1, 7) q) x
WHERE NOT left_out
ORDER BY id, q;
SQL
done
echo "rollups: $(date -u +%T)"
psql -v ON_ERROR_STOP=1 -q "$@" <<'SQL'
SET work_mem = '256MB';
BEGIN;
DELETE FROM survey_rollup_question;
DELETE FROM survey_rollup_answer;
DELETE FROM survey_rollup_invited;
INSERT INTO survey_rollup_question (team_id, target_group_code, month, question_id, n, satisfied, dont_know, score_sum)
SELECT a.team_id, a.target_group_code, a.meeting_month, i.question_id,
       count(i.score), count(*) FILTER (WHERE i.score >= 4), count(*) FILTER (WHERE i.dont_know),
       coalesce(sum(i.score), 0)
FROM survey_answer a JOIN survey_answer_item i ON i.answer_id = a.id
GROUP BY a.team_id, a.target_group_code, a.meeting_month, i.question_id;
INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
  scored_respondents, positive_respondents)
SELECT a.team_id, a.target_group_code, a.meeting_month, count(*), count(*) FILTER (WHERE a.has_unanswered),
       count(*) FILTER (WHERE a.wants_contact), count(*) FILTER (WHERE s.scored > 0),
       count(*) FILTER (WHERE s.scored > 0 AND 2 * s.positive >= s.scored)
FROM survey_answer a
LEFT JOIN (SELECT answer_id, count(score) AS scored, count(*) FILTER (WHERE score >= 4) AS positive
           FROM survey_answer_item GROUP BY answer_id) s ON s.answer_id = a.id
GROUP BY a.team_id, a.target_group_code, a.meeting_month;
INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited)
SELECT coalesce(a.team_id, i.team_id), coalesce(a.target_group_code, i.target_group_code), coalesce(a.month, i.month),
       greatest(ceil(coalesce(a.answers, 0) * 2.5)::bigint, coalesce(i.invited, 0))
FROM survey_rollup_answer a
FULL JOIN (SELECT team_id, target_group_code, CAST(date_trunc('month', meeting_on) AS DATE) AS month, count(*) AS invited
           FROM survey_invitation GROUP BY 1, 2, 3) i
  ON i.team_id = a.team_id AND i.target_group_code = a.target_group_code AND i.month = a.month;
COMMIT;
ANALYZE survey_answer;
ANALYZE survey_answer_item;
ANALYZE survey_rollup_question;
ANALYZE survey_rollup_answer;
ANALYZE survey_rollup_invited;
SQL
echo "done: $(date -u +%T)"
psql -At "$@" -c "SELECT 'answers', count(*) FROM survey_answer" -c "SELECT 'items', count(*) FROM survey_answer_item" \
  -c "SELECT 'rollup rows', (SELECT count(*) FROM survey_rollup_question), (SELECT count(*) FROM survey_rollup_answer), (SELECT count(*) FROM survey_rollup_invited)"
