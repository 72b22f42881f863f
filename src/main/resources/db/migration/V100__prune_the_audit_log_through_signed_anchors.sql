-- The audit log's own retention. The app's role still may not UPDATE, DELETE or TRUNCATE the audit tables. The oldest
-- entries go only through audit_prune(), a function of the schema's owner that runs with the owner's rights (SECURITY
-- DEFINER, fixed search_path) and that the app's role may only EXECUTE (granted by the afterMigrate callback, which
-- also revokes it from PUBLIC there). The function removes a prefix of the chain and nothing else: from the first
-- position left to a position before the head, only entries older than the audit log's period as the database knows
-- it, and it records where the chain now starts in audit_anchor, an insert-only table the app's role may only read.
--
-- The period: the app's role may write retention_rule (ordinary data; an administrator's page or a test may add a
-- rule), so a rule there alone could shorten the audit log's period. The function therefore takes the longer of the
-- rule in force for 'audit-log' and the floor below, which only the owner can change (afterMigrate revokes the app's
-- INSERT, UPDATE and DELETE on it). Changing the floor is a migration, or the owner's DBA.
CREATE TABLE audit_retention_floor (
  id          INT PRIMARY KEY CHECK (id = 1),
  keep_for    INTERVAL NOT NULL CHECK (keep_for >= INTERVAL '1 year'),
  legal_basis TEXT NOT NULL
);
INSERT INTO audit_retention_floor (id, keep_for, legal_basis)
VALUES (1, INTERVAL '5 years', 'GDPR art. 5, stk. 2, og art. 32; sagens periode (KLE P1825D)');

-- One row per pruning batch: positions from_pos to pos were removed, and the chain now starts at pos + 1, whose
-- prev_hash must be this row's hash. The anchors are themselves a chain by position (each starts where the one before
-- ended, the first at position 1), and each carries an HMAC-SHA-256 of (from_pos, pos, hash) made by the app with the
-- audit key (the key id beside it), which the database never holds: a row inserted by someone without the key, or an
-- anchor taken away, is found by the verification. The time, the count and the period are for the reader; the count
-- follows from the positions.
CREATE TABLE audit_anchor (
  pos         BIGINT PRIMARY KEY,
  from_pos    BIGINT NOT NULL,
  hash        CHAR(64) NOT NULL,
  removed     BIGINT NOT NULL,
  keep_for    INTERVAL NOT NULL,
  anchored_at TIMESTAMPTZ NOT NULL,
  key_id      TEXT NOT NULL,
  mac         CHAR(64) NOT NULL,
  CHECK (from_pos >= 1 AND pos >= from_pos AND removed = pos - from_pos + 1)
);

-- The append-only trigger of both audit tables lets one thing through: a DELETE made inside audit_prune(), which
-- marks its transaction with the setting vaerdig.audit_prune. Anybody can set such a setting, but it opens nothing
-- that their rights do not already allow: the app's role has no DELETE on the audit tables at all, and the owner can
-- switch the triggers off anyway. What keeps the owner honest is the verification: a prefix removed outside the
-- function has no valid anchor, and any other removal breaks the chain. audit_anchor allows no change whatsoever.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('audit_entry', 'audit_chain')
     AND current_setting('vaerdig.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE FUNCTION audit_anchor_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_anchor_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_is_append_only();
CREATE TRIGGER audit_anchor_no_truncate
  BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_is_append_only();

-- The functions below resolve names only in this schema (then pg_temp, last), whoever calls them: the search_path is
-- fixed to the schema Flyway migrates, captured from this transaction (SET search_path FROM CURRENT).
SELECT set_config('search_path', format('%I, pg_temp', current_schema()), true);

-- How long the audit log is kept, as the database knows it: the longer of the rule in force today and the floor.
CREATE FUNCTION audit_log_keep_for() RETURNS INTERVAL LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT greatest(
    (SELECT keep_for FROM audit_retention_floor WHERE id = 1),
    (SELECT CAST(keep_for AS INTERVAL) FROM retention_rule
     WHERE kind = 'audit-log' AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)
     ORDER BY valid_from DESC LIMIT 1))
$$;

-- Removes positions p_from to p_through of the audit chain, with their entries, and records the anchor. Refused
-- (nothing removed) unless: the chain starts where the latest anchor ended (or at 1), p_from is that start (only a
-- prefix goes, never a hole), p_through is before the head (the head stays, so the chainer always goes on from a row
-- of the chain), every entry from p_from to p_through is there and older than audit_log_keep_for() at this moment
-- (the floor holds whatever retention_rule says), and p_hash is the hash at p_through. The HMAC is stored as given:
-- the database cannot check it (it never holds the key), the verification does. Returns how many entries went.
CREATE FUNCTION audit_prune(p_from BIGINT, p_through BIGINT, p_hash TEXT, p_key_id TEXT, p_mac TEXT)
RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  keep        INTERVAL := audit_log_keep_for();
  cutoff      TIMESTAMPTZ;
  last_anchor BIGINT;
  first_pos   BIGINT;
  head_pos    BIGINT;
  present     BIGINT;
  young       BIGINT;
  gone        BIGINT[];
  n           BIGINT;
BEGIN
  IF (SELECT keep_for FROM audit_retention_floor WHERE id = 1) IS NULL THEN
    RAISE EXCEPTION 'audit_retention_floor has no row: the audit log''s period is unknown, nothing is removed';
  END IF;
  IF p_key_id IS NULL OR p_key_id !~ '^[A-Za-z0-9._-]{1,32}$' OR p_mac IS NULL OR p_mac !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'audit_prune needs the key id and the HMAC of the anchor';
  END IF;
  cutoff := now() - keep;
  -- one pruning at a time; the chainer works at the head and is not in the way
  PERFORM pg_advisory_xact_lock(7467002);
  SELECT max(pos) INTO last_anchor FROM audit_anchor;
  SELECT min(pos), max(pos) INTO first_pos, head_pos FROM audit_chain;
  IF first_pos IS DISTINCT FROM coalesce(last_anchor, 0) + 1 THEN
    RAISE EXCEPTION 'the audit chain starts at position %, not right after the latest anchor (%): nothing is removed; check the log at /admin/audit',
      first_pos, coalesce(last_anchor, 0);
  END IF;
  IF p_from IS DISTINCT FROM first_pos THEN
    RAISE EXCEPTION 'only the start of the audit chain may be removed: it starts at position %, not %', first_pos, p_from;
  END IF;
  IF p_through IS NULL OR p_through < p_from OR p_through >= head_pos THEN
    RAISE EXCEPTION 'positions % to % cannot be removed: the head of the audit chain (position %) is always kept',
      p_from, p_through, head_pos;
  END IF;
  SELECT count(e.seq), count(*) FILTER (WHERE e.occurred_at >= cutoff) INTO present, young
  FROM audit_chain c LEFT JOIN audit_entry e ON e.seq = c.seq
  WHERE c.pos BETWEEN p_from AND p_through;
  IF present <> p_through - p_from + 1 THEN
    RAISE EXCEPTION 'positions % to % of the audit chain are not all there: nothing is removed; check the log at /admin/audit',
      p_from, p_through;
  END IF;
  IF young > 0 THEN
    RAISE EXCEPTION 'audit entries younger than % (the audit log''s period) cannot be removed: % of positions % to % are',
      keep, young, p_from, p_through;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM audit_chain WHERE pos = p_through AND hash = p_hash) THEN
    RAISE EXCEPTION 'the hash given is not the hash at position % of the audit chain', p_through;
  END IF;
  PERFORM set_config('vaerdig.audit_prune', 'on', true);
  WITH d AS (DELETE FROM audit_chain WHERE pos BETWEEN p_from AND p_through RETURNING seq)
  SELECT array_agg(seq) INTO gone FROM d;
  DELETE FROM audit_entry WHERE seq = ANY (gone);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('vaerdig.audit_prune', '', true);
  INSERT INTO audit_anchor (pos, from_pos, hash, removed, keep_for, anchored_at, key_id, mac)
  VALUES (p_through, p_from, p_hash, p_through - p_from + 1, keep, now(), p_key_id, p_mac);
  RETURN n;
END;
$$;
REVOKE ALL ON FUNCTION audit_prune(BIGINT, BIGINT, TEXT, TEXT, TEXT) FROM PUBLIC;
