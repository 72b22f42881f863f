-- A candidate's yes to being asked to a dialogue meeting with the politicians of the employment committee, recorded
-- by the caseworker with the candidate's word (the day the candidate said yes), and revocable: a revoked consent keeps
-- its row with when and by whom, and a new yes is a new row. At most one standing consent per candidate. The rows go
-- with the candidate's case file (ON DELETE CASCADE) when retention deletes it.
CREATE TABLE dialogue_consent (
  id            BIGSERIAL PRIMARY KEY,
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  given_on      DATE NOT NULL,
  recorded_by   TEXT NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL,
  revoked_on    DATE,
  revoked_by    TEXT,
  revoked_at    TIMESTAMPTZ,
  CHECK (revoked_on IS NULL OR revoked_on >= given_on)
);

CREATE UNIQUE INDEX dialogue_consent_one_standing ON dialogue_consent (candidate_id) WHERE revoked_on IS NULL;
