-- The name search (CandidateSearch) without reading the candidates' rows. A query word matches a candidate when either
-- of its spellings is part of the folded name (search_name, V61). A query word holds no space, so that is the same as
-- being part of one of the name's words. The name search therefore first finds the words in use that contain it (a
-- few, through the trigram index of name_word), and then the candidates with one of those words, with what the search
-- sorts and scopes by, from one index (candidate_name_word's primary key, an index-only scan).
-- Before this, the trigram index on candidate.search_name gave every candidate whose name holds the word's trigrams,
-- and each of their rows was read to check the word, the team and the name to sort by: for "hansen" in 50,000
-- candidates, 2,500 rows on 1,250 of the table's 1,660 pages, about 4 ms of PostgreSQL's CPU.

-- The distinct words of a folded name, in order.
CREATE FUNCTION name_search_words(key TEXT) RETURNS TEXT[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array(SELECT DISTINCT w FROM unnest(string_to_array(key, ' ')) w WHERE w <> '' ORDER BY w);

-- Each word of each candidate's folded name, with the team and the name the search sorts by (copies of the
-- candidate's, kept by the trigger below). The names are stored as they are: the forms allow 100 characters, far
-- below what fits in an index entry.
CREATE TABLE candidate_name_word (
  word         TEXT   NOT NULL,
  team_id      BIGINT NOT NULL,
  last_name    TEXT   NOT NULL,
  first_name   TEXT   NOT NULL,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  PRIMARY KEY (word, team_id, last_name, first_name, candidate_id)
);
CREATE INDEX candidate_name_word_candidate_idx ON candidate_name_word (candidate_id);

-- The words in use, each with the number of candidates whose name holds it. A word goes with its last candidate, so
-- no name is left behind here once the retention job has removed the people who bore it. The count, not a look for
-- other candidates, decides: its row is locked while it changes, so a candidate created with the word at the same
-- moment cannot lose it.
CREATE TABLE name_word (
  word       TEXT PRIMARY KEY,
  candidates INT  NOT NULL CHECK (candidates >= 0)
);
-- Without GIN's pending list: a new word is rare, and every search would read the list until a vacuum empties it.
CREATE INDEX name_word_trgm_idx ON name_word USING gin (word gin_trgm_ops) WITH (fastupdate = off);

-- Words are counted up and down in their order, so two transactions that change candidates with the same words lock
-- them in the same order.
CREATE FUNCTION candidate_name_words_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_name IS NOT DISTINCT FROM OLD.search_name AND NEW.team_id = OLD.team_id
     AND NEW.first_name = OLD.first_name AND NEW.last_name = OLD.last_name THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM candidate_name_word WHERE candidate_id = OLD.id;
    UPDATE name_word SET candidates = candidates - 1 WHERE word = ANY (name_search_words(OLD.search_name));
    DELETE FROM name_word WHERE word = ANY (name_search_words(OLD.search_name)) AND candidates = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO name_word AS v (word, candidates)
      SELECT w, 1 FROM unnest(name_search_words(NEW.search_name)) w ORDER BY w
      ON CONFLICT (word) DO UPDATE SET candidates = v.candidates + 1;
    INSERT INTO candidate_name_word (word, team_id, last_name, first_name, candidate_id)
      SELECT w, NEW.team_id, NEW.last_name, NEW.first_name, NEW.id FROM unnest(name_search_words(NEW.search_name)) w;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER candidate_name_words AFTER INSERT OR DELETE OR UPDATE OF first_name, last_name, team_id ON candidate
  FOR EACH ROW EXECUTE FUNCTION candidate_name_words_sync();

INSERT INTO name_word (word, candidates)
  SELECT w, count(*) FROM candidate, unnest(name_search_words(search_name)) w GROUP BY w;
INSERT INTO candidate_name_word (word, team_id, last_name, first_name, candidate_id)
  SELECT w, team_id, last_name, first_name, id FROM candidate, unnest(name_search_words(search_name)) w;
