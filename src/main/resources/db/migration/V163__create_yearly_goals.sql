-- The year's goals of the employment plan (beskæftigelsesplan): a measure from the registered set (insights'
-- GoalMeasure beans, by code), a target in the measure's unit (percent for a share, per 1,000 for a rate), whether
-- the figure must be at least or at most the target, and who owns the goal. Changed under optimistic locking
-- (version); every change is kept in yearly_goal_change (who, when, what the goal was after it).
CREATE TABLE yearly_goal (
  id            BIGSERIAL PRIMARY KEY,
  year          INT NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  measure_code  TEXT NOT NULL CHECK (measure_code ~ '^[A-Z0-9_]{2,60}$'),
  target        NUMERIC(8, 2) NOT NULL CHECK (target >= 0),
  direction     TEXT NOT NULL CHECK (direction IN ('AT_LEAST', 'AT_MOST')),
  owner         TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  withdrawn     BOOLEAN NOT NULL DEFAULT FALSE,
  -- the submission that created it: a second submit of the same form creates nothing more
  request_id    UUID NOT NULL UNIQUE,
  version       INT NOT NULL DEFAULT 0,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX yearly_goal_by_year ON yearly_goal (year, id);

CREATE TABLE yearly_goal_change (
  id            BIGSERIAL PRIMARY KEY,
  goal_id       BIGINT NOT NULL REFERENCES yearly_goal (id),
  changed_by    TEXT NOT NULL,
  changed_at    TIMESTAMPTZ NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('CREATED', 'CHANGED', 'WITHDRAWN')),
  title         TEXT NOT NULL,
  measure_code  TEXT NOT NULL,
  target        NUMERIC(8, 2) NOT NULL,
  direction     TEXT NOT NULL,
  owner         TEXT NOT NULL
);

CREATE INDEX yearly_goal_change_by_goal ON yearly_goal_change (goal_id, id);
