-- The case page reads these per candidate; without the indexes each view scanned the whole table.
CREATE INDEX plan_goal_candidate_idx ON plan_goal (candidate_id, id);
CREATE INDEX caseworker_change_request_candidate_idx ON caseworker_change_request (candidate_id);
