-- The candidate search forgives Danish letters, accents and word order. The name is folded in PostgreSQL, never by a
-- hand-written table in the application: unaccent's rules give the plain ASCII spelling (ø -> o, å -> a, æ -> ae,
-- é -> e, ü -> u), and the Danish letters are also spelt out (ø -> oe, å -> aa, æ -> ae), so "jorgensen",
-- "joergensen" and "jørgensen" all find Jørgensen, and "aagaard" finds Ågård. A query word is folded the same two ways,
-- and it matches when either of its spellings is part of either spelling of the name.
-- unaccent, like pg_trgm, is a trusted extension: the database owner can create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- IMMUTABLE so that a column can be generated from it (unaccent itself is only STABLE, as its rules file could
-- change); the SQL-standard body binds the dictionary when the function is created, whatever the search_path later.
CREATE FUNCTION fold_for_search(str TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(unaccent('unaccent'::regdictionary, str));

CREATE FUNCTION fold_for_search_danish(str TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN fold_for_search(replace(replace(replace(replace(replace(replace(str,
    'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'Ae'), 'Ø', 'Oe'), 'Å', 'Aa'));

-- Both spellings of the whole name, the second only where it differs: "jorgen jorgensen joergen joergensen".
CREATE FUNCTION name_search_key(first_name TEXT, last_name TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN fold_for_search(first_name || ' ' || last_name)
    || coalesce(' ' || nullif(fold_for_search_danish(first_name || ' ' || last_name),
                              fold_for_search(first_name || ' ' || last_name)), '');

-- Stored, so a search that walks the name index in order, or counts the hits, compares text and does not fold every
-- row again; its trigram index replaces the one on lower(first_name || ' ' || last_name).
ALTER TABLE candidate ADD COLUMN search_name TEXT GENERATED ALWAYS AS (name_search_key(first_name, last_name)) STORED;
CREATE INDEX candidate_search_name_trgm_idx ON candidate USING gin (search_name gin_trgm_ops);
DROP INDEX candidate_name_trgm_idx;
