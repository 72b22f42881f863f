-- Dialogue meetings between candidates in an active course and the politicians of the employment committee: when and
-- where, the politicians invited (their names, as the committee's members are public), the candidates invited (only
-- those with a standing consent, dialogue_consent of V164) and whether each came, and the themes raised, each of which
-- can become a learning action of the complaints module. The candidates' rows go with their case files.
CREATE TABLE dialogue_meeting (
  id           BIGSERIAL PRIMARY KEY,
  held_on      DATE NOT NULL,
  starts_at    TIME NOT NULL,
  place        TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  politicians  TEXT NOT NULL CHECK (length(politicians) BETWEEN 1 AND 1000),
  request_id   UUID NOT NULL UNIQUE,
  version      INT NOT NULL DEFAULT 0,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX dialogue_meeting_by_day ON dialogue_meeting (held_on);

CREATE TABLE dialogue_invitation (
  meeting_id    BIGINT NOT NULL REFERENCES dialogue_meeting (id),
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  channel       TEXT NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'NONE')),
  invited_by    TEXT NOT NULL,
  invited_at    TIMESTAMPTZ NOT NULL,
  came          BOOLEAN,
  PRIMARY KEY (meeting_id, candidate_id)
);

CREATE TABLE dialogue_theme (
  meeting_id          BIGINT NOT NULL REFERENCES dialogue_meeting (id),
  theme               TEXT NOT NULL CHECK (theme ~ '^[a-zæøå0-9 -]{2,40}$'),
  learning_action_id  BIGINT REFERENCES learning_action (id),
  recorded_by         TEXT NOT NULL,
  recorded_at         TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (meeting_id, theme)
);
