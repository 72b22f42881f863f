-- Issue 13: the dispatcher checks a reminder again when it claims it; one whose meeting was cancelled or moved (or
-- whose agreement is done, or whose survey is answered) since it was queued is CANCELLED, not sent, with the reason.
ALTER TABLE outgoing_message ADD COLUMN cancelled_reason TEXT;
