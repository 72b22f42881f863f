-- Retention as dated data: per kind of record, how long it is kept (an ISO-8601 period, counted from the event the
-- kind's module names: the case closed, the session held …) and on what basis, from a date. A changed rule is a new
-- row from the day it applies; the rule in force on the day of a run is the one used. What is done when a record
-- expires (deleted or anonymised) and from which event it is counted is the owning module's code
-- (dk.vaerdig.access.RetentionSource), listed in docs/record-of-processing.md. The legal basis is shown to
-- administrators as it is written here, in Danish.
CREATE TABLE retention_rule (
  id          BIGSERIAL PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind ~ '^[a-z][a-z-]*[a-z]$'),
  valid_from  DATE NOT NULL,
  valid_to    DATE,
  keep_for    TEXT NOT NULL CHECK (keep_for ~ '^P([0-9]+Y)?([0-9]+M)?([0-9]+D)?$' AND keep_for <> 'P'),
  legal_basis TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (kind, valid_from)
);

INSERT INTO retention_rule (kind, valid_from, keep_for, legal_basis) VALUES
  ('case-file',         '2015-01-01', 'P5Y',  'KLE P1825D; GDPR art. 5, stk. 1, litra e'),
  ('meeting',           '2015-01-01', 'P5Y',  'KLE P1825D (del af sagen)'),
  ('letter',            '2015-01-01', 'P5Y',  'KLE P1825D (del af sagen)'),
  ('job-profile',       '2015-01-01', 'P5Y',  'KLE P1825D (del af sagen)'),
  ('complaint',         '2015-01-01', 'P5Y',  'KLE P1825D; statistik beholdes anonymiseret'),
  ('popup-booking',     '2015-01-01', 'P30D', 'GDPR art. 5, stk. 1, litra e: kun til arrangementet'),
  ('survey-invitation', '2015-01-01', 'P30D', 'GDPR art. 5, stk. 1, litra e: kun til den er brugt eller udløbet'),
  ('follow-up',         '2015-01-01', 'P1Y',  'GDPR art. 5, stk. 1, litra e: kontakten er afsluttet'),
  ('survey-comment',    '2015-01-01', 'P3Y',  'GDPR art. 5, stk. 1, litra e: fritekst kan afsløre, hvem der skrev'),
  ('sent-message',      '2015-01-01', 'P30D', 'GDPR art. 5, stk. 1, litra e: beskeden er leveret'),
  ('audit-log',         '2015-01-01', 'P5Y',  'GDPR art. 5, stk. 2, og art. 32; sagens periode');

-- Every run of the retention job, and how many records of each kind it removed; a batch adds its count in its own
-- transaction, so the figures are right even after a run that stopped or failed midway.
CREATE TABLE retention_run (
  id          BIGSERIAL PRIMARY KEY,
  as_of       DATE NOT NULL,
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  outcome     TEXT CHECK (outcome IN ('DONE', 'STOPPED', 'FAILED'))
);

CREATE TABLE retention_run_kind (
  run_id  BIGINT NOT NULL REFERENCES retention_run (id),
  kind    TEXT NOT NULL,
  removed BIGINT NOT NULL,
  PRIMARY KEY (run_id, kind)
);
