-- A list's read (a search's result page, the outbox) is one audit entry that names every candidate shown, in
-- candidate_ids, instead of one entry per candidate (issue 16: a search wrote ~25 entries and as many chain rows).
-- candidate_id stays for an entry about one candidate; an entry has one or the other (or neither: a sign-in).
-- The chain's HMAC covers the array (AuditLog.hash, format v3), and the readers by candidate (the candidate's own
-- "who has seen my data", the insight copy, the administrators' audit search) ask both columns: candidate_id by its
-- B-tree, candidate_ids by the GIN index below (candidate_ids @> ARRAY[id]).
ALTER TABLE audit_entry ADD COLUMN candidate_ids BIGINT[];
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_one_candidate_or_a_list
  CHECK (candidate_ids IS NULL OR (candidate_id IS NULL AND cardinality(candidate_ids) > 0
                                   AND array_position(candidate_ids, NULL) IS NULL));
CREATE INDEX audit_entry_candidate_ids_idx ON audit_entry USING gin (candidate_ids);
