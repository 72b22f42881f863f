-- The outcome of a course (forløb), with its history: closing a course writes a row here and sets
-- candidate.course_closed_on (V90, from which retention counts); reopening keeps the row and records when, why and
-- how it was reopened, so every closing a case ever had can be read. At most one standing (not reopened) closing per
-- candidate, which also refuses the second of two people closing the same course at once.
CREATE TABLE course_outcome (
  id                    BIGSERIAL PRIMARY KEY,
  candidate_id          BIGINT NOT NULL REFERENCES candidate (id),
  course_started        DATE NOT NULL,
  closed_on             DATE NOT NULL CHECK (closed_on >= course_started),
  outcome               TEXT NOT NULL CHECK (outcome IN ('ORDINARY_JOB', 'REDUCED_HOURS_JOB', 'FLEXJOB', 'EDUCATION',
                                                         'OTHER_BENEFIT', 'MOVED', 'OTHER')),
  -- for the three kinds of job: the weekly hours of the job, and only for them
  weekly_hours          NUMERIC(4, 1) CHECK (weekly_hours > 0 AND weekly_hours <= 80),
  -- the team and target group when the course was closed: the figures count the course there
  team_id               BIGINT NOT NULL,
  target_group_code     TEXT NOT NULL,
  closed_by             TEXT NOT NULL,
  closed_at             TIMESTAMPTZ NOT NULL,
  -- the submission that closed it: a second submit of the same form is recognised and closes nothing more
  request_id            UUID NOT NULL UNIQUE,
  -- reopening: NEW_COURSE (the person came back, a new course begins on reopened_on) or CORRECTION (closed by
  -- mistake; the closing no longer counts in the figures)
  reopen_kind           TEXT CHECK (reopen_kind IN ('NEW_COURSE', 'CORRECTION')),
  reopened_on           DATE,
  reopen_reason         TEXT,
  reopened_by           TEXT,
  reopened_at           TIMESTAMPTZ,
  -- lasting solutions, computed when a new course opens (never asked for): back on benefits within 3 and 12 months
  -- of this closing. NULL while no new course has opened: then the figures count the months gone by.
  back_within_3_months  BOOLEAN,
  back_within_12_months BOOLEAN,
  CHECK ((outcome IN ('ORDINARY_JOB', 'REDUCED_HOURS_JOB', 'FLEXJOB')) = (weekly_hours IS NOT NULL)),
  CHECK ((reopen_kind IS NULL) = (reopened_at IS NULL) AND (reopen_kind IS NULL) = (reopened_on IS NULL)),
  CHECK (reopened_on IS NULL OR reopened_on >= closed_on)
);
CREATE UNIQUE INDEX course_outcome_standing_idx ON course_outcome (candidate_id) WHERE reopened_at IS NULL;
CREATE INDEX course_outcome_candidate_idx ON course_outcome (candidate_id, closed_at);
CREATE INDEX course_outcome_closed_on_idx ON course_outcome (closed_on);

-- Progression in ordinary hours (the seeds' "ordinære timer"): the weekly hours the candidate works on ordinary
-- terms from a date, recorded over the course, one figure a day.
CREATE TABLE ordinary_hours (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  from_date    DATE NOT NULL,
  weekly_hours NUMERIC(4, 1) NOT NULL CHECK (weekly_hours >= 0 AND weekly_hours <= 80),
  recorded_by  TEXT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (candidate_id, from_date)
);
