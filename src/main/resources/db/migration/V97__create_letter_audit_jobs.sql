-- The batch audit of many letters, shared by every app node: the job and its progress, the uploaded files until they
-- are analysed (a file's row is deleted in the transaction that stores its result row), and one small result row per
-- letter. Any node can show the progress and the report; a node that finds a running job whose heartbeat has stopped
-- (its node died) takes it over and continues with the files not yet analysed.
CREATE TABLE letter_audit_job (
  id           UUID        PRIMARY KEY,
  owner        TEXT        NOT NULL,
  category     TEXT        NOT NULL,
  spelling     BOOLEAN     NOT NULL,
  total        INT         NOT NULL,
  done         INT         NOT NULL DEFAULT 0,
  state        TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
  node         TEXT        NOT NULL,
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  takeovers    INT         NOT NULL DEFAULT 0,
  started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ
);
CREATE INDEX letter_audit_job_running ON letter_audit_job (heartbeat_at) WHERE state = 'RUNNING';
CREATE INDEX letter_audit_job_started ON letter_audit_job (started_at);

CREATE TABLE letter_audit_upload (
  job_id  UUID  NOT NULL REFERENCES letter_audit_job (id) ON DELETE CASCADE,
  seq     INT   NOT NULL,
  name    TEXT  NOT NULL,
  content BYTEA NOT NULL,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE letter_audit_row (
  job_id           UUID   NOT NULL REFERENCES letter_audit_job (id) ON DELETE CASCADE,
  seq              INT    NOT NULL,
  file             TEXT   NOT NULL,
  score            INT    NOT NULL,
  grade            TEXT   NOT NULL,
  lix              INT    NOT NULL,
  words            INT    NOT NULL,
  sentences        INT    NOT NULL,
  long_sentences   BIGINT NOT NULL,
  passive          BIGINT NOT NULL,
  nominalisations  BIGINT NOT NULL,
  officialese      BIGINT NOT NULL,
  disempowering    BIGINT NOT NULL,
  formal_address   BIGINT NOT NULL,
  spelling         BIGINT NOT NULL,
  missing          TEXT[] NOT NULL,
  error            TEXT,
  PRIMARY KEY (job_id, seq)
);
