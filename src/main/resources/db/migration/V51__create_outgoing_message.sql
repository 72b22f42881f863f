-- The outbox of SMS and e-mail to candidates. A module writes a message in its own transaction; the dispatcher
-- delivers it in the background and records each attempt. The idempotency key makes a repeated request queue once.
-- The recipient and text are personal data: sent and failed messages are deleted after vaerdig.messaging.keep-for.
CREATE TABLE outgoing_message (
  id               BIGSERIAL PRIMARY KEY,
  idempotency_key  TEXT NOT NULL UNIQUE,
  channel          TEXT NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  recipient        TEXT NOT NULL,
  subject          TEXT,
  body             TEXT NOT NULL,
  purpose          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ,
  last_error       TEXT,
  created_at       TIMESTAMPTZ NOT NULL,
  sent_at          TIMESTAMPTZ,
  sent_via         TEXT,
  CHECK (channel <> 'EMAIL' OR subject IS NOT NULL),
  CHECK ((status = 'QUEUED') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX outgoing_message_due_idx ON outgoing_message (next_attempt_at) WHERE status = 'QUEUED';
