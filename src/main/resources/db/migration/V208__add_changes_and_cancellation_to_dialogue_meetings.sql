-- A dialogue meeting can be changed (day, time, place, the politicians invited) and cancelled with a reason. A
-- cancelled meeting stays (it is shown as cancelled, not deleted), is not held, and the committee's report does not
-- count it. The request id of the last change makes a second submit of the same change form harmless.
ALTER TABLE dialogue_meeting
  ADD COLUMN cancelled_on DATE,
  ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 500),
  ADD COLUMN cancelled_by TEXT,
  ADD COLUMN last_change_request_id UUID,
  ADD CONSTRAINT dialogue_meeting_cancelled_with_reason
    CHECK ((cancelled_on IS NULL) = (cancel_reason IS NULL) AND (cancelled_on IS NULL) = (cancelled_by IS NULL));
