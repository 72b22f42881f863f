-- The reform page's monthly figures kept as rows beside the windows (V186), so a page view sums a few hundred small
-- rows instead of working out every window of every month it shows (casework/internal/ReformMonths).
--
-- A figure of a month counts a person (the share exempted) or a window (the 75 % rule) only from a day on: the first
-- day of the month the person was in the group that may be exempted, the first day they were exempted, the day after
-- the window's last day. So every row says from which day ("today") it counts, and the figures as they stand on a day
-- are the sum of the rows that count by then; the month in progress counts up to today, a month that has passed counts
-- everything.
--
-- reform_month_entry holds each candidate's rows, worked out in Java from the candidate's windows with the windows
-- (in the same transaction, when the candidate was stale); reform_month holds their sums per month, team and day,
-- changed by the difference between a candidate's old and new rows in that same transaction. The nightly rebuild
-- sums reform_month_entry again, so any drift is repaired.
CREATE TABLE reform_month_entry (
  candidate_id                BIGINT NOT NULL,
  -- the first day of the month the figure is of
  month                       DATE NOT NULL,
  team_id                     BIGINT NOT NULL,
  -- the first day on which the row counts
  counts_from                 DATE NOT NULL,
  -- in the group that may be exempted (at most one row with 1 per candidate, month and team)
  group_size                  INT NOT NULL,
  -- exempted from conversations and/or offers on a day in the group
  exempted                    INT NOT NULL,
  -- windows that ran their full length, ended in the month, under the 75 % rule
  cohort                      INT NOT NULL,
  met                         INT NOT NULL,
  exempted_from_conversations INT NOT NULL,
  first_required              INT NOT NULL,
  without_first               INT NOT NULL
);
CREATE INDEX reform_month_entry_candidate_idx ON reform_month_entry (candidate_id);

CREATE TABLE reform_month (
  month                       DATE NOT NULL,
  team_id                     BIGINT NOT NULL,
  counts_from                 DATE NOT NULL,
  group_size                  BIGINT NOT NULL,
  exempted                    BIGINT NOT NULL,
  cohort                      BIGINT NOT NULL,
  met                         BIGINT NOT NULL,
  exempted_from_conversations BIGINT NOT NULL,
  first_required              BIGINT NOT NULL,
  without_first               BIGINT NOT NULL,
  PRIMARY KEY (month, team_id, counts_from)
);

-- every candidate is worked out again once, which makes their rows
INSERT INTO reform_window_stale (candidate_id) SELECT id FROM candidate ON CONFLICT DO NOTHING;
