-- Appending to the audit log no longer waits on one lock: a request inserts its entry unchained, and a background
-- chainer (one node at a time, by advisory lock) gives entries their place in the chain and their hashes, in order.
CREATE SEQUENCE audit_entry_seq;
SELECT setval('audit_entry_seq', greatest((SELECT coalesce(max(seq), 0) FROM audit_entry), 1));
ALTER TABLE audit_entry ALTER COLUMN seq SET DEFAULT nextval('audit_entry_seq');
ALTER TABLE audit_entry ADD COLUMN chain_pos BIGINT UNIQUE;
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete;
UPDATE audit_entry SET chain_pos = seq;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete;
ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
CREATE INDEX audit_entry_unchained_idx ON audit_entry (seq) WHERE chain_pos IS NULL;

-- Still append-only: the one change allowed is the chainer's, which fills in chain_pos and the hashes of an entry
-- that has none yet, and touches nothing else.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_pos IS NULL AND NEW.chain_pos IS NOT NULL
     AND NEW.seq = OLD.seq AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor
     AND NEW.candidate_id IS NOT DISTINCT FROM OLD.candidate_id AND NEW.action = OLD.action
     AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
