-- When a case file is closed: the day the candidate's course ended (a job, an education, moved away, no longer
-- receiving benefits). Nothing recorded it before; NULL means the case is open, and an open case file is never
-- deleted. Retention counts from this day (KLE P1825D: 5 years after the case is closed).
ALTER TABLE candidate ADD COLUMN course_closed_on DATE;
CREATE INDEX candidate_course_closed_idx ON candidate (course_closed_on, id) WHERE course_closed_on IS NOT NULL;

-- The published read model of closed case files, for the retention rules of modules that keep records about a
-- candidate (letters, job profile, complaints): they join this view rather than casework's own table.
CREATE VIEW closed_case_file AS
  SELECT id AS candidate_id, course_closed_on AS closed_on FROM candidate WHERE course_closed_on IS NOT NULL;
