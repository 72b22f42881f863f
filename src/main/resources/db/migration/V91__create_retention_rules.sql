-- Retention as dated data: per kind of record, how long it is kept (an ISO-8601 period, counted from the event the
-- kind's module names: the case closed, the session held …) and on what basis, from a date. A changed rule is a new
-- row from the day it applies; the rule in force on the day of a run is the one used. What is done when a record
-- expires (deleted or anonymised) and from which event it is counted is the owning module's code
-- (dk.vaerdig.access.RetentionSource), listed in docs/record-of-processing.md.
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
  ('case-file',         '2015-01-01', 'P5Y',  'KLE P1825D; GDPR art. 5(1)(e)'),
  ('meeting',           '2015-01-01', 'P5Y',  'KLE P1825D (part of the case file)'),
  ('letter',            '2015-01-01', 'P5Y',  'KLE P1825D (part of the case file)'),
  ('job-profile',       '2015-01-01', 'P5Y',  'KLE P1825D (part of the case file)'),
  ('complaint',         '2015-01-01', 'P5Y',  'KLE P1825D; statistics kept anonymised'),
  ('popup-booking',     '2015-01-01', 'P30D', 'GDPR art. 5(1)(e): only needed for the session'),
  ('survey-invitation', '2015-01-01', 'P30D', 'GDPR art. 5(1)(e): only needed until it is used or expires'),
  ('follow-up',         '2015-01-01', 'P1Y',  'GDPR art. 5(1)(e): the contact is done'),
  ('survey-comment',    '2015-01-01', 'P3Y',  'GDPR art. 5(1)(e): free text may identify'),
  ('sent-message',      '2015-01-01', 'P30D', 'GDPR art. 5(1)(e): delivery is done'),
  ('audit-log',         '2015-01-01', 'P5Y',  'GDPR art. 5(2) and 32; the case file''s period');

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
