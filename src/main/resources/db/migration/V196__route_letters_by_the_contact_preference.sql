-- Issue 13: a letter follows the candidate's contact preference. It goes by Digital Post, or on paper (queued for
-- printing) when the candidate chose a paper letter; a candidate who prefers SMS or e-mail also gets a short notice
-- there. The letter records how it went, the language it went in, and whether a translation was missing.
ALTER TABLE letter_sent ADD COLUMN route TEXT NOT NULL DEFAULT 'DIGITAL_POST' CHECK (route IN ('DIGITAL_POST', 'PAPER'));
ALTER TABLE letter_sent ADD COLUMN notice_channel TEXT CHECK (notice_channel IS NULL OR notice_channel IN ('SMS', 'EMAIL'));
ALTER TABLE letter_sent ADD COLUMN language TEXT NOT NULL DEFAULT 'da';
ALTER TABLE letter_sent ADD COLUMN translation_missing BOOLEAN NOT NULL DEFAULT FALSE;

-- Paper letters wait here until a member of staff has printed and posted them (the print list).
CREATE TABLE letter_print (
  letter_id    BIGINT PRIMARY KEY REFERENCES letter_sent (id) ON DELETE CASCADE,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  team_id      BIGINT NOT NULL,
  queued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  printed_by   TEXT,
  printed_at   TIMESTAMPTZ
);
CREATE INDEX letter_print_waiting_idx ON letter_print (team_id, queued_at) WHERE printed_at IS NULL;

-- A template's text in another language than Danish; a letter goes in the candidate's language when it has one.
CREATE TABLE letter_template_translation (
  template_id  BIGINT NOT NULL REFERENCES letter_template (id) ON DELETE CASCADE,
  language     TEXT NOT NULL CHECK (language IN ('en')),
  subject      TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, language)
);
