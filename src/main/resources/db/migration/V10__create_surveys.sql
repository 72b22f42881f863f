-- Questionnaires are versioned: an answer always belongs to the version it answered; a new version never changes an old one.
CREATE TABLE survey_version (
  id          BIGSERIAL PRIMARY KEY,
  number      INT NOT NULL UNIQUE,
  status      TEXT NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  activated_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX survey_version_one_active ON survey_version (status) WHERE status = 'ACTIVE';

CREATE TABLE survey_question (
  id          BIGSERIAL PRIMARY KEY,
  version_id  BIGINT NOT NULL REFERENCES survey_version (id),
  position    INT NOT NULL,
  code        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('SCALE', 'CONTACT', 'FREE_TEXT')),
  UNIQUE (version_id, code),
  UNIQUE (version_id, position)
);

CREATE TABLE survey_question_text (
  question_id BIGINT NOT NULL REFERENCES survey_question (id),
  lang        TEXT NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (question_id, lang)
);

-- One invitation per held meeting: a single-use token that expires. It knows the candidate only so that an answer
-- that asks for contact can be linked for the follow-up; the answer itself never points back at it.
CREATE TABLE survey_invitation (
  id                BIGSERIAL PRIMARY KEY,
  token             TEXT NOT NULL UNIQUE,
  meeting_id        BIGINT NOT NULL UNIQUE,
  candidate_id      BIGINT NOT NULL,
  team_id           BIGINT NOT NULL,
  target_group_code TEXT NOT NULL,
  meeting_on        DATE NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  expires_at        TIMESTAMPTZ NOT NULL,
  used_on           DATE
);
CREATE INDEX survey_invitation_team_idx ON survey_invitation (team_id, meeting_on);

-- Anonymous answers: no candidate, no invitation, and only the day (not the time) of answering, so an answer cannot be
-- matched to an invitation by its timestamp.
CREATE TABLE survey_answer (
  id                UUID PRIMARY KEY,
  version_id        BIGINT NOT NULL REFERENCES survey_version (id),
  team_id           BIGINT NOT NULL,
  target_group_code TEXT NOT NULL,
  meeting_month     DATE NOT NULL,
  answered_on       DATE NOT NULL,
  channel           TEXT NOT NULL CHECK (channel IN ('LINK', 'QR', 'KIOSK')),
  lang              TEXT NOT NULL,
  comment           TEXT,
  has_unanswered    BOOLEAN,
  wants_contact     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX survey_answer_team_month_idx ON survey_answer (team_id, meeting_month);

CREATE TABLE survey_answer_item (
  answer_id   UUID NOT NULL REFERENCES survey_answer (id),
  question_id BIGINT NOT NULL REFERENCES survey_question (id),
  score       SMALLINT CHECK (score BETWEEN 1 AND 5),
  dont_know   BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (answer_id, question_id),
  CHECK (dont_know OR score IS NOT NULL)
);

-- A candidate who has unanswered questions and asks to be contacted: only here is the answer linked to the case.
CREATE TABLE survey_follow_up (
  id                BIGSERIAL PRIMARY KEY,
  answer_id         UUID NOT NULL UNIQUE REFERENCES survey_answer (id),
  candidate_id      BIGINT NOT NULL,
  team_id           BIGINT NOT NULL,
  preferred_channel TEXT NOT NULL CHECK (preferred_channel IN ('PHONE', 'EMAIL', 'MEETING')),
  preferred_time    TEXT,
  created_at        TIMESTAMPTZ NOT NULL,
  due_on            DATE NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('NEW', 'CONTACTED', 'RESOLVED', 'UNREACHABLE')),
  note              TEXT,
  handled_by        TEXT,
  closed_at         TIMESTAMPTZ,
  version           INT NOT NULL DEFAULT 0
);
CREATE INDEX survey_follow_up_team_idx ON survey_follow_up (team_id, status, due_on);

-- What the development channel "sent": staff can read it at /surveys/outbox.
CREATE TABLE survey_outbox (
  id            BIGSERIAL PRIMARY KEY,
  invitation_id BIGINT NOT NULL REFERENCES survey_invitation (id),
  channel       TEXT NOT NULL,
  recipient     TEXT NOT NULL,
  body          TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);

-- "You said – we did": improvements that staff publish on the lobby screen.
CREATE TABLE survey_improvement (
  id            BIGSERIAL PRIMARY KEY,
  you_said_da   TEXT NOT NULL,
  we_did_da     TEXT NOT NULL,
  you_said_en   TEXT,
  we_did_en     TEXT,
  published_by  TEXT NOT NULL,
  published_at  TIMESTAMPTZ NOT NULL,
  active        BOOLEAN NOT NULL DEFAULT TRUE
);

-- Kiosk tablets in the lobby: the caseworker hands a held meeting's invitation to a kiosk; the kiosk shows only that
-- questionnaire, then resets.
CREATE TABLE survey_kiosk (
  id                 BIGSERIAL PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE,
  key                TEXT NOT NULL UNIQUE,
  invitation_id      BIGINT REFERENCES survey_invitation (id),
  assigned_at        TIMESTAMPTZ
);

-- Rollups kept in step with every answer (same transaction), so dashboards never scan the answers.
CREATE TABLE survey_rollup_question (
  team_id           BIGINT NOT NULL,
  target_group_code TEXT NOT NULL,
  month             DATE NOT NULL,
  question_id       BIGINT NOT NULL REFERENCES survey_question (id),
  n                 BIGINT NOT NULL,
  satisfied         BIGINT NOT NULL,
  dont_know         BIGINT NOT NULL,
  score_sum         BIGINT NOT NULL,
  PRIMARY KEY (month, team_id, target_group_code, question_id)
);

CREATE TABLE survey_rollup_answer (
  team_id           BIGINT NOT NULL,
  target_group_code TEXT NOT NULL,
  month             DATE NOT NULL,
  answers           BIGINT NOT NULL,
  unanswered        BIGINT NOT NULL,
  wants_contact     BIGINT NOT NULL,
  PRIMARY KEY (month, team_id, target_group_code)
);

-- Meetings held (one invitation each) per team, target group and month: the denominator of the response rate.
CREATE TABLE survey_rollup_invited (
  team_id           BIGINT NOT NULL,
  target_group_code TEXT NOT NULL,
  month             DATE NOT NULL,
  invited           BIGINT NOT NULL,
  PRIMARY KEY (month, team_id, target_group_code)
);
