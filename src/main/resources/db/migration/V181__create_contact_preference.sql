-- Issue 13: how the candidate wants to be contacted, set by the candidate on Min side and shown on the case page.
-- One row per candidate (no row: the defaults, SMS in Danish); the version guards against two changes at once. Each
-- change is kept in contact_preference_change, which the case's timeline shows with "kandidaten" as the actor.
CREATE TABLE contact_preference (
  candidate_id          BIGINT PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  channel               TEXT NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'DIGITAL_POST', 'LETTER')),
  language              TEXT NOT NULL CHECK (language IN ('da', 'en')),
  interpreter_language  TEXT CHECK (interpreter_language IS NULL OR length(interpreter_language) BETWEEN 1 AND 60),
  easy_read             BOOLEAN NOT NULL DEFAULT FALSE,
  version               INT NOT NULL DEFAULT 0,
  changed_by            TEXT NOT NULL,
  changed_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE contact_preference_change (
  id                    BIGSERIAL PRIMARY KEY,
  candidate_id          BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  channel               TEXT NOT NULL,
  language              TEXT NOT NULL,
  interpreter_language  TEXT,
  easy_read             BOOLEAN NOT NULL,
  changed_by            TEXT NOT NULL,
  changed_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_preference_change_candidate_idx ON contact_preference_change (candidate_id, changed_at DESC);
