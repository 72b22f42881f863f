-- Letters: the editable dictionaries of the plain-language analyser, templates with versions and review, letters sent.

-- Officialese, disempowering phrasing and hidden verbs, each with a plain alternative; communication staff edit them.
-- A word ending in * matches every word that begins with it ("fremsend*" matches "fremsendes").
CREATE TABLE letter_phrase (
  id          BIGSERIAL PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('OFFICIALESE', 'DISEMPOWERING', 'NOMINALISATION')),
  phrase      TEXT NOT NULL CHECK (length(trim(phrase)) > 0),
  alternative TEXT,
  note        TEXT,
  changed_by  TEXT NOT NULL DEFAULT 'system',
  changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (kind, phrase)
);

CREATE TABLE letter_template (
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT NOT NULL,
  category    TEXT NOT NULL CHECK (category IN ('DECISION', 'INVITATION', 'INFORMATION', 'CONSULTATION', 'SYSTEM')),
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A version goes DRAFT -> IN_REVIEW -> APPROVED (or back to DRAFT with the reviewer's comments). Only APPROVED
-- versions can be sent; an approved version never changes. row_version guards against lost updates.
CREATE TABLE letter_template_version (
  id           BIGSERIAL PRIMARY KEY,
  template_id  BIGINT NOT NULL REFERENCES letter_template (id),
  number       INT NOT NULL CHECK (number > 0),
  subject      TEXT NOT NULL,
  body         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED')),
  author       TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  reviewed_by  TEXT,
  reviewed_at  TIMESTAMPTZ,
  row_version  INT NOT NULL DEFAULT 0,
  UNIQUE (template_id, number)
);

CREATE TABLE letter_review_comment (
  id          BIGSERIAL PRIMARY KEY,
  version_id  BIGINT NOT NULL REFERENCES letter_template_version (id),
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX letter_review_comment_version_idx ON letter_review_comment (version_id);

-- A letter sent to a candidate; request_id makes a double submit send once.
CREATE TABLE letter_sent (
  id            BIGSERIAL PRIMARY KEY,
  request_id    UUID NOT NULL UNIQUE,
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id),
  version_id    BIGINT NOT NULL REFERENCES letter_template_version (id),
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  channel       TEXT NOT NULL,
  sent_by       TEXT NOT NULL,
  sent_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX letter_sent_candidate_idx ON letter_sent (candidate_id, sent_at DESC);

-- What the development delivery channel "delivered", to read in the app instead of Digital Post.
CREATE TABLE letter_outbox (
  id            BIGSERIAL PRIMARY KEY,
  letter_id     BIGINT NOT NULL REFERENCES letter_sent (id),
  candidate_id  BIGINT NOT NULL,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  stored_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
