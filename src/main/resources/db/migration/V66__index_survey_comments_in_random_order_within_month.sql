-- Comments are listed per closed meeting month, and within a month in the order of the answers' random ids, so the
-- order says nothing about when a comment came (the newest first let staff tie a comment to the meeting that had just
-- ended). These indexes give that order directly, for the whole municipality, per team and per target group; they
-- replace those of V45 (by answer date within the month) and V13's index by answer date alone.
CREATE INDEX survey_answer_month_id_comment_idx ON survey_answer (meeting_month DESC, id)
  WHERE comment IS NOT NULL;
CREATE INDEX survey_answer_team_month_id_comment_idx ON survey_answer (team_id, meeting_month DESC, id)
  WHERE comment IS NOT NULL;
CREATE INDEX survey_answer_group_month_id_comment_idx ON survey_answer (target_group_code, meeting_month DESC, id)
  WHERE comment IS NOT NULL;
DROP INDEX survey_answer_month_comment_idx;
DROP INDEX survey_answer_team_month_comment_idx;
DROP INDEX survey_answer_group_month_comment_idx;
DROP INDEX survey_answer_comment_idx;
