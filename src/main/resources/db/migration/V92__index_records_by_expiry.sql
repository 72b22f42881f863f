-- The retention job finds expired records by the time their period is counted from, a batch at a time.
CREATE INDEX survey_invitation_expires_idx ON survey_invitation (expires_at, id);
CREATE INDEX survey_follow_up_closed_idx ON survey_follow_up (closed_at, id) WHERE closed_at IS NOT NULL;
CREATE INDEX popup_session_starts_idx ON popup_session (starts_at);
CREATE INDEX popup_booking_session_idx ON popup_booking (session_id, id);
CREATE INDEX outgoing_message_done_idx ON outgoing_message (created_at, id) WHERE status <> 'QUEUED';
CREATE INDEX letter_outbox_letter_idx ON letter_outbox (letter_id);
CREATE INDEX agreement_meeting_idx ON agreement (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX caseworker_change_request_meeting_idx ON caseworker_change_request (meeting_id) WHERE meeting_id IS NOT NULL;
