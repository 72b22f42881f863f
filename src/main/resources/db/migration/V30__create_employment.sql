-- Occupations after DISCO-08 (the Danish version of ISCO-08); a selection is shipped, the full list loads the same way.
CREATE TABLE occupation (
  code      TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{4,6}$'),
  title_da  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  shortage  BOOLEAN NOT NULL DEFAULT FALSE
);

-- Postal areas with an approximate centre, for commuting distances (load DAWA's full list in production).
CREATE TABLE postal_area (
  code TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  name TEXT NOT NULL,
  lat  DOUBLE PRECISION NOT NULL,
  lon  DOUBLE PRECISION NOT NULL
);

CREATE TABLE competence (
  id              BIGSERIAL PRIMARY KEY,
  candidate_id    BIGINT NOT NULL,
  occupation_code TEXT REFERENCES occupation (code),
  skill           TEXT NOT NULL,
  hidden          BOOLEAN NOT NULL DEFAULT FALSE,
  source          TEXT NOT NULL CHECK (source IN ('WORK', 'EDUCATION', 'VOLUNTEERING', 'FAMILY', 'HOBBY', 'OTHER')),
  evidence        TEXT,
  created_by      TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX competence_candidate_idx ON competence (candidate_id);
CREATE INDEX competence_occupation_idx ON competence (occupation_code);

CREATE TABLE job_wish (
  candidate_id     BIGINT PRIMARY KEY,
  occupation_codes TEXT[] NOT NULL DEFAULT '{}',
  hours_per_week   INT CHECK (hours_per_week BETWEEN 1 AND 48),
  postal_code      TEXT,
  max_commute_km   INT CHECK (max_commute_km BETWEEN 0 AND 300),
  accommodations   TEXT,
  updated_by       TEXT NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL,
  version          INT NOT NULL DEFAULT 0
);

CREATE TABLE company (
  id          BIGSERIAL PRIMARY KEY,
  cvr         CHAR(8) NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  postal_code TEXT,
  agreement   TEXT,
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  version     INT NOT NULL DEFAULT 0
);

CREATE TABLE company_contact (
  id         BIGSERIAL PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES company (id),
  name       TEXT NOT NULL,
  phone      TEXT,
  email      TEXT
);

CREATE TABLE opening (
  id              BIGSERIAL PRIMARY KEY,
  company_id      BIGINT NOT NULL REFERENCES company (id),
  kind            TEXT NOT NULL CHECK (kind IN ('ORDINARY', 'FLEXJOB', 'SENIORJOB', 'INTERNSHIP', 'WAGE_SUBSIDY', 'ADULT_APPRENTICE')),
  occupation_code TEXT NOT NULL REFERENCES occupation (code),
  title           TEXT NOT NULL,
  description     TEXT,
  hours_per_week  INT NOT NULL CHECK (hours_per_week BETWEEN 1 AND 48),
  postal_code     TEXT,
  accommodations  TEXT,
  deadline        DATE,
  status          TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FILLED', 'CLOSED')),
  created_by      TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX opening_open_idx ON opening (status, occupation_code);

-- A proposal of an opening to a candidate, and the candidate's answer, on the case.
CREATE TABLE job_proposal (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL,
  opening_id   BIGINT NOT NULL REFERENCES opening (id),
  score        INT NOT NULL,
  proposed_by  TEXT NOT NULL,
  proposed_at  TIMESTAMPTZ NOT NULL,
  answer       TEXT NOT NULL DEFAULT 'PENDING' CHECK (answer IN ('PENDING', 'INTERESTED', 'DECLINED')),
  answer_note  TEXT,
  answered_at  TIMESTAMPTZ,
  UNIQUE (candidate_id, opening_id)
);

-- Pop-up sessions (CV help, job search) with a capacity; candidates book by a public link.
CREATE TABLE popup_session (
  id         BIGSERIAL PRIMARY KEY,
  title      TEXT NOT NULL,
  starts_at  TIMESTAMPTZ NOT NULL,
  place      TEXT NOT NULL,
  capacity   INT NOT NULL CHECK (capacity > 0),
  booked     INT NOT NULL DEFAULT 0 CHECK (booked >= 0),
  link_key   TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  CHECK (booked <= capacity)
);

CREATE TABLE popup_booking (
  id         BIGSERIAL PRIMARY KEY,
  session_id BIGINT NOT NULL REFERENCES popup_session (id),
  name       TEXT NOT NULL,
  phone      TEXT NOT NULL,
  code       TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX popup_booking_once_per_phone ON popup_booking (session_id, phone);
