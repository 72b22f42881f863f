-- Runs after every Flyway migrate (a Flyway callback, not a versioned migration), as the owner that migrates.
-- The application connects as another role (placeholder app-role, spring.flyway.placeholders.app-role) that owns
-- nothing: it may read and write the business tables, but only INSERT and SELECT on the audit log, and cannot alter
-- any table (so it cannot DISABLE TRIGGER either); it removes old audit entries only through the owner's function
-- audit_prune (V100). Re-granted on every start, so a table added by any later migration
-- gets the same rights; ALTER DEFAULT PRIVILEGES also grants them to tables the owner creates outside Flyway.
-- A table that must be append-only for the app is added to the REVOKE list below.
-- Where no such role exists (an installation that still runs the app as the owner) this does nothing.
DO $$
DECLARE
  app TEXT := '${app-role}';
BEGIN
  IF app = '' OR app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    RETURN;
  END IF;
  IF has_schema_privilege(current_schema(), 'USAGE WITH GRANT OPTION') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
  END IF;
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app);
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                 current_schema(), app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                 current_schema(), app);
  -- the audit log: append and read only
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry, audit_chain FROM %I', app);
  -- an entry's number and transaction id come from their defaults, so it cannot be slipped in behind the chainer
  EXECUTE format('REVOKE INSERT ON audit_entry FROM %I', app);
  EXECUTE format('GRANT INSERT (occurred_at, actor, candidate_id, candidate_ids, action, detail) ON audit_entry TO %I', app);
  -- the audit log's anchors and its retention floor (V100): read only; the app removes old audit entries only through
  -- the owner's function audit_prune, which takes nothing younger than the period and records a signed anchor
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_anchor, audit_retention_floor FROM %I',
                 app);
  EXECUTE format('GRANT EXECUTE ON FUNCTION audit_prune(BIGINT, BIGINT, TEXT, TEXT, TEXT) TO %I', app);
  -- the migration history is the owner's
  EXECUTE format('REVOKE ALL ON %I FROM %I', 'flyway_schema_history', app);
  EXECUTE format('GRANT SELECT ON %I TO %I', 'flyway_schema_history', app);
END;
$$;
