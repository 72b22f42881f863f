CREATE TABLE team (
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  department TEXT NOT NULL
);

CREATE TABLE staff_user (
  id            BIGSERIAL PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  phone         TEXT,
  email         TEXT,
  password_hash TEXT,
  role          TEXT NOT NULL,
  team_id       BIGINT REFERENCES team (id),
  active        BOOLEAN NOT NULL DEFAULT TRUE
);

-- Append-only, hash-chained log of every use of a candidate's personal data.
CREATE TABLE audit_entry (
  seq          BIGINT PRIMARY KEY,
  occurred_at  TIMESTAMPTZ NOT NULL,
  actor        TEXT NOT NULL,
  candidate_id BIGINT,
  action       TEXT NOT NULL,
  detail       TEXT,
  prev_hash    CHAR(64) NOT NULL,
  hash         CHAR(64) NOT NULL
);
CREATE INDEX audit_entry_candidate_idx ON audit_entry (candidate_id, seq);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, seq);

CREATE TABLE audit_head (
  id        INT PRIMARY KEY CHECK (id = 1),
  last_seq  BIGINT NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
