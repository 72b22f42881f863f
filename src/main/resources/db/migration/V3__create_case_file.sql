CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Target groups are data with effective dates: the 13 groups of today become 5 on 1 January 2027.
CREATE TABLE target_group (
  code           TEXT PRIMARY KEY,
  name_da        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  valid_from     DATE NOT NULL,
  valid_to       DATE,
  successor_code TEXT REFERENCES target_group (code),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- Contact rules per target group with effective dates; a course keeps the rule that applied when a due date was set.
CREATE TABLE contact_rule (
  id                          BIGSERIAL PRIMARY KEY,
  target_group_code           TEXT NOT NULL REFERENCES target_group (code),
  valid_from                  DATE NOT NULL,
  valid_to                    DATE,
  first_meeting_working_days  INT NOT NULL CHECK (first_meeting_working_days > 0),
  meeting_interval_working_days INT NOT NULL CHECK (meeting_interval_working_days > 0),
  legal_basis                 TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX contact_rule_group_idx ON contact_rule (target_group_code, valid_from);

CREATE TABLE candidate (
  id                BIGSERIAL PRIMARY KEY,
  cpr               CHAR(11) NOT NULL UNIQUE,
  first_name        TEXT NOT NULL,
  last_name         TEXT NOT NULL,
  phone             TEXT,
  email             TEXT,
  address           TEXT,
  target_group_code TEXT NOT NULL REFERENCES target_group (code),
  course_started    DATE NOT NULL,
  caseworker        TEXT NOT NULL,
  team_id           BIGINT NOT NULL REFERENCES team (id),
  last_meeting_on   DATE,
  next_meeting_due  DATE,
  due_rule_id       BIGINT REFERENCES contact_rule (id),
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX candidate_team_idx ON candidate (team_id, next_meeting_due);
CREATE INDEX candidate_caseworker_idx ON candidate (caseworker, next_meeting_due);
CREATE INDEX candidate_due_idx ON candidate (next_meeting_due);
CREATE INDEX candidate_name_trgm_idx ON candidate USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
CREATE INDEX candidate_sort_idx ON candidate (last_name, first_name, id);

-- The case story, written with the candidate. Every save is a new version; the primary key makes a concurrent
-- save on the same base version fail, which is how two editors are kept from overwriting each other.
CREATE TABLE case_story (
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id),
  version       INT NOT NULL,
  text          TEXT NOT NULL,
  own_words     BOOLEAN NOT NULL DEFAULT FALSE,
  written_by    TEXT NOT NULL,
  written_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (candidate_id, version)
);

CREATE TABLE meeting (
  id               BIGSERIAL PRIMARY KEY,
  candidate_id     BIGINT NOT NULL REFERENCES candidate (id),
  caseworker       TEXT NOT NULL,
  planned_at       TIMESTAMPTZ NOT NULL,
  form             TEXT NOT NULL,
  place            TEXT,
  agenda           TEXT,
  status           TEXT NOT NULL,
  held_at          TIMESTAMPTZ,
  talked_about     TEXT,
  candidate_wishes TEXT,
  next_step        TEXT,
  next_step_date   DATE,
  version          INT NOT NULL DEFAULT 0
);
CREATE INDEX meeting_candidate_idx ON meeting (candidate_id, planned_at DESC);
CREATE INDEX meeting_held_idx ON meeting (held_at) WHERE status = 'HELD';

CREATE TABLE agreement (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  meeting_id   BIGINT REFERENCES meeting (id),
  responsible  TEXT NOT NULL,
  what         TEXT NOT NULL,
  due_date     DATE,
  status       TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  closed_at    TIMESTAMPTZ
);
CREATE INDEX agreement_candidate_idx ON agreement (candidate_id, status);

CREATE TABLE case_note (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  written_by   TEXT NOT NULL,
  written_at   TIMESTAMPTZ NOT NULL,
  text         TEXT NOT NULL
);
CREATE INDEX case_note_candidate_idx ON case_note (candidate_id, written_at DESC);

CREATE TABLE plan_goal (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  text         TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE offer (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  kind         TEXT NOT NULL,
  title        TEXT NOT NULL,
  description  TEXT,
  status       TEXT NOT NULL,
  proposed_by  TEXT NOT NULL,
  proposed_at  TIMESTAMPTZ NOT NULL,
  decided_at   TIMESTAMPTZ,
  reason       TEXT
);
CREATE INDEX offer_candidate_idx ON offer (candidate_id);

CREATE TABLE handover (
  id               BIGSERIAL PRIMARY KEY,
  candidate_id     BIGINT NOT NULL REFERENCES candidate (id),
  from_caseworker  TEXT NOT NULL,
  to_caseworker    TEXT NOT NULL,
  reason           TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  acknowledged_at  TIMESTAMPTZ
);
CREATE INDEX handover_to_idx ON handover (to_caseworker, acknowledged_at);
CREATE INDEX handover_candidate_idx ON handover (candidate_id);

CREATE TABLE caseworker_change_request (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  requested_on DATE NOT NULL,
  reason       TEXT,
  registered_by TEXT NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL,
  meeting_id   BIGINT REFERENCES meeting (id)
);

-- Messages written to the candidate (the meeting summary, the notice of a new caseworker); delivery comes with letters.
CREATE TABLE candidate_message (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  kind         TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX candidate_message_candidate_idx ON candidate_message (candidate_id, created_at DESC);
