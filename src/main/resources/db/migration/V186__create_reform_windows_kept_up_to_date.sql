-- The reform's windows (a person's first 6 months in a target group, casework/internal/ReformPeople) kept as rows, so
-- the reform page reads them by index instead of working them out over every candidate per request
-- (casework/internal/ReformWindows). One row per window: its group, start, full-length end and the day it was cut
-- short (a change of group, a closing), the team and caseworker, the required job conversations on its last day (null:
-- not under the 75 % rule then), the days conversations were held inside it, and the exemptions overlapping it.
-- The rows are worked out in Java (one definition of a window); the database only marks a candidate stale, in the same
-- transaction as any change of the inputs (triggers below), and the app recomputes the stale candidates before it
-- reads. A nightly full rebuild repairs any drift (a rule changed by migration, a missed mark).
CREATE TABLE reform_window (
  id                     BIGSERIAL PRIMARY KEY,
  candidate_id           BIGINT NOT NULL,
  target_group_code      TEXT NOT NULL,
  window_start           DATE NOT NULL,
  -- the day after the window's last day if it runs its full length
  window_end             DATE NOT NULL,
  -- the day after the last day the person was in it (window_end, or earlier)
  cut                    DATE NOT NULL,
  team_id                BIGINT NOT NULL,
  caseworker             TEXT NOT NULL,
  required_conversations INT,
  held                   DATE[] NOT NULL,
  held_count             INT NOT NULL,
  first_held             DATE,
  exemption_kinds        TEXT[] NOT NULL,
  exemption_starts       DATE[] NOT NULL,
  exemption_last_days    DATE[] NOT NULL,
  -- exempted from job conversations and/or offers on at least one day of the window
  exempted               BOOLEAN NOT NULL,
  CHECK (window_start < window_end AND window_start <= cut AND cut <= window_end)
);
CREATE INDEX reform_window_candidate_idx ON reform_window (candidate_id);
CREATE INDEX reform_window_start_idx ON reform_window (window_start);
CREATE INDEX reform_window_end_idx ON reform_window (window_end, window_start);

-- Candidates whose windows must be worked out again; every candidate to begin with.
CREATE TABLE reform_window_stale (
  candidate_id BIGINT PRIMARY KEY
);
INSERT INTO reform_window_stale (candidate_id) SELECT id FROM candidate;

CREATE FUNCTION reform_window_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO reform_window_stale (candidate_id) VALUES (OLD.candidate_id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO reform_window_stale (candidate_id) VALUES (NEW.candidate_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION reform_window_mark_candidate_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO reform_window_stale (candidate_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO reform_window_stale (candidate_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

-- the course (start, closing, group, team, caseworker)
CREATE TRIGGER candidate_marks_reform_window_stale
  AFTER INSERT OR DELETE OR UPDATE OF target_group_code, course_started, course_closed_on, caseworker, team_id
  ON candidate FOR EACH ROW EXECUTE FUNCTION reform_window_mark_candidate_stale();

-- meetings held (only a held meeting, or one that was held, counts)
CREATE TRIGGER meeting_held_marks_reform_window_stale
  AFTER INSERT ON meeting FOR EACH ROW WHEN (NEW.status = 'HELD')
  EXECUTE FUNCTION reform_window_mark_stale();
CREATE TRIGGER meeting_change_marks_reform_window_stale
  AFTER UPDATE OF status, held_at, candidate_id ON meeting FOR EACH ROW
  WHEN ((OLD.status = 'HELD' OR NEW.status = 'HELD')
        AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.held_at IS DISTINCT FROM NEW.held_at
             OR OLD.candidate_id <> NEW.candidate_id))
  EXECUTE FUNCTION reform_window_mark_stale();
CREATE TRIGGER meeting_removal_marks_reform_window_stale
  AFTER DELETE ON meeting FOR EACH ROW WHEN (OLD.status = 'HELD')
  EXECUTE FUNCTION reform_window_mark_stale();

-- exemptions, changes of group, earlier courses (closed and followed by a new one)
CREATE TRIGGER reform_exemption_marks_reform_window_stale
  AFTER INSERT OR UPDATE OR DELETE ON reform_exemption FOR EACH ROW EXECUTE FUNCTION reform_window_mark_stale();
CREATE TRIGGER target_group_change_marks_reform_window_stale
  AFTER INSERT OR UPDATE OR DELETE ON target_group_change FOR EACH ROW EXECUTE FUNCTION reform_window_mark_stale();
CREATE TRIGGER course_outcome_marks_reform_window_stale
  AFTER INSERT OR UPDATE OR DELETE ON course_outcome FOR EACH ROW EXECUTE FUNCTION reform_window_mark_stale();
