-- The audit chain is keyed (HMAC-SHA-256 with a key the database never holds, see AuditKeys) and kept in a table of
-- its own that is only ever inserted into, so the application's role needs no UPDATE on the audit log at all.
--
-- audit_entry: insert-only. Each entry records the id of the transaction that wrote it (tx). The chainer links an
-- entry only once every transaction older than the oldest one still running has ended, in (tx, seq) order, so an
-- entry whose transaction commits late is never skipped, and the chain's head tells where the chainer stands.
-- Entries of before this migration have tx 0: the chainer links them first, in seq order, under the current key
-- ("re-anchored"); their old plain SHA-256 columns (chain_pos, prev_hash, hash) stay as they were, unused.
ALTER TABLE audit_entry ADD COLUMN tx BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_entry ALTER COLUMN tx SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX audit_entry_tx_seq_idx ON audit_entry (tx, seq);
DROP INDEX audit_entry_unchained_idx;

-- No change at all any more, not even the chainer's one-time linking (V7).
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- One row per chained entry: its place in the chain, the key it was signed with, and the HMAC of its content and of
-- the previous row's HMAC.
CREATE TABLE audit_chain (
  pos       BIGINT PRIMARY KEY,
  seq       BIGINT NOT NULL UNIQUE REFERENCES audit_entry (seq),
  key_id    TEXT NOT NULL,
  prev_hash CHAR(64) NOT NULL,
  hash      CHAR(64) NOT NULL
);
CREATE TRIGGER audit_chain_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- The head is the chain's last row now; a stored head could be rewritten together with a cut tail.
DROP TABLE audit_head;
