-- Issue 13: a wish for a new caseworker sent from Min side goes to the team's work list, to be answered with a planned
-- talk by a day counted in working days. A request registered by staff has its talk planned already (answer_by NULL).
ALTER TABLE caseworker_change_request ADD COLUMN answer_by DATE;
CREATE INDEX caseworker_change_request_waiting_idx ON caseworker_change_request (answer_by) WHERE meeting_id IS NULL;
