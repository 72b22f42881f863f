-- The words in use (V210) are counted under their rows' locks. V210's trigger ran once per candidate, so a statement
-- that deletes many candidates (the retention job) locked their words candidate by candidate, in no overall order,
-- and could deadlock with a candidate created at the same moment whose words it shares. Now a delete counts the words
-- down once per statement, over all its candidates; and every change locks the words it will count, all of them, in
-- their order, before it counts.

-- An insert or an update of one candidate: the words of the old and the new name, locked in order first.
CREATE OR REPLACE FUNCTION candidate_name_words_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_name IS NOT DISTINCT FROM OLD.search_name AND NEW.team_id = OLD.team_id
     AND NEW.first_name = OLD.first_name AND NEW.last_name = OLD.last_name THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM 1 FROM name_word
      WHERE word = ANY (name_search_words(OLD.search_name) || name_search_words(NEW.search_name))
      ORDER BY word FOR UPDATE;
    DELETE FROM candidate_name_word WHERE candidate_id = OLD.id;
    UPDATE name_word SET candidates = candidates - 1 WHERE word = ANY (name_search_words(OLD.search_name));
    DELETE FROM name_word WHERE word = ANY (name_search_words(OLD.search_name)) AND candidates = 0;
  END IF;
  INSERT INTO name_word AS v (word, candidates)
    SELECT w, 1 FROM unnest(name_search_words(NEW.search_name)) w ORDER BY w
    ON CONFLICT (word) DO UPDATE SET candidates = v.candidates + 1;
  INSERT INTO candidate_name_word (word, team_id, last_name, first_name, candidate_id)
    SELECT w, NEW.team_id, NEW.last_name, NEW.first_name, NEW.id FROM unnest(name_search_words(NEW.search_name)) w;
  RETURN NULL;
END
$$;

-- A delete of any number of candidates: their words counted down once, locked in order. Their rows in
-- candidate_name_word go by the foreign key's cascade.
CREATE FUNCTION candidate_name_words_gone() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM name_word
    WHERE word IN (SELECT w FROM gone, unnest(name_search_words(gone.search_name)) w)
    ORDER BY word FOR UPDATE;
  UPDATE name_word v SET candidates = v.candidates - d.n
    FROM (SELECT w, count(*) AS n FROM gone, unnest(name_search_words(gone.search_name)) w GROUP BY w) d
    WHERE v.word = d.w;
  DELETE FROM name_word
    WHERE candidates = 0 AND word IN (SELECT w FROM gone, unnest(name_search_words(gone.search_name)) w);
  RETURN NULL;
END
$$;

DROP TRIGGER candidate_name_words ON candidate;
CREATE TRIGGER candidate_name_words AFTER INSERT OR UPDATE OF first_name, last_name, team_id ON candidate
  FOR EACH ROW EXECUTE FUNCTION candidate_name_words_sync();
CREATE TRIGGER candidate_name_words_gone AFTER DELETE ON candidate REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_words_gone();
