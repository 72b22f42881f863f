-- The dashboard shows the newest comments; without these a view scanned every answer (350 ms at 2 million answers).
CREATE INDEX survey_answer_comment_idx ON survey_answer (answered_on DESC) WHERE comment IS NOT NULL;
CREATE INDEX survey_answer_team_comment_idx ON survey_answer (team_id, answered_on DESC) WHERE comment IS NOT NULL;
