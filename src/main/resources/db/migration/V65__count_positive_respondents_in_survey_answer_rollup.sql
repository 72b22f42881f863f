-- The dashboard's summary figure per team, department, target group and month is a share of respondents, not of
-- items (a candidate's answers to the questions are not independent of each other, so pooling them made the intervals
-- far too narrow). Per rollup cell:
--   scored_respondents:   answers with a score (1-5) on at least one question
--   positive_respondents: of those, the answers positive (4 or 5) on at least half of the questions they gave a score
-- Kept up to date as answers arrive (surveys/internal/AnswerGroups), filled here once for the answers already stored.
ALTER TABLE survey_rollup_answer
  ADD COLUMN scored_respondents BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN positive_respondents BIGINT NOT NULL DEFAULT 0;

UPDATE survey_rollup_answer r
SET scored_respondents = c.scored_respondents, positive_respondents = c.positive_respondents
FROM (SELECT a.team_id, a.target_group_code, a.meeting_month AS month,
             count(*) FILTER (WHERE s.scored > 0) AS scored_respondents,
             count(*) FILTER (WHERE s.scored > 0 AND 2 * s.positive >= s.scored) AS positive_respondents
      FROM survey_answer a
      JOIN (SELECT answer_id, count(score) AS scored, count(*) FILTER (WHERE score >= 4) AS positive
            FROM survey_answer_item GROUP BY answer_id) s ON s.answer_id = a.id
      GROUP BY a.team_id, a.target_group_code, a.meeting_month) c
WHERE r.team_id = c.team_id AND r.target_group_code = c.target_group_code AND r.month = c.month;
