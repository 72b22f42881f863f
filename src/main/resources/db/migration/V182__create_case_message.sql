-- Issue 13: the secure message thread between the candidate and the job centre, one per case. A message from the
-- candidate has a reply_by day (working days after it was written) and is unread until a member of staff opens the
-- thread; a message from staff is unread until the candidate opens the thread on Min side. request_id makes a second
-- submit of the same form harmless. The messages are part of the case file: deleted with the candidate.
CREATE TABLE case_message (
  id              BIGSERIAL PRIMARY KEY,
  candidate_id    BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  request_id      UUID NOT NULL UNIQUE,
  from_candidate  BOOLEAN NOT NULL,
  written_by      TEXT NOT NULL,
  written_at      TIMESTAMPTZ NOT NULL,
  body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  reply_by        DATE,
  read_at         TIMESTAMPTZ,
  read_by         TEXT,
  CHECK (from_candidate = (reply_by IS NOT NULL))
);
CREATE INDEX case_message_candidate_idx ON case_message (candidate_id, written_at DESC);
-- the staff's list of unanswered messages: the candidates' unread messages, the earliest deadline first
CREATE INDEX case_message_unread_idx ON case_message (reply_by, id) WHERE from_candidate AND read_at IS NULL;
