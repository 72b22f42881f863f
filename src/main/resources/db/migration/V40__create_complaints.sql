-- Categories are an editable tree.
CREATE TABLE complaint_category (
  id        BIGSERIAL PRIMARY KEY,
  parent_id BIGINT REFERENCES complaint_category (id),
  name_da   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  active    BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE complaint (
  id                   BIGSERIAL PRIMARY KEY,
  candidate_id         BIGINT NOT NULL,
  team_id              BIGINT NOT NULL,
  channel              TEXT NOT NULL CHECK (channel IN ('LETTER', 'EMAIL', 'PHONE', 'IN_PERSON', 'PORTAL')),
  received_on          DATE NOT NULL,
  decision_ref         TEXT NOT NULL,
  decision_received_on DATE NOT NULL,
  complaint_deadline   DATE NOT NULL,
  late                 BOOLEAN NOT NULL,
  late_reason          TEXT,
  what_candidate_says  TEXT NOT NULL,
  category_id          BIGINT NOT NULL REFERENCES complaint_category (id),
  reassess_by          DATE NOT NULL,
  forward_by           DATE NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('RECEIVED', 'REASSESSED', 'FORWARDED', 'CLOSED')),
  outcome              TEXT CHECK (outcome IN ('UPHELD_FULLY', 'UPHELD_PARTLY', 'NOT_UPHELD')),
  reassessment         TEXT,
  reassessed_on        DATE,
  forwarded_on         DATE,
  appeals_result       TEXT CHECK (appeals_result IN ('UPHELD', 'CHANGED', 'ANNULLED', 'SENT_BACK')),
  appeals_result_on    DATE,
  registered_by        TEXT NOT NULL,
  registered_at        TIMESTAMPTZ NOT NULL,
  version              INT NOT NULL DEFAULT 0,
  CHECK (received_on >= decision_received_on),
  CHECK (NOT late OR late_reason IS NOT NULL)
);
CREATE INDEX complaint_status_idx ON complaint (status, reassess_by);
CREATE INDEX complaint_candidate_idx ON complaint (candidate_id, decision_ref);

-- Themes (tags) on complaints; learning actions with an owner, a deadline and a follow-up on their effect.
CREATE TABLE complaint_theme (
  complaint_id BIGINT NOT NULL REFERENCES complaint (id),
  theme        TEXT NOT NULL CHECK (theme ~ '^[a-zæøå0-9 -]{2,40}$'),
  PRIMARY KEY (complaint_id, theme)
);

CREATE TABLE learning_action (
  id           BIGSERIAL PRIMARY KEY,
  theme        TEXT NOT NULL,
  title        TEXT NOT NULL,
  description  TEXT,
  owner        TEXT NOT NULL,
  deadline     DATE NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('OPEN', 'DONE')),
  follow_up_on DATE NOT NULL,
  effect       TEXT CHECK (effect IN ('WORKED', 'PARTLY', 'DID_NOT_WORK', 'TOO_EARLY')),
  effect_note  TEXT,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  version      INT NOT NULL DEFAULT 0
);

INSERT INTO complaint_category (id, parent_id, name_da, name_en) VALUES
  (1, NULL, 'Selve afgørelsen', 'The decision itself'),
  (2, NULL, 'Sagsbehandlingstid', 'Case handling time'),
  (3, NULL, 'Behandling og adfærd', 'Treatment and behaviour'),
  (4, NULL, 'Kommunikation og breve', 'Communication and letters'),
  (5, NULL, 'Tilgængelighed', 'Accessibility'),
  (6, NULL, 'Andet', 'Other'),
  (7, 1, 'Sanktion', 'Sanction'),
  (8, 1, 'Tilbud eller aktivering', 'Offer or activation'),
  (9, 4, 'Uklart brev', 'Unclear letter'),
  (10, 3, 'Følte sig ikke hørt', 'Did not feel heard');
SELECT setval('complaint_category_id_seq', 10);
