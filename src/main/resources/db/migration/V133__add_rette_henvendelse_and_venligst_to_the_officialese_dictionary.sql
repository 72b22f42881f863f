-- Issue 14, two gaps the candidate-texts test showed: "rette henvendelse" without "til" ("Du bedes rette henvendelse,
-- hvis …") and "venligst", which turns a request into an order ("Du bedes venligst …"; Dansk Sprognævn's and
-- Digitaliseringsstyrelsen's advice on klarsprog: ask plainly, "Ring til os, hvis …"). "venligst" is advice only: the
-- right rewrite depends on the sentence. Rows staff have edited are left as they are.
INSERT INTO letter_phrase (kind, phrase, alternative, note) VALUES
('OFFICIALESE', 'rette henvendelse', 'kontakte os', NULL),
('OFFICIALESE', 'venligst', NULL, 'Spørg eller bed ligeud og venligt: »Ring til os, hvis …«, »Send os …«. »Venligst« lyder som en ordre.')
ON CONFLICT (kind, phrase) DO UPDATE SET alternative = excluded.alternative, note = excluded.note
  WHERE letter_phrase.changed_by = 'system';

-- every node rebuilds its analyser from the changed dictionaries
UPDATE letter_dictionary_version SET version = version + 1;
