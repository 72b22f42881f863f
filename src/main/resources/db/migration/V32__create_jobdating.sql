-- Jobdating: companies and candidates invited to the same event, who met whom, and what came of it.
CREATE TABLE jobdating_event (
  id         BIGSERIAL PRIMARY KEY,
  title      TEXT NOT NULL,
  starts_at  TIMESTAMPTZ NOT NULL,
  place      TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE jobdating_company (
  event_id   BIGINT NOT NULL REFERENCES jobdating_event (id),
  company_id BIGINT NOT NULL REFERENCES company (id),
  PRIMARY KEY (event_id, company_id)
);

CREATE TABLE jobdating_candidate (
  event_id     BIGINT NOT NULL REFERENCES jobdating_event (id),
  candidate_id BIGINT NOT NULL,
  invited_by   TEXT NOT NULL,
  invited_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (event_id, candidate_id)
);

CREATE TABLE jobdating_meeting (
  id           BIGSERIAL PRIMARY KEY,
  event_id     BIGINT NOT NULL REFERENCES jobdating_event (id),
  candidate_id BIGINT NOT NULL,
  company_id   BIGINT NOT NULL REFERENCES company (id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('TALK', 'FOLLOW_UP', 'INTERVIEW', 'INTERNSHIP', 'JOB')),
  note         TEXT,
  recorded_by  TEXT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (event_id, candidate_id, company_id),
  FOREIGN KEY (event_id, company_id) REFERENCES jobdating_company (event_id, company_id),
  FOREIGN KEY (event_id, candidate_id) REFERENCES jobdating_candidate (event_id, candidate_id)
);
