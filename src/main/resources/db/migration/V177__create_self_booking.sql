-- Selvbook (issue 13): caseworkers publish free slots, candidates book, rebook and cancel them on Min side.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The booking rules per target group as dated data, like the contact rules (V3/V4): a candidate of the group may
-- book a slot from earliest_working_days Danish working days after today up to latest_days calendar days ahead,
-- and may rebook or cancel up to change_limit_hours before the meeting (after that, they phone).
CREATE TABLE booking_rule (
  id                    BIGSERIAL PRIMARY KEY,
  target_group_code     TEXT NOT NULL REFERENCES target_group (code),
  valid_from            DATE NOT NULL,
  valid_to              DATE,
  earliest_working_days INT NOT NULL CHECK (earliest_working_days >= 0),
  latest_days           INT NOT NULL CHECK (latest_days > 0),
  change_limit_hours    INT NOT NULL CHECK (change_limit_hours >= 0),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX booking_rule_group_idx ON booking_rule (target_group_code, valid_from);

-- Job-ready groups book soon and change up to a day before; groups in longer courses get more notice (two or three
-- working days, up to six or eight weeks ahead) and change up to two days before. The five groups of 2027 follow
-- the groups they take over.
INSERT INTO booking_rule (target_group_code, valid_from, valid_to, earliest_working_days, latest_days, change_limit_hours) VALUES
  ('LAB01', '2015-01-01', '2027-01-01', 1, 28, 24),
  ('LAB02', '2015-01-01', '2027-01-01', 1, 28, 24),
  ('LAB03', '2015-01-01', '2027-01-01', 2, 42, 48),
  ('LAB04', '2015-01-01', '2027-01-01', 1, 28, 24),
  ('LAB05', '2015-01-01', '2027-01-01', 2, 42, 48),
  ('LAB06', '2015-01-01', '2027-01-01', 1, 28, 24),
  ('LAB07', '2015-01-01', '2027-01-01', 3, 56, 48),
  ('LAB08', '2015-01-01', '2027-01-01', 3, 56, 48),
  ('LAB09', '2015-01-01', '2027-01-01', 2, 42, 48),
  ('LAB10', '2015-01-01', '2027-01-01', 1, 28, 24),
  ('G2027_JOBPARAT',  '2027-01-01', NULL, 1, 28, 24),
  ('G2027_AKTIVITET', '2027-01-01', NULL, 2, 42, 48),
  ('G2027_SYGDOM',    '2027-01-01', NULL, 2, 42, 48),
  ('G2027_UNGE',      '2027-01-01', NULL, 1, 28, 24),
  ('G2027_AFKLARING', '2027-01-01', NULL, 3, 56, 48);

-- A slot a caseworker holds a meeting in: for their own candidates, or (for_team) for any candidate of the team.
-- A booked slot points at exactly one candidate and one planned meeting (the CHECK and the UNIQUE meeting_id), and
-- one caseworker's live slots never overlap (the exclusion constraint). Booking is a conditional UPDATE ... WHERE
-- status = 'FREE', so of two candidates racing for a slot one gets it.
CREATE TABLE booking_slot (
  id           BIGSERIAL PRIMARY KEY,
  caseworker   TEXT NOT NULL,
  team_id      BIGINT NOT NULL REFERENCES team (id),
  for_team     BOOLEAN NOT NULL,
  starts_at    TIMESTAMPTZ NOT NULL,
  ends_at      TIMESTAMPTZ NOT NULL,
  form         TEXT NOT NULL CHECK (form IN ('IN_PERSON', 'PHONE', 'VIDEO')),
  place        TEXT,
  status       TEXT NOT NULL CHECK (status IN ('FREE', 'BOOKED', 'WITHDRAWN')),
  candidate_id BIGINT REFERENCES candidate (id) ON DELETE CASCADE,
  meeting_id   BIGINT UNIQUE REFERENCES meeting (id) ON DELETE CASCADE,
  booked_at    TIMESTAMPTZ,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  withdrawn_by TEXT,
  withdrawn_at TIMESTAMPTZ,
  version      INT NOT NULL DEFAULT 0,
  CHECK (ends_at > starts_at),
  CHECK ((status = 'BOOKED') = (candidate_id IS NOT NULL)),
  CHECK ((status = 'BOOKED') = (meeting_id IS NOT NULL)),
  EXCLUDE USING gist (caseworker WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'WITHDRAWN')
);
CREATE INDEX booking_slot_free_idx ON booking_slot (team_id, starts_at) WHERE status = 'FREE';
CREATE INDEX booking_slot_candidate_idx ON booking_slot (candidate_id) WHERE candidate_id IS NOT NULL;
CREATE INDEX booking_slot_caseworker_idx ON booking_slot (caseworker, starts_at);

-- What the candidate did (booked, moved, cancelled): the timeline's entries with the candidate as the actor, and the
-- request id of each submitted form, so a double click books once.
CREATE TABLE booking_action (
  id           BIGSERIAL PRIMARY KEY,
  request_id   UUID NOT NULL UNIQUE,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  action       TEXT NOT NULL CHECK (action IN ('BOOKED', 'MOVED', 'CANCELLED')),
  slot_id      BIGINT NOT NULL REFERENCES booking_slot (id) ON DELETE CASCADE,
  starts_at    TIMESTAMPTZ NOT NULL,
  actor        TEXT NOT NULL,
  at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX booking_action_candidate_idx ON booking_action (candidate_id, at DESC);

-- A candidate exempted from self-booking (they book by phone instead), with the reason; at most one in force.
CREATE TABLE booking_exemption (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  reason       TEXT NOT NULL CHECK (reason IN ('IT_SKILLS', 'LANGUAGE', 'COGNITIVE', 'OTHER')),
  note         TEXT,
  request_id   UUID NOT NULL UNIQUE,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  ended_by     TEXT,
  ended_at     TIMESTAMPTZ,
  CHECK (reason <> 'OTHER' OR length(trim(coalesce(note, ''))) > 0)
);
CREATE UNIQUE INDEX booking_exemption_in_force_idx ON booking_exemption (candidate_id) WHERE ended_at IS NULL;
