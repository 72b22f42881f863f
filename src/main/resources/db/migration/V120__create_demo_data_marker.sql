-- Written by the demo data generator when it fills an empty database: the demo's test login for candidates
-- (/min-side/test-login) exists only where this table has a row and demo data is switched on, so it can never log
-- anyone in as a real candidate of a real installation.
CREATE TABLE demo_data (
  generated_at TIMESTAMPTZ NOT NULL,
  seed         BIGINT NOT NULL,
  candidates   INT NOT NULL
);
