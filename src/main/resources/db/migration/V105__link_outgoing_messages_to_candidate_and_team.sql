-- Issue 11: a message to a candidate names the candidate, so that reading it on the outbox page is recorded for them,
-- and the team whose staff may read it: the candidate's team (kept when the case moves to another team), or, for a
-- message that belongs to no case (a pop-up booking made with a name and a phone number), the team of the member of
-- staff who created the session. candidate_id is null only for such messages, and for messages of before this
-- migration that cannot be traced (then team_id is null too, and only staff who see every team read them).
-- No foreign key to candidate: messaging is a module below the case file, and sent messages are deleted after 30 days.
ALTER TABLE outgoing_message ADD COLUMN candidate_id BIGINT;
ALTER TABLE outgoing_message ADD COLUMN team_id BIGINT;

-- The messages already queued or sent, traced through the reference in their idempotency key (purpose:reference).
UPDATE outgoing_message m SET candidate_id = c.id, team_id = c.team_id
FROM survey_invitation i JOIN candidate c ON c.id = i.candidate_id
WHERE m.purpose = 'survey-invitation' AND m.idempotency_key = 'survey-invitation:' || i.id;

UPDATE outgoing_message m SET candidate_id = c.id, team_id = c.team_id
FROM handover h JOIN candidate c ON c.id = h.candidate_id
WHERE m.purpose IN ('caseworker-changed', 'handover-acknowledged')
  AND m.idempotency_key = m.purpose || ':handover:' || h.id;

UPDATE outgoing_message m SET candidate_id = c.id, team_id = c.team_id
FROM caseworker_change_request r JOIN candidate c ON c.id = r.candidate_id
WHERE m.purpose = 'change-request-invitation' AND m.idempotency_key = 'change-request-invitation:request:' || r.id;

UPDATE outgoing_message m SET team_id = u.team_id
FROM popup_booking b JOIN popup_session s ON s.id = b.session_id JOIN staff_user u ON u.username = s.created_by
WHERE m.purpose = 'popup-booking' AND m.idempotency_key = 'popup-booking:' || b.id;

ALTER TABLE outgoing_message ADD CONSTRAINT outgoing_message_candidate_has_team
  CHECK (candidate_id IS NULL OR team_id IS NOT NULL);

-- The outbox page lists a team's newest messages; moving a case to another team finds the candidate's messages.
CREATE INDEX outgoing_message_team_idx ON outgoing_message (team_id, id);
CREATE INDEX outgoing_message_candidate_idx ON outgoing_message (candidate_id) WHERE candidate_id IS NOT NULL;
