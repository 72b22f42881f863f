-- A log of the scheduled jobs' runs (name, node, start, end), written only when vaerdig.platform.job-run-log=true
-- (the two-node harness turns it on to prove that no job ran on two nodes at once); each row is one run that took the
-- job's ShedLock row. Rows older than a day are deleted.
CREATE TABLE job_run (
  id         BIGSERIAL   PRIMARY KEY,
  name       TEXT        NOT NULL,
  node       TEXT        NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  ended_at   TIMESTAMPTZ
);
CREATE INDEX job_run_name_started ON job_run (name, started_at);
