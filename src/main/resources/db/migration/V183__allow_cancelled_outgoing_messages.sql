-- Issue 13: a queued reminder whose meeting was cancelled or moved is cancelled, not sent: a fourth status.
ALTER TABLE outgoing_message DROP CONSTRAINT outgoing_message_status_check;
ALTER TABLE outgoing_message ADD CONSTRAINT outgoing_message_status_check
  CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'CANCELLED'));
-- the reminder job looks up its own queued reminders by purpose to check them again
CREATE INDEX outgoing_message_queued_purpose_idx ON outgoing_message (purpose) WHERE status = 'QUEUED';
