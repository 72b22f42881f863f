-- Every change of the editable dictionaries (letter_phrase) raises this number in the same transaction; each app node
-- polls it every few seconds and rebuilds its analyser when it has changed, so an edit on one node is used by all.
CREATE TABLE letter_dictionary_version (
  id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  version BIGINT  NOT NULL
);
INSERT INTO letter_dictionary_version (id, version) VALUES (TRUE, 1);
